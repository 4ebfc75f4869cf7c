#pragma once
// Which incident points lie under a click: the selection's points (the points layer draws the
// filter's rows) within the drawn dot's radius plus a few pixels of slack, nearest first. A linear
// pass over the rows, run only on a click (1.28 M rows: a few ms), never per frame.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"
#include "core/incidents.hpp"

namespace faro::app {

// Indices into `all` (taken from `rows`, the filter's selection) within `radius_m` of `at`
// (working CRS), nearest first, at most `max_hits` (ties by row order).
std::vector<uint32_t> incidents_near(const IncidentStore& all, const std::vector<uint32_t>& rows,
                                     Vec2 at, double radius_m, size_t max_hits = 50);

// The click radius for dots drawn `size_px` wide (screen pixels) at `metres_per_pixel` of the
// screen: half the dot plus 3 pixels (times `ui_scale`, HiDPI), so a small dot is easy to hit.
double click_radius_m(float size_px, double metres_per_pixel, double ui_scale);

}  // namespace faro::app
