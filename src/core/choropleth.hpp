#pragma once
// Per-sector values for choropleth maps and their colours: incident counts, rates per km² and per
// 10,000 inhabitants (only where the sector has a population), classed by quantiles or drawn on a
// continuous ramp. Pure data: the render layer turns the colours into fills and the legend.
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

enum class ChoroplethMeasure { count, per_km2, per_10k };
enum class ChoroplethScale { quantile, continuous };

std::optional<ChoroplethMeasure> parse_choropleth_measure(
    std::string_view s);  // count|per-km2|per-10k
// Unit text for legends, e.g. "incidentes/km²" (", por año" is the caller's business).
std::string choropleth_units(ChoroplethMeasure m);

struct ChoroplethClass {
  double lower = 0, upper = 0;  // value range [lower, upper]
  Rgb color;
};

struct Choropleth {
  std::vector<std::optional<double>> values;  // per sector; nullopt = no value (no population)
  std::vector<Rgb> colors;                    // per sector (no_data_color where no value)
  std::vector<ChoroplethClass> classes;       // quantile scale only (continuous: empty)
  double vmin = 0, vmax = 0;                  // over the sectors with a value
  ChoroplethMeasure measure = ChoroplethMeasure::count;
};

// Incidents per sector from IncidentStore::sector (kNoSector rows ignored). `period_years` > 0
// divides by it (rates per year). Throws UsageError for per_10k when no sector has a population.
std::vector<std::optional<double>> sector_values(const SectorSet& sectors,
                                                 const IncidentStore& incidents,
                                                 ChoroplethMeasure measure,
                                                 double period_years = 0);

constexpr Rgb kNoDataColor{220, 220, 220};

// Colours `values` on `colormap`. quantile: `classes` classes (2..9) with breaks at the quantiles
// of the defined values (duplicate breaks merged, so fewer classes may come back), each class the
// ramp colour at its centre index; continuous: value / vmax (vmin taken as 0 for counts and rates).
Choropleth classify(std::vector<std::optional<double>> values, ChoroplethScale scale,
                    ColormapName colormap, int classes = 5);

}  // namespace faro
