#pragma once
// Planar geometry in the session's working CRS (projected, metres, x = easting, y = northing).
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace faro {

struct Vec2 {
  double x = 0, y = 0;
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

struct Box {
  double xmin = std::numeric_limits<double>::infinity();
  double ymin = std::numeric_limits<double>::infinity();
  double xmax = -std::numeric_limits<double>::infinity();
  double ymax = -std::numeric_limits<double>::infinity();

  bool empty() const { return !(xmin <= xmax && ymin <= ymax); }
  void expand(double x, double y) {
    xmin = std::min(xmin, x); ymin = std::min(ymin, y);
    xmax = std::max(xmax, x); ymax = std::max(ymax, y);
  }
  void expand(const Box& b) {
    if (b.empty()) return;
    expand(b.xmin, b.ymin); expand(b.xmax, b.ymax);
  }
  Box grown(double margin) const { return {xmin - margin, ymin - margin, xmax + margin, ymax + margin}; }
  bool contains(double x, double y) const { return x >= xmin && x <= xmax && y >= ymin && y <= ymax; }
  bool intersects(const Box& b) const {
    return !(b.xmin > xmax || b.xmax < xmin || b.ymin > ymax || b.ymax < ymin);
  }
  double width() const { return xmax - xmin; }
  double height() const { return ymax - ymin; }
};

// A ring is stored open (the closing vertex equal to the first is dropped on load).
using Ring = std::vector<Vec2>;

struct Polygon {
  Ring outer;               // any orientation on input; area() takes absolute values
  std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

// Shoelace formula; positive for counter-clockwise rings.
inline double signed_area(const Ring& r) {
  double a = 0;
  const size_t n = r.size();
  for (size_t i = 0, j = n ? n - 1 : 0; i < n; j = i++) a += (r[j].x * r[i].y) - (r[i].x * r[j].y);
  return a * 0.5;
}

inline double area(const Polygon& p) {
  double a = std::abs(signed_area(p.outer));
  for (const Ring& h : p.holes) a -= std::abs(signed_area(h));
  return a;
}

inline double area(const MultiPolygon& mp) {
  double a = 0;
  for (const Polygon& p : mp) a += area(p);
  return a;
}

inline Box bounds(const MultiPolygon& mp) {
  Box b;
  for (const Polygon& p : mp)
    for (const Vec2& v : p.outer) b.expand(v.x, v.y);
  return b;
}

}  // namespace faro
