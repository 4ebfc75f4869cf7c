// The demo city: outline, Voronoi sectors grouped into districts, population, simulated incidents
// (demo_incidents.cpp) and three programs whose effect is applied here by thinning, so the true
// answer (DemoCity::program_effect) is known exactly.
#include "core/demo_city.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "core/demo_geometry.hpp"
#include "core/demo_incidents.hpp"
#include "core/demo_model.hpp"
#include "core/demo_names.hpp"
#include "core/errors.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

using demo::SpaceModel;

// lon -98.20, lat 19.05 (Puebla, Mexico) is (584176.90, 2106551.68) in EPSG:32614 per PROJ 9.1;
// rounded to the metre. Hard-coded so core needs no PROJ.
constexpr Vec2 kCentre{584177, 2106552};
constexpr double kSemiAxisX = 9000, kSemiAxisY = 7000;  // city about 18 km x 14 km
constexpr double kTwoPi = 6.283185307179586;

void validate(const DemoOptions& o) {
  if (o.sectors < 12 || o.sectors > 1000)
    throw UsageError("demo city: sectors must be between 12 and 1000, got " +
                     std::to_string(o.sectors));
  if (o.incidents < 0 || o.incidents > 5'000'000)
    throw UsageError("demo city: incidents must be between 0 and 5000000");
  if (o.first_year < 1900 || o.last_year > 2100 || o.first_year > o.last_year)
    throw UsageError("demo city: years must satisfy 1900 <= first_year <= last_year <= 2100");
  if (!(o.program_effect > 0 && o.program_effect <= 1))
    throw UsageError(
        "demo city: program_effect must be in (0, 1] (a rate ratio applied by thinning)");
}

// A smooth irregular ellipse, tilted a little, made convex so Voronoi clipping stays simple.
Ring make_outline(Random& rng) {
  double amp[3], phase[3];
  for (int m = 0; m < 3; ++m) amp[m] = rng.uniform(0.02, 0.06), phase[m] = rng.uniform(0, kTwoPi);
  const double tilt = rng.uniform(-0.25, 0.25);
  std::vector<Vec2> points;
  constexpr int kVertices = 32;
  for (int k = 0; k < kVertices; ++k) {
    const double theta = kTwoPi * k / kVertices;
    double r = 1.0;
    for (int m = 0; m < 3; ++m) r += amp[m] * std::cos((m + 2) * theta + phase[m]);
    const double ex = kSemiAxisX * r * std::cos(theta), ey = kSemiAxisY * r * std::sin(theta);
    const double x = kCentre.x + ex * std::cos(tilt) - ey * std::sin(tilt);
    const double y = kCentre.y + ex * std::sin(tilt) + ey * std::cos(tilt);
    points.push_back({std::round(x * 100) / 100, std::round(y * 100) / 100});
  }
  return demo::convex_hull(std::move(points));
}

// 0 at the centre, about 1 on the outline.
double ellipse_radius(Vec2 p) {
  return std::hypot((p.x - kCentre.x) / kSemiAxisX, (p.y - kCentre.y) / kSemiAxisY);
}

// Dart throwing with a spacing that grows outwards (small dense sectors downtown, large ones at
// the edge); the spacing shrinks whenever the outline is saturated, until `count` seeds fit.
std::vector<Vec2> place_seeds(const Ring& outline, int count, Random& rng) {
  Box b;
  for (const Vec2& v : outline) b.expand(v.x, v.y);
  auto spacing = [](Vec2 p) { return 0.6 + 0.6 * std::min(1.0, ellipse_radius(p)); };
  double scale = 1.05 * std::sqrt(std::abs(signed_area(outline)) / count);
  std::vector<Vec2> seeds;
  int failures = 0;
  while (static_cast<int>(seeds.size()) < count) {
    const Vec2 p{std::round(rng.uniform(b.xmin, b.xmax)), std::round(rng.uniform(b.ymin, b.ymax))};
    if (!demo::convex_contains(outline, p)) continue;
    bool ok = true;
    for (const Vec2& q : seeds) {
      const double need = 0.5 * (spacing(p) + spacing(q)) * scale;
      if (std::hypot(p.x - q.x, p.y - q.y) < need) {
        ok = false;
        break;
      }
    }
    if (ok) {
      seeds.push_back(p);
      failures = 0;
    } else if (++failures == 2000) {
      scale *= 0.93;
      failures = 0;
    }
  }
  return seeds;
}

