#pragma once
// Pole of inaccessibility: the interior point farthest from a polygon's boundary, where a label
// sits most comfortably (mapbox's "polylabel" algorithm, Agafonkin 2016). Unlike the centroid it
// is always inside, even for C shapes, and never in a hole. Pure geometry, working CRS metres.
#include "core/geometry.hpp"

namespace faro {

struct PoleOfInaccessibility {
  Vec2 point;
  double distance =
      0;  // metres from `point` to the nearest edge (outer ring or hole); 0 if degenerate
};

// Grid search refined until no cell can beat the best point by more than `precision` metres.
// The work is capped (about 10^5 cells), so a pathological ring still returns quickly with a
// slightly less precise answer. A polygon with fewer than 3 outer vertices or no area returns its
// bounding-box centre (the origin when empty) with distance 0.
PoleOfInaccessibility polylabel(const Polygon& polygon, double precision = 1.0);

// The best pole over all parts: the label goes in the part with the most room.
PoleOfInaccessibility polylabel(const MultiPolygon& shape, double precision = 1.0);

// Signed distance from `p` to the polygon boundary: positive inside (outside the holes), negative
// outside. Exposed for tests and for callers that check a candidate anchor.
double signed_distance_to_polygon(Vec2 p, const Polygon& polygon);

}  // namespace faro
