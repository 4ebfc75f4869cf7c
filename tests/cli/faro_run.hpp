#pragma once
// Running the `faro` binary from a CLI test: its exit code and everything it printed, and reading
// the files it wrote; shared by the CLI test files (inline, header-only).
#include <fstream>
#include <sstream>
#include <string>

#include "test_support.hpp"

namespace faro_cli_test {

struct Result {
  int code;
  std::string out;  // stdout and stderr
};

// `faro ARGS` (ARGS as a shell would split them).
inline Result faro(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " " + args, &r.out);
  return r;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace faro_cli_test
