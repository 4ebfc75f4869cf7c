#include "core/choropleth_change.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/class_breaks.hpp"
#include "core/errors.hpp"

namespace faro {
namespace {

bool first_of_month_midnight(CivilSeconds t) {
  return seconds_of_day(t) == 0 && civil_from_days(days_of(t)).d == 1;
}

int64_t month_index(CivilSeconds t) {  // months since year 0 of a first-of-month date
  const CivilDate d = civil_from_days(days_of(t));
  return static_cast<int64_t>(d.y) * 12 + (d.m - 1);
}

CivilSeconds first_of_month(int64_t index) {
  const int64_t y = floor_div(index, 12);
  const unsigned m = static_cast<unsigned>(index - y * 12) + 1;
  return days_from_civil(y, m, 1) * kSecondsPerDay;
}

std::vector<double> side_uppers(std::vector<double> magnitudes, ChoroplethScale scale, int side,
                                double max_abs) {
  std::sort(magnitudes.begin(), magnitudes.end());
  if (magnitudes.empty()) return {};
  switch (scale) {
    case ChoroplethScale::jenks:
      return jenks_uppers(magnitudes, side);
    case ChoroplethScale::equal_interval: {
      // The same widths on both sides, from 0 to the largest |change| of either side.
      std::vector<double> uppers;
      for (int k = 1; k <= side; ++k) uppers.push_back(max_abs * k / side);
      return uppers;
    }
    default:
      return quantile_uppers(magnitudes, side);
  }
}

size_t class_of(double magnitude, const std::vector<double>& uppers) {
  size_t k = 0;
  while (k + 1 < uppers.size() && magnitude > uppers[k]) ++k;
  return k;
}

// A percentage change map leaves sectors with no incidents in either period without a value
// (drawn kNoDataColor): name them in the legend rather than leave grey sectors unexplained.
void add_none_in_either(const SectorChange& ch, Choropleth& c) {
  for (size_t s = 0; s < ch.values.size() && s < ch.is_new.size(); ++s)
    if (!ch.values[s] && !ch.is_new[s]) {
      c.classes.push_back({0, 0, kNoDataColor, ChoroplethClassKind::none_in_either});
      return;
    }
}

}  // namespace

Period previous_period(const Period& cur) {
  if (!(cur.from < cur.to_exclusive))
    throw UsageError("previous_period: the period must end after it starts");
  if (first_of_month_midnight(cur.from) && first_of_month_midnight(cur.to_exclusive)) {
    const int64_t months = month_index(cur.to_exclusive) - month_index(cur.from);
    return {first_of_month(month_index(cur.from) - months), cur.from};
  }
  return {cur.from - (cur.to_exclusive - cur.from), cur.from};
}

SectorChange sector_change(const SectorSet& sectors, const IncidentStore& current,
                           const IncidentStore& previous, ChoroplethMeasure measure) {
  if (!is_change_measure(measure))
    throw UsageError("sector_change: the measure must be change or change-pct");
  return sector_change_from_counts(sector_counts(sectors, current),
                                   sector_counts(sectors, previous), measure);
}

SectorChange sector_change_from_counts(std::vector<double> current, std::vector<double> previous,
                                       ChoroplethMeasure measure) {
  if (!is_change_measure(measure))
    throw UsageError("sector_change: the measure must be change or change-pct");
  if (current.size() != previous.size())
    throw UsageError("sector_change: both periods need one count per sector");
  SectorChange ch;
  ch.measure = measure;
  ch.current = std::move(current);
  ch.previous = std::move(previous);
  const size_t n = ch.current.size();
  ch.values.assign(n, std::nullopt);
  ch.is_new.assign(n, 0);
  for (size_t s = 0; s < n; ++s) {
    const double now = ch.current[s], before = ch.previous[s];
    if (before <= 0 && now > 0) {
      ch.is_new[s] = 1;
    } else if (measure == ChoroplethMeasure::change) {
      ch.values[s] = now - before;
    } else if (before > 0) {
      ch.values[s] = 100.0 * (now - before) / before;
    }  // change_pct with both zero: undefined, drawn as no data
  }
  return ch;
}

Rgb new_sector_color(ColormapName diverging) {
  // Set1 purple on RdBu (a hue the ramp never takes, lighter than its darkest red); PRGn's dark
  // green on PuOr, whose low end is purple.
  return diverging == ColormapName::puor_r ? Rgb{27, 120, 55} : Rgb{152, 78, 163};
}

Choropleth classify_change(const SectorChange& ch, ChoroplethScale scale, ColormapName diverging,
                           int classes) {
  Choropleth c;
  c.values = ch.values;
  c.measure = ch.measure;
  c.diverging = true;
  const size_t n = c.values.size();
  c.colors.assign(n, kNoDataColor);
  std::vector<double> negative, positive;  // magnitudes
  bool any_zero = false, any_value = false;
  c.vmin = std::numeric_limits<double>::infinity();
  c.vmax = -c.vmin;
  for (const auto& v : c.values) {
    if (!v || !std::isfinite(*v)) continue;
    any_value = true;
    c.vmin = std::min(c.vmin, *v);
    c.vmax = std::max(c.vmax, *v);
    if (*v < 0)
      negative.push_back(-*v);
    else if (*v > 0)
      positive.push_back(*v);
    else
      any_zero = true;
  }
  if (!any_value) c.vmin = c.vmax = 0;
  c.max_abs = std::max(std::abs(c.vmin), std::abs(c.vmax));
  const Rgb new_color = new_sector_color(diverging);
  for (size_t s = 0; s < n && s < ch.is_new.size(); ++s)
    if (ch.is_new[s]) c.colors[s] = new_color, ++c.new_sectors;
  const ChoroplethClass new_class{0, 0, new_color, ChoroplethClassKind::new_sectors};

  if (scale == ChoroplethScale::continuous) {
    for (size_t s = 0; s < n; ++s)
      if (c.values[s] && std::isfinite(*c.values[s]))
        c.colors[s] =
            colormap_sample(diverging, c.max_abs > 0 ? 0.5 + 0.5 * *c.values[s] / c.max_abs : 0.5);
    if (c.new_sectors > 0) c.classes.push_back(new_class);  // shown beside the ramp
    add_none_in_either(ch, c);
    return c;
  }

  const int side = std::max(1, std::clamp(classes, 2, 9) / 2);
  const std::vector<double> neg_up = side_uppers(negative, scale, side, c.max_abs);
  const std::vector<double> pos_up = side_uppers(positive, scale, side, c.max_abs);
  const size_t steps = std::max(neg_up.size(), pos_up.size());
  // Distance from the neutral centre of the i-th class outwards (1-based): the same steps on
  // both sides, the first one already clearly coloured.
  const auto offset = [&](size_t i) { return 0.5 * (0.2 + 0.8 * i / static_cast<double>(steps)); };
  const double kInf = std::numeric_limits<double>::infinity();
  // Classes: decreases from the largest, zero, increases from the smallest, then new.
  for (size_t i = neg_up.size(); i >= 1; --i)
    c.classes.push_back({kInf, -kInf, colormap_sample(diverging, 0.5 - offset(i))});
  const size_t zero_index = c.classes.size();
  if (any_zero)
    c.classes.push_back({0, 0, colormap_sample(diverging, 0.5), ChoroplethClassKind::no_change});
  const size_t pos_start = c.classes.size();
  for (size_t i = 1; i <= pos_up.size(); ++i)
    c.classes.push_back({kInf, -kInf, colormap_sample(diverging, 0.5 + offset(i))});

  std::vector<size_t> members(c.classes.size(), 0);
  for (size_t s = 0; s < n; ++s) {
    if (!c.values[s] || !std::isfinite(*c.values[s])) continue;
    const double v = *c.values[s];
    size_t k = zero_index;
    if (v < 0)
      k = neg_up.size() - 1 - class_of(-v, neg_up);
    else if (v > 0)
      k = pos_start + class_of(v, pos_up);
    ChoroplethClass& cls = c.classes[k];
    cls.lower = std::min(cls.lower, v);
    cls.upper = std::max(cls.upper, v);
    c.colors[s] = cls.color;
    ++members[k];
  }
  // Drop classes nobody fell in (equal intervals can leave gaps); colours stay as assigned.
  std::vector<ChoroplethClass> kept;
  for (size_t k = 0; k < c.classes.size(); ++k)
    if (members[k] > 0) kept.push_back(c.classes[k]);
  c.classes = std::move(kept);
  if (c.new_sectors > 0) c.classes.push_back(new_class);
  add_none_in_either(ch, c);
  return c;
}

}  // namespace faro