// District 0 (Centro) = the 20 % of seeds nearest the centre; the rest by compass quadrant.
int district_of(Vec2 seed, bool central) {
  if (central) return 0;
  const double deg = std::atan2(seed.y - kCentre.y, seed.x - kCentre.x) * 360 / kTwoPi;
  if (deg >= 45 && deg < 135) return 1;    // Norte
  if (deg >= -45 && deg < 45) return 2;    // Oriente
  if (deg >= -135 && deg < -45) return 3;  // Sur
  return 4;                                // Poniente
}

// Connected group of `size` sectors grown greedily from `start` by highest incident count.
std::vector<size_t> grow_group(size_t start, size_t size, const std::vector<int64_t>& counts,
                               const std::vector<std::vector<bool>>& adjacent,
                               const std::vector<bool>& blocked) {
  std::vector<size_t> group{start};
  std::vector<bool> taken(counts.size(), false);
  taken[start] = true;
  while (group.size() < size) {
    std::optional<size_t> best;
    for (size_t s = 0; s < counts.size(); ++s) {
      if (taken[s] || blocked[s]) continue;
      bool touches = false;
      for (size_t g : group) touches |= adjacent[g][s];
      if (touches && (!best || counts[s] > counts[*best])) best = s;
    }
    if (!best) break;
    group.push_back(*best);
    taken[*best] = true;
  }
  return group;
}

struct ProgramPlan {
  const char* name;
  size_t sectors;
  int year_offset, month, day;  // rollout of the first sector, relative to first_year
  int stagger_days;             // later sectors follow at this interval
  double fallback_fraction;     // position in the window when the window is too short
};

constexpr ProgramPlan kPlans[] = {
    {"Alto al Fuego - Fase 1", 4, 2, 3, 2, 0, 0.28},   // 2020-03-02 with the default window
    {"Alto al Fuego - Fase 2", 5, 4, 2, 7, 21, 0.52},  // 2022-02-07, then every three weeks
    {"Alto al Fuego - Fase 3", 3, 5, 9, 4, 0, 0.72},   // 2023-09-04
};

int64_t rollout_day(const ProgramPlan& plan, const DemoOptions& o, demo::TimeWindow w) {
  int64_t day = days_from_civil(o.first_year + plan.year_offset, plan.month, plan.day);
  if (o.first_year + plan.year_offset >= o.last_year)  // short window: place proportionally
    day = w.first_day + static_cast<int64_t>(plan.fallback_fraction * (w.end_day - w.first_day));
  while (weekday_of_days(day) != 0) ++day;  // programs start on a Monday
  return day;
}

std::vector<Program> plan_programs(const SectorSet& set, const SpaceModel& space,
                                   const std::vector<int64_t>& counts, const DemoOptions& o,
                                   demo::TimeWindow window) {
  const size_t n = set.size();
  std::vector<std::vector<bool>> adjacent(n, std::vector<bool>(n, false));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      adjacent[i][j] = adjacent[j][i] = demo::share_edge(space.cells[i], space.cells[j]);
  // Programs go where violence concentrates, but never next to each other, so every program keeps
  // untreated neighbours and most high-rate sectors stay untreated as comparisons.
  std::vector<bool> blocked(n, false);
  std::vector<Program> programs;
  for (const ProgramPlan& plan : kPlans) {
    std::optional<size_t> start;
    for (size_t s = 0; s < n; ++s)
      if (!blocked[s] && (!start || counts[s] > counts[*start])) start = s;
    if (!start) break;
    const std::vector<size_t> group = grow_group(*start, plan.sectors, counts, adjacent, blocked);
    Program p;
    p.name = plan.name;
    const int64_t first = rollout_day(plan, o, window);
    for (size_t k = 0; k < group.size(); ++k) {
      const size_t s = group[k];
      ProgramSector ps;
      ps.sector = set.sectors[s].name;
      ps.start = std::min(first + static_cast<int64_t>(k) * plan.stagger_days, window.end_day - 1) *
                 kSecondsPerDay;
      p.sectors.push_back(ps);
      p.area.push_back(set.sectors[s].shape.front());
      blocked[s] = true;
      for (size_t t = 0; t < n; ++t) blocked[t] = blocked[t] || adjacent[s][t];
    }
    programs.push_back(std::move(p));
  }
  return programs;
}

}  // namespace

DemoCity generate_demo_city(const DemoOptions& options) {
  return generate_demo_city(options, nullptr);
}

