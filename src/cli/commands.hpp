#pragma once
// `faro` subcommands. Exit codes: 0 success, 1 data error (message names the file), 2 usage error.
#include <iosfwd>
#include <string>
#include <vector>

namespace faro::cli {

constexpr int kExitOk = 0;
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;

int run(int argc, char** argv);

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
int cmd_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cmd_goals(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace faro::cli
