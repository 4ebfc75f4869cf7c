#include "render/polygon_mesh.hpp"

#include <cmath>

#include "core/triangulate.hpp"

namespace faro::render {
namespace {

Vec2 unit(double x, double y) {
  const double len = std::hypot(x, y);
  return len > 0 ? Vec2{x / len, y / len} : Vec2{0, 0};
}

// One closed ribbon along `ring`: two vertices per ring vertex, two triangles per edge.
void append_ribbon(const Ring& ring, Vec2 origin, PolygonMesh& mesh) {
  const size_t n = ring.size();
  if (n < 2) return;
  const uint32_t base = static_cast<uint32_t>(mesh.outline_vertices.size());
  for (size_t i = 0; i < n; ++i) {
    const Vec2& prev = ring[(i + n - 1) % n];
    const Vec2& cur = ring[i];
    const Vec2& next = ring[(i + 1) % n];
    const Vec2 d0 = unit(cur.x - prev.x, cur.y - prev.y);
    const Vec2 d1 = unit(next.x - cur.x, next.y - cur.y);
    // Left normals of the incoming and outgoing edges; the miter bisects them and is lengthened
    // so both edges keep their full width: length 1 / cos(half the turn).
    const Vec2 n0{-d0.y, d0.x}, n1{-d1.y, d1.x};
    const Vec2 reference = (n0.x != 0 || n0.y != 0) ? n0 : n1;  // n0 is 0 after a repeated point
    Vec2 m = unit(n0.x + n1.x, n0.y + n1.y);
    if (m.x == 0 && m.y == 0) m = reference;  // a 180-degree spike: no bisector
    const double cos_half = m.x * reference.x + m.y * reference.y;
    const double scale = cos_half > 1.0 / kMiterLimit ? 1.0 / cos_half : kMiterLimit;
    const float px = static_cast<float>(cur.x - origin.x);
    const float py = static_cast<float>(cur.y - origin.y);
    const float ex = static_cast<float>(m.x * scale), ey = static_cast<float>(m.y * scale);
    mesh.outline_vertices.push_back({px, py, ex, ey});
    mesh.outline_vertices.push_back({px, py, -ex, -ey});
  }
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t j = static_cast<uint32_t>((i + 1) % n);
    const uint32_t a = base + 2 * i, b = base + 2 * i + 1, c = base + 2 * j, d = base + 2 * j + 1;
    mesh.outline_indices.insert(mesh.outline_indices.end(), {a, b, c, b, d, c});
  }
}

}  // namespace

PolygonMesh build_polygon_mesh(const std::vector<const MultiPolygon*>& features, Vec2 origin) {
  PolygonMesh mesh;
  mesh.origin = origin;
  mesh.fill_ranges.reserve(features.size());
  mesh.outline_ranges.reserve(features.size());
  TriangleMesh tri;
  for (size_t f = 0; f < features.size(); ++f) {
    const uint32_t feature = static_cast<uint32_t>(f);
    IndexRange fill{static_cast<uint32_t>(mesh.fill_indices.size()), 0};
    IndexRange outline{static_cast<uint32_t>(mesh.outline_indices.size()), 0};
    if (features[f] != nullptr) {
      tri.vertices.clear();
      tri.indices.clear();
      append_triangulation(*features[f], tri);
      const uint32_t base = static_cast<uint32_t>(mesh.fill_vertices.size());
      for (const Vec2& v : tri.vertices)
        mesh.fill_vertices.push_back(
            {static_cast<float>(v.x - origin.x), static_cast<float>(v.y - origin.y), feature});
      for (uint32_t i : tri.indices) mesh.fill_indices.push_back(base + i);
      for (const Polygon& part : *features[f]) {
        append_ribbon(part.outer, origin, mesh);
        for (const Ring& hole : part.holes) append_ribbon(hole, origin, mesh);
      }
    }
    fill.count = static_cast<uint32_t>(mesh.fill_indices.size()) - fill.first;
    outline.count = static_cast<uint32_t>(mesh.outline_indices.size()) - outline.first;
    mesh.fill_ranges.push_back(fill);
    mesh.outline_ranges.push_back(outline);
  }
  return mesh;
}

}  // namespace faro::render
