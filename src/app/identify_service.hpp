#pragma once
// Identify's worker: reads one incident's source record (io/incident_rows.hpp) off the UI thread,
// so a click on the 1.28 M-row FGJ file never stalls a frame while its first read scans the file.
// Keeps one row reader per source across requests (their checkpoints make later reads cheap) and
// drops them when the data changes (a new load). A new request replaces a pending one.
//
// Ownership: a request holds the snapshot it was made for (core/data_snapshot.hpp), so the worker
// reads the incident's row number from immutable data while the UI moves on.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "io/incident_rows.hpp"

namespace faro::app {

struct IdentifyRequest {
  SnapshotPtr snapshot;
  uint32_t incident = 0;                  // index into snapshot->ws().incidents
  std::vector<SourceSpec> incident_sources;  // the session's incident sources, in load order
  uint64_t id = 0;                        // echoed in the result
};

struct IdentifyResult {
  uint64_t id = 0;
  uint32_t incident = 0;
  uint32_t row = 0;            // 1-based source row (0 when the store keeps none)
  std::string source;          // the source's file name (shown; never the full path)
  io::SourceRecord record;     // the row's fields
  double read_ms = 0;          // wall time of the read (the time to show the fields)
  std::string error;           // non-empty: why nothing could be read
  bool no_rows = false;        // the store keeps no row numbers (e.g. a merged old cache)
};

class IdentifyService {
 public:
  IdentifyService();
  ~IdentifyService();  // abandons pending work and joins the thread
  IdentifyService(const IdentifyService&) = delete;
  IdentifyService& operator=(const IdentifyService&) = delete;

  void request(IdentifyRequest request);
  std::optional<IdentifyResult> take_result();
  bool busy() const;
  bool wait_idle(std::chrono::milliseconds timeout);

 private:
  void run();
  IdentifyResult serve(const IdentifyRequest& r);

  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<IdentifyRequest> pending_;
  std::optional<IdentifyResult> result_;
  bool running_ = false, stop_ = false;
  // Worker thread only: readers by source path, for the data they were made for.
  std::weak_ptr<const Workspace> readers_for_;
  std::map<std::string, std::unique_ptr<io::IncidentRowReader>> readers_;
  std::thread thread_;  // last: starts after everything above
};

// The options a source's rows are read back with (its layer and --where; the numbering depends on
// nothing else).
io::IncidentSourceOptions row_read_options(const SourceSpec& source);

}  // namespace faro::app
