#pragma once
// The CLI's one error boundary: runs a command and turns every exception into a message on stderr
// and an exit code (core/error_kind.hpp): 0 ok, 1 data, 2 usage, 3 resource, 4 internal.
// Nothing reaches std::terminate from a command's own thread.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace faro::cli {

// `command` names the subcommand in the message ("faro render: ..."); `args` are its arguments:
// for a resource or internal error whose text does not already name the output file, the file
// given with -o/--out is added ("while writing big.png").
int run_guarded(const std::string& command, const std::vector<std::string>& args,
                const std::function<int()>& body, std::ostream& err);

// The file a command writes (the value of -o, --o or --out), "" when none.
std::string output_argument(const std::vector<std::string>& args);

}  // namespace faro::cli
