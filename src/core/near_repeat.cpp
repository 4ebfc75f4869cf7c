#include "core/near_repeat.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/civil_time.hpp"
#include "core/errors.hpp"

namespace faro {

std::optional<NearRepeatParams> suggest_near_repeat(const KnoxResult& knox,
                                                    const KnoxOptions& options, double alpha) {
  const size_t nd = knox.distance_bands, nt = knox.time_bands > 0 ? knox.time_bands - 1 : 0;
  if (nd == 0 || nt == 0 || options.distance_edges_m.size() < nd ||
      options.time_edges_days.size() < nt)
    return std::nullopt;
  // Benjamini-Hochberg over the near cells: the largest rank r with p_(r) <= r alpha / m.
  std::vector<size_t> order(nd * nt);
  std::iota(order.begin(), order.end(), 0);
  auto p_of = [&](size_t i) { return knox.at(i / nt, i % nt).p; };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p_of(a) < p_of(b); });
  const double m = static_cast<double>(order.size());
  double threshold = -1;
  for (size_t r = 0; r < order.size(); ++r)
    if (p_of(order[r]) <= (static_cast<double>(r) + 1) * alpha / m) threshold = p_of(order[r]);
  auto significant = [&](size_t d, size_t t) {
    const KnoxCell& c = knox.at(d, t);
    return threshold >= 0 && c.p <= threshold && std::isfinite(c.ratio) && c.ratio > 1;
  };
  if (!significant(0, 0)) return std::nullopt;
  NearRepeatParams out;
  out.alpha = alpha;
  size_t d_max = 0, t_max = 0;
  while (d_max + 1 < nd && significant(d_max + 1, 0)) ++d_max;
  while (t_max + 1 < nt && significant(0, t_max + 1)) ++t_max;
  out.radius_m = options.distance_edges_m[d_max];
  out.days = options.time_edges_days[t_max];
  out.relative_risk = knox.at(0, 0).ratio;
  for (size_t d = 0; d < nd; ++d)
    for (size_t t = 0; t < nt; ++t)
      if (significant(d, t))
        out.significant.push_back({options.distance_edges_m[d], options.time_edges_days[t],
                                   knox.at(d, t).ratio, knox.at(d, t).p});
  return out;
}

bool RiskZone::contains(Vec2 p, double radius_m) const {
  if (p.x < bounds.xmin || p.x > bounds.xmax || p.y < bounds.ymin || p.y > bounds.ymax)
    return false;
  const double r2 = radius_m * radius_m;
  for (const Vec2& s : seeds)
    if ((p.x - s.x) * (p.x - s.x) + (p.y - s.y) * (p.y - s.y) <= r2) return true;
  return false;
}

