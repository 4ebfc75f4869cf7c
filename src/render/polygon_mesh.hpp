#pragma once
// CPU side of polygon layers: triangulated fills and outline ribbons for a list of features
// (each a MultiPolygon in the working CRS), as float offsets from a local origin
// (render/camera.hpp) ready to upload. Kept free of GL so it can be built off the GL thread and
// tested without a context.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"

namespace faro::render {

struct FillVertex {
  float x, y;        // metres from the mesh origin
  uint32_t feature;  // index of the feature (colour lookup)
};

struct OutlineVertex {
  float x, y;    // metres from the mesh origin, on the ring
  float ex, ey;  // miter vector in units of half the line width (length 1 on straight runs)
};

struct IndexRange {
  uint32_t first = 0, count = 0;  // in indices
};

struct PolygonMesh {
  Vec2 origin;  // world position of (0, 0)
  std::vector<FillVertex> fill_vertices;
  std::vector<uint32_t> fill_indices;  // triangles
  std::vector<OutlineVertex> outline_vertices;
  std::vector<uint32_t> outline_indices;   // triangles of the ribbons
  std::vector<IndexRange> fill_ranges;     // per feature, into fill_indices
  std::vector<IndexRange> outline_ranges;  // per feature, into outline_indices
  size_t feature_count() const { return fill_ranges.size(); }
};

// Longest miter, in half widths, before a sharp corner is cut short (SVG's default limit is 4).
constexpr double kMiterLimit = 4.0;

// Builds the mesh of `features` (one entry per feature; an empty MultiPolygon yields empty ranges).
// `origin` should lie near the data (e.g. the extent centre) so float offsets stay small.
PolygonMesh build_polygon_mesh(const std::vector<const MultiPolygon*>& features, Vec2 origin);

}  // namespace faro::render
