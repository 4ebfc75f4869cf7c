#include "core/spatial_weights.hpp"

#include <algorithm>
#include <cmath>

namespace faro {

bool SpatialWeights::has(size_t i, uint32_t j) const {
  const auto list = of(i);
  return std::binary_search(list.begin(), list.end(), j);
}

size_t SpatialWeights::islands() const {
  size_t n = 0;
  for (size_t i = 0; i < size(); ++i) n += count(i) == 0;
  return n;
}

double SpatialWeights::mean_neighbours() const {
  return size() ? static_cast<double>(neighbours.size()) / static_cast<double>(size()) : 0.0;
}

SpatialWeights weights_from_pairs(size_t n, std::vector<std::pair<uint32_t, uint32_t>> pairs) {
  // Both directions, then sort + unique: each list ends up sorted without repeats.
  std::vector<std::pair<uint32_t, uint32_t>> directed;
  directed.reserve(pairs.size() * 2);
  for (const auto& [a, b] : pairs) {
    if (a == b || a >= n || b >= n) continue;
    directed.emplace_back(a, b);
    directed.emplace_back(b, a);
  }
  std::sort(directed.begin(), directed.end());
  directed.erase(std::unique(directed.begin(), directed.end()), directed.end());
  SpatialWeights w;
  w.offsets.assign(n + 1, 0);
  w.neighbours.reserve(directed.size());
  for (const auto& [a, b] : directed) {
    ++w.offsets[a + 1];
    w.neighbours.push_back(b);
  }
  for (size_t i = 0; i < n; ++i) w.offsets[i + 1] += w.offsets[i];
  return w;
}

namespace {

// Uniform grid of points, bucketed by cell (counting sort), for neighbourhood queries.
struct PointGrid {
  double x0 = 0, y0 = 0, cell = 1;
  int nx = 1, ny = 1;
  std::vector<uint32_t> start;  // nx*ny + 1
  std::vector<uint32_t> items;  // point ids by cell

