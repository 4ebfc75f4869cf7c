// Spillover ring for the program evaluation: comparison sectors near treated ones.
//
// Focused deterrence works through people, and people cross sector lines: violence can move next
// door (displacement) or fall there too (diffusion of benefits). Either way a neighbouring sector
// is not a clean comparison, so by default it leaves the comparison group and is estimated on its
// own, as a "ring" against the far comparison sectors (core/evaluation_checks.cpp).
//
// Near = some part of its boundary within buffer_m metres of a treated sector's boundary, in the
// working CRS (projected, metres). buffer_m = 0 means touching, with the 1 m tolerance of
// core/spatial_weights' Queen contiguity (boundaries digitised with small gaps still touch).
#include <algorithm>
#include <cmath>
#include <map>

#include "core/program_evaluation.hpp"

namespace faro {
namespace {

constexpr double kTouchToleranceM = 1.0;

double point_segment_distance2(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

// Some vertex of `from` within `d` of an edge of `to` (outer rings; holes do not face
// neighbours). Checking both directions finds the closest approach of two polygons' boundaries
// up to the segment-segment case, which only matters for crossing edges (then a vertex is
// within d of the other's edge as well, for any d of practical size).
bool vertex_near_edges(const MultiPolygon& from, const MultiPolygon& to, double d) {
  const double d2 = d * d;
  for (const Polygon& pf : from)
    for (const Vec2& p : pf.outer)
      for (const Polygon& pt : to) {
        const Ring& r = pt.outer;
        for (size_t i = 0, n = r.size(); i < n; ++i)
          if (point_segment_distance2(p, r[i], r[(i + 1) % n]) <= d2) return true;
      }
  return false;
}

bool near(const Sector& a, const Sector& b, double d) {
  if (!a.bbox.grown(d).intersects(b.bbox)) return false;
  return vertex_near_edges(a.shape, b.shape, d) || vertex_near_edges(b.shape, a.shape, d);
}

}  // namespace

void apply_spillover_ring(EvaluationRequest& req, const SectorSet& sectors, double buffer_m) {
  req.ring.clear();
  req.ring_excluded = false;
  if (buffer_m < 0) {  // --buffer none: every comparison sector stays, no ring is estimated
    req.buffer_m = -1;
    return;
  }
  req.buffer_m = buffer_m;
  const double d = std::max(req.buffer_m, kTouchToleranceM);
  // A ring sector takes the earliest rollout among the treated sectors near it: that is when
  // displacement could start.
  std::map<size_t, TreatedSector> ring;
  for (size_t c : req.comparison)
    for (const TreatedSector& t : req.treated) {
      if (!near(sectors.sectors[c], sectors.sectors[t.sector], d)) continue;
      auto [it, added] = ring.emplace(c, TreatedSector{c, t.rollout, t.end});
      if (!added && t.rollout < it->second.rollout) it->second = {c, t.rollout, t.end};
    }
  for (const auto& [s, t] : ring) req.ring.push_back(t);
  req.ring_excluded = !req.comparison_given;
  if (req.ring_excluded) std::erase_if(req.comparison, [&](size_t s) { return ring.count(s) > 0; });
}

}  // namespace faro
