#include "cli/args.hpp"

#include <cctype>
#include <filesystem>
#include <sstream>

#include "core/errors.hpp"

namespace faro::cli {

std::optional<std::string> ParsedArgs::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string ParsedArgs::get_or(const std::string& name, const std::string& fallback) const {
  auto v = get(name);
  return v ? *v : fallback;
}

const std::vector<std::string>& ParsedArgs::all(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = values_.find(name);
  return it == values_.end() ? kEmpty : it->second;
}

ParsedArgs parse_args(const CommandSpec& spec, const std::vector<std::string>& args) {
  ParsedArgs out;
  auto find = [&](const std::string& name) -> const OptionSpec* {
    for (const OptionSpec& o : spec.options)
      if (o.name == name) return &o;
    return nullptr;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      out.help = true;
      continue;
    }
    if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::string name = a.substr(a[1] == '-' ? 2 : 1);
      std::optional<std::string> inline_value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      const OptionSpec* o = find(name);
      if (!o) throw UsageError("faro " + spec.name + ": unknown option '" + a + "' (see --help)");
      if (o->value_name.empty()) {
        if (inline_value) throw UsageError("faro " + spec.name + ": " + option_flag(name) + " takes no value");
        out.add(name, "1");
        continue;
      }
      std::string value;
      if (inline_value) {
        value = *inline_value;
      } else {
        if (i + 1 >= args.size())
          throw UsageError("faro " + spec.name + ": " + option_flag(name) + " needs a value (" + o->value_name + ")");
        value = args[++i];
      }
      if (!o->repeatable && out.has(name))
        throw UsageError("faro " + spec.name + ": " + option_flag(name) + " given twice");
      out.add(name, value);
      continue;
    }
    if (spec.positional_name.empty())
      throw UsageError("faro " + spec.name + ": unexpected argument '" + a + "' (see --help)");
    out.positionals.push_back(a);
  }
  if (!out.help && spec.positional_required && out.positionals.empty())
    throw UsageError("faro " + spec.name + ": missing " + spec.positional_name + " (see --help)");
  return out;
}

void require_output_extension(const std::string& command, const std::string& path,
                              const std::vector<std::string>& extensions) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string allowed;
  for (const std::string& e : extensions) {
    if (ext == e) return;
    allowed += (allowed.empty() ? "" : " or ") + e;
  }
  throw UsageError("faro " + command + ": -o must end in " + allowed + " (the format written), got '" +
                   path + "'");
}

std::string option_flag(const std::string& name) {
  // One-letter options are written as the synopsis writes them: -o, not --o (both parse).
  return (name.size() == 1 ? "-" : "--") + name;
}

std::string usage_text(const CommandSpec& spec) {
  std::ostringstream s;
  s << "usage: faro " << spec.name << " " << spec.synopsis << "\n\n" << spec.description << "\n";
  if (!spec.options.empty()) s << "\noptions:\n";
  for (const OptionSpec& o : spec.options) {
    std::string left = "  " + option_flag(o.name) + (o.value_name.empty() ? "" : " " + o.value_name);
    if (left.size() < 30) left.resize(30, ' ');
    else left += "\n" + std::string(30, ' ');
    s << left << o.help << "\n";
  }
  s << "  --help                      show this help\n";
  return s.str();
}

}  // namespace faro::cli
