#pragma once
// Files Faro writes appear whole or not at all: write to a temporary sibling, then rename over the
// target (rename is atomic within a directory on POSIX).
//
// A process killed mid-write (kill -9, power cut) leaves its temporary behind. Temporaries are
// therefore named after their writer, ".<name>.faro-tmp.<pid>.<random><ext>", and every new write
// first removes the temporaries in its folder whose process is gone, so leftovers never pile up.
// Side files a library makes next to a temporary (SQLite's "-journal"/"-wal"/"-shm" of a
// GeoPackage, GDAL's ".aux.xml") start with the temporary's name and go with it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faro::io {

class AtomicOutput {
 public:
  // Removes the orphaned temporaries of the target's folder (remove_orphan_temporaries) first.
  explicit AtomicOutput(std::string target);
  ~AtomicOutput();  // removes the temporary unless commit() succeeded
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Temporary path in the target's directory; keeps the target's extension so drivers that look
  // at the suffix still work (e.g. "out.gpkg" -> ".out.gpkg.faro-tmp.1234.5f3a09c1.gpkg").
  const std::string& temp_path() const { return temp_; }
  const std::string& target() const { return target_; }
  void commit();  // fsync + rename; throws DataError naming the target on failure

 private:
  std::string target_, temp_;
  bool committed_ = false;
};

// Writes `contents` atomically. Throws DataError naming the file on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

// The writer's pid when `file_name` (a name, not a path) is a Faro temporary or a side file of
// one: ".x.faro-tmp.<pid>.<random>..." or the older ".x.tmp-<pid>-<n>..."; nullopt otherwise.
std::optional<long> temporary_owner_pid(std::string_view file_name);

struct OrphanCleanup {
  int files = 0;        // removed
  uintmax_t bytes = 0;  // their size
};

// Removes, in `folder` ("" = the current one), the temporaries whose writing process no longer
// exists (kill(pid, 0) fails with ESRCH); a live writer's temporaries, this process's included,
// stay. Never throws: a folder that cannot be listed is left alone.
OrphanCleanup remove_orphan_temporaries(const std::string& folder);

}  // namespace faro::io