namespace {

struct DisjointSets {
  std::vector<size_t> parent;
  explicit DisjointSets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Pairs of points closer than `reach`, through a uniform grid of that cell size.
template <class F>
void close_pairs(const std::vector<Vec2>& pts, double reach, F&& on_pair) {
  std::unordered_map<int64_t, std::vector<uint32_t>> grid;
  auto key = [](int64_t cx, int64_t cy) { return cx * 73856093LL ^ cy * 19349663LL; };
  auto cell = [&](double v) { return static_cast<int64_t>(std::floor(v / reach)); };
  for (uint32_t i = 0; i < pts.size(); ++i) grid[key(cell(pts[i].x), cell(pts[i].y))].push_back(i);
  const double r2 = reach * reach;
  for (uint32_t i = 0; i < pts.size(); ++i) {
    const int64_t cx = cell(pts[i].x), cy = cell(pts[i].y);
    for (int64_t dx = -1; dx <= 1; ++dx)
      for (int64_t dy = -1; dy <= 1; ++dy) {
        const auto it = grid.find(key(cx + dx, cy + dy));
        if (it == grid.end()) continue;
        for (uint32_t j : it->second) {
          if (j <= i) continue;
          const double ddx = pts[i].x - pts[j].x, ddy = pts[i].y - pts[j].y;
          if (ddx * ddx + ddy * ddy <= r2) on_pair(i, j);
        }
      }
  }
}

}  // namespace

std::vector<RiskZone> risk_zones(std::span<const double> x, std::span<const double> y,
                                 std::span<const int64_t> t, int64_t day,
                                 const NearRepeatParams& params) {
  if (params.radius_m <= 0 || params.days <= 0)
    throw UsageError("near-repeat zones need a positive radius and number of days");
  std::vector<Vec2> pts;
  std::vector<int64_t> seed_day;
  for (size_t i = 0; i < t.size(); ++i) {
    const int64_t d = days_of(t[i]);
    if (d > day || d <= day - params.days) continue;
    pts.push_back({x[i], y[i]});
    seed_day.push_back(d);
  }
  DisjointSets sets(pts.size());
  close_pairs(pts, 2 * params.radius_m, [&](uint32_t a, uint32_t b) { sets.join(a, b); });
  std::vector<RiskZone> zones;
  std::unordered_map<size_t, size_t> zone_of_root;
  const double r = params.radius_m;
  for (size_t i = 0; i < pts.size(); ++i) {
    const size_t root = sets.find(i);
    auto [it, fresh] = zone_of_root.emplace(root, zones.size());
    if (fresh) {
      RiskZone z;
      z.first_day = seed_day[i];
      z.expiry_day = seed_day[i] + params.days;
      z.relative_risk = params.relative_risk;
      z.bounds = Box{};
      zones.push_back(z);
    }
    RiskZone& z = zones[it->second];
    z.seeds.push_back(pts[i]);
    z.first_day = std::min(z.first_day, seed_day[i]);
    z.expiry_day = std::max(z.expiry_day, seed_day[i] + params.days);
    z.bounds.expand(pts[i].x - r, pts[i].y - r);
    z.bounds.expand(pts[i].x + r, pts[i].y + r);
  }
  return zones;
}

NearRepeatReplay replay_near_repeat(std::span<const double> x, std::span<const double> y,
                                    std::span<const int64_t> t, const Box& extent,
                                    const std::function<bool(double, double)>& inside,
                                    int64_t first_monday, int64_t end_day, double radius_m,
                                    int64_t days, double grid_m) {
  if (radius_m <= 0 || days <= 0 || grid_m <= 0)
    throw UsageError("near-repeat replay needs a positive radius, days and grid");
  if (weekday_of_days(first_monday) != 0) throw UsageError("the replay starts on a Monday");
  NearRepeatReplay out;
  // The study area on the fine grid, and the 250 m baseline cells' share of it.
  const int nx = std::max(1, static_cast<int>(std::ceil((extent.xmax - extent.xmin) / grid_m)));
  const int ny = std::max(1, static_cast<int>(std::ceil((extent.ymax - extent.ymin) / grid_m)));
  std::vector<uint8_t> in(static_cast<size_t>(nx) * ny, 0);
  size_t in_cells = 0;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const double cx = extent.xmin + (i + 0.5) * grid_m, cy = extent.ymin + (j + 0.5) * grid_m;
      if (inside(cx, cy)) in[static_cast<size_t>(j) * nx + i] = 1, ++in_cells;
    }
  if (in_cells == 0) return out;
  constexpr double kBaseCell = 250;
  const int bx = std::max(1, static_cast<int>(std::ceil((extent.xmax - extent.xmin) / kBaseCell)));
  const int by = std::max(1, static_cast<int>(std::ceil((extent.ymax - extent.ymin) / kBaseCell)));
  auto base_cell = [&](double px, double py) -> int64_t {
    const int i = static_cast<int>(std::floor((px - extent.xmin) / kBaseCell));
    const int j = static_cast<int>(std::floor((py - extent.ymin) / kBaseCell));
    if (i < 0 || j < 0 || i >= bx || j >= by) return -1;
    return static_cast<int64_t>(j) * bx + i;
  };
  std::vector<size_t> base_in(static_cast<size_t>(bx) * by, 0);  // fine cells inside, per cell
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      if (in[static_cast<size_t>(j) * nx + i]) {
        const int64_t b = base_cell(extent.xmin + (i + 0.5) * grid_m, extent.ymin + (j + 0.5) * grid_m);
        if (b >= 0) ++base_in[b];
      }
  size_t base_cells_in = 0;
  for (size_t c : base_in) base_cells_in += c > 0;
  const size_t top = static_cast<size_t>(std::ceil(0.05 * static_cast<double>(base_cells_in)));

