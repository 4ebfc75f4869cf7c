#pragma once
// The dashboard's live PostGIS source (`faro dashboard --incidents PG:... --table T`): the tables
// `faro publish` wrote, held by an io::PgLiveSource and read by one background step at a time
// (the first load, Refresh = rows with a higher id than any held, Reconcile = the month checksums
// compared and the months that differ reloaded). The load step first asks the server for a first
// map (sectors, programs, heatmap grid counts: app/pg_first_map.hpp), which the app shows while
// the rows stream in, and ends like the others. Each finished step gives a new Workspace as a
// snapshot, which the app swaps in like a finished load; a failed step (server down, lost
// connection, timeout) gives an error naming the source with its password redacted, and the
// source keeps the previous rows, so the next step (Refresh again) simply retries.
//
// Threads: the PgLiveSource is moved to the step's thread and back; the UI thread never touches
// it while a step runs, so it needs no lock.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "app/pg_first_map.hpp"
#include "app/pg_server_view.hpp"
#include "io/pg_live_source.hpp"

namespace faro::app {

// Above this many rows in <T>_incidents the dashboard works in server mode (app/pg_server_view.hpp)
// instead of pulling every row. Pulling 10 M rows took ~31 s over a local socket (README, PostGIS
// figures, bench/pg_scale_bench.cpp), so 5 M is ~15 s and a few hundred MB held: about what a
// laptop session should wait for and hold.
constexpr int64_t kPgDefaultMaxRows = 5'000'000;

// What `faro dashboard` passes for a PG: source.
struct PgDashboardSource {
  std::string source;        // "PG:<conninfo>"
  std::string table = "faro";  // table prefix written by `faro publish`
  io::pg_sql::Filter filter;   // --from/--to/--offence, run in the database
  io::PgOptions options;       // --pg-timeout
  int refresh_every_min = 0;   // 0 = no polling (Refresh by hand: F5)
  // The dashboard's window (pixels): the first map's heatmap grid is the one the live map would
  // request when framing the sectors in it (app/pg_first_map.hpp).
  int view_width = 1600, view_height = 900;
  bool first_map = true;  // false: the map waits for every row (the benchmark's "before")
  // Server mode (--pg-max-rows): when the table holds more rows than this (io::pg_row_count: the
  // planner's estimate, or a count bounded at max_rows + 1), no row is pulled: the map's heatmap
  // and points come from the server per view (app/pg_server_view.hpp). 0 = always pull.
  int64_t max_rows = kPgDefaultMaxRows;
  std::chrono::milliseconds view_debounce{250};  // server mode: camera still this long first
  int64_t points_limit = kPgServerPointsLimit;   // server mode: most points fetched per view
  // Called on the load's thread once its first map is ready, before the rows are read (tests hold
  // the rows back with it to look at the first map; with a hook the rows wait for the first map,
  // without one both run at once; empty = nothing).
  std::function<void()> after_first_map;
};

enum class PgStep { load, refresh, reconcile };  // ui::AppStatus::PgLive::Step's order

// One finished step, for the app (UI thread).
struct PgStepResult {
  PgStep step = PgStep::load;
  SnapshotPtr snapshot;  // null when the step failed
  std::string error;     // the failure, source named and redacted
  size_t rows_added = 0;         // refresh
  size_t months_reloaded = 0;    // reconcile
  bool server_mode = false;      // load: the table was too large to pull (no rows held)
  io::PgRowCount table_rows;     // load: what the mode decision saw (when it looked)
};

class PgLiveController {
 public:
  explicit PgLiveController(PgDashboardSource config);
  ~PgLiveController();  // joins a running step
  PgLiveController(const PgLiveController&) = delete;
  PgLiveController& operator=(const PgLiveController&) = delete;

  // Starts `step` for `session` (its filter, programs and language go into the snapshot). False
  // when a step is already running (the request is dropped: the running one gives fresh data).
  bool start(PgStep step, const Session& session);
  bool running() const { return static_cast<bool>(job_); }
  // The finished step, once (UI thread, every frame). Also starts a polling refresh when the
  // interval has passed since the last step ended.
  std::optional<PgStepResult> poll(const Session& session);
  // The running load's first map, once, as soon as the server answered it (UI thread, every
  // frame); nullopt when there is none or the load already finished (its rows replace it).
  std::optional<PgFirstMap> take_first_map();
  // Waits for the running step (headless screenshots, tests); false on timeout.
  bool wait(std::chrono::milliseconds timeout) const;
  // Waits until the running load's first map is ready or the step ended; false on timeout.
  bool wait_first_map(std::chrono::milliseconds timeout) const;
  // The last first map's grid and counts (tests compare them with the client's binning).
  const GridSpec& first_map_grid() const { return first_map_grid_; }
  const std::vector<double>& first_map_counts() const { return first_map_counts_; }

  // Server mode (the last load found more rows than max_rows): the map's per-view server jobs.
  bool server_mode() const { return server_view_ != nullptr; }
  PgServerView* server_view() { return server_view_.get(); }
  const io::PgRowCount& table_rows() const { return table_rows_; }
  const PgDashboardSource& config() const { return config_; }

  int refresh_every_min() const { return config_.refresh_every_min; }
  void set_refresh_every_min(int minutes);
  const std::string& redacted_source() const { return redacted_; }
  const std::string& table() const { return config_.table; }
  // The last step that succeeded: when, which, and its count (rows added / months reloaded).
  std::optional<std::chrono::system_clock::time_point> last_success() const { return last_success_; }
  PgStep last_step() const { return last_step_; }
  size_t last_count() const { return last_count_; }

 private:
  struct Job;
  void run(Job& job);
  // The load step: the first map (app/pg_first_map.hpp) on a second connection while the rows
  // stream in on the source's.
  void load_with_first_map(Job& job);
  // Server mode's load (the table holds more than max_rows): the first map only, on this thread.
  // False when the rows are to be pulled.
  bool load_server_mode(Job& job);

  PgDashboardSource config_;
  std::string redacted_;
  std::unique_ptr<io::PgLiveSource> source_;  // null while a step holds it
  std::unique_ptr<Job> job_;
  std::chrono::steady_clock::time_point last_end_;
  std::optional<std::chrono::system_clock::time_point> last_success_;
  PgStep last_step_ = PgStep::load;
  bool loaded_ = false;  // a load succeeded (until then Refresh runs the load again)
  size_t last_count_ = 0;
  std::vector<Program> programs_;  // read by the load (<T>_programs or the session's file)
  GridSpec first_map_grid_;
  std::vector<double> first_map_counts_;
  io::PgRowCount table_rows_;
  std::unique_ptr<PgServerView> server_view_;  // server mode only
};

// The Workspace of what `source` holds (sectors, incidents, load reports, title, data range).
Workspace workspace_from_pg(const io::PgLiveSource& source, const std::string& table);

}  // namespace faro::app
