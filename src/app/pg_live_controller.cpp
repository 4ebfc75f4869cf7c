#include "app/pg_live_controller.hpp"

#include <algorithm>
#include <exception>

#include "core/messages.hpp"
#include "core/redact.hpp"
#include "core/session_programs.hpp"
#include "core/civil_time.hpp"

namespace faro::app {

struct PgLiveController::Job {
  PgStep step = PgStep::load;
  Session session;  // filter, programs, language of the snapshot
  std::unique_ptr<io::PgLiveSource> source;
  PgStepResult result;
  std::vector<Program> programs;  // the load's (from the first map); other steps keep the last
  std::optional<PgFirstMap> first_map;  // written before first_map_ready is set
  SnapshotPtr server_snapshot;  // server mode: the first map's (sectors, programs; no rows)
  std::atomic<bool> first_map_ready{false};
  bool first_map_taken = false;  // UI thread
  std::atomic<bool> done{false};
  std::thread thread;  // last: starts after the fields above exist
};

Workspace workspace_from_pg(const io::PgLiveSource& source, const std::string& table) {
  Workspace ws;
  ws.sectors = source.sectors();
  ws.incidents = source.incidents();
  LoadReport sectors_report;
  sectors_report.source = source.redacted_source();
  sectors_report.layer = table + "_sectors";
  sectors_report.method = "postgis";
  sectors_report.rows_read = sectors_report.rows_loaded = static_cast<int64_t>(ws.sectors.size());
  LoadReport incidents_report;
  incidents_report.source = source.redacted_source();
  incidents_report.layer = table + "_incidents";
  incidents_report.method = "postgis";
  incidents_report.rows_read = incidents_report.rows_loaded =
      static_cast<int64_t>(ws.incidents.size());
  incidents_report.note(Msg::load_note_highest_id_held, {std::to_string(source.max_id())});
  ws.reports = {std::move(sectors_report), std::move(incidents_report)};
  ws.title = table + " (PostGIS)";
  // Whole days, as the file loader does (io/workspace_loader.cpp).
  if (auto lo = ws.incidents.min_time()) ws.data_from = days_of(*lo) * kSecondsPerDay;
  if (auto hi = ws.incidents.max_time()) ws.data_to_exclusive = (days_of(*hi) + 1) * kSecondsPerDay;
  ws.extent = ws.sectors.extent();
  if (!ws.incidents.empty()) ws.extent.expand(ws.incidents.extent());
  return ws;
}

PgLiveController::PgLiveController(PgDashboardSource config)
    : config_(std::move(config)),
      redacted_(redact_credentials(config_.source)),
      source_(std::make_unique<io::PgLiveSource>(config_.source, config_.table, config_.filter,
                                                 config_.options)),
      last_end_(std::chrono::steady_clock::now()) {}

PgLiveController::~PgLiveController() {
  if (job_ && job_->thread.joinable()) job_->thread.join();
}

void PgLiveController::set_refresh_every_min(int minutes) {
  config_.refresh_every_min = minutes < 0 ? 0 : minutes;
  last_end_ = std::chrono::steady_clock::now();  // the new interval counts from now
}

bool PgLiveController::start(PgStep step, const Session& session) {
  if (job_ || !source_) return false;
  // Until a load succeeded there is nothing to add to (no sectors): Refresh retries the load. In
  // server mode no rows are held, so Refresh and Reconcile load again (sectors, programs, time
  // range, the mode decision) and the map asks the server for its view again.
  if (step != PgStep::load && (!loaded_ || server_view_)) step = PgStep::load;
  job_ = std::make_unique<Job>();
  job_->step = step;
  job_->session = session;
  job_->programs = programs_;
  job_->source = std::move(source_);
  Job* job = job_.get();
  job_->thread = std::thread([this, job] { run(*job); });
  return true;
}

bool PgLiveController::load_server_mode(Job& job) {
  if (config_.max_rows <= 0) return false;  // always pull
  io::PgConnection db(config_.source, config_.options);
  const io::pg_sql::Tables t = io::require_pg_tables(db, config_.table);
  job.result.table_rows = io::pg_row_count(db, t, config_.max_rows + 1);
  if (job.result.table_rows.rows <= config_.max_rows) return false;
  // Too large to pull: the first map's sectors, programs and time range (from the t index) are all
  // the load holds; the map's views, its first one included, come from the server job by job
  // (app/pg_server_view.hpp), so the load bins no grid of its own.
  // Designated initialisers: a field added to the request can never shift these.
  const PgFirstMapRequest request{.table = config_.table,
                                  .filter = config_.filter,
                                  .view_width = config_.view_width,
                                  .view_height = config_.view_height,
                                  .grid = false,
                                  .categories = true};
  PgFirstMap fm = query_pg_first_map(db, request, job.session);
  job.programs = fm.programs;
  job.server_snapshot = fm.snapshot;
  job.result.server_mode = true;
  return true;
}

void PgLiveController::load_with_first_map(Job& job) {
  if (load_server_mode(job)) return;
  if (!config_.first_map) {
    job.source->load();
    io::PgConnection db(config_.source, config_.options);
    job.programs = pg_dashboard_programs(db, io::require_pg_tables(db, config_.table), job.session,
                                         job.source->sectors());
    return;
  }
  // The first map on its own connection, while this thread streams the rows on the source's: the
  // server bins the grid as it sends the rows, so the rows come about as fast as without it.
  std::exception_ptr first_map_error;
  std::atomic<bool> first_map_over{false};
  std::thread first_map([&] {
    try {
      io::PgConnection db(config_.source, config_.options);
      const PgFirstMapRequest request{.table = config_.table,
                                      .filter = config_.filter,
                                      .view_width = config_.view_width,
                                      .view_height = config_.view_height};
      PgFirstMap fm = query_pg_first_map(db, request, job.session);
      job.programs = fm.programs;  // read by this thread only after the join
      job.first_map = std::move(fm);
      job.first_map_ready.store(true);
    } catch (...) {
      first_map_error = std::current_exception();
    }
    first_map_over.store(true);
  });
  if (config_.after_first_map) {
    // Tests: the rows wait for the first map and the hook.
    while (!first_map_over.load()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (job.first_map_ready.load()) config_.after_first_map();
  }
  try {
    job.source->load();
  } catch (...) {
    first_map.join();
    throw;  // the rows' failure is the step's
  }
  first_map.join();
  // The rows came but the first map failed (the server answered one query and not the other):
  // the step fails as a whole, with the first map's error, and the previous data stays.
  if (first_map_error) std::rethrow_exception(first_map_error);
}

void PgLiveController::run(Job& job) {
  const Language lang = job.session.language;
  PgStepResult& r = job.result;
  r.step = job.step;
  // Every failure becomes a message: a refresh must never take the dashboard down, and the source
  // keeps its rows (io::PgLiveSource swaps a step's result in only when the step succeeded).
  try {
    switch (job.step) {
      case PgStep::load:
        load_with_first_map(job);
        break;
      case PgStep::refresh:
        r.rows_added = job.source->refresh();
        break;
      case PgStep::reconcile:
        r.months_reloaded = job.source->reconcile().size();
        break;
    }
    if (r.server_mode) {
      r.snapshot = job.server_snapshot;  // no rows: the view's are the server's
    } else {
      auto ws = std::make_shared<Workspace>(workspace_from_pg(*job.source, config_.table));
      ws->programs = job.programs;
      apply_program_specs(ws->programs, job.session.programs);
      r.snapshot = make_snapshot(std::move(ws), job.session.filter, job.session.programs, 0);
    }
  } catch (const std::exception& e) {
    r.snapshot = nullptr;
    r.server_mode = false;
    r.error = tr_format(lang, job.step == PgStep::load ? Msg::pg_load_failed : Msg::pg_refresh_failed,
                        redacted_.c_str(), redact_credentials(e.what()).c_str());
  } catch (...) {
    r.snapshot = nullptr;
    r.error = tr_format(lang, job.step == PgStep::load ? Msg::pg_load_failed : Msg::pg_refresh_failed,
                        redacted_.c_str(), "unknown error");
  }
  job.done.store(true);
}

std::optional<PgStepResult> PgLiveController::poll(const Session& session) {
  const auto now = std::chrono::steady_clock::now();
  if (job_ && job_->done.load()) {
    job_->thread.join();
    source_ = std::move(job_->source);
    if (job_->result.snapshot) programs_ = std::move(job_->programs);
    if (job_->first_map_ready.load() && !job_->first_map_taken && job_->first_map) {
      first_map_grid_ = job_->first_map->heat.grid;
      first_map_counts_ = job_->first_map->counts;
    }
    PgStepResult r = std::move(job_->result);
    job_.reset();
    last_end_ = now;
    if (r.snapshot && r.step == PgStep::load) {
      table_rows_ = r.table_rows;
      if (!r.server_mode) {
        server_view_.reset();
      } else if (server_view_) {
        server_view_->forget_last();  // the view asks the server again (Refresh)
      } else {
        server_view_ = std::make_unique<PgServerView>(config_.source, config_.table,
                                                      config_.options, config_.view_debounce);
      }
    }
    if (r.snapshot) {
      if (r.step == PgStep::load) loaded_ = true;
      last_success_ = std::chrono::system_clock::now();
      last_step_ = r.step;
      last_count_ = r.server_mode                 ? static_cast<size_t>(r.table_rows.rows)
                    : r.step == PgStep::reconcile ? r.months_reloaded
                    : r.step == PgStep::refresh  ? r.rows_added
                                                 : r.snapshot->ws().incidents.size();
    }
    return r;
  }
  // Polling: a refresh once the interval has passed since the last step ended (a failed one
  // too, so a server that is down is retried at the same pace, not every frame).
  if (!job_ && config_.refresh_every_min > 0 && last_success_ &&
      now - last_end_ >= std::chrono::minutes(config_.refresh_every_min))
    start(PgStep::refresh, session);
  return std::nullopt;
}

std::optional<PgFirstMap> PgLiveController::take_first_map() {
  if (!job_ || job_->done.load() || job_->first_map_taken || !job_->first_map_ready.load())
    return std::nullopt;
  job_->first_map_taken = true;
  first_map_grid_ = job_->first_map->heat.grid;
  first_map_counts_ = job_->first_map->counts;
  return std::move(job_->first_map);
}

bool PgLiveController::wait_first_map(std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (job_ && !job_->done.load() && !job_->first_map_ready.load()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

bool PgLiveController::wait(std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (job_ && !job_->done.load()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!server_view_) return true;
  const auto left = deadline - std::chrono::steady_clock::now();
  return server_view_->wait_idle(std::max(std::chrono::duration_cast<std::chrono::milliseconds>(left),
                                          std::chrono::milliseconds(0)));
}

}  // namespace faro::app
