#pragma once
// Sector geometry simplified for drawing at a scale: Douglas-Peucker to a tolerance of half a
// pixel, on levels 0.25 m x 4^k so a level serves a range of zooms. Full-detail CDMX boundaries are
// ~10x more triangles than a city view can show.
#include "core/geometry.hpp"

namespace faro::render {

// Tolerance (metres) of the sector geometry drawn at `metres_per_pixel`: half a pixel, rounded
// down to a level 0.25 m x 4^k (k = 0..8).
double lod_tolerance(double metres_per_pixel);

// Every part and hole simplified to `tol` metres; parts and holes smaller than the tolerance vanish
// (they would be under a pixel), but the largest part always stays so every sector keeps a shape.
MultiPolygon simplify_shape(const MultiPolygon& shape, double tol);

}  // namespace faro::render
