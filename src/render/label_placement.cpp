#include "render/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace faro::render {
namespace {

bool inside(const Box& inner, const Box& outer) {
  return inner.xmin >= outer.xmin && inner.xmax <= outer.xmax && inner.ymin >= outer.ymin &&
         inner.ymax <= outer.ymax;
}

// Strict overlap: boxes that merely touch do not collide (the gap is added beforehand).
bool overlaps(const Box& a, const Box& b) {
  return a.xmin < b.xmax && b.xmin < a.xmax && a.ymin < b.ymax && b.ymin < a.ymax;
}

}  // namespace

std::vector<LabelPlacement> place_labels(const std::vector<LabelRequest>& requests,
                                         const Box& screen, const std::vector<Box>& obstacles,
                                         double gap_px) {
  std::vector<size_t> order(requests.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return requests[a].priority > requests[b].priority; });

  // Placed boxes are kept grown by the gap, so one overlap test covers the clearance. A few
  // hundred sector labels make the linear scan cheap next to drawing them.
  std::vector<Box> taken;
  for (const Box& o : obstacles)
    if (!o.empty()) taken.push_back(o.grown(gap_px));

  std::vector<LabelPlacement> placed;
  for (size_t index : order) {
    const LabelRequest& r = requests[index];
    if (!std::isfinite(r.anchor_px.x) || !std::isfinite(r.anchor_px.y)) continue;
    for (size_t layout = 0; layout < r.box_sizes.size(); ++layout) {
      const Vec2 size = r.box_sizes[layout];
      const Box box{r.anchor_px.x - size.x / 2, r.anchor_px.y - size.y / 2,
                    r.anchor_px.x + size.x / 2, r.anchor_px.y + size.y / 2};
      if (!inside(box, screen) || !inside(box, r.feature_px)) continue;
      if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return overlaps(box, t); }))
        continue;
      taken.push_back(box.grown(gap_px));
      placed.push_back({index, layout, box});
      break;
    }
  }
  return placed;
}

}  // namespace faro::render