DemoCity generate_demo_city(const DemoOptions& options, demo::CityModel* model) {
  validate(options);
  Random rng(options.seed);
  DemoCity city;
  city.seed = options.seed;
  city.program_effect = options.program_effect;
  city.outline = make_outline(rng);

  // Seeds, districts, and the sector order: by district, then outwards from the centre.
  std::vector<Vec2> seeds = place_seeds(city.outline, options.sectors, rng);
  std::vector<size_t> by_distance(seeds.size());
  std::iota(by_distance.begin(), by_distance.end(), size_t{0});
  auto radius = [&](size_t i) { return ellipse_radius(seeds[i]); };
  std::sort(by_distance.begin(), by_distance.end(), [&](size_t a, size_t b) {
    return radius(a) < radius(b) || (radius(a) == radius(b) && a < b);
  });
  std::vector<int> district(seeds.size());
  const size_t central = (seeds.size() + 2) / 5;
  for (size_t k = 0; k < by_distance.size(); ++k)
    district[by_distance[k]] = district_of(seeds[by_distance[k]], k < central);
  std::vector<size_t> order = by_distance;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return district[a] < district[b]; });

  SpaceModel space;
  space.outline = city.outline;
  for (size_t i : order) space.seeds.push_back(seeds[i]);
  for (size_t i = 0; i < space.seeds.size(); ++i)
    space.cells.push_back(demo::voronoi_cell(city.outline, space.seeds, i));
  demo::snap_vertices(space.cells, 0.05, 0.01);

  const std::vector<std::string> names = demo::pick_sector_names(space.seeds.size(), rng);
  SectorSet& set = city.sectors;
  set.name_field = "sector";
  set.work_srs = city.work_srs;
  set.attribute_names = {"distrito"};
  for (size_t k = 0; k < order.size(); ++k) {
    if (space.cells[k].size() < 3) throw InternalError("demo city: empty Voronoi cell");
    Sector s;
    s.name = names[k];
    s.shape = {Polygon{space.cells[k], {}}};
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    // People per km2: about 15,000 downtown falling to 6,000 at the edge, with local variation.
    const double r = ellipse_radius(space.seeds[k]);
    const double density = (6000 + 9000 * std::exp(-2.5 * r * r)) * rng.lognormal(0, 0.25);
    s.population = std::round(std::clamp(density * s.area_m2 / 1e6, 10000.0, 60000.0) / 10) * 10;
    const std::string& district_name = demo::district_names()[district[order[k]]];
    city.districts.push_back(district_name);
    set.attributes.push_back({district_name});
    space.background.push_back(*s.population * rng.lognormal(0, 0.45));  // x sector risk
    set.sectors.push_back(std::move(s));
  }

  const demo::TimeWindow window{days_from_civil(options.first_year, 1, 1),
                                days_from_civil(options.last_year + 1, 1, 1)};
  const std::vector<demo::Hotspot> hotspots = demo::place_hotspots(space, rng);
  const demo::RawIncidents raw = demo::simulate_incidents(
      space, hotspots, window, static_cast<double>(options.incidents), rng);

  if (model) *model = {space, hotspots, window, static_cast<double>(options.incidents)};
  std::vector<int64_t> counts(set.size(), 0);
  for (int32_t s : raw.sector) ++counts[s];
  city.programs = plan_programs(set, space, counts, options, window);

  // The program effect: after its rollout, each incident in a program sector survives with
  // probability program_effect, so the true post/pre rate ratio there is exactly that factor.
  std::vector<std::optional<CivilSeconds>> rollout(set.size());
  for (const Program& p : city.programs)
    for (const ProgramSector& ps : p.sectors) rollout[*set.find(ps.sector)] = ps.start;
  std::vector<size_t> kept;
  kept.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const auto& start = rollout[raw.sector[i]];
    if (start && raw.t[i] >= *start && !(rng.uniform() < options.program_effect)) continue;
    kept.push_back(i);
  }
  // Published like a real file: in time order (a total order, so the result is reproducible).
  std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
    if (raw.t[a] != raw.t[b]) return raw.t[a] < raw.t[b];
    if (raw.x[a] != raw.x[b]) return raw.x[a] < raw.x[b];
    if (raw.y[a] != raw.y[b]) return raw.y[a] < raw.y[b];
    return a < b;
  });

  IncidentStore& store = city.incidents;
  store.category_field = "categoria";
  store.work_srs = city.work_srs;
  std::vector<uint16_t> codes;
  for (std::string_view name : demo::kCategoryNames) codes.push_back(store.categories.intern(name));
  store.reserve(kept.size());
  store.sector.reserve(kept.size());
  for (size_t i : kept) {
    store.push_back(raw.x[i], raw.y[i], raw.t[i], codes[raw.category[i]], kHasTimeOfDay);
    store.sector.push_back(raw.sector[i]);
  }
  city.incident_ids.resize(store.size());
  std::iota(city.incident_ids.begin(), city.incident_ids.end(), int64_t{1});
  return city;
}

}  // namespace faro
