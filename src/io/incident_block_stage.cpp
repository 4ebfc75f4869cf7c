// IncidentSink's block stage: checks that need whole coordinates ((0,0), lon/lat range, swapped
// axes, sectors' extent), one batched reprojection per block, and the append to the store.
#include <cmath>
#include <cstdio>

#include "io/gdal_env.hpp"
#include "io/incident_block_stage.hpp"
#include "io/reproject.hpp"

namespace faro::io {
namespace {

std::string format_xy(double x, double y) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.8g,%.8g", x, y);
  return buf;
}

// Looks up the example value kept for `row` (vectors are in row order; `next` walks them).
std::string_view example_for(const std::vector<std::pair<int64_t, std::string>>& examples,
                             size_t& next, int64_t row) {
  while (next < examples.size() && examples[next].first < row) ++next;
  return next < examples.size() && examples[next].first == row
             ? std::string_view(examples[next].second)
             : std::string_view();
}

}  // namespace

void BlockStage::grow_for(size_t more) {
  const size_t need = store_.x.size() + more;
  const size_t cap = store_.x.capacity();
  if (need <= cap) return;
  // Grow by 1/8 rather than doubling: the reservation was an estimate, and a doubled column set
  // would blow the 30 bytes/incident budget.
  const size_t grown = std::max(need, cap + cap / 8);
  store_.reserve(grown, cfg_.use_weight);
}

BlockStage::BlockStage(const SinkConfig& config, bool geographic, IncidentStore& store)
    : cfg_(config), geographic_(geographic), store_(store) {
  coordinate_field_ = cfg_.x_name.empty() ? cfg_.geometry_name : cfg_.x_name + "/" + cfg_.y_name;
  thread_ = std::thread([this] { run(); });
}

BlockStage::~BlockStage() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BlockStage::run() {
  try {
    GdalMessageCapture capture;  // PROJ/GDAL messages raised on this thread
    // Built on this thread: a PROJ object is tied to the context of the thread that made it.
    const Reprojector to_work(cfg_.source_srs, cfg_.work_srs);
    for (;;) {
      std::unique_ptr<SinkBlock> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait(lock, [&] { return stop_ || job_ != nullptr; });
        if (!job_) break;
        job = std::move(job_);
      }
      process(*job, to_work);
      job->clear();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        spare_ = std::move(job);
        busy_ = false;
      }
      cv_.notify_all();
    }
    for (const std::string& w : capture.warnings()) report_.add_gdal_warning(w);
    for (const std::string& e : capture.errors()) report_.add_gdal_warning(e);
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
    busy_ = false;
    job_.reset();
  }
  cv_.notify_all();
}

void BlockStage::submit(std::unique_ptr<SinkBlock>& block) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return !busy_; });
    if (error_) std::rethrow_exception(error_);
    job_ = std::move(block);
    busy_ = true;
    block = spare_ ? std::move(spare_) : std::make_unique<SinkBlock>();
  }
  cv_.notify_all();
}

void BlockStage::wait_idle() {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [&] { return !busy_; });
}

void BlockStage::finish(LoadReport& report) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return !busy_; });
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  report.merge(report_);
}

void BlockStage::process(SinkBlock& b, const Reprojector& to_work) {
  const size_t n = b.size();
  if (n == 0) return;
  b.verdict.assign(n, 0);
  auto reject = [&](size_t i, RowIssue why) { b.verdict[i] = static_cast<uint8_t>(why) + 1; };

  // 1. Checks in the source CRS.
  for (size_t i = 0; i < n; ++i) {
    const double x = b.x[i], y = b.y[i];
    if (x == 0 && y == 0) {
      reject(i, RowIssue::zero_zero);
    } else if (geographic_) {
      if (std::abs(y) > 90 && std::abs(x) <= 90) {
        reject(i, RowIssue::swapped_lat_lon);  // never silently fixed: the row is suspect
      } else if (std::abs(x) > 180 || std::abs(y) > 90) {
        reject(i, RowIssue::unparseable_coordinates);
        ++out_of_lonlat_range_;
      }
    }
  }

  // 2. One PROJ call for the block (rejected rows ride along; their results are ignored).
  b.px.assign(b.x.begin(), b.x.end());
  b.py.assign(b.y.begin(), b.y.end());
  b.ok.assign(n, 1);
  to_work.transform(n, b.px.data(), b.py.data(), b.ok.data());

  // 3. Extent, with the swapped-axes probe for geographic sources: a point outside the sectors
  // whose (y, x) would fall inside them is reported as swapped rather than as far away.
  std::vector<size_t> probe;
  for (size_t i = 0; i < n; ++i) {
    if (b.verdict[i]) continue;
    if (!b.ok[i]) {
      reject(i, RowIssue::reprojection_failed);
    } else if (cfg_.accept_box && !cfg_.accept_box->contains(b.px[i], b.py[i])) {
      if (geographic_)
        probe.push_back(i);
      else
        reject(i, RowIssue::outside_extent);
    }
  }
  if (!probe.empty()) {
    std::vector<double> sx(probe.size()), sy(probe.size());
    std::vector<int> sok(probe.size(), 1);
    for (size_t k = 0; k < probe.size(); ++k) {
      sx[k] = b.y[probe[k]];
      sy[k] = b.x[probe[k]];
    }
    {
      GdalMessageCapture quiet;  // PROJ complaining about the swapped guesses is expected
      to_work.transform(probe.size(), sx.data(), sy.data(), sok.data());
    }
    for (size_t k = 0; k < probe.size(); ++k) {
      const bool swapped =
          sok[k] && std::abs(sy[k]) <= 1e30 && cfg_.accept_box->contains(sx[k], sy[k]);
      reject(probe[k], swapped ? RowIssue::swapped_lat_lon : RowIssue::outside_extent);
    }
  }

  // 4. Report in row order and append the survivors.
  size_t accepted = 0;
  for (size_t i = 0; i < n; ++i) accepted += b.verdict[i] == 0;
  grow_for(accepted);
  size_t next_time = 0, next_cat = 0;
  for (size_t i = 0; i < n; ++i) {
    if (b.verdict[i]) {
      report_.add(static_cast<RowIssue>(b.verdict[i] - 1), b.row[i], coordinate_field_,
                  format_xy(b.x[i], b.y[i]));
      continue;
    }
    store_.x.push_back(b.px[i]);
    store_.y.push_back(b.py[i]);
    store_.t.push_back(b.t[i]);
    store_.category.push_back(b.cat[i]);
    store_.flags.push_back(b.flags[i]);
    // The row number read back by Identify (0 = past uint32: not identifiable, never wrong).
    store_.source_rows.push_back(b.row[i] <= int64_t{UINT32_MAX} ? static_cast<uint32_t>(b.row[i])
                                                                : 0u);
    if (cfg_.use_weight) store_.weight.push_back(b.w[i]);
    const uint8_t ch = b.changes[i];
    if (ch == 0) continue;
    if (ch & SinkBlock::kMissingTime)
      report_.add(RowIssue::missing_time, b.row[i],
                  cfg_.has_time_column ? cfg_.time_name : cfg_.date_name);
    if (ch & SinkBlock::kUnparseableTime)
      report_.add(RowIssue::unparseable_time, b.row[i], cfg_.time_name,
                  example_for(b.time_examples, next_time, b.row[i]));
    if (ch & SinkBlock::kTranscoded)
      report_.add(RowIssue::transcoded_latin1, b.row[i], cfg_.category_name,
                  example_for(b.category_examples, next_cat, b.row[i]));
  }
}

}  // namespace faro::io
