#include "render/choropleth_legend.hpp"

#include <cmath>
#include <limits>

#include "core/messages.hpp"
#include "render/overlay_parts.hpp"

namespace faro::render {
namespace {

Language lang_of(const std::string& code) {
  return language_from_code(code);
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
      return tr(Msg::legend_zero_no_change, lang_of(language));
    case ChoroplethClassKind::new_sectors:
      return tr(Msg::legend_new_was_zero, lang_of(language));
    case ChoroplethClassKind::none_in_either:
      return tr(Msg::legend_none_either, lang_of(language));
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
  const Language lang = lang_of(language);
  std::string title = units;
  if (!compared_with.empty()) title += " vs. " + compared_with;
  if (scale == ChoroplethScale::continuous) {
    LegendRamp ramp;
    ramp.title = c.diverging ? title : tr(Msg::legend_per_sector, lang);
    ramp.units = c.diverging ? tr(Msg::legend_red_blue, lang) : units;
    ramp.colormap = colormap;
    if (c.diverging) {
      // classify_change() maps v onto 0.5 + 0.5 v / max|v|: the ramp spans ±max|v|.
      const double m = c.max_abs > 0 ? c.max_abs : 1;
      ramp.vmin = -m;
      ramp.vmax = m;
      ramp.transparent_below = -std::numeric_limits<double>::infinity();
      ramp.domain_note = tr(Msg::legend_continuous_centred, lang);
    } else {
      // classify() maps value / vmax onto the ramp: the legend runs from 0 to vmax.
      ramp.vmin = 0;
      ramp.vmax = c.vmax > 0 ? c.vmax : 1;
      ramp.domain_note = tr(Msg::legend_continuous, lang);
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
