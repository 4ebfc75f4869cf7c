#pragma once
// OGR geometry -> faro polygons, internal to faro_io (this header names OGR handle types, so it is
// only included by io .cpp files, never by public headers).
#include <ogr_api.h>

#include <cstddef>

#include "core/geometry.hpp"

namespace faro::io {

struct PolygonalParts {
  MultiPolygon shape;        // x, y only (Z and M dropped); rings open, no repeated vertices
  size_t dropped_parts = 0;  // points/lines (e.g. left over from MakeValid) and degenerate rings
  bool had_z = false;
};

// Polygonal content of `geom`: Polygon and MultiPolygon directly, curve types linearised,
// GeometryCollections searched recursively. Returns an empty shape for points and lines.
PolygonalParts polygonal_parts(OGRGeometryH geom);

// True for Polygon/MultiPolygon/CurvePolygon/MultiSurface/Surface types (any Z/M variant).
bool is_polygonal_type(OGRwkbGeometryType type);

}  // namespace faro::io
