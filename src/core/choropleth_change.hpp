#pragma once
// Choropleth of change against a previous period: per sector, the incidents in the selected
// period minus those in an equally long previous period (or that difference as a percentage of
// the previous count), coloured on a diverging ramp centred at zero (increases red, decreases
// blue with ColormapName::rdbu_r). Sectors with no incidents before and some now have no finite
// percentage: they form their own "new" class instead of an infinite value. Exact zeros (no
// change) get the ramp's neutral centre as their own class.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/choropleth.hpp"
#include "core/civil_time.hpp"
#include "core/incidents.hpp"
#include "core/sectors.hpp"

namespace faro {

struct Period {
  CivilSeconds from = 0, to_exclusive = 0;
};

// The equally long period just before [from, to_exclusive). When both ends are midnights on the
// first of a month the length is counted in calendar months (2024 → 2023, March → February), so a
// leap year or a 31-day month compares with its calendar predecessor; otherwise in seconds.
// Throws UsageError unless from < to_exclusive.
Period previous_period(const Period& current);

struct SectorChange {
  std::vector<double> current, previous;      // incidents per sector (weights when present)
  std::vector<std::optional<double>> values;  // the change; nullopt where undefined or new
  std::vector<uint8_t> is_new;                // previous == 0 and current > 0
  ChoroplethMeasure measure = ChoroplethMeasure::change;
};

// Counts each store's incidents by their assigned sector (the stores are already cut to their
// periods) and derives the change. change: current - previous; change_pct: 100 * (current -
// previous) / previous. In both, a sector with previous == 0 < current is "new" (no value); with
// both zero the change is 0 for change and undefined (no data) for change_pct.
// Throws UsageError for a measure that is not a change measure.
SectorChange sector_change(const SectorSet& sectors, const IncidentStore& current,
                           const IncidentStore& previous, ChoroplethMeasure measure);

// The same from counts per sector (equal sizes).
SectorChange sector_change_from_counts(std::vector<double> current, std::vector<double> previous,
                                       ChoroplethMeasure measure);

// The colour of the "new" class: distinct from every entry of `diverging` (purple on RdBu, dark
// green on PuOr).
Rgb new_sector_color(ColormapName diverging);

// Colours a change on `diverging`, centred at zero. continuous: t = 0.5 + 0.5 v / max|v|.
// Classed scales: the negative and positive values are classed separately (classes / 2 classes
// each side, breaks on |v| by `scale`), exact zeros form a neutral class, and each side's classes
// step outwards from the centre with the same intensity steps on both sides; classes are ordered
// from the largest decrease to the largest increase, then "new", then (percentages only) "none in
// either period" in kNoDataColor. Class bounds are the smallest and largest value actually in
// each class.
Choropleth classify_change(const SectorChange& change, ChoroplethScale scale,
                           ColormapName diverging, int classes = 5);

}  // namespace faro
