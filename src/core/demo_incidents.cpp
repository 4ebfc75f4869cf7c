#include "core/demo_incidents.hpp"

#include <cmath>
#include <limits>

#include "core/demo_geometry.hpp"

namespace faro::demo {
namespace {

constexpr double kTwoPi = 6.283185307179586;

// Relative intensity by hour of day: low in the morning, peak around 22:00.
constexpr double kHourProfile[24] = {1.60, 1.45, 1.25, 1.00, 0.75, 0.55, 0.42, 0.40,
                                     0.48, 0.58, 0.68, 0.76, 0.82, 0.86, 0.90, 0.95,
                                     1.02, 1.12, 1.26, 1.42, 1.58, 1.72, 1.82, 1.74};
// Monday..Sunday: more on Friday to Sunday.
constexpr double kWeekday[7] = {0.88, 0.84, 0.86, 0.92, 1.08, 1.28, 1.22};

double round_cm(double v) {
  return std::round(v * 100.0) / 100.0;
}
double dist2(Vec2 a, Vec2 b) {
  return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

// Slow trend, in years since the window starts: a rise to a peak in the third year, then a decline.
double trend(double years) {
  constexpr double kx[] = {0.0, 2.4, 4.0, 8.0};
  constexpr double ky[] = {1.00, 1.18, 1.08, 0.85};
  if (years <= kx[0]) return ky[0];
  for (int i = 1; i < 4; ++i)
    if (years <= kx[i])
      return ky[i - 1] + (ky[i] - ky[i - 1]) * (years - kx[i - 1]) / (kx[i] - kx[i - 1]);
  return ky[3];
}

// Yearly cycle peaking in mid-May, plus the December holidays (24 Dec - 1 Jan).
double yearly(int64_t day) {
  const CivilDate d = civil_from_days(day);
  const double doy = static_cast<double>(day - days_from_civil(d.y, 1, 1));
  double f = 1.0 + 0.12 * std::cos(kTwoPi * (doy - 135.0) / 365.25);
  if ((d.m == 12 && d.d >= 24) || (d.m == 1 && d.d == 1)) f *= 1.30;
  return f;
}

}  // namespace

double hour_weight(int64_t day, int hour, double years) {
  const int wd = weekday_of_days(day);
  double w = trend(years) * yearly(day) * kWeekday[wd] * kHourProfile[hour];
  const bool friday_saturday_night = (wd == 4 || wd == 5) && hour >= 20;
  const bool after_midnight_weekend = (wd == 5 || wd == 6) && hour < 4;
  if (friday_saturday_night || after_midnight_weekend) w *= 1.35;
  return w;
}

Vec2 rounded(Vec2 p) {
  return {round_cm(p.x), round_cm(p.y)};
}

Vec2 uniform_in_cell(const Ring& cell, Random& rng) {
  Box b;
  for (const Vec2& v : cell) b.expand(v.x, v.y);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const Vec2 p = rounded({rng.uniform(b.xmin, b.xmax), rng.uniform(b.ymin, b.ymax)});
    if (convex_contains(cell, p)) return p;
  }
  return rounded(centroid(cell));  // unreachable for a cell of non-trivial area
}

Vec2 around_hotspot(const Hotspot& h, const Ring& outline, Random& rng) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const double dx = rng.normal(0, h.sigma_m), dy = rng.normal(0, h.sigma_m);
    const Vec2 p = rounded({h.centre.x + dx, h.centre.y + dy});
    if (convex_contains(outline, p)) return p;
  }
  return rounded(h.centre);  // hotspots sit >= 1.5 km inside the outline: practically unreachable
}

int32_t locate_sector(const SpaceModel& space, Vec2 p) {
  size_t nearest = 0;
  double best = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < space.seeds.size(); ++i) {
    const double d = dist2(p, space.seeds[i]);
    if (d < best) best = d, nearest = i;
  }
  if (convex_contains(space.cells[nearest], p)) return static_cast<int32_t>(nearest);
  for (size_t i = 0; i < space.cells.size(); ++i)
    if (convex_contains(space.cells[i], p)) return static_cast<int32_t>(i);
  return static_cast<int32_t>(nearest);
}

std::vector<Hotspot> place_hotspots(const SpaceModel& space, Random& rng) {
  Box b;
  for (const Vec2& v : space.outline) b.expand(v.x, v.y);
  const int count = 6 + static_cast<int>(rng.below(5));  // 6..10
  std::vector<Hotspot> hotspots;
  double min_gap = 1500;
  for (int attempt = 0; static_cast<int>(hotspots.size()) < count; ++attempt) {
    if (attempt > 0 && attempt % 500 == 0) min_gap *= 0.8;  // crowded outline: relax spacing
    const Vec2 c = rounded({rng.uniform(b.xmin, b.xmax), rng.uniform(b.ymin, b.ymax)});
    if (!convex_contains(space.outline, c) || distance_to_boundary(space.outline, c) < 1500)
      continue;
    bool crowded = false;
    for (const Hotspot& h : hotspots) crowded |= dist2(h.centre, c) < min_gap * min_gap;
    if (crowded) continue;
    Hotspot h;
    h.centre = c;
    h.sigma_m = rng.uniform(150, 400);
    h.weight = rng.lognormal(0, 0.5);
    hotspots.push_back(h);
  }
  return hotspots;
}

