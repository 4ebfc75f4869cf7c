#include "core/polylabel.hpp"

#include <cmath>
#include <queue>
#include <vector>

namespace faro {
namespace {

// Squared distance from p to segment a-b.
double segment_distance_sq(Vec2 p, Vec2 a, Vec2 b) {
  double x = a.x, y = a.y;
  double dx = b.x - x, dy = b.y - y;
  if (dx != 0 || dy != 0) {
    const double t = ((p.x - x) * dx + (p.y - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b.x;
      y = b.y;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p.x - x;
  dy = p.y - y;
  return dx * dx + dy * dy;
}

// Ray casting over one ring (open: the closing edge is implied) plus the nearest edge distance.
void scan_ring(const Ring& ring, Vec2 p, bool& inside, double& min_dist_sq) {
  const size_t n = ring.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
    min_dist_sq = std::min(min_dist_sq, segment_distance_sq(p, a, b));
  }
}

struct Cell {
  Vec2 centre;
  double half;  // half the cell size
  double d;     // signed distance from the centre to the polygon
  double max;   // best distance any point of the cell could reach
  Cell(Vec2 c, double h, const Polygon& poly)
      : centre(c), half(h), d(signed_distance_to_polygon(c, poly)), max(d + h * std::sqrt(2.0)) {}
};

// Area centroid of the outer ring: a good first guess for convex-ish shapes.
Vec2 ring_centroid(const Ring& ring) {
  double a = 0, cx = 0, cy = 0;
  const size_t n = ring.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2 p = ring[i], q = ring[j];
    const double f = p.x * q.y - q.x * p.y;
    cx += (p.x + q.x) * f;
    cy += (p.y + q.y) * f;
    a += f * 3;
  }
  if (a == 0) return ring.front();
  return {cx / a, cy / a};
}

constexpr int kMaxProbes = 100000;

}  // namespace

double signed_distance_to_polygon(Vec2 p, const Polygon& polygon) {
  bool inside = false;
  double min_dist_sq = std::numeric_limits<double>::infinity();
  if (polygon.outer.size() >= 2) scan_ring(polygon.outer, p, inside, min_dist_sq);
  for (const Ring& hole : polygon.holes)
    if (hole.size() >= 2) scan_ring(hole, p, inside, min_dist_sq);
  if (!std::isfinite(min_dist_sq)) return -std::numeric_limits<double>::infinity();
  const double d = std::sqrt(min_dist_sq);
  return inside ? d : -d;
}

PoleOfInaccessibility polylabel(const Polygon& polygon, double precision) {
  Box box;
  for (const Vec2& v : polygon.outer) box.expand(v.x, v.y);
  if (box.empty()) return {{0, 0}, 0};
  const Vec2 box_centre{(box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2};
  if (polygon.outer.size() < 3 || !(box.width() > 0 && box.height() > 0) ||
      !std::isfinite(box.width() + box.height()))
    return {box_centre, 0};
  // Square cells covering the box; at most 256 along the long side even for a thin sliver.
  const double cell_size =
      std::max(std::min(box.width(), box.height()), std::max(box.width(), box.height()) / 256);
  // A precision far below the shape's size would only burn probes (and never finish for 0).
  precision = std::max(precision, std::max(box.width(), box.height()) * 1e-7);

  auto by_max = [](const Cell& a, const Cell& b) { return a.max < b.max; };
  std::priority_queue<Cell, std::vector<Cell>, decltype(by_max)> queue(by_max);
  const double h = cell_size / 2;
  for (double x = box.xmin; x < box.xmax; x += cell_size)
    for (double y = box.ymin; y < box.ymax; y += cell_size)
      queue.emplace(Vec2{x + h, y + h}, h, polygon);

  Cell best(ring_centroid(polygon.outer), 0, polygon);
  const Cell centre_cell(box_centre, 0, polygon);
  if (centre_cell.d > best.d) best = centre_cell;

  int probes = static_cast<int>(queue.size());
  while (!queue.empty()) {
    const Cell cell = queue.top();
    queue.pop();
    if (cell.d > best.d) best = cell;
    // This cell (and, the queue being ordered by max, every other) cannot beat best by more
    // than the precision.
    if (cell.max - best.d <= precision) break;
    if (probes >= kMaxProbes) break;
    const double q = cell.half / 2;
    queue.emplace(Vec2{cell.centre.x - q, cell.centre.y - q}, q, polygon);
    queue.emplace(Vec2{cell.centre.x + q, cell.centre.y - q}, q, polygon);
    queue.emplace(Vec2{cell.centre.x - q, cell.centre.y + q}, q, polygon);
    queue.emplace(Vec2{cell.centre.x + q, cell.centre.y + q}, q, polygon);
    probes += 4;
  }
  if (best.d <= 0) return {box_centre, 0};  // no interior found (zero-area sliver)
  return {best.centre, best.d};
}

PoleOfInaccessibility polylabel(const MultiPolygon& shape, double precision) {
  PoleOfInaccessibility best;
  bool any = false;
  for (const Polygon& part : shape) {
    const PoleOfInaccessibility pole = polylabel(part, precision);
    if (!any || pole.distance > best.distance) {
      best = pole;
      any = true;
    }
  }
  return best;
}

}  // namespace faro
