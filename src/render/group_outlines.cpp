#include "render/group_outlines.hpp"

#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

namespace faro::render {
namespace {

// A vertex to the millimetre: shared vertices of neighbouring sectors compare equal after
// reprojection rounding.
using PointKey = std::pair<int64_t, int64_t>;
PointKey key_of(Vec2 p) { return {std::llround(p.x * 1000), std::llround(p.y * 1000)}; }

struct PairHash {
  size_t operator()(const std::pair<PointKey, PointKey>& k) const {
    uint64_t h = 1469598103934665603ull;
    for (int64_t v : {k.first.first, k.first.second, k.second.first, k.second.second})
      h = (h ^ static_cast<uint64_t>(v)) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

struct Edge {
  Vec2 a, b;
  int32_t group = -1;
  int uses = 0;
  bool mixed = false;  // shared by sectors of different groups
};

}  // namespace

std::vector<LineStrip> group_outlines(const SectorSet& sectors,
                                      std::span<const int32_t> group_of_sector) {
  std::unordered_map<std::pair<PointKey, PointKey>, size_t, PairHash> index;
  std::vector<Edge> edges;
  const auto add_ring = [&](const Ring& ring, int32_t group) {
    const size_t n = ring.size();
    for (size_t i = 0; i < n; ++i) {
      const Vec2 a = ring[i], b = ring[(i + 1) % n];
      PointKey ka = key_of(a), kb = key_of(b);
      if (ka == kb) continue;  // the closing vertex of a closed ring, or a repeated one
      const auto key = ka < kb ? std::make_pair(ka, kb) : std::make_pair(kb, ka);
      auto [it, fresh] = index.try_emplace(key, edges.size());
      if (fresh) edges.push_back({a, b, group, 0, false});
      Edge& e = edges[it->second];
      ++e.uses;
      e.mixed |= e.group != group;
    }
  };
  for (size_t s = 0; s < sectors.size(); ++s) {
    const int32_t g = s < group_of_sector.size() ? group_of_sector[s] : -1;
    for (const Polygon& p : sectors.sectors[s].shape) {
      add_ring(p.outer, g);
      for (const Ring& h : p.holes) add_ring(h, g);
    }
  }
  // The outline edges, then joined end to end (fewer, longer strips draw with proper joins).
  std::vector<size_t> outline;
  std::multimap<PointKey, size_t> at;  // endpoint -> outline edge
  for (size_t i = 0; i < edges.size(); ++i)
    if (edges[i].uses == 1 || edges[i].mixed) {
      at.emplace(key_of(edges[i].a), outline.size());
      at.emplace(key_of(edges[i].b), outline.size());
      outline.push_back(i);
    }
  std::vector<uint8_t> used(outline.size(), 0);
  // An unused outline edge at `p`, marked used, and its other end; false when none.
  const auto take_at = [&](Vec2 p, Vec2& next) {
    const auto [lo, hi] = at.equal_range(key_of(p));
    for (auto it = lo; it != hi; ++it) {
      if (used[it->second]) continue;
      used[it->second] = 1;
      const Edge& e = edges[outline[it->second]];
      next = key_of(e.a) == key_of(p) ? e.b : e.a;
      return true;
    }
    return false;
  };
  std::vector<LineStrip> out;
  for (size_t k = 0; k < outline.size(); ++k) {
    if (used[k]) continue;
    used[k] = 1;
    const Edge& e = edges[outline[k]];
    std::vector<Vec2> forward{e.a, e.b}, backward;
    for (Vec2 next; take_at(forward.back(), next);) forward.push_back(next);
    for (Vec2 next; take_at(backward.empty() ? e.a : backward.back(), next);) backward.push_back(next);
    LineStrip strip;
    strip.points.assign(backward.rbegin(), backward.rend());
    strip.points.insert(strip.points.end(), forward.begin(), forward.end());
    if (strip.points.size() > 2 && key_of(strip.points.front()) == key_of(strip.points.back())) {
      strip.points.pop_back();  // closed strips are stored open
      strip.closed = true;
    }
    out.push_back(std::move(strip));
  }
  return out;
}

}  // namespace faro::render
