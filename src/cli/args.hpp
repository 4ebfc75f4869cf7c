#pragma once
// A small, strict command-line parser: `--name value`, `--name=value`, flags, positionals.
// Unknown options and missing values are UsageErrors (exit code 2).
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace faro::cli {

struct OptionSpec {
  std::string name;        // without dashes, e.g. "sectors"
  std::string value_name;  // "" = flag without value
  std::string help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string name;
  std::string synopsis;  // one line after "usage: faro <name>"
  std::string description;
  std::vector<OptionSpec> options;
  std::string positional_name;  // "" = no positionals allowed
  bool positional_required = false;
};

class ParsedArgs {
 public:
  bool help = false;
  std::vector<std::string> positionals;

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  const std::vector<std::string>& all(const std::string& name) const;
  void add(const std::string& name, std::string value) { values_[name].push_back(std::move(value)); }
  void erase(const std::string& name) { values_.erase(name); }

 private:
  std::map<std::string, std::vector<std::string>> values_;
};

ParsedArgs parse_args(const CommandSpec& spec, const std::vector<std::string>& args);
std::string usage_text(const CommandSpec& spec);
// The output file's extension must name the format written (case-insensitive, e.g. {".png"}):
// otherwise a UsageError "faro render: -o must end in .png, got 'x.jpg'" (no PNG bytes in a .jpg).
void require_output_extension(const std::string& command, const std::string& path,
                              const std::vector<std::string>& extensions);

// How a person writes the option: "-o" for one-letter names, "--bandwidth" otherwise.
std::string option_flag(const std::string& name);

}  // namespace faro::cli
