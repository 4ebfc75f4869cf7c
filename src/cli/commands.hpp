#pragma once
// `faro` subcommands. Exit codes: 0 success, 1 data error (message names the file), 2 usage error,
// 3 resource error (GL, cairo, FreeType, memory, database, file), 4 internal error
// (core/error_kind.hpp; cli/error_boundary.hpp maps every exception).
#include <iosfwd>
#include <string>
#include <vector>

namespace faro::cli {

constexpr int kExitOk = 0;
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;
constexpr int kExitResource = 3;
constexpr int kExitInternal = 4;

int run(int argc, char** argv);
// One subcommand with its arguments, inside the error boundary (what run() calls).
int run_command(const std::string& command, const std::vector<std::string>& args,
                std::ostream& out, std::ostream& err);
void print_usage(std::ostream& out);

using CommandFunction = int (*)(const std::vector<std::string>& args, std::ostream& out,
                                std::ostream& err);
struct CommandEntry {
  const char* name;
  CommandFunction function;
  const char* synopsis;  // shown after the name in the usage text ("-o FILE.tif"), may be ""
  const char* summary;   // one line
};
// Every subcommand, in the order the usage text lists them.
const std::vector<CommandEntry>& command_table();

// Each command takes its own arguments (argv after the subcommand name).
int cmd_info(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_counts(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_demo(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_summary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_kde(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_render(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_animate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_dashboard(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_hotspots(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_knox(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_nearrepeat(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_evaluate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_brief(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_publish(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_goals(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace faro::cli
