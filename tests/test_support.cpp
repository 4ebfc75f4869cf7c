#include "test_support.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace faro_test {
namespace fs = std::filesystem;

namespace {
// Every test process gets its own partner ledger (FARO_LEDGER, see io/disclosure_ledger.hpp):
// ctest runs tests in parallel and the ledger refuses maps that differ from earlier ones by a few
// incidents, so a shared ledger would couple unrelated tests. Tests about the ledger pass --ledger.
struct OwnLedger {
  std::string path;
  OwnLedger() {
    if (std::getenv("FARO_LEDGER")) return;
    path = (fs::temp_directory_path() / ("faro-test-ledger-" + std::to_string(::getpid()) + ".tsv")).string();
    setenv("FARO_LEDGER", path.c_str(), 1);
  }
  ~OwnLedger() {
    if (path.empty()) return;
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(path + ".lock", ec);
  }
} own_ledger;
}  // namespace

std::string shared_data_path(const std::string& relative) {
  const fs::path p = fs::path(FARO_SHARED_DATA) / relative;
  std::error_code ec;
  if (!fs::exists(p, ec)) return {};
  return fs::weakly_canonical(p, ec).string();
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("faro-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& contents) const {
  const std::string p = file(name);
  std::ofstream out(p, std::ios::binary);
  out << contents;
  return p;
}

int run_command(const std::string& command, std::string* output) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buf{};
  std::string out;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace faro_test
