#pragma once
// Point-in-polygon assignment of incidents to sectors with a uniform-grid spatial index.
// Exact on boundaries: the crossing-number rule is half-open (an edge counts when
// (a.y > p.y) != (b.y > p.y) and p.x < x_intersect, with the intersection computed from the
// endpoint of lower y, x0 + (p.y - y0) * ((x1 - x0) / (y1 - y0)), clamped to the edge's x-range,
// so both polygons sharing an edge compute the same value), hence a point on an edge or vertex
// shared by two sectors belongs to exactly one of them. Holes and multipolygons use the even-odd
// rule over all rings of the sector. Where sectors overlap, the lowest index wins.
// Index: a uniform grid over the sectors' extent. A cell crossed by no edge stores its sector (or
// none), so most points cost one array read; a boundary cell stores its candidate sectors, each
// with the few edges that can cross a ray from inside the cell (see cell_data_). The grid only
// prunes: every answer equals that of the same test over all edges of all sectors.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"
#include "core/incidents.hpp"
#include "core/sectors.hpp"

namespace faro {

class SectorIndex {
 public:
  explicit SectorIndex(const SectorSet& sectors);
  // Sector index containing (x, y), or kNoSector. Thread-safe (const).
  int32_t locate(double x, double y) const;
  // Fills store.sector for every row; uses `threads` threads (0 = hardware concurrency). Throws a
  // LocalizedError (a DataError) when the set has more than kMaxAssignableSectors sectors.
  void assign(IncidentStore& store, unsigned threads = 0) const;

 private:
  // A non-horizontal edge with its endpoints ordered by y (y0 < y1), so the two sectors sharing it
  // store bit-identical values and compute the same intersection. Horizontal edges never cross the
  // half-open ray test and are not stored (they still make grid cells boundary cells).
  struct Edge {
    double y0, y1;    // y0 < y1
    double x0, dxdy;  // x at y0 and dx/dy: x_intersect(y) = x0 + (y - y0) * dxdy
    double xlo, xhi;  // min/max x of the edge; x_intersect is clamped to [xlo, xhi]
  };
  int cell_x(double x) const;  // monotone in x, clamped to [0, nx_)
  int cell_y(double y) const;

  size_t sector_count_ = 0;
  std::vector<Edge> edges_;  // all sectors' non-horizontal edges
  Box extent_;
  int nx_ = 0, ny_ = 0;
  double cell_w_ = 1, cell_h_ = 1;
  double inv_cell_w_ = 1, inv_cell_h_ = 1;
  // Per cell: >= 0: the lowest-index sector covering the whole cell, no edge of any sector inside
  // it; -1 (kNoSector): no sector and no edge; <= -2: boundary cell whose block starts at
  // cell_data_[-2 - value]: [candidate count], then per candidate sector (ascending index):
  // [sector, (n << 1) | parity, n edge ids]. `parity` is the crossing parity, over the whole cell,
  // of the sector's edges lying entirely to the cell's right and spanning its full height (the
  // horizontal strip of the cell); the n edges are those that can cross some point's ray inside
  // the cell only partly (they overlap the cell's box, or end within its strip). Edges left of the
  // cell or outside its strip never cross; so the test is exact with a few edges per candidate.
  std::vector<int32_t> cell_owner_;
  std::vector<uint32_t> cell_data_;
};

}  // namespace faro
