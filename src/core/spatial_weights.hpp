#pragma once
// Binary spatial weights (neighbour lists) for local statistics such as Getis-Ord Gi*.
// Stored compressed (CSR): the neighbours of unit i are neighbours[offsets[i] .. offsets[i+1]),
// sorted ascending, never including i itself; Gi* adds the self weight (w_ii = 1) on its own.
// All coordinates are the session's working CRS (projected, metres).
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/geometry.hpp"

namespace faro {

struct SpatialWeights {
  std::vector<uint32_t> offsets{0};  // size() + 1 entries
  std::vector<uint32_t> neighbours;  // concatenated, each list sorted, no self, no repeats

  size_t size() const { return offsets.size() - 1; }
  std::span<const uint32_t> of(size_t i) const {
    return {neighbours.data() + offsets[i], neighbours.data() + offsets[i + 1]};
  }
  size_t count(size_t i) const { return offsets[i + 1] - offsets[i]; }
  bool has(size_t i, uint32_t j) const;
  // Units with no neighbour other than themselves (Gi* is undefined there).
  size_t islands() const;
  double mean_neighbours() const;
};

// Builds symmetric weights for n units from undirected pairs (i != j; repeats and self pairs
// are dropped).
SpatialWeights weights_from_pairs(size_t n, std::vector<std::pair<uint32_t, uint32_t>> pairs);

// Queen contiguity: units i and j are neighbours when they touch, i.e. some vertex of one lies
// within `tolerance_m` of some edge (or vertex) of the other. This is a superset of PySAL's
// vertex-sharing Queen: it also joins sectors whose shared boundary was digitised with vertices
// that do not coincide (T-junctions) or with small slivers/gaps up to the tolerance.
// Empty shapes get no neighbours. Cost: a uniform grid over all vertices; O(V) for typical maps.
SpatialWeights queen_contiguity(const std::vector<const MultiPolygon*>& shapes,
                                double tolerance_m = 1.0);

// Distance band: neighbours are units whose points lie within `threshold_m` (inclusive).
// Grid-bucketed, O(n + pairs).
SpatialWeights distance_band(std::span<const Vec2> points, double threshold_m);

// Area-weighted centroid of a multipolygon (holes subtracted); the bounding-box centre when the
// area is zero.
Vec2 centroid(const MultiPolygon& shape);

}  // namespace faro
