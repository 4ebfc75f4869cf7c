#include "io/ogr_geometry.hpp"

#include <ogr_geometry.h>

#include <cmath>
#include <memory>
#include <vector>

namespace faro::io {
namespace {

// Ring vertices in 2D, open (closing vertex dropped), consecutive repeats dropped. Empty when the
// ring has fewer than 3 distinct vertices or a non-finite coordinate (it cannot bound an area).
Ring read_ring(OGRGeometryH ring) {
  const int n = OGR_G_GetPointCount(ring);
  if (n <= 0) return {};
  std::vector<double> xs(n), ys(n);
  OGR_G_GetPoints(ring, xs.data(), sizeof(double), ys.data(), sizeof(double), nullptr, 0);
  Ring r;
  r.reserve(n);
  for (int i = 0; i < n; ++i) {
    if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) return {};
    const Vec2 v{xs[i], ys[i]};
    if (r.empty() || !(r.back() == v)) r.push_back(v);
  }
  while (r.size() > 1 && r.back() == r.front()) r.pop_back();
  if (r.size() < 3) return {};
  return r;
}

void collect(OGRGeometryH g, PolygonalParts& out) {
  if (g == nullptr || OGR_G_IsEmpty(g)) return;
  if (OGR_G_Is3D(g)) out.had_z = true;
  if (OGR_G_HasCurveGeometry(g, TRUE)) {
    // Arcs become line segments (OGR's default step of 4 degrees).
    const OGRGeometryUniquePtr linear(
        OGRGeometry::FromHandle(OGR_G_GetLinearGeometry(g, 0, nullptr)));
    OGRGeometryH linear_h = OGRGeometry::ToHandle(linear.get());
    if (linear && !OGR_G_HasCurveGeometry(linear_h, TRUE))
      collect(linear_h, out);
    else
      ++out.dropped_parts;
    return;
  }
  switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPolygon:
    case wkbTriangle: {
      const int rings = OGR_G_GetGeometryCount(g);
      if (rings == 0) return;
      Polygon p;
      p.outer = read_ring(OGR_G_GetGeometryRef(g, 0));
      if (p.outer.empty()) {
        ++out.dropped_parts;
        return;
      }
      for (int i = 1; i < rings; ++i) {
        Ring hole = read_ring(OGR_G_GetGeometryRef(g, i));
        if (hole.empty())
          ++out.dropped_parts;
        else
          p.holes.push_back(std::move(hole));
      }
      out.shape.push_back(std::move(p));
      return;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiSurface:
    case wkbPolyhedralSurface:
    case wkbTIN:
      for (int i = 0, n = OGR_G_GetGeometryCount(g); i < n; ++i)
        collect(OGR_G_GetGeometryRef(g, i), out);
      return;
    default:
      ++out.dropped_parts;  // point, line, TIN, ...: not an area
      return;
  }
}

}  // namespace

PolygonalParts polygonal_parts(OGRGeometryH geom) {
  PolygonalParts out;
  collect(geom, out);
  return out;
}

bool is_polygonal_type(OGRwkbGeometryType type) {
  switch (wkbFlatten(type)) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbPolyhedralSurface:
    case wkbTIN:
    case wkbTriangle:
      return true;
    default:
      return false;
  }
}

}  // namespace faro::io
