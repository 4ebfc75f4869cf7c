#pragma once
// Helpers shared by all test binaries.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace faro_test {

// Absolute path of a file under ../shared/data, or "" when it is absent.
std::string shared_data_path(const std::string& relative);

// A unique temporary directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  // Writes `contents` to name and returns the full path.
  std::string write(const std::string& name, const std::string& contents) const;

 private:
  std::filesystem::path path_;
};

// Runs a shell command, returns exit code; stdout+stderr captured into `output`.
int run_command(const std::string& command, std::string* output);

}  // namespace faro_test

// Skips the test (with a message naming what is missing) when shared data is absent.
#define FARO_REQUIRE_SHARED(var, relative)                                               \
  const std::string var = faro_test::shared_data_path(relative);                         \
  if (var.empty()) {                                                                     \
    GTEST_SKIP() << "shared data not found: " << FARO_SHARED_DATA << "/" << (relative)    \
                 << " (real-data test skipped)";                                         \
  }
