#pragma once
// Greedy label placement in screen pixels: labels are taken by priority (higher first, then input
// order) and each is placed at the first of its candidate layouts (e.g. one line, then two lines)
// that lies fully on screen, fits inside its feature's screen box, and keeps a gap from every
// label already placed and every obstacle (legend, title panels). Labels that cannot be placed
// are hidden: a map with fewer readable names beats one with overlapping ones.
#include <cstddef>
#include <vector>

#include "core/geometry.hpp"

namespace faro::render {

struct LabelRequest {
  Vec2 anchor_px;  // where the label box is centred (pixels, y down)
  Box feature_px;  // feature's screen box; the label box must fit inside it
  int priority = 0;
  std::vector<Vec2> box_sizes;  // candidate layouts: (width, height) in pixels, in preference order
};

struct LabelPlacement {
  size_t request = 0;  // index into the requests
  size_t layout = 0;   // index into that request's box_sizes
  Box box;             // pixels, centred on the anchor
};

// `screen`: the drawable area (usually 0..width x 0..height). `gap_px`: minimum clearance between
// two labels, and between a label and an obstacle. Returns placements in placement order.
std::vector<LabelPlacement> place_labels(const std::vector<LabelRequest>& requests,
                                         const Box& screen, const std::vector<Box>& obstacles,
                                         double gap_px);

}  // namespace faro::render
