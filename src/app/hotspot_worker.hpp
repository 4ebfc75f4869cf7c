#pragma once
// The hotspots layer's analysis (render/hotspot_layer.hpp: Gi* classes on sectors, square cells or
// hexagons, or emerging patterns by month), computed off the UI thread for the current filter. The
// map keeps showing the last finished layer while a new one is computed; requests are debounced
// and a newer request replaces a pending one, as the density worker's (app/density_worker.hpp).
//
// Ownership: a job holds the data snapshot it was requested for (core/data_snapshot.hpp), so the
// worker reads the incidents and the filtered rows without locks while the UI thread moves on. The
// result is plain data (cells, classes, how p was made); the UI thread uploads it to the renderer
// and words its legend in the session's language. The job computes exactly what an export of the
// same snapshot computes (app/session_map.hpp: the same rows, period and style), so the screen
// equals the export.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/map_style.hpp"
#include "render/hotspot_layer.hpp"

namespace faro::app {

struct HotspotJob {
  SnapshotPtr snapshot;       // incidents and the filtered rows
  HotspotStyle style;         // the drawn layer's properties
  bool partner_safe = false;  // presentation mode: cells >= 500 m, permutations (hotspot_layer)
  uint64_t generation = 0;    // echoed in the result
};

struct HotspotResult {
  render::HotspotLayer layer;
  HotspotStyle style;
  bool partner_safe = false;
  uint64_t generation = 0;
  double compute_ms = 0;
  std::thread::id computed_on;  // the thread that ran the analysis (tests: never the UI thread)
  std::string error;  // non-empty when the analysis failed (e.g. a grid too large)
};

// The analysis of one job (what the worker runs; tests call it directly).
HotspotResult compute_hotspots(const HotspotJob& job);

class HotspotWorker {
 public:
  explicit HotspotWorker(std::chrono::milliseconds debounce = std::chrono::milliseconds(150));
  ~HotspotWorker();  // abandons pending work and joins the thread
  HotspotWorker(const HotspotWorker&) = delete;
  HotspotWorker& operator=(const HotspotWorker&) = delete;

  void request(HotspotJob job);                  // replaces any pending job
  std::optional<HotspotResult> take_result();    // the newest finished result, once
  bool busy() const;                             // a job pending or running
  bool wait_idle(std::chrono::milliseconds timeout);  // false on timeout
  // The id of the thread the analyses run on.
  std::thread::id thread_id() const { return thread_.get_id(); }

 private:
  void run();

  const std::chrono::milliseconds debounce_;
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<HotspotJob> pending_;
  std::chrono::steady_clock::time_point pending_since_;
  std::optional<HotspotResult> result_;
  bool running_ = false;
  bool stop_ = false;
  std::thread thread_;  // last member: starts after everything above is initialised
};

}  // namespace faro::app
