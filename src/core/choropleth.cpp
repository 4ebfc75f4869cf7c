#include "core/choropleth.hpp"

#include "core/messages.hpp"

#include <algorithm>
#include <limits>
#include <cmath>

#include "core/class_breaks.hpp"
#include "core/errors.hpp"

namespace faro {

std::optional<ChoroplethMeasure> parse_choropleth_measure(std::string_view s) {
  if (s == "count") return ChoroplethMeasure::count;
  if (s == "per-km2") return ChoroplethMeasure::per_km2;
  if (s == "per-10k") return ChoroplethMeasure::per_10k;
  if (s == "change") return ChoroplethMeasure::change;
  if (s == "change-pct") return ChoroplethMeasure::change_pct;
  return std::nullopt;
}

std::optional<ChoroplethScale> parse_choropleth_scale(std::string_view s) {
  if (s == "quantile") return ChoroplethScale::quantile;
  if (s == "equal" || s == "equal-interval") return ChoroplethScale::equal_interval;
  if (s == "jenks" || s == "natural-breaks") return ChoroplethScale::jenks;
  if (s == "continuous") return ChoroplethScale::continuous;
  return std::nullopt;
}

bool is_change_measure(ChoroplethMeasure m) {
  return m == ChoroplethMeasure::change || m == ChoroplethMeasure::change_pct;
}

std::string choropleth_units(ChoroplethMeasure m, Language lang) {
  switch (m) {
    case ChoroplethMeasure::count:
      return tr(Msg::units_count, lang);
    case ChoroplethMeasure::per_km2:
      return tr(Msg::units_per_km2, lang);
    case ChoroplethMeasure::per_10k:
      return tr(Msg::units_per_10k, lang);
    case ChoroplethMeasure::change:
      return tr(Msg::units_change, lang);
    case ChoroplethMeasure::change_pct:
      return tr(Msg::units_change_pct, lang);
  }
  return "";
}

std::string choropleth_units(ChoroplethMeasure m) {
  return choropleth_units(m, Language::es);
}

std::vector<double> sector_counts(const SectorSet& sectors, const IncidentStore& incidents) {
  std::vector<double> counts(sectors.size(), 0.0);
  const bool weighted = incidents.weight.size() == incidents.size();
  for (size_t i = 0; i < incidents.sector.size(); ++i) {
    const int32_t s = incidents.sector[i];
    if (s == kNoSector || s < 0 || static_cast<size_t>(s) >= counts.size()) continue;
    counts[s] += weighted ? incidents.weight[i] : 1.0;
  }
  return counts;
}

std::vector<std::optional<double>> sector_values(const SectorSet& sectors,
                                                 const IncidentStore& incidents,
                                                 ChoroplethMeasure measure, double period_years) {
  if (is_change_measure(measure))
    throw UsageError("sector_values: a change map needs two periods (use sector_change)");
  return sector_values_from_counts(sectors, sector_counts(sectors, incidents), measure,
                                   period_years);
}

std::vector<std::optional<double>> sector_values_from_counts(const SectorSet& sectors,
                                                             std::span<const double> counts,
                                                             ChoroplethMeasure measure,
                                                             double period_years) {
  if (is_change_measure(measure))
    throw UsageError("sector_values: a change map needs two periods (use sector_change)");
  if (counts.size() < sectors.size())
    throw UsageError("sector_values: one count per sector is needed");
  const double per_year = period_years > 0 ? 1.0 / period_years : 1.0;
  std::vector<std::optional<double>> out(sectors.size());
  bool any_population = false;
  for (size_t s = 0; s < sectors.size(); ++s) {
    const Sector& sec = sectors.sectors[s];
    switch (measure) {
      case ChoroplethMeasure::count:
        out[s] = counts[s] * per_year;
        break;
      case ChoroplethMeasure::per_km2:
        if (sec.area_m2 > 0) out[s] = counts[s] * per_year / (sec.area_m2 * 1e-6);
        break;
      case ChoroplethMeasure::per_10k:
        if (sec.population && *sec.population > 0) {
          out[s] = counts[s] * per_year / *sec.population * 1e4;
          any_population = true;
        }
        break;
      case ChoroplethMeasure::change:
      case ChoroplethMeasure::change_pct:
        break;  // rejected above
    }
  }
  if (measure == ChoroplethMeasure::per_10k && !any_population)
    throw UsageError("--choropleth per-10k needs a population field in the sectors; none found");
  return out;
}

Choropleth classify(std::vector<std::optional<double>> values, ChoroplethScale scale,
                    ColormapName colormap, int classes) {
  Choropleth c;
  c.values = std::move(values);
  std::vector<double> defined;
  for (const auto& v : c.values)
    if (v && std::isfinite(*v)) defined.push_back(*v);
  std::sort(defined.begin(), defined.end());
  c.colors.assign(c.values.size(), kNoDataColor);
  if (defined.empty()) return c;
  c.vmin = defined.front();
  c.vmax = defined.back();
  if (scale == ChoroplethScale::continuous) {
    const double top = c.vmax > 0 ? c.vmax : 1.0;
    for (size_t s = 0; s < c.values.size(); ++s)
      if (c.values[s] && std::isfinite(*c.values[s]))
        c.colors[s] = colormap_sample(colormap, *c.values[s] / top);
    return c;
  }
  classes = std::clamp(classes, 2, 9);
  std::vector<double> uppers = scale == ChoroplethScale::jenks ? jenks_uppers(defined, classes)
                               : scale == ChoroplethScale::equal_interval
                                   ? equal_interval_uppers(defined, classes)
                                   : quantile_uppers(defined, classes);
  const size_t n = uppers.size();
  double lower = c.vmin;
  for (size_t k = 0; k < n; ++k) {
    // One class (every value equal): the ramp's light end for zeros, its middle otherwise, so a
    // map where nothing happened does not look alarming.
    const double t = n == 1 ? (uppers[0] > 0 ? 0.5 : 0.0) : (k + 0.5) / static_cast<double>(n);
    c.classes.push_back({lower, uppers[k], colormap_sample(colormap, 0.1 + 0.9 * t)});
    lower = uppers[k];
  }
  // A class above the first holds values > the previous upper bound: its legend starts at the
  // smallest value it actually holds ("5 – 6", not "0 – 6" after a class of zeros).
  std::vector<double> smallest(n, std::numeric_limits<double>::infinity());
  for (size_t s = 0; s < c.values.size(); ++s) {
    if (!c.values[s] || !std::isfinite(*c.values[s])) continue;
    const double v = *c.values[s];
    size_t k = 0;
    while (k + 1 < n && v > uppers[k]) ++k;
    c.colors[s] = c.classes[k].color;
    smallest[k] = std::min(smallest[k], v);
  }
  for (size_t k = 1; k < n; ++k)
    if (std::isfinite(smallest[k])) c.classes[k].lower = smallest[k];
  return c;
}

}  // namespace faro
