#pragma once
// Checks that a triangulation covers its polygon exactly: the triangle areas sum to the polygon
// area, no triangle winds clockwise, and every non-degenerate triangle's centroid lies inside the
// polygon (even-odd over the outer ring and the holes, so not in a hole and not outside).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/triangulate.hpp"

namespace faro_test {

inline bool inside_even_odd(const faro::Polygon& p, double x, double y) {
  bool inside = false;
  auto ring_test = [&](const faro::Ring& r) {
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
      if ((r[i].y > y) != (r[j].y > y) &&
          x < (r[j].x - r[i].x) * (y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
        inside = !inside;
    }
  };
  ring_test(p.outer);
  for (const faro::Ring& h : p.holes) ring_test(h);
  return inside;
}

// Returns the number of triangles; reports failures under `label`.
inline size_t expect_exact_cover(const faro::Polygon& p, double relative_tolerance = 1e-9,
                                 const std::string& label = "") {
  const std::vector<faro::Vec2> v = faro::flatten(p);
  const std::vector<uint32_t> idx = faro::triangulate(p);
  EXPECT_EQ(idx.size() % 3, 0u) << label;
  // Reference area on coordinates shifted near 0: the shoelace sum over raw UTM coordinates
  // (~5e5, ~2e6) loses ~1e-8 relative, more than the tolerance tested here.
  faro::Polygon shifted = p;
  const faro::Vec2 o = p.outer.empty() ? faro::Vec2{} : p.outer.front();
  auto shift = [&](faro::Ring& r) {
    for (faro::Vec2& q : r) q = {q.x - o.x, q.y - o.y};
  };
  shift(shifted.outer);
  for (faro::Ring& h : shifted.holes) shift(h);
  const double want = faro::area(shifted);
  const double got = faro::triangles_area(v, idx);
  EXPECT_NEAR(got, want, relative_tolerance * want) << label;
  int reported = 0;
  for (size_t t = 0; t + 2 < idx.size() && reported < 5; t += 3) {
    const faro::Vec2 &a = v.at(idx[t]), &b = v.at(idx[t + 1]), &c = v.at(idx[t + 2]);
    const double twice_area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
    if (twice_area < 0) {
      ADD_FAILURE() << label << ": triangle " << t / 3 << " winds clockwise";
      ++reported;
    }
    // Slivers along an edge can put the rounded centroid on the boundary: judge only real ones.
    if (twice_area <= 1e-9 * want) continue;
    const double cx = (a.x + b.x + c.x) / 3, cy = (a.y + b.y + c.y) / 3;
    if (!inside_even_odd(p, cx, cy)) {
      ADD_FAILURE() << label << ": triangle " << t / 3 << " (centroid " << cx << ", " << cy
                    << ") lies outside the polygon or in a hole";
      ++reported;
    }
  }
  return idx.size() / 3;
}

}  // namespace faro_test
