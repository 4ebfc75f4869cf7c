#pragma once
// Filtering and per-sector, per-period counting over the columnar store. Shared by `faro counts`
// and (later) every UI panel, so the filter is a plain value object and counting is one pass.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/civil_time.hpp"
#include "core/incidents.hpp"
#include "core/time_bins.hpp"

namespace faro {

struct IncidentFilter {
  std::optional<CivilSeconds> from;          // inclusive
  std::optional<CivilSeconds> to_exclusive;  // exclusive
  std::vector<uint8_t> categories;           // by category code; empty = all categories
  uint32_t hour_mask = 0xFFFFFF;             // bit h = hour h of day enabled
  uint8_t weekday_mask = 0x7F;               // bit 0 = Monday ... bit 6 = Sunday
  // Sector subset by sector index (store.sector); empty = all sectors. When set, rows in no sector
  // (kNoSector) and rows of an unassigned store are dropped.
  std::vector<uint8_t> sectors;

  bool all_hours() const { return (hour_mask & 0xFFFFFF) == 0xFFFFFF; }
  // Rows with no time of day pass an hour filter only when every hour is enabled.
  bool accepts(const IncidentStore& s, size_t i) const {
    const int64_t t = s.t[i];
    if (from && t < *from) return false;
    if (to_exclusive && t >= *to_exclusive) return false;
    if (!categories.empty() && (s.category[i] >= categories.size() || !categories[s.category[i]]))
      return false;
    if (!sectors.empty()) {
      const int32_t sec = i < s.sector.size() ? s.sector[i] : kNoSector;
      if (sec < 0 || static_cast<size_t>(sec) >= sectors.size() || !sectors[sec]) return false;
    }
    if (weekday_mask != 0x7F && !(weekday_mask >> weekday_of_days(days_of(t)) & 1)) return false;
    if (!all_hours()) {
      if (!(s.flags[i] & kHasTimeOfDay)) return false;
      if (!(hour_mask >> (seconds_of_day(t) / 3600) & 1)) return false;
    }
    return true;
  }
};

// Dense table: one row per sector plus a last row for incidents in no sector ("(outside)"), one
// column per period bin from first_bin to first_bin + bins - 1.
struct SectorPeriodCounts {
  BinKind kind = BinKind::none;
  int64_t first_bin = 0;
  int64_t bins = 1;
  size_t sectors = 0;
  std::vector<int64_t> counts;  // row-major [(sectors + 1) x bins]

  size_t outside_row() const { return sectors; }
  int64_t at(size_t row, int64_t bin_offset) const { return counts[row * bins + bin_offset]; }
  int64_t row_total(size_t row) const;
  int64_t total() const;
};

// Counts filtered incidents per sector (store.sector must be assigned) and period. The periods
// span [range_from, range_to_exclusive) when given, else the filtered data's own time range.
SectorPeriodCounts count_by_sector_and_period(const IncidentStore& store, size_t sector_count,
                                              BinKind kind, const IncidentFilter& filter);

}  // namespace faro
