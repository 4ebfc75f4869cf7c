#pragma once
// Files Faro writes appear whole or not at all: write to a temporary sibling, then rename over the
// target (rename is atomic within a directory on POSIX).
#include <string>
#include <string_view>

namespace faro::io {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string target);
  ~AtomicOutput();  // removes the temporary unless commit() succeeded
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Temporary path in the target's directory; keeps the target's extension so drivers that look
  // at the suffix still work (e.g. "out.gpkg" -> ".out.gpkg.tmp-1234-0.gpkg").
  const std::string& temp_path() const { return temp_; }
  const std::string& target() const { return target_; }
  void commit();  // fsync + rename; throws DataError naming the target on failure

 private:
  std::string target_, temp_;
  bool committed_ = false;
};

// Writes `contents` atomically. Throws DataError naming the file on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace faro::io
