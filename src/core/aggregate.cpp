#include "core/aggregate.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/errors.hpp"

namespace faro {

int64_t SectorPeriodCounts::row_total(size_t row) const {
  return std::accumulate(counts.begin() + row * bins, counts.begin() + (row + 1) * bins, int64_t{0});
}

int64_t SectorPeriodCounts::total() const {
  return std::accumulate(counts.begin(), counts.end(), int64_t{0});
}

SectorPeriodCounts count_by_sector_and_period(const IncidentStore& store, size_t sector_count,
                                              BinKind kind, const IncidentFilter& filter) {
  if (store.sector.size() != store.size())
    throw InternalError("count_by_sector_and_period: incidents not assigned to sectors");
  SectorPeriodCounts out;
  out.kind = kind;
  out.sectors = sector_count;

  // Period span: the filter's date range when set, else the range of the rows that pass.
  int64_t tmin = std::numeric_limits<int64_t>::max(), tmax = std::numeric_limits<int64_t>::min();
  if (!filter.from || !filter.to_exclusive) {
    for (size_t i = 0; i < store.size(); ++i) {
      if (!filter.accepts(store, i)) continue;
      tmin = std::min(tmin, store.t[i]);
      tmax = std::max(tmax, store.t[i]);
    }
  }
  if (filter.from) tmin = *filter.from;
  if (filter.to_exclusive) tmax = *filter.to_exclusive - 1;
  if (tmin > tmax) {
    out.first_bin = 0;
    out.bins = kind == BinKind::none ? 1 : 0;
  } else {
    out.first_bin = bin_of(kind, tmin);
    out.bins = bin_of(kind, tmax) - out.first_bin + 1;
  }
  if (out.bins > 5'000'000 / static_cast<int64_t>(sector_count + 1) + 1)
    throw UsageError("too many periods (" + std::to_string(out.bins) + " " + to_string(kind) +
                     " bins x " + std::to_string(sector_count) + " sectors); use a coarser --by");
  out.counts.assign((sector_count + 1) * static_cast<size_t>(out.bins), 0);
  if (out.bins == 0) return out;

  for (size_t i = 0; i < store.size(); ++i) {
    if (!filter.accepts(store, i)) continue;
    const int32_t s = store.sector[i];
    const size_t row = (s < 0 || static_cast<size_t>(s) >= sector_count) ? sector_count : s;
    const int64_t b = bin_of(kind, store.t[i]) - out.first_bin;
    if (b < 0 || b >= out.bins) continue;  // unreachable: the span covers every accepted row
    ++out.counts[row * out.bins + b];
  }
  return out;
}

}  // namespace faro