RawIncidents simulate_incidents(const SpaceModel& space, const std::vector<Hotspot>& hotspots,
                                TimeWindow window, double expected_total, Random& rng) {
  // Hour-resolution temporal intensity over the whole window (70k cells for 8 years).
  const int64_t days = window.end_day - window.first_day;
  std::vector<double> hourly(static_cast<size_t>(days) * 24);
  for (int64_t d = 0; d < days; ++d) {
    const double years = static_cast<double>(d) / 365.25;
    for (int h = 0; h < 24; ++h) hourly[d * 24 + h] = hour_weight(window.first_day + d, h, years);
  }
  const DiscreteSampler when(hourly);
  const DiscreteSampler where_background(space.background);
  std::vector<double> hotspot_weights;
  for (const Hotspot& h : hotspots) hotspot_weights.push_back(h.weight);
  const DiscreteSampler which_hotspot(hotspot_weights);
  const DiscreteSampler base_category({std::begin(kBaseMix), std::end(kBaseMix)});
  const DiscreteSampler follow_up_category({std::begin(kFollowUpMix), std::end(kFollowUpMix)});

  // Expected offspring per shooting over two generations: q + q^2.
  double firearm_share = 0;
  for (int c = 0; c < kFirearmCategories; ++c) firearm_share += kBaseMix[c];
  const double q = kNearRepeatProb;
  const double base_expected = expected_total / (1 + firearm_share * (q + q * q));
  const int64_t base_count = rng.poisson(base_expected);

  RawIncidents out;
  const size_t capacity = static_cast<size_t>(expected_total * 1.1) + 16;
  for (auto* v : {&out.x, &out.y}) v->reserve(capacity);
  out.t.reserve(capacity);
  out.category.reserve(capacity);
  out.generation.reserve(capacity);
  auto push = [&](Vec2 p, CivilSeconds t, int category, int generation) {
    out.x.push_back(p.x);
    out.y.push_back(p.y);
    out.t.push_back(t);
    out.category.push_back(static_cast<uint8_t>(category));
    out.generation.push_back(static_cast<uint8_t>(generation));
  };

  for (int64_t i = 0; i < base_count; ++i) {
    const bool from_hotspot = !hotspots.empty() && rng.uniform() < kHotspotShare;
    const Vec2 p = from_hotspot
                       ? around_hotspot(hotspots[which_hotspot.draw(rng)], space.outline, rng)
                       : uniform_in_cell(space.cells[where_background.draw(rng)], rng);
    const auto slot = static_cast<int64_t>(when.draw(rng));
    const int64_t day = window.first_day + slot / 24;
    const CivilSeconds t = day * kSecondsPerDay + (slot % 24) * 3600 + rng.below(60) * 60;
    push(p, t, static_cast<int>(base_category.draw(rng)), 0);
  }

  // Near-repeat: walk the list as a queue, so follow-ups can spawn their own (up to generation 2).
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.category[i] >= kFirearmCategories || out.generation[i] >= kMaxGeneration) continue;
    if (!rng.bernoulli(q)) continue;
    const int64_t day = days_of(out.t[i]) + 1 + static_cast<int64_t>(rng.below(kNearRepeatMaxDays));
    const double r = kNearRepeatRadiusM * std::sqrt(rng.uniform());
    const double angle = kTwoPi * rng.uniform();
    const Vec2 p = rounded({out.x[i] + r * std::cos(angle), out.y[i] + r * std::sin(angle)});
    const int category = static_cast<int>(follow_up_category.draw(rng));
    double day_weights[24];
    for (int h = 0; h < 24; ++h) day_weights[h] = hour_weight(day, h, 0.0);
    const int hour = static_cast<int>(
        DiscreteSampler({std::begin(day_weights), std::end(day_weights)}).draw(rng));
    const CivilSeconds t = day * kSecondsPerDay + hour * 3600 + rng.below(60) * 60;
    // Follow-ups past the window or outside the city are simply not observed.
    if (day >= window.end_day || !convex_contains(space.outline, p)) continue;
    push(p, t, category, out.generation[i] + 1);
  }

  out.sector.resize(out.size());
  for (size_t i = 0; i < out.size(); ++i)
    out.sector[i] = locate_sector(space, {out.x[i], out.y[i]});
  return out;
}

}  // namespace faro::demo
