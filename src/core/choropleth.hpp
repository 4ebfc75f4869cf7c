#pragma once
// Per-sector values for choropleth maps and their colours: incident counts, rates per km² and per
// 10,000 inhabitants (only where the sector has a population), and change against a previous
// period (core/choropleth_change.hpp); classed by quantiles, equal intervals or natural breaks
// (core/class_breaks.hpp), or drawn on a continuous ramp. Pure data: the render layer turns the
// colours into fills and the legend.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/colormap.hpp"
#include "core/incidents.hpp"
#include "core/sectors.hpp"

namespace faro {

// Declared in core/session.hpp, which includes this header; the definition is there.
enum class Language;

// change: count in the period minus the count in an equally long previous period; change_pct:
// the same as a percentage of the previous count (see core/choropleth_change.hpp).
enum class ChoroplethMeasure { count, per_km2, per_10k, change, change_pct };
enum class ChoroplethScale { quantile, continuous, equal_interval, jenks };

std::optional<ChoroplethMeasure> parse_choropleth_measure(
    std::string_view s);  // count|per-km2|per-10k|change|change-pct
std::optional<ChoroplethScale> parse_choropleth_scale(
    std::string_view s);  // quantile|equal|jenks|continuous
bool is_change_measure(ChoroplethMeasure m);
// Unit text for legends from the catalogue, e.g. "incidentes/km²" / "incidents/km²" (" por año"
// is the caller's business, Msg::map_per_year_suffix). Without a language: Spanish.
std::string choropleth_units(ChoroplethMeasure m, Language lang);
std::string choropleth_units(ChoroplethMeasure m);

// range: values in [lower, upper]; no_change: exactly 0 on a change map; new_sectors: a change
// map's sectors with no incidents in the previous period and some now (no finite percentage);
// none_in_either: a percentage change map's sectors with no incidents in both periods (no value).
enum class ChoroplethClassKind : uint8_t { range, no_change, new_sectors, none_in_either };

struct ChoroplethClass {
  double lower = 0, upper = 0;  // value range [lower, upper]
  Rgb color;
  ChoroplethClassKind kind = ChoroplethClassKind::range;
};

struct Choropleth {
  std::vector<std::optional<double>> values;  // per sector; nullopt = no value (no population)
  std::vector<Rgb> colors;                    // per sector (no_data_color where no value)
  std::vector<ChoroplethClass> classes;       // classed scales only (continuous: empty)
  double vmin = 0, vmax = 0;                  // over the sectors with a value
  ChoroplethMeasure measure = ChoroplethMeasure::count;
  // Change maps: colours centred at zero on a diverging ramp spanning [-max_abs, +max_abs].
  bool diverging = false;
  double max_abs = 0;
  size_t new_sectors = 0;  // sectors in the new_sectors class
};

// Incidents per sector from IncidentStore::sector (kNoSector rows ignored). `period_years` > 0
// divides by it (rates per year). Throws UsageError for per_10k when no sector has a population,
// and for the change measures (they need two periods: core/choropleth_change.hpp).
std::vector<std::optional<double>> sector_values(const SectorSet& sectors,
                                                 const IncidentStore& incidents,
                                                 ChoroplethMeasure measure,
                                                 double period_years = 0);

// The same from counts already made (one per sector, weights summed), e.g. the dashboard's filter
// result; sector_counts() makes them from a store.
std::vector<std::optional<double>> sector_values_from_counts(const SectorSet& sectors,
                                                             std::span<const double> counts,
                                                             ChoroplethMeasure measure,
                                                             double period_years = 0);
std::vector<double> sector_counts(const SectorSet& sectors, const IncidentStore& incidents);

constexpr Rgb kNoDataColor{220, 220, 220};

// Colours `values` on `colormap`. Classed scales (quantile, equal_interval, jenks): `classes`
// classes (2..9) with breaks from core/class_breaks.hpp over the defined values (duplicate breaks
// merged, so fewer classes may come back), each class the ramp colour at its centre index;
// continuous: value / vmax (vmin taken as 0 for counts and rates).
Choropleth classify(std::vector<std::optional<double>> values, ChoroplethScale scale,
                    ColormapName colormap, int classes = 5);

}  // namespace faro
