#pragma once
// Point-in-polygon assignment of incidents to sectors with a uniform-grid spatial index.
// Exact on boundaries: the crossing-number rule is half-open (an edge counts when
// (a.y > p.y) != (b.y > p.y) and p.x < x_intersect, with the intersection computed from the
// endpoint of lower y, x0 + (p.y - y0) * ((x1 - x0) / (y1 - y0)), clamped to the edge's x-range,
// so both polygons sharing an edge compute the same value), hence a point on an edge or vertex
// shared by two sectors belongs to exactly one of them. Holes and multipolygons use the even-odd
// rule over all rings of the sector. Where sectors overlap, the lowest index wins. The grid and strip
// indexes only prune: every answer equals that of the same test over all sectors.
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
  // Fills store.sector for every row; uses `threads` threads (0 = hardware concurrency).
  void assign(IncidentStore& store, unsigned threads = 0) const;

 private:
  // A non-horizontal edge with its endpoints ordered by y (y0 < y1), so the two sectors sharing it
  // store bit-identical values and compute the same intersection. Horizontal edges never cross the
  // half-open ray test and are not stored (they still mark grid cells as boundary cells).
  struct Edge {
    double y0, y1;    // y0 < y1
    double x0, dxdy;  // x at y0 and dx/dy: x_intersect(y) = x0 + (y - y0) * dxdy
    double xlo, xhi;  // min/max x of the edge; x_intersect is clamped to [xlo, xhi]
  };
  struct SectorEdges {
    Box bbox;                             // empty when the sector has no usable ring
    double strip_y0 = 0, strip_inv_h = 0; // horizontal strips over bbox (y -> strip is monotone)
    int strip_count = 0;
    std::vector<uint32_t> strip_begin;    // CSR offsets into strip_edges (strip_count + 1)
    std::vector<Edge> strip_edges;        // edges copied into every strip their y-range overlaps
  };
  bool contains(const SectorEdges& s, double x, double y) const;
  int cell_x(double x) const;  // monotone in x, clamped to [0, nx_)
  int cell_y(double y) const;

  std::vector<SectorEdges> sectors_;
  Box extent_;
  int nx_ = 0, ny_ = 0;
  double cell_w_ = 1, cell_h_ = 1;
  double inv_cell_w_ = 1, inv_cell_h_ = 1;
  // Per cell: >= 0: the lowest-index sector covering the whole cell, no edge of any sector inside
  // it; -1 (kNoSector): no sector and no edge; <= -2: boundary cell number b = -2 - value, whose
  // candidate sectors (ascending) are cell_cand_[cand_begin_[b] .. cand_begin_[b + 1]).
  std::vector<int32_t> cell_owner_;
  std::vector<uint32_t> cand_begin_;
  std::vector<int32_t> cell_cand_;
};

}  // namespace faro