  // Incidents in the study area, by day.
  std::vector<size_t> order;
  for (size_t i = 0; i < t.size(); ++i)
    if (inside(x[i], y[i])) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return t[a] < t[b]; });
  auto day_of = [&](size_t i) { return days_of(t[i]); };
  auto range = [&](int64_t from_day, int64_t to_day) {  // indices into order, days [from, to)
    const auto lo = std::lower_bound(order.begin(), order.end(), from_day,
                                     [&](size_t i, int64_t d) { return day_of(i) < d; });
    const auto hi = std::lower_bound(order.begin(), order.end(), to_day,
                                     [&](size_t i, int64_t d) { return day_of(i) < d; });
    return std::pair{lo, hi};
  };

  std::vector<uint32_t> stamp(in.size(), 0);
  double area_sum = 0, base_area_sum = 0;
  const double r2 = radius_m * radius_m;
  for (int64_t monday = first_monday; monday + 7 <= end_day; monday += 7) {
    const uint32_t week_stamp = static_cast<uint32_t>(out.weeks + 1);
    ++out.weeks;
    const auto [s0, s1] = range(monday - days, monday);
    std::vector<Vec2> seeds;
    for (auto it = s0; it != s1; ++it) seeds.push_back({x[*it], y[*it]});
    // Area of the union of disks inside the study area.
    size_t covered = 0;
    for (const Vec2& s : seeds) {
      const int i0 = std::max(0, static_cast<int>(std::floor((s.x - radius_m - extent.xmin) / grid_m)));
      const int i1 = std::min(nx - 1, static_cast<int>(std::floor((s.x + radius_m - extent.xmin) / grid_m)));
      const int j0 = std::max(0, static_cast<int>(std::floor((s.y - radius_m - extent.ymin) / grid_m)));
      const int j1 = std::min(ny - 1, static_cast<int>(std::floor((s.y + radius_m - extent.ymin) / grid_m)));
      for (int j = j0; j <= j1; ++j)
        for (int i = i0; i <= i1; ++i) {
          const size_t c = static_cast<size_t>(j) * nx + i;
          if (!in[c] || stamp[c] == week_stamp) continue;
          const double cx = extent.xmin + (i + 0.5) * grid_m - s.x;
          const double cy = extent.ymin + (j + 0.5) * grid_m - s.y;
          if (cx * cx + cy * cy <= r2) stamp[c] = week_stamp, ++covered;
        }
    }
    area_sum += static_cast<double>(covered) / static_cast<double>(in_cells);
    // Hits: the week's incidents within the radius of a seed (brute force over a seed grid).
    std::unordered_map<int64_t, std::vector<Vec2>> seed_grid;
    auto key = [&](double px, double py) {
      return static_cast<int64_t>(std::floor(px / radius_m)) * 1000003LL +
             static_cast<int64_t>(std::floor(py / radius_m));
    };
    for (const Vec2& s : seeds) seed_grid[key(s.x, s.y)].push_back(s);
    // The baseline: counts per 250 m cell over the previous 4 weeks, top 5 % of the study cells.
    std::unordered_map<int64_t, int> counts;
    const auto [b0, b1] = range(monday - 28, monday);
    for (auto it = b0; it != b1; ++it)
      if (const int64_t c = base_cell(x[*it], y[*it]); c >= 0 && base_in[c] > 0) ++counts[c];
    std::vector<std::pair<int, int64_t>> ranked;
    for (const auto& [c, n] : counts) ranked.push_back({-n, c});
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() > top) ranked.resize(top);
    std::unordered_map<int64_t, bool> hot;
    size_t hot_fine = 0;
    for (const auto& [n, c] : ranked) hot[c] = true, hot_fine += base_in[c];
    base_area_sum += static_cast<double>(hot_fine) / static_cast<double>(in_cells);

    const auto [w0, w1] = range(monday, monday + 7);
    for (auto it = w0; it != w1; ++it) {
      const double px = x[*it], py = y[*it];
      ++out.incidents;
      bool hit = false;
      const int64_t kx = static_cast<int64_t>(std::floor(px / radius_m));
      const int64_t ky = static_cast<int64_t>(std::floor(py / radius_m));
      for (int64_t dx = -1; dx <= 1 && !hit; ++dx)
        for (int64_t dy = -1; dy <= 1 && !hit; ++dy) {
          const auto g = seed_grid.find((kx + dx) * 1000003LL + (ky + dy));
          if (g == seed_grid.end()) continue;
          for (const Vec2& s : g->second)
            if ((px - s.x) * (px - s.x) + (py - s.y) * (py - s.y) <= r2) {
              hit = true;
              break;
            }
        }
      out.hits += hit;
      const int64_t c = base_cell(px, py);
      out.baseline_hits += c >= 0 && hot.count(c);
    }
  }
  if (out.weeks > 0) {
    out.area_share = area_sum / out.weeks;
    out.baseline_area_share = base_area_sum / out.weeks;
  }
  if (out.incidents > 0) {
    out.hit_rate = static_cast<double>(out.hits) / static_cast<double>(out.incidents);
    out.baseline_hit_rate = static_cast<double>(out.baseline_hits) / static_cast<double>(out.incidents);
  }
  return out;
}

}  // namespace faro
