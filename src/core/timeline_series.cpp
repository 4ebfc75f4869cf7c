#include "core/timeline_series.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/errors.hpp"

namespace faro {

int64_t Timeline::bin_at(CivilSeconds t) const {
  if (bins == 0 || t < bin_starts.front() || t >= bin_starts.back()) return -1;
  const int64_t b = bin_of(kind, t) - first_bin;
  return b >= 0 && b < bins ? b : -1;
}

std::vector<double> rolling_mean(const std::vector<double>& values, int window) {
  const int64_t n = static_cast<int64_t>(values.size());
  const int64_t half = std::max(window, 1) / 2;
  std::vector<double> out(values.size(), 0.0);
  // Prefix sums keep this O(n) whatever the window.
  std::vector<double> prefix(values.size() + 1, 0.0);
  for (int64_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + values[i];
  for (int64_t i = 0; i < n; ++i) {
    const int64_t lo = std::max<int64_t>(0, i - half), hi = std::min<int64_t>(n, i + half + 1);
    out[i] = (prefix[hi] - prefix[lo]) / static_cast<double>(hi - lo);
  }
  return out;
}

namespace {

// The request's bins and one empty series per group (labels, sector counts).
Timeline empty_timeline(const TimelineRequest& request, const std::vector<TimelineGroup>& groups) {
  if (request.kind == BinKind::none) throw UsageError("timeline: choose day, week or month bins");
  if (request.to_exclusive <= request.from) throw UsageError("timeline: the date range is empty");
  Timeline tl;
  tl.kind = request.kind;
  tl.first_bin = bin_of(request.kind, request.from);
  tl.bins = bin_of(request.kind, request.to_exclusive - 1) - tl.first_bin + 1;
  if (tl.bins > 100000)
    throw UsageError("timeline: " + std::to_string(tl.bins) + " bins; use coarser bins");
  for (int64_t b = 0; b <= tl.bins; ++b)
    tl.bin_starts.push_back(bin_start(tl.kind, tl.first_bin + b));
  tl.series.resize(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    tl.series[g].label = groups[g].label;
    tl.series[g].sector_count = groups[g].all ? 0 : groups[g].sectors.size();
    tl.series[g].counts.assign(tl.bins, 0.0);
  }
  return tl;
}

// Group membership per sector (member[g][s]), so counting is one pass; sets needs_sectors when a
// group is not `all`.
std::vector<std::vector<uint8_t>> memberships(const std::vector<TimelineGroup>& groups,
                                              size_t sector_count, bool& needs_sectors) {
  needs_sectors = false;
  std::vector<std::vector<uint8_t>> member(groups.size(), std::vector<uint8_t>(sector_count, 0));
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].all) continue;
    needs_sectors = true;
    for (size_t s : groups[g].sectors) {
      if (s >= sector_count) throw std::out_of_range("timeline: sector index out of range");
      member[g][s] = 1;
    }
  }
  return member;
}

void finish_series(Timeline& tl, int rolling_window) {
  for (TimelineSeries& ser : tl.series) {
    ser.per_sector = ser.counts;
    if (ser.sector_count > 0)
      for (double& v : ser.per_sector) v /= static_cast<double>(ser.sector_count);
    ser.rolling_mean = rolling_mean(ser.counts, rolling_window);
    for (double v : ser.counts) ser.total += v;
  }
}

}  // namespace

Timeline build_timeline(const IncidentStore& store, size_t sector_count,
                        const IncidentFilter& filter, const TimelineRequest& request,
                        const std::vector<TimelineGroup>& groups) {
  Timeline tl = empty_timeline(request, groups);
  bool needs_sectors = false;
  const auto member = memberships(groups, sector_count, needs_sectors);
  if (needs_sectors && store.sector.size() != store.size())
    throw InternalError("build_timeline: incidents not assigned to sectors");
  for (size_t i = 0; i < store.size(); ++i) {
    const int64_t t = store.t[i];
    if (t < request.from || t >= request.to_exclusive || !filter.accepts(store, i)) continue;
    const int64_t b = bin_of(tl.kind, t) - tl.first_bin;
    const int32_t s = needs_sectors ? store.sector[i] : kNoSector;
    const double w = store.weight.empty() ? 1.0 : store.weight[i];
    for (size_t g = 0; g < groups.size(); ++g) {
      const bool in =
          groups[g].all || (s >= 0 && static_cast<size_t>(s) < sector_count && member[g][s]);
      if (in) tl.series[g].counts[b] += w;
    }
  }
  finish_series(tl, request.rolling_window);
  return tl;
}

Timeline build_timeline_from_counts(const SectorPeriodCounts& counts, const TimelineRequest& request,
                                    const std::vector<TimelineGroup>& groups) {
  Timeline tl = empty_timeline(request, groups);
  if (counts.kind != request.kind)
    throw InternalError("build_timeline_from_counts: counts binned by another period");
  if (counts.counts.size() != (counts.sectors + 1) * static_cast<size_t>(counts.bins))
    throw InternalError("build_timeline_from_counts: counts table of the wrong size");
  bool needs_sectors = false;
  const auto member = memberships(groups, counts.sectors, needs_sectors);
  for (size_t row = 0; row <= counts.sectors; ++row)  // the sectors, then "(outside)"
    for (int64_t k = 0; k < counts.bins; ++k) {
      const int64_t b = counts.first_bin + k - tl.first_bin;
      const int64_t v = counts.at(row, k);
      if (b < 0 || b >= tl.bins || v == 0) continue;
      for (size_t g = 0; g < groups.size(); ++g)
        if (groups[g].all || (row < counts.sectors && member[g][row]))
          tl.series[g].counts[b] += static_cast<double>(v);
    }
  finish_series(tl, request.rolling_window);
  return tl;
}

}  // namespace faro
