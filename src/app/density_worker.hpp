#pragma once
// The heatmap's density, computed off the UI thread. The map keeps showing the last finished grid
// while a new one is computed, so a slider drag or a pan never blocks a frame. Requests are
// debounced: a new request replaces the pending one, and work starts only once requests have
// stopped arriving for the debounce interval (150 ms: a slider drag computes once at the end).
//
// Ownership: a job holds the data snapshot it was requested for (core/data_snapshot.hpp): the x/y
// columns and the filtered rows, both immutable, so the worker thread reads them without locks and
// without copying while the UI thread replaces the app's snapshot.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/color_domain.hpp"
#include "core/kde.hpp"
#include "core/data_snapshot.hpp"

namespace faro::app {

struct DensityJob {
  SnapshotPtr snapshot;                                // incidents and the filtered rows
  bool all_rows = false;                               // every incident, ignoring the filter
  GridSpec grid;
  KdeParams params;
  double auto_percentile = kDefaultAutoPercentile;     // for the auto colour domain
  float domain_floor = 0;  // partner-safe: the k-incident floor (auto_domain_within)
  Box domain_view;  // the view the grid was requested for: the auto domain counts its cells only
                    // (render/style_heatmap.hpp auto_domain_within; empty = the whole grid)
  uint64_t generation = 0;                             // echoed in the result
};

struct DensityResult {
  GridSpec grid;
  std::vector<float> density;  // incidents per km² (per year when params.period_years > 0)
  KdeParams params;
  ColorDomain auto_domain;     // [0, percentile of non-zero cells]
  uint64_t generation = 0;
  size_t points = 0;
  double compute_ms = 0;
  std::string error;           // non-empty when the computation failed (no grid then)
};

class DensityWorker {
 public:
  explicit DensityWorker(std::chrono::milliseconds debounce = std::chrono::milliseconds(150));
  ~DensityWorker();  // abandons pending work and joins the thread
  DensityWorker(const DensityWorker&) = delete;
  DensityWorker& operator=(const DensityWorker&) = delete;

  // Replaces any pending job; it starts `debounce` after the latest request.
  void request(DensityJob job);
  // The newest finished result, once (older unclaimed results are dropped).
  std::optional<DensityResult> take_result();
  // Whether a job is pending or running.
  bool busy() const;
  // Blocks until nothing is pending or running (screenshots, tests); false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout);

 private:
  void run();

  const std::chrono::milliseconds debounce_;
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<DensityJob> pending_;
  std::chrono::steady_clock::time_point pending_since_;
  std::optional<DensityResult> result_;
  bool running_ = false;
  bool stop_ = false;
  std::thread thread_;  // last member: starts after everything above is initialised
};

// Density of the job's rows on its grid (what the worker runs; exposed for tests and benches).
DensityResult compute_density(const DensityJob& job, CpuKde& kde);

}  // namespace faro::app
