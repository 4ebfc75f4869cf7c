#include "app/pg_server_view.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <exception>

#include "app/pg_first_map.hpp"
#include "core/messages.hpp"
#include "core/redact.hpp"
#include "io/pg_source.hpp"

namespace faro::app {

bool same_rows(const io::pg_sql::Filter& a, const io::pg_sql::Filter& b) {
  const auto same_box = [](const std::optional<Box>& x, const std::optional<Box>& y) {
    if (x.has_value() != y.has_value()) return false;
    return !x || (x->xmin == y->xmin && x->ymin == y->ymin && x->xmax == y->xmax && x->ymax == y->ymax);
  };
  return a.from == b.from && a.to_exclusive == b.to_exclusive && a.categories == b.categories &&
         a.after_id == b.after_id && a.up_to_id == b.up_to_id && same_box(a.extent, b.extent) &&
         (a.hour_mask & 0xFFFFFF) == (b.hour_mask & 0xFFFFFF) &&
         (a.weekday_mask & 0x7F) == (b.weekday_mask & 0x7F) && a.sectors == b.sectors;
}

PgServerView::PgServerView(std::string source, std::string table, io::PgOptions options,
                           std::chrono::milliseconds debounce)
    : source_(std::move(source)),
      table_(std::move(table)),
      redacted_(redact_credentials(source_)),
      options_(options),
      debounce_(debounce),
      thread_([this] { run(); }) {}

PgServerView::~PgServerView() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    pending_.reset();
  }
  wake_.notify_all();
  thread_.join();
}

uint64_t PgServerView::request(PgViewRequest request) {
  uint64_t generation;
  {
    std::lock_guard lock(mutex_);
    // A pending request not started yet is replaced, but what it asked for is not dropped.
    if (pending_) {
      request.want_grid = request.want_grid || pending_->want_grid;
      request.want_points = request.want_points || pending_->want_points;
      request.want_sector_counts = request.want_sector_counts || pending_->want_sector_counts;
      if (!request.timeline && pending_->timeline) request.timeline = pending_->timeline;
    }
    if (request.want_grid) last_grid_ = request;
    if (request.want_points) last_points_ = request;
    if (request.want_sector_counts) last_counts_ = request;
    pending_ = std::move(request);
    generation = pending_generation_ = ++next_generation_;
    pending_since_ = std::chrono::steady_clock::now();
  }
  wake_.notify_all();
  return generation;
}

std::optional<PgViewResult> PgServerView::take_result() {
  std::lock_guard lock(mutex_);
  std::optional<PgViewResult> r = std::move(result_);
  result_.reset();
  return r;
}

bool PgServerView::busy() const {
  std::lock_guard lock(mutex_);
  return running_ || pending_.has_value();
}

bool PgServerView::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return !running_ && !pending_; });
}

uint64_t PgServerView::jobs_run() const {
  std::lock_guard lock(mutex_);
  return jobs_run_;
}

