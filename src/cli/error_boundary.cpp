#include "cli/error_boundary.hpp"

#include <exception>
#include <ostream>

#include "core/error_kind.hpp"
#include "core/redact.hpp"

namespace faro::cli {

std::string output_argument(const std::vector<std::string>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    for (const char* name : {"-o", "--o", "--out"}) {
      const std::string n(name);
      if (a == n && i + 1 < args.size()) out = args[i + 1];
      else if (a.rfind(n + "=", 0) == 0) out = a.substr(n.size() + 1);
    }
  }
  return out;
}

int run_guarded(const std::string& command, const std::vector<std::string>& args,
                const std::function<int()>& body, std::ostream& err) {
  ErrorReport report;
  try {
    return body();
  } catch (...) {
    report = classify_exception(std::current_exception(), Language::en);
  }
  // Usage errors usually start with "faro COMMAND:" already; every other message gets it here.
  const std::string prefix = "faro " + command + ":";
  std::string text = describe_error(report, Language::en);
  if (text.rfind(prefix, 0) != 0) text = prefix + " " + text;
  const std::string output = output_argument(args);
  if ((report.kind == ErrorKind::resource || report.kind == ErrorKind::internal) &&
      !output.empty() && text.find(output) == std::string::npos)
    text += " (while writing " + output + ")";
  // Last line of defence: whatever a library put in the message, no password leaves in clear.
  text = redact_credentials(text);
  try {
    err << text << "\n";
    err.flush();
  } catch (...) {
    // stderr itself failed: the exit code still tells the caller.
  }
  return exit_code(report.kind);
}

}  // namespace faro::cli
