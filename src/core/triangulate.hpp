#pragma once
// Polygon triangulation for rendering fills: ear clipping with hole bridging, after the algorithm
// of mapbox/earcut (ISC licence; re-implemented here, not copied). Holes are joined to the outer
// ring by bridges (leftmost hole first), then ears are clipped with a z-order hash for large rings;
// rings that do not triangulate cleanly (touching or self-intersecting) get the same fallbacks as
// earcut: filtering collinear points, curing local self-intersections, then splitting on a
// diagonal.
//
// Vertex numbering: a Polygon is flattened as outer ring first, then every hole in order (the order
// of flatten()). Triangles are index triples over that list, each counter-clockwise (positive area
// with y = northing up), whatever the orientation of the input rings.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"

namespace faro {

struct TriangleMesh {
  std::vector<Vec2> vertices;     // flattened rings of every part, in order
  std::vector<uint32_t> indices;  // 3 per triangle, into `vertices`
  size_t triangle_count() const { return indices.size() / 3; }
};

// The polygon's vertices in triangulation order: outer ring, then each hole.
std::vector<Vec2> flatten(const Polygon& polygon);

// Triangles of one polygon (outer + holes) as index triples into flatten(polygon). Empty for a
// polygon with no area (fewer than 3 distinct vertices).
std::vector<uint32_t> triangulate(const Polygon& polygon);

// Appends every part of `shape` to `mesh` (vertices flattened, indices offset to the mesh).
void append_triangulation(const MultiPolygon& shape, TriangleMesh& mesh);

inline TriangleMesh triangulate(const MultiPolygon& shape) {
  TriangleMesh mesh;
  append_triangulation(shape, mesh);
  return mesh;
}

// Sum of the (absolute) triangle areas, for checking a triangulation against area(polygon).
double triangles_area(const std::vector<Vec2>& vertices, const std::vector<uint32_t>& indices);

}  // namespace faro