PgViewResult PgServerView::compute(const PgViewRequest& rq, uint64_t generation) {
  const auto t0 = std::chrono::steady_clock::now();
  PgViewResult out;
  out.generation = generation;
  out.filter = rq.filter;
  try {
    if (!db_) {
      db_ = std::make_unique<io::PgConnection>(source_, options_);
      tables_ = io::require_pg_tables(*db_, table_);
    }
    if (rq.want_grid && rq.grid.cells() > 0) {
      const io::GridCounts g = io::pg_grid_counts(*db_, tables_, rq.filter, rq.grid.xmin,
                                                  rq.grid.ymin(), rq.grid.cell, rq.grid.nx, rq.grid.ny);
      for (int64_t c : g.count) out.rows += c;
      out.counts = north_up_weights(g, rq.grid);
      counted_grid_ = rq.grid;
      counted_ = out.counts;
      counted_filter_ = rq.filter;
    }
    if (rq.want_points && !rq.points_box.empty()) {
      // The cells of the last grid (same filter) that lie wholly inside the box: a lower bound of
      // its points. Above the limit no query is sent.
      double at_least = 0;
      if (counted_filter_ && same_rows(*counted_filter_, rq.filter) && counted_.size() == counted_grid_.cells()) {
        const GridSpec& g = counted_grid_;
        for (int row = 0; row < g.ny; ++row)
          for (int col = 0; col < g.nx; ++col) {
            const double x = g.center_x(col), y = g.center_y(row), h = g.cell / 2;
            if (x - h >= rq.points_box.xmin && x + h <= rq.points_box.xmax &&
                y - h >= rq.points_box.ymin && y + h <= rq.points_box.ymax)
              at_least += counted_[static_cast<size_t>(row) * g.nx + col];
          }
      }
      if (at_least > static_cast<double>(rq.points_limit)) {
        out.points_truncated = true;
      } else {
        io::pg_sql::Filter in_box = rq.filter;
        in_box.extent = rq.points_box;
        const io::PgPoints p = io::pg_points(*db_, tables_, in_box, rq.points_limit);
        out.points_truncated = p.truncated;
        out.points_fetched = !p.truncated;
        if (!p.truncated) {
          out.points.x = p.x;
          out.points.y = p.y;
          out.points.t.assign(p.x.size(), 0);
          out.points.flags.assign(p.x.size(), 0);
          out.points.category.reserve(p.x.size());
          for (const std::string& c : p.categories)
            out.points.category.push_back(out.points.categories.intern(c));
        }
      }
    }
    if (rq.want_sector_counts) {
      const SectorPeriodCounts c =
          io::pg_sector_period_counts(*db_, tables_, rq.sector_count, BinKind::none, rq.filter);
      std::vector<int64_t> per(rq.sector_count + 1, 0);
      for (size_t row = 0; row <= rq.sector_count && c.bins > 0; ++row)
        per[row] = c.counts[row * static_cast<size_t>(c.bins)];
      out.per_sector = std::move(per);
      out.counts_for = rq.counts_for;
      if (!rq.category_names.empty()) {
        std::vector<int64_t> by_code(rq.category_names.size(), 0);
        for (const auto& [name, n] : io::pg_category_counts(*db_, tables_, rq.category_filter)) {
          const auto it = std::find(rq.category_names.begin(), rq.category_names.end(), name);
          if (it != rq.category_names.end()) by_code[it - rq.category_names.begin()] = n;
        }
        out.per_category = std::move(by_code);
      }
    }
    if (rq.timeline) {
      out.timeline = std::make_shared<const SectorPeriodCounts>(io::pg_sector_period_counts(
          *db_, tables_, rq.sector_count, rq.timeline->kind, rq.timeline->filter));
      out.timeline_request = rq.timeline;
    }
  } catch (const std::exception& e) {
    db_.reset();  // the next job reconnects (a lost connection, a restarted server)
    out = {};
    out.generation = generation;
    out.filter = rq.filter;
    out.error = tr_format(rq.language, Msg::pg_view_failed, redacted_.c_str(),
                          redact_credentials(e.what()).c_str());
    return out;
  }
  out.query_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (rq.want_grid && rq.grid.cells() > 0) {
    out.heat = density_from_cells(rq.grid, out.counts, rq.params, rq.view);
    out.heat.generation = generation;
  }
  return out;
}

void PgServerView::run() {
  // Below the UI thread, as the density worker (the estimate from the cells runs here too).
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stop_ || pending_.has_value(); });
    if (stop_) return;
    const auto due = pending_since_ + debounce_;
    if (std::chrono::steady_clock::now() < due) {
      wake_.wait_until(lock, due, [this] { return stop_; });
      continue;  // a newer request moved the due time
    }
    PgViewRequest job = std::move(*pending_);
    const uint64_t generation = pending_generation_;
    pending_.reset();
    running_ = true;
    lock.unlock();
    PgViewResult result = compute(job, generation);
    lock.lock();
    running_ = false;
    ++jobs_run_;
    result_ = std::move(result);
    if (!pending_) idle_.notify_all();
  }
}

}  // namespace faro::app
