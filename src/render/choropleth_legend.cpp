#include "render/choropleth_legend.hpp"

#include <cmath>
#include <limits>

#include "render/overlay_parts.hpp"

namespace faro::render {
namespace {

bool spanish(const std::string& language) {
  return language != "en";
}

// Up to 3 significant digits; counts stay whole. On change maps a sign always ("+" or a true
// minus), and " %" for percentages.
std::string format_value(double v, ChoroplethMeasure measure) {
  const bool change = is_change_measure(measure);
  std::string text = std::abs(v) >= 100 || v == std::floor(v) ? overlay::format_number(v, 0)
                                                              : overlay::format_significant(v, 3);
  if (change) {
    if (!text.empty() && text[0] == '-')
      text = "\u2212" + text.substr(1);
    else if (v > 0)
      text = "+" + text;
  }
  if (measure == ChoroplethMeasure::change_pct) text += " %";
  return text;
}

std::string two_digits(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

}  // namespace

std::string compact_period(CivilSeconds from, CivilSeconds to_exclusive) {
  const CivilDate a = civil_from_days(days_of(from)), b = civil_from_days(days_of(to_exclusive));
  if (seconds_of_day(from) == 0 && seconds_of_day(to_exclusive) == 0 && a.d == 1 && b.d == 1 &&
      to_exclusive > from) {
    const int months = (b.y * 12 + b.m) - (a.y * 12 + a.m);
    if (months == 12 && a.m == 1) return std::to_string(a.y);
    const std::string first = std::to_string(a.y) + "-" + two_digits(a.m);
    if (months == 1) return first;
    const CivilDate last = civil_from_days(days_of(to_exclusive) - 1);
    return first + " \u2013 " + std::to_string(last.y) + "-" + two_digits(last.m);
  }
  return format_date(from) + " \u2013 " + format_date(to_exclusive - kSecondsPerDay);
}

std::string choropleth_class_label(const ChoroplethClass& k, ChoroplethMeasure measure,
                                   const std::string& language) {
  switch (k.kind) {
    case ChoroplethClassKind::no_change:
      return spanish(language) ? "0 (sin cambio)" : "0 (no change)";
    case ChoroplethClassKind::new_sectors:
      return spanish(language) ? "nuevo (antes 0)" : "new (was 0)";
    case ChoroplethClassKind::none_in_either:
      return spanish(language) ? "sin incidentes en ambos periodos" : "none in either period";
    case ChoroplethClassKind::range:
      break;
  }
  const std::string lo = format_value(k.lower, measure), hi = format_value(k.upper, measure);
  return lo == hi ? lo : lo + " \u2013 " + hi;
}

ChoroplethLegend choropleth_legend(const Choropleth& c, ChoroplethScale scale,
                                   ColormapName colormap, const std::string& units,
                                   const std::string& compared_with, const std::string& language) {
  ChoroplethLegend out;
  const bool es = spanish(language);
  std::string title = units;
  if (!compared_with.empty()) title += (es ? " vs. " : " vs. ") + compared_with;
  if (scale == ChoroplethScale::continuous) {
    LegendRamp ramp;
    ramp.title = c.diverging ? title : (es ? "Incidentes por sector" : "Incidents per sector");
    ramp.units = c.diverging ? (es ? "rojo = aumento, azul = disminución"
                                   : "red = increase, blue = decrease")
                             : units;
    ramp.colormap = colormap;
    if (c.diverging) {
      // classify_change() maps v onto 0.5 + 0.5 v / max|v|: the ramp spans ±max|v|.
      const double m = c.max_abs > 0 ? c.max_abs : 1;
      ramp.vmin = -m;
      ramp.vmax = m;
      ramp.transparent_below = -std::numeric_limits<double>::infinity();
      ramp.domain_note = es ? "escala continua centrada en 0" : "continuous scale centred at 0";
    } else {
      // classify() maps value / vmax onto the ramp: the legend runs from 0 to vmax.
      ramp.vmin = 0;
      ramp.vmax = c.vmax > 0 ? c.vmax : 1;
      ramp.domain_note = es ? "escala continua" : "continuous scale";
    }
    ramp.vmax_is_clipped = false;
    out.ramp = ramp;
  }
  if (!c.classes.empty()) {
    LegendClasses legend;
    legend.title = scale == ChoroplethScale::continuous ? "" : title;
    for (const ChoroplethClass& k : c.classes)
      legend.entries.push_back({choropleth_class_label(k, c.measure, language),
                                Rgba8{k.color.r, k.color.g, k.color.b, 255},
                                Rgba8{90, 90, 90, 255}});
    out.classes = std::move(legend);
  }
  return out;
}

}  // namespace faro::render
