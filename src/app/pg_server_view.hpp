#pragma once
// The live map of a PostGIS source too large to pull (server mode, app/pg_live_controller.hpp:
// the table holds more rows than --pg-max-rows): the dashboard holds sectors and programs only,
// and what the map shows for the current view comes from the server, one job at a time on a
// connection of its own:
//   - the heatmap: the grid the live map would request for the camera
//     (render::heatmap_grid_for), its counts binned in the server (io::pg_grid_counts, the cell
//     arithmetic of the client's binning), the density estimated from the weighted cell centres
//     (app/pg_first_map.hpp density_from_cells), as the first map does;
//   - the points, when the points layer is shown: those in the view grown by half a view on every
//     side (so a pan within it asks nothing), fetched only when there are at most `points_limit`
//     (io::pg_points); above that none are fetched and the map says "zoom in to see points". The
//     grid's counts give a lower bound first, so a city-wide view sends no points query at all.
// The grid of the default bandwidth is usually the whole city (its cell is set by the bandwidth,
// not the zoom, render::heatmap_grid_for), so zooming and panning mostly ask for points only; a
// grid is asked again when the view leaves it or its cell no longer suits the zoom.
// Requests are debounced (a new one replaces the pending one; work starts once the camera stayed
// still for the interval) and the map keeps the previous grid and points until the new ones
// arrive. A job holds its inputs (filter, grid, parameters, view): the UI thread moves on freely.
// A failure (server down, timeout) gives a message naming the source, password redacted; the map
// keeps what it showed, and the next request retries on a fresh connection.
//
// Edge effect, stated: the server counts the points inside the grid's box only, so a heatmap
// cell within one bandwidth of the box's edge misses the points just outside it (the client's
// estimate sees every row). The box is the view plus half of it on every side
// (heatmap_grid_for's margin), so the visible part is not affected unless the bandwidth exceeds
// that margin.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/density_worker.hpp"
#include "core/aggregate.hpp"
#include "core/incidents.hpp"
#include "core/language.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_sql.hpp"
#include "render/camera.hpp"

namespace faro::app {

// Points the map fetches at most for one view in server mode: above this it shows the heatmap
// only and says "zoom in to see points". 50 000 points are ~0.6 MB on the wire and draw in well
// under a frame.
constexpr int64_t kPgServerPointsLimit = 50'000;

// The timeline strip's counts in server mode: sectors x bins of `kind` under `filter` (the
// session's filter without its dates, over the data's range: the strip shows the whole period).
struct PgTimelineRequest {
  BinKind kind = BinKind::week;
  io::pg_sql::Filter filter;
};

// What one server-side view job computes (everything it needs: the job holds it).
struct PgViewRequest {
  io::pg_sql::Filter filter;  // the source's filter narrowed by the session's dates and offences
  GridSpec grid;              // the heatmap grid for the camera
  KdeParams params;
  Box view;                   // the visible box (the colour domain counts its cells only)
  bool want_grid = true;      // false: the grid on screen still serves the view
  bool want_points = false;   // the points layer is shown and the view left the last points' box
  Box points_box;             // where points are fetched: the view grown by half a view per side
  int64_t points_limit = kPgServerPointsLimit;
  // The filter's incidents per sector (io::pg_sector_period_counts, one period): asked only when
  // the filter changed, not on a pan. sector_count: the sectors the dashboard holds.
  bool want_sector_counts = false;
  size_t sector_count = 0;
  std::shared_ptr<const FilterResult> counts_for;  // the app's filter result they will replace
  // With the sector counts: rows per offence under the filter without the session's offences
  // (the checklist's counts, as the client's per_category), by the dashboard's category codes.
  io::pg_sql::Filter category_filter;
  std::vector<std::string> category_names;  // by code (the workspace's dictionary)
  // The timeline strip's sector x period table (the filter without the session's dates, over
  // the data's whole range): asked when that filter changed, not while the dates are dragged.
  std::optional<PgTimelineRequest> timeline;
  Language language = Language::es;  // of the error message
};

struct PgViewResult {
  uint64_t generation = 0;
  io::pg_sql::Filter filter;   // the request's (sector counts are applied only under it)
  DensityResult heat;          // empty density when the grid has no cells
  std::vector<double> counts;  // per cell of heat.grid (row 0 north), weights summed
  int64_t rows = 0;            // incidents counted on the grid
  bool points_fetched = false; // requested and at most points_limit in the box
  bool points_truncated = false;  // requested but more than points_limit: none fetched
  IncidentStore points;        // x, y, category (for the points layer's colours)
  // Per sector (size sector_count + 1, "(outside)" last) when asked: the filter result's counts.
  std::optional<std::vector<int64_t>> per_sector;
  std::optional<std::vector<int64_t>> per_category;  // by code, when sector counts were asked
  std::shared_ptr<const FilterResult> counts_for;  // the request's
  // When asked: the timeline's table (core/timeline_series.hpp build_timeline_from_counts).
  std::shared_ptr<const SectorPeriodCounts> timeline;
  std::optional<PgTimelineRequest> timeline_request;
  double query_ms = 0;         // the server's part (grid, points, sector counts)
  std::string error;           // non-empty: the job failed (nothing else is valid)
};

class PgServerView {
 public:
  PgServerView(std::string source, std::string table, io::PgOptions options,
               std::chrono::milliseconds debounce);
  ~PgServerView();  // abandons pending work and joins the thread
  PgServerView(const PgServerView&) = delete;
  PgServerView& operator=(const PgServerView&) = delete;

