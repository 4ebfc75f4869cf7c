#include "render/sector_lod.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace faro::render {
namespace {

// Squared distance from p to the segment ab.
double segment_distance2(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

// Douglas-Peucker over ring[first..last] (indices, last inclusive); marks the kept vertices.
void douglas_peucker(const Ring& ring, size_t first, size_t last, double tol2,
                     std::vector<char>& keep) {
  std::vector<std::pair<size_t, size_t>> stack{{first, last}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    double worst = -1;
    size_t at = a;
    for (size_t i = a + 1; i < b; ++i) {
      const double d = segment_distance2(ring[i], ring[a], ring[b % ring.size()]);
      if (d > worst) worst = d, at = i;
    }
    if (worst > tol2) {
      keep[at] = 1;
      stack.push_back({a, at});
      stack.push_back({at, b});
    }
  }
}

// The ring simplified to `tol` metres (closed: split at vertex 0 and its farthest vertex), or an
// empty ring when fewer than 3 vertices survive.
Ring simplify_ring(const Ring& ring, double tol) {
  if (ring.size() < 4) return ring;
  size_t far = 0;
  double far_d = -1;
  for (size_t i = 1; i < ring.size(); ++i) {
    const double dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y;
    if (dx * dx + dy * dy > far_d) far_d = dx * dx + dy * dy, far = i;
  }
  std::vector<char> keep(ring.size(), 0);
  keep[0] = keep[far] = 1;
  douglas_peucker(ring, 0, far, tol * tol, keep);
  douglas_peucker(ring, far, ring.size(), tol * tol, keep);  // index size() wraps to vertex 0
  Ring out;
  for (size_t i = 0; i < ring.size(); ++i)
    if (keep[i]) out.push_back(ring[i]);
  if (out.size() < 3) out.clear();
  return out;
}

}  // namespace

MultiPolygon simplify_shape(const MultiPolygon& shape, double tol) {
  MultiPolygon out;
  const Polygon* largest = nullptr;
  for (const Polygon& p : shape)
    if (!largest || std::abs(signed_area(p.outer)) > std::abs(signed_area(largest->outer)))
      largest = &p;
  for (const Polygon& p : shape) {
    Polygon q;
    q.outer = simplify_ring(p.outer, tol);
    if (q.outer.empty()) {
      if (&p != largest) continue;
      q.outer = p.outer;
    }
    for (const Ring& h : p.holes) {
      Ring sh = simplify_ring(h, tol);
      if (!sh.empty()) q.holes.push_back(std::move(sh));
    }
    out.push_back(std::move(q));
  }
  return out;
}


double lod_tolerance(double metres_per_pixel) {
  const double half_pixel = 0.5 * metres_per_pixel;
  if (!(half_pixel > 0.25)) return 0.25;
  const int k =
      std::min(8, static_cast<int>(std::floor(std::log(half_pixel / 0.25) / std::log(4.0))));
  return 0.25 * std::pow(4.0, k);
}

}  // namespace faro::render