  PointGrid(std::span<const Vec2> pts, double cell_size) {
    Box b;
    for (const Vec2& p : pts) b.expand(p.x, p.y);
    if (b.empty()) b = {0, 0, 0, 0};
    cell = cell_size;
    // Cap the grid at ~4M cells: grow the cell when the extent is huge relative to it.
    while ((b.width() / cell + 1) * (b.height() / cell + 1) > 4.0e6) cell *= 2;
    x0 = b.xmin;
    y0 = b.ymin;
    nx = static_cast<int>(b.width() / cell) + 1;
    ny = static_cast<int>(b.height() / cell) + 1;
    start.assign(static_cast<size_t>(nx) * ny + 1, 0);
    std::vector<uint32_t> cell_of(pts.size());
    for (size_t i = 0; i < pts.size(); ++i) {
      cell_of[i] = static_cast<uint32_t>(cy(pts[i].y) * nx + cx(pts[i].x));
      ++start[cell_of[i] + 1];
    }
    for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
    items.resize(pts.size());
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < pts.size(); ++i) items[fill[cell_of[i]]++] = static_cast<uint32_t>(i);
  }
  int cx(double x) const { return std::clamp(static_cast<int>((x - x0) / cell), 0, nx - 1); }
  int cy(double y) const { return std::clamp(static_cast<int>((y - y0) / cell), 0, ny - 1); }
};

double point_segment_distance2(const Vec2& p, const Vec2& a, const Vec2& b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

}  // namespace

SpatialWeights queen_contiguity(const std::vector<const MultiPolygon*>& shapes,
                                double tolerance_m) {
  const double tol = std::max(0.0, tolerance_m);
  std::vector<Vec2> verts;
  std::vector<uint32_t> owner;
  double edge_len_sum = 0;
  size_t edge_count = 0;
  auto for_each_ring = [&](auto&& fn) {
    for (size_t u = 0; u < shapes.size(); ++u) {
      if (!shapes[u]) continue;
      for (const Polygon& poly : *shapes[u]) {
        fn(u, poly.outer);
        for (const Ring& h : poly.holes) fn(u, h);
      }
    }
  };
  for_each_ring([&](size_t u, const Ring& r) {
    for (size_t i = 0; i < r.size(); ++i) {
      verts.push_back(r[i]);
      owner.push_back(static_cast<uint32_t>(u));
      const Vec2& b = r[(i + 1) % r.size()];
      edge_len_sum += std::hypot(b.x - r[i].x, b.y - r[i].y);
      ++edge_count;
    }
  });
  if (verts.empty()) return weights_from_pairs(shapes.size(), {});
  // Cell about one mean edge long: each edge visits a few cells, each cell holds a few vertices.
  const double mean_edge = edge_count ? edge_len_sum / static_cast<double>(edge_count) : 1.0;
  const PointGrid grid(verts, std::max({2 * tol, mean_edge, 1e-6}));
  const double tol2 = tol * tol;

  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for_each_ring([&](size_t u, const Ring& r) {
    for (size_t i = 0; i < r.size(); ++i) {
      const Vec2& a = r[i];
      const Vec2& b = r[(i + 1) % r.size()];
      const int cx0 = grid.cx(std::min(a.x, b.x) - tol), cx1 = grid.cx(std::max(a.x, b.x) + tol);
      const int cy0 = grid.cy(std::min(a.y, b.y) - tol), cy1 = grid.cy(std::max(a.y, b.y) + tol);
      for (int cy = cy0; cy <= cy1; ++cy)
        for (int cx = cx0; cx <= cx1; ++cx) {
          const size_t c = static_cast<size_t>(cy) * grid.nx + cx;
          for (uint32_t k = grid.start[c]; k < grid.start[c + 1]; ++k) {
            const uint32_t v = grid.items[k];
            if (owner[v] == u) continue;
            if (point_segment_distance2(verts[v], a, b) <= tol2)
              pairs.emplace_back(static_cast<uint32_t>(u), owner[v]);
          }
        }
    }
  });
  return weights_from_pairs(shapes.size(), std::move(pairs));
}

SpatialWeights distance_band(std::span<const Vec2> points, double threshold_m) {
  const double d = std::max(threshold_m, 1e-9);
  const PointGrid grid(points, d);
  const int reach = static_cast<int>(std::ceil(d / grid.cell));
  const double d2 = threshold_m * threshold_m;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (size_t i = 0; i < points.size(); ++i) {
    const int cx = grid.cx(points[i].x), cy = grid.cy(points[i].y);
    for (int y = std::max(0, cy - reach); y <= std::min(grid.ny - 1, cy + reach); ++y)
      for (int x = std::max(0, cx - reach); x <= std::min(grid.nx - 1, cx + reach); ++x) {
        const size_t c = static_cast<size_t>(y) * grid.nx + x;
        for (uint32_t k = grid.start[c]; k < grid.start[c + 1]; ++k) {
          const uint32_t j = grid.items[k];
          if (j <= i) continue;  // each pair once
          const double dx = points[j].x - points[i].x, dy = points[j].y - points[i].y;
          if (dx * dx + dy * dy <= d2) pairs.emplace_back(static_cast<uint32_t>(i), j);
        }
      }
  }
  return weights_from_pairs(points.size(), std::move(pairs));
}

Vec2 centroid(const MultiPolygon& shape) {
  // Sum of signed ring centroids weighted by signed area; holes count negatively because their
  // orientation is normalised against the outer ring's.
  double a_sum = 0, cx = 0, cy = 0;
  auto add_ring = [&](const Ring& r, double sign) {
    const double a = signed_area(r);
    if (a == 0) return;
    double rx = 0, ry = 0;
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
      const double f = r[j].x * r[i].y - r[i].x * r[j].y;
      rx += (r[j].x + r[i].x) * f;
      ry += (r[j].y + r[i].y) * f;
    }
    // Ring centroid = (rx, ry) / (6a); weight by |a| with the ring's sign.
    const double w = sign * std::abs(a);
    cx += w * rx / (6 * a);
    cy += w * ry / (6 * a);
    a_sum += w;
  };
  for (const Polygon& p : shape) {
    add_ring(p.outer, 1.0);
    for (const Ring& h : p.holes) add_ring(h, -1.0);
  }
  if (a_sum > 0) return {cx / a_sum, cy / a_sum};
  const Box b = bounds(shape);
  if (b.empty()) return {0, 0};
  return {(b.xmin + b.xmax) / 2, (b.ymin + b.ymax) / 2};
}

}  // namespace faro
