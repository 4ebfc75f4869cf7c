#pragma once
// Planar helpers for the demo city: convex hulls, half-plane clipping and Voronoi cells clipped to
// a convex outline, vertex snapping so neighbouring cells share identical coordinates. All rings
// here are convex and counter-clockwise (working CRS metres), which keeps every operation simple
// and exact enough: Sutherland-Hodgman against half-planes never produces degenerate pieces when
// both the subject and the clip region are convex.
#include <cstddef>
#include <vector>

#include "core/geometry.hpp"

namespace faro::demo {

// Convex hull (Andrew's monotone chain), counter-clockwise, collinear points dropped.
Ring convex_hull(std::vector<Vec2> points);

// Keeps the part of convex `ring` where dot(normal, p) <= offset.
Ring clip_half_plane(const Ring& ring, Vec2 normal, double offset);

// Voronoi cell of seeds[i] inside the convex `outline`: the outline clipped by the perpendicular
// bisector of (seeds[i], seeds[j]) for every j that can still cut it.
Ring voronoi_cell(const Ring& outline, const std::vector<Vec2>& seeds, size_t i);

// True when p lies inside or on the boundary of the convex counter-clockwise ring.
bool convex_contains(const Ring& ccw, Vec2 p);

// Distance from p to the nearest edge of the ring (no sign).
double distance_to_boundary(const Ring& ring, Vec2 p);

Vec2 centroid(const Ring& ring);

// Makes vertices that are within `tolerance` metres of each other identical (the first one seen,
// in ring order, wins), rounds every vertex to `grid` metres, and drops repeated consecutive
// vertices. Voronoi vertices computed independently by two neighbouring cells differ in the last
// bits; after this they compare equal, so shared edges match exactly.
void snap_vertices(std::vector<Ring>& rings, double tolerance, double grid);

// True when the rings share an edge (two consecutive vertices of one are consecutive in the other,
// either direction). Meaningful after snap_vertices.
bool share_edge(const Ring& a, const Ring& b);

}  // namespace faro::demo
