// DashboardApp's wiring of a live PostGIS source (app/pg_live_controller.hpp): the load's first
// map (app/pg_first_map.hpp) shown while the rows stream in, finished steps swapped in, failures
// shown with the previous data kept, and what the status bar says about it.
#include <ctime>

#include "app/dashboard_app.hpp"
#include "app/map_view.hpp"
#include "app/pg_live_controller.hpp"
#include "core/messages.hpp"
#include "ui/format.hpp"

namespace faro::app {

void DashboardApp::show_pg_first_map(PgFirstMap first_map) {
  // The map shows sectors, programs and the server's heatmap; the panels see a snapshot without
  // incidents, and the status bar says the rows are still coming (fill_pg_status).
  before_first_map_ = snap_;
  apply_loaded(std::move(first_map.snapshot), session_);  // frames the sectors
  if (map_ && !first_map.heat.density.empty()) map_->show_density(std::move(first_map.heat));
  first_map_shown_ = true;
  first_map_rows_ = first_map.rows;
}

void DashboardApp::poll_pg_source() {
  if (!pg_) return;
  if (std::optional<PgFirstMap> fm = pg_->take_first_map()) show_pg_first_map(std::move(*fm));
  std::optional<PgStepResult> r = pg_->poll(session_);
  const bool had_first_map = first_map_shown_;
  if (r) first_map_shown_ = false;
  if (r && r->snapshot) {
    if (r->step == PgStep::load && !had_first_map) {
      apply_loaded(std::move(r->snapshot), session_);
    } else {
      // New rows (or reloaded months, or the rows after a first map): the snapshot is replaced,
      // the camera and the session stay; derived state (filter result, heatmap, panels) follows
      // the new generation.
      snap_ = with_generation(*r->snapshot, snap_->generation + 1);
      sync_snapshot(false);
      if (map_) map_->set_snapshot(snap_, session_);
    }
  } else if (r) {
    // The previous data stays (F5 retries): a first map shown meanwhile goes back too.
    if (had_first_map && before_first_map_) {
      snap_ = with_generation(*before_first_map_, snap_->generation + 1);
      if (map_) map_->set_snapshot(snap_, session_);
    }
    report_error(r->error);
  }
  if (r) before_first_map_.reset();
}

void DashboardApp::fill_pg_status() {
  if (!pg_) return;
  ui::AppStatus::PgLive& s = status_.pg;
  s.active = true;
  s.running = pg_->running();
  s.refresh_every_min = pg_->refresh_every_min();
  s.last_step = static_cast<ui::AppStatus::PgLive::Step>(pg_->last_step());  // same order
  s.last_count = static_cast<int>(pg_->last_count());
  s.last_time.clear();
  if (auto t = pg_->last_success()) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(*t);
    std::tm local{};
    localtime_r(&tt, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &local);
    s.last_time = buf;
  }
  // The first load: what the map shows meanwhile (the status bar's loading line).
  if (status_.loading && !load_) {
    const Language lang = session_.language;
    status_.load_message =
        first_map_shown_
            ? tr_format(lang, Msg::pg_first_map_shown, ui::format_count(first_map_rows_).c_str())
            : tr_format(lang, Msg::pg_first_map_query, pg_->redacted_source().c_str());
  }
}

}  // namespace faro::app
