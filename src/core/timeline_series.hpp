#pragma once
// Time series of filtered incident counts for the timeline panel and reports: per day, ISO week or
// month over a range, for all incidents, a sector subset, or several groups side by side (treated
// vs comparison) with rates per sector so groups of unequal size compare, plus a rolling mean.
#include <cstdint>
#include <string>
#include <vector>

#include "core/aggregate.hpp"
#include "core/civil_time.hpp"
#include "core/incidents.hpp"
#include "core/time_bins.hpp"

namespace faro {

// A group of sectors. `sectors` empty + `all` = every incident, including those in no sector.
struct TimelineGroup {
  std::string label;
  std::vector<size_t> sectors;  // indices into the SectorSet
  bool all = false;
};

struct TimelineSeries {
  std::string label;
  size_t sector_count = 0;           // sectors in the group (0 for `all`)
  std::vector<double> counts;        // one per bin
  std::vector<double> per_sector;    // counts / sector_count (counts when sector_count == 0)
  std::vector<double> rolling_mean;  // centred rolling mean of `counts` (see rolling_mean())
  double total = 0;
};

struct Timeline {
  BinKind kind = BinKind::week;
  int64_t first_bin = 0;  // bin index (time_bins.hpp) of the first bin
  int64_t bins = 0;
  std::vector<CivilSeconds> bin_starts;  // bins + 1 entries: start of each bin, then the end
  std::vector<TimelineSeries> series;    // one per group, in request order

  std::string label(int64_t b) const { return bin_label(kind, first_bin + b); }
  // Bin offset holding t, or -1 when t is outside the timeline.
  int64_t bin_at(CivilSeconds t) const;
};

struct TimelineRequest {
  BinKind kind = BinKind::week;   // day, week or month (year also works)
  CivilSeconds from = 0;          // inclusive; bins start at the bin holding `from`
  CivilSeconds to_exclusive = 0;  // bins end with the bin holding to_exclusive - 1
  int rolling_window = 5;         // bins in the rolling mean (odd: centred; 1 = off)
};

// Counts incidents accepted by `filter` (its own from/to are honoured too) into the requested
// bins, one series per group. Incidents must be assigned to sectors unless every group is `all`.
// Throws UsageError when the range is empty or would need more than 100,000 bins.
Timeline build_timeline(const IncidentStore& store, size_t sector_count,
                        const IncidentFilter& filter, const TimelineRequest& request,
                        const std::vector<TimelineGroup>& groups);

// The same timeline from a sector x period table (core/aggregate.hpp; e.g. counted in a PostGIS
// server, io::pg_sector_period_counts, when the rows are not held): bins of `counts` outside the
// request's range are left out, the "(outside)" row counts for `all` groups only. `counts` must
// be binned by request.kind. Counts are rows (a weighted source's weights are not in the table).
Timeline build_timeline_from_counts(const SectorPeriodCounts& counts, const TimelineRequest& request,
                                    const std::vector<TimelineGroup>& groups);

// Centred rolling mean over `window` values (an even window is widened by one). Near the ends the
// mean is over the values that exist, so the line does not dip to zero at the edges.
std::vector<double> rolling_mean(const std::vector<double>& values, int window);

}  // namespace faro