  // Replaces any pending request; it starts `debounce` after the latest one. Returns its number.
  uint64_t request(PgViewRequest request);
  // The newest finished result, once (older unclaimed results are dropped).
  std::optional<PgViewResult> take_result();
  bool busy() const;
  // Blocks until nothing is pending or running (screenshots, tests); false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout);
  // Jobs started and finished so far (tests: a pan starts a new one).
  uint64_t jobs_run() const;
  // The last requests that asked for a grid and for points (UI thread: the app compares the next
  // view with them), and forgetting them so the next view asks again (a Refresh).
  const std::optional<PgViewRequest>& last_grid_request() const { return last_grid_; }
  const std::optional<PgViewRequest>& last_points_request() const { return last_points_; }
  const std::optional<PgViewRequest>& last_counts_request() const { return last_counts_; }
  void forget_last() {
    last_grid_.reset(), last_points_.reset(), last_counts_.reset(), timeline_asked.reset();
  }
  // UI thread, kept by the app: whether the last result found too many points for the view (the
  // map says "zoom in"), the grid and counts on screen (tests compare them with the client's
  // binning), and the filter result that carries the server's sector counts (the app's snapshot
  // holds another one after a filter change: then the counts are asked again).
  bool points_truncated = false;
  GridSpec shown_grid;
  std::vector<double> shown_counts;
  double shown_query_ms = 0, shown_density_ms = 0;  // the shown grid's server and estimate parts
  std::shared_ptr<const FilterResult> counts_shown;
  // The timeline table on screen and what it was asked for (the next view asks again when the
  // filter without dates differs).
  std::shared_ptr<const SectorPeriodCounts> timeline_shown;
  std::optional<PgTimelineRequest> timeline_asked;

 private:
  void run();
  PgViewResult compute(const PgViewRequest& request, uint64_t generation);

  const std::string source_, table_, redacted_;
  const io::PgOptions options_;
  const std::chrono::milliseconds debounce_;
  std::unique_ptr<io::PgConnection> db_;  // the worker thread's only; reopened after a failure
  io::pg_sql::Tables tables_;
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<PgViewRequest> pending_;
  uint64_t pending_generation_ = 0, next_generation_ = 0, jobs_run_ = 0;
  std::chrono::steady_clock::time_point pending_since_;
  std::optional<PgViewResult> result_;
  std::optional<PgViewRequest> last_grid_, last_points_, last_counts_;  // UI thread only
  // The worker's last grid counts and the filter they were binned under: a lower bound of the
  // points in a box, so a city-wide view asks for no points it would drop (worker thread only).
  GridSpec counted_grid_;
  std::vector<double> counted_;
  std::optional<io::pg_sql::Filter> counted_filter_;
  bool running_ = false;
  bool stop_ = false;
  std::thread thread_;  // last member: starts after everything above is initialised
};

// Whether two filters select the same rows (the view asks the server again when they differ).
bool same_rows(const io::pg_sql::Filter& a, const io::pg_sql::Filter& b);

}  // namespace faro::app
