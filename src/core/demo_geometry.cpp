#include "core/demo_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace faro::demo {
namespace {

double cross(Vec2 o, Vec2 a, Vec2 b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}
double dist2(Vec2 a, Vec2 b) {
  return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::sqrt(dist2(p, {a.x + t * dx, a.y + t * dy}));
}

}  // namespace

Ring convex_hull(std::vector<Vec2> pts) {
  std::sort(pts.begin(), pts.end(),
            [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
  if (pts.size() < 3) return pts;
  Ring hull(2 * pts.size());
  size_t k = 0;
  for (size_t i = 0; i < pts.size(); ++i) {  // lower hull
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
    hull[k++] = pts[i];
  }
  for (size_t i = pts.size() - 1, lower = k + 1; i-- > 0;) {  // upper hull
    while (k >= lower && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
    hull[k++] = pts[i];
  }
  hull.resize(k - 1);  // the last point repeats the first
  return hull;
}

Ring clip_half_plane(const Ring& ring, Vec2 n, double offset) {
  Ring out;
  const size_t count = ring.size();
  out.reserve(count + 1);
  for (size_t i = 0; i < count; ++i) {
    const Vec2 a = ring[i], b = ring[(i + 1) % count];
    const double da = n.x * a.x + n.y * a.y - offset;
    const double db = n.x * b.x + n.y * b.y - offset;
    if (da <= 0) out.push_back(a);
    if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
      const double t = da / (da - db);
      out.push_back({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
    }
  }
  return out.size() >= 3 ? out : Ring{};
}

Ring voronoi_cell(const Ring& outline, const std::vector<Vec2>& seeds, size_t i) {
  const Vec2 s = seeds[i];
  // Nearest seeds first: they cut most, and once a seed is farther than twice the cell's radius
  // its bisector cannot touch the cell, so the loop stops early.
  std::vector<size_t> order(seeds.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const double da = dist2(s, seeds[a]), db = dist2(s, seeds[b]);
    return da < db || (da == db && a < b);
  });
  Ring cell = outline;
  for (size_t j : order) {
    if (j == i || cell.empty()) continue;
    double radius2 = 0;
    for (const Vec2& v : cell) radius2 = std::max(radius2, dist2(s, v));
    if (dist2(s, seeds[j]) > 4 * radius2) break;
    const Vec2 q = seeds[j];
    const Vec2 n{q.x - s.x, q.y - s.y};
    const double offset = n.x * (s.x + q.x) * 0.5 + n.y * (s.y + q.y) * 0.5;
    cell = clip_half_plane(cell, n, offset);
  }
  return cell;
}

bool convex_contains(const Ring& ccw, Vec2 p) {
  const size_t n = ccw.size();
  if (n < 3) return false;
  for (size_t i = 0; i < n; ++i)
    if (cross(ccw[i], ccw[(i + 1) % n], p) < 0) return false;
  return true;
}

double distance_to_boundary(const Ring& ring, Vec2 p) {
  double best = std::numeric_limits<double>::infinity();
  for (size_t i = 0, n = ring.size(); i < n; ++i)
    best = std::min(best, segment_distance(p, ring[i], ring[(i + 1) % n]));
  return best;
}

Vec2 centroid(const Ring& r) {
  double a = 0, cx = 0, cy = 0;
  for (size_t i = 0, n = r.size(); i < n; ++i) {
    const Vec2 p = r[i], q = r[(i + 1) % n];
    const double w = p.x * q.y - q.x * p.y;
    a += w;
    cx += (p.x + q.x) * w;
    cy += (p.y + q.y) * w;
  }
  if (a == 0) return r.empty() ? Vec2{} : r.front();
  return {cx / (3 * a), cy / (3 * a)};
}

void snap_vertices(std::vector<Ring>& rings, double tolerance, double grid) {
  // A few hundred vertices: the quadratic scan is microseconds and needs no spatial index.
  std::vector<Vec2> representatives;
  const double tol2 = tolerance * tolerance;
  for (Ring& ring : rings) {
    for (Vec2& v : ring) {
      auto it = std::find_if(representatives.begin(), representatives.end(),
                             [&](Vec2 r) { return dist2(r, v) <= tol2; });
      if (it == representatives.end()) {
        v = {std::round(v.x / grid) * grid, std::round(v.y / grid) * grid};
        representatives.push_back(v);
      } else {
        v = *it;
      }
    }
    Ring cleaned;
    for (const Vec2& v : ring)
      if (cleaned.empty() || !(cleaned.back() == v)) cleaned.push_back(v);
    while (cleaned.size() > 1 && cleaned.back() == cleaned.front()) cleaned.pop_back();
    ring = cleaned.size() >= 3 ? std::move(cleaned) : Ring{};
  }
}

bool share_edge(const Ring& a, const Ring& b) {
  for (size_t i = 0, n = a.size(); i < n; ++i) {
    const Vec2 p = a[i], q = a[(i + 1) % n];
    for (size_t j = 0, m = b.size(); j < m; ++j) {
      const Vec2 r = b[j], s = b[(j + 1) % m];
      if ((p == r && q == s) || (p == s && q == r)) return true;
    }
  }
  return false;
}

}  // namespace faro::demo
