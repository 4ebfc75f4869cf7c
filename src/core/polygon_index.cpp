#include "core/polygon_index.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/localized_error.hpp"
#include "core/parallel_for.hpp"

namespace faro {
namespace {

// Grid resolution: enough cells that most points land in a cell crossed by no edge (one array
// read). Boundary cells are roughly perimeter/cell while all cells are area/cell^2, so a finer grid
// shrinks the share of boundary cells linearly; memory is 4 bytes per cell plus the boundary
// blocks. Incidents cluster on streets, which are often sector boundaries, so err on the fine side.
constexpr double kCellsPerSector = 64;
constexpr double kCellsPerEdge = 16;
constexpr double kMaxCells = 4.0 * 1024 * 1024;

// Monotone (non-decreasing in v) bucket of v in [0, n): the same function is used for points and
// for the ranges of edges and boxes, so "v in [a, b]" implies "bucket(v) in [bucket(a),
// bucket(b)]".
inline int bucket(double v, double origin, double inv_size, int n) {
  const double f = (v - origin) * inv_size;
  if (!(f >= 0)) return 0;
  if (f >= n) return n - 1;
  return std::min(static_cast<int>(f), n - 1);
}

bool finite(const Vec2& v) {
  return std::isfinite(v.x) && std::isfinite(v.y);
}

// Calls fn(a, b) for every edge of every usable ring (3+ vertices) of the sector.
template <typename Fn>
void for_each_segment(const MultiPolygon& shape, Fn&& fn) {
  auto ring = [&](const Ring& r) {
    if (r.size() < 3) return;
    for (size_t i = 0, m = r.size(); i < m; ++i) fn(r[i], r[(i + 1) % m]);
  };
  for (const Polygon& p : shape) {
    ring(p.outer);
    for (const Ring& h : p.holes) ring(h);
  }
}

// One (boundary cell, candidate sector) pair and its share of the per-cell edge lists.
struct Candidate {
  uint32_t cell;
  int32_t sector;
  uint32_t edges_begin = 0, edge_count = 0;  // into the builder's candidate-edge list
  bool parity = false;
};

}  // namespace

int SectorIndex::cell_x(double x) const {
  return bucket(x, extent_.xmin, inv_cell_w_, nx_);
}
int SectorIndex::cell_y(double y) const {
  return bucket(y, extent_.ymin, inv_cell_h_, ny_);
}

SectorIndex::SectorIndex(const SectorSet& set) : sector_count_(set.sectors.size()) {
  const size_t n = set.sectors.size();

  // 1. Non-horizontal edges of every sector, ordered by y; sector boxes. A sector with no such edge
  //    encloses no area and is left out of the grid.
  std::vector<uint32_t> edge_begin(n + 1, 0);
  std::vector<Box> boxes(n);
  for (size_t s = 0; s < n; ++s) {
    for_each_segment(set.sectors[s].shape, [&](const Vec2& a, const Vec2& b) {
      if (!finite(a) || !finite(b)) return;
      boxes[s].expand(a.x, a.y);
      if (a.y == b.y) return;  // horizontal or degenerate: never crosses
      const Vec2& lo = a.y < b.y ? a : b;
      const Vec2& hi = a.y < b.y ? b : a;
      edges_.push_back({lo.y, hi.y, lo.x, (hi.x - lo.x) / (hi.y - lo.y), std::min(lo.x, hi.x),
                        std::max(lo.x, hi.x)});
    });
    edge_begin[s + 1] = static_cast<uint32_t>(edges_.size());
    if (edge_begin[s] == edge_begin[s + 1]) boxes[s] = Box{};
    extent_.expand(boxes[s]);
  }
  if (extent_.empty()) return;  // no usable sector: locate() always answers kNoSector

  // 2. Grid over the extent, square cells.
  const double w = std::max(extent_.width(), 1e-9), h = std::max(extent_.height(), 1e-9);
  const double target = std::clamp(std::max(kCellsPerSector * static_cast<double>(n),
                                            kCellsPerEdge * static_cast<double>(edges_.size())),
                                   1.0, kMaxCells);
  const double cell = std::sqrt(w * h / target);
  nx_ = std::clamp(static_cast<int>(std::ceil(w / cell)), 1, 1 << 15);
  ny_ = std::clamp(static_cast<int>(std::ceil(h / cell)), 1, 1 << 15);
  cell_w_ = w / nx_;
  cell_h_ = h / ny_;
  inv_cell_w_ = 1 / cell_w_;
  inv_cell_h_ = 1 / cell_h_;
  const size_t cells = static_cast<size_t>(nx_) * ny_;
  // Cells are handled as boxes grown by this margin, far above the floating-point error of
  // coordinates of this magnitude, so a point mapped to a cell always lies inside its grown box.
  const double mag = std::max({std::abs(extent_.xmin), std::abs(extent_.xmax),
                               std::abs(extent_.ymin), std::abs(extent_.ymax), w, h});
  const double margin = 1e-9 * mag + 1e-6 * std::min(cell_w_, cell_h_);
  auto grown_cell = [&](uint32_t c) {
    const int cx = static_cast<int>(c % nx_), cy = static_cast<int>(c / nx_);
    return Box{extent_.xmin + cx * cell_w_ - margin, extent_.ymin + cy * cell_h_ - margin,
               extent_.xmin + (cx + 1) * cell_w_ + margin,
               extent_.ymin + (cy + 1) * cell_h_ + margin};
  };

  // 3. Cells touched by any segment (horizontal ones included) become boundary cells; each touching
  //    sector is a candidate there. Pairs come out grouped by sector.
  std::vector<uint8_t> touched(cells, 0);
  std::vector<uint32_t> touch_cells;
  std::vector<size_t> touch_begin(n + 1, 0);
  for (size_t s = 0; s < n; ++s) {
    if (!boxes[s].empty()) {
      for_each_segment(set.sectors[s].shape, [&](const Vec2& a, const Vec2& b) {
        if (!finite(a) || !finite(b)) return;
        const int cx0 = cell_x(std::min(a.x, b.x) - margin);
        const int cx1 = cell_x(std::max(a.x, b.x) + margin);
        const int cy0 = cell_y(std::min(a.y, b.y) - margin);
        const int cy1 = cell_y(std::max(a.y, b.y) + margin);
        const double dx = b.x - a.x, dy = b.y - a.y;
        for (int cy = cy0; cy <= cy1; ++cy) {
          for (int cx = cx0; cx <= cx1; ++cx) {
            const auto c = static_cast<uint32_t>(static_cast<size_t>(cy) * nx_ + cx);
            if (cx1 > cx0 || cy1 > cy0) {
              // Skip cells the segment's line passes clear of (all grown corners on one side).
              const Box g = grown_cell(c);
              const double s00 = dx * (g.ymin - a.y) - dy * (g.xmin - a.x);
              const double s01 = dx * (g.ymax - a.y) - dy * (g.xmin - a.x);
              const double s10 = dx * (g.ymin - a.y) - dy * (g.xmax - a.x);
              const double s11 = dx * (g.ymax - a.y) - dy * (g.xmax - a.x);
              if ((s00 > 0 && s01 > 0 && s10 > 0 && s11 > 0) ||
                  (s00 < 0 && s01 < 0 && s10 < 0 && s11 < 0))
                continue;
            }
            touched[c] = 1;
            touch_cells.push_back(c);
          }
        }
      });
    }
    touch_begin[s + 1] = touch_cells.size();
  }

  // 4. Per sector, in index order (so the lowest index owns cells where sectors overlap):
  //    a. its edges bucketed by grid row;
  //    b. scanline fill at cell centres: untouched inside cells get this owner, touched ones this
  //       candidate (same clamped intersections as locate(), sorted per row);
  //    c. for each candidate cell, the parity of full-height edges to its right and the list of
  //       edges locate() must test.
  cell_owner_.assign(cells, kNoSector);
  std::vector<Candidate> cands;
  std::vector<uint32_t> cand_edges;
  std::vector<std::vector<uint32_t>> row_edges;
  std::vector<uint32_t> cells_s, row_first, fill;
  std::vector<double> xs;
  for (size_t s = 0; s < n; ++s) {
    const Box& bb = boxes[s];
    if (bb.empty()) continue;
    const int r0 = cell_y(bb.ymin - margin), r1 = cell_y(bb.ymax + margin);
    row_edges.resize(r1 - r0 + 1);
    for (auto& r : row_edges) r.clear();
    for (uint32_t e = edge_begin[s]; e < edge_begin[s + 1]; ++e)
      for (int r = cell_y(edges_[e].y0 - margin); r <= cell_y(edges_[e].y1 + margin); ++r)
        row_edges[r - r0].push_back(e);

    cells_s.assign(touch_cells.begin() + touch_begin[s], touch_cells.begin() + touch_begin[s + 1]);
    const int cx0 = cell_x(bb.xmin), cx1 = cell_x(bb.xmax);
    for (int cy = cell_y(bb.ymin); cy <= cell_y(bb.ymax); ++cy) {
      const double yc = extent_.ymin + (cy + 0.5) * cell_h_;
      if (!(yc >= bb.ymin && yc < bb.ymax)) continue;
      xs.clear();
      for (const uint32_t id : row_edges[cy - r0]) {
        const Edge& e = edges_[id];
        if (e.y0 <= yc && yc < e.y1)
          xs.push_back(std::clamp(e.x0 + (yc - e.y0) * e.dxdy, e.xlo, e.xhi));
      }
      std::sort(xs.begin(), xs.end());
      size_t passed = 0;  // intersections <= xc; the ray to the right crosses the rest
      for (int cx = cx0; cx <= cx1; ++cx) {
        const double xc = extent_.xmin + (cx + 0.5) * cell_w_;
        while (passed < xs.size() && xs[passed] <= xc) ++passed;
        if (((xs.size() - passed) & 1) == 0) continue;
        const auto c = static_cast<uint32_t>(static_cast<size_t>(cy) * nx_ + cx);
        if (touched[c])
          cells_s.push_back(c);
        else if (cell_owner_[c] == kNoSector)
          cell_owner_[c] = static_cast<int32_t>(s);
      }
    }
    std::sort(cells_s.begin(), cells_s.end());
    cells_s.erase(std::unique(cells_s.begin(), cells_s.end()), cells_s.end());
    if (cells_s.empty()) continue;

    // Candidate cells of row r are cells_s[row_first[r - r0] .. row_first[r - r0 + 1]).
    row_first.assign(r1 - r0 + 2, 0);
    for (const uint32_t c : cells_s) ++row_first[c / nx_ - r0 + 1];
    for (size_t r = 1; r < row_first.size(); ++r) row_first[r] += row_first[r - 1];
    const size_t base = cands.size();
    for (const uint32_t c : cells_s) cands.push_back({c, static_cast<int32_t>(s)});
    // Two passes over the same (edge, candidate) relation: count, then fill.
    auto visit = [&](auto&& on_edge) {
      for (uint32_t id = edge_begin[s]; id < edge_begin[s + 1]; ++id) {
        const Edge& e = edges_[id];
        for (int r = cell_y(e.y0 - margin); r <= cell_y(e.y1 + margin); ++r) {
          for (uint32_t k = row_first[r - r0]; k < row_first[r - r0 + 1]; ++k) {
            const Box g = grown_cell(cells_s[k]);
            // Never crosses a ray from this cell: outside its strip, or wholly to its left.
            if (e.y1 <= g.ymin || e.y0 > g.ymax || e.xhi < g.xmin) continue;
            // Crosses every ray from this cell: wholly to its right, spanning its strip.
            const bool always = e.xlo > g.xmax && e.y0 <= g.ymin && e.y1 > g.ymax;
            on_edge(base + k, id, always);
          }
        }
      }
    };
    visit([&](size_t ci, uint32_t, bool always) {
      if (always)
        cands[ci].parity = !cands[ci].parity;
      else
        ++cands[ci].edge_count;
    });
    fill.resize(cells_s.size());
    for (size_t k = 0; k < cells_s.size(); ++k) {
      cands[base + k].edges_begin = static_cast<uint32_t>(cand_edges.size());
      fill[k] = cands[base + k].edges_begin;
      cand_edges.resize(cand_edges.size() + cands[base + k].edge_count);
    }
    visit([&](size_t ci, uint32_t id, bool always) {
      if (!always) cand_edges[fill[ci - base]++] = id;
    });
  }

  // 5. Boundary cell blocks, candidates in ascending sector order (the lowest index wins).
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return a.cell != b.cell ? a.cell < b.cell : a.sector < b.sector;
  });
  cell_data_.reserve(cands.size() * 3 + cand_edges.size());
  for (size_t i = 0; i < cands.size();) {
    const uint32_t c = cands[i].cell;
    cell_owner_[c] = -2 - static_cast<int32_t>(cell_data_.size());
    const size_t count_at = cell_data_.size();
    cell_data_.push_back(0);
    for (; i < cands.size() && cands[i].cell == c; ++i) {
      const Candidate& k = cands[i];
      ++cell_data_[count_at];
      cell_data_.push_back(static_cast<uint32_t>(k.sector));
      cell_data_.push_back((k.edge_count << 1) | (k.parity ? 1u : 0u));
      cell_data_.insert(cell_data_.end(), cand_edges.begin() + k.edges_begin,
                        cand_edges.begin() + k.edges_begin + k.edge_count);
    }
  }
}

int32_t SectorIndex::locate(double x, double y) const {
  if (!(x >= extent_.xmin && x <= extent_.xmax && y >= extent_.ymin && y <= extent_.ymax))
    return kNoSector;  // also NaN
  const int32_t v = cell_owner_[static_cast<size_t>(cell_y(y)) * nx_ + cell_x(x)];
  if (v >= kNoSector) return v;
  const uint32_t* p = cell_data_.data() + (-2 - static_cast<int64_t>(v));
  for (uint32_t candidates = *p++; candidates > 0; --candidates) {
    const uint32_t* ids = p + 2;
    const uint32_t count = p[1] >> 1;
    bool inside = (p[1] & 1) != 0;
    for (uint32_t k = 0; k < count; ++k) {
      const Edge& e = edges_[ids[k]];
      // The half-open rule; x < xlo: crosses, x >= xhi: does not (the clamp), else compute.
      if (e.y0 <= y && y < e.y1 && (x < e.xlo || (x < e.xhi && x < e.x0 + (y - e.y0) * e.dxdy)))
        inside = !inside;
    }
    if (inside) return static_cast<int32_t>(p[0]);
    p = ids + count;
  }
  return kNoSector;
}

void SectorIndex::assign(IncidentStore& store, unsigned threads) const {
  // store.sector holds 16-bit codes (the memory budget in core/incidents.hpp): refuse, before
  // touching the store, a set whose indices would not fit rather than wrap them.
  if (sector_count_ > kMaxAssignableSectors)
    throw LocalizedError(Msg::sector_set_too_large, {std::to_string(sector_count_),
                                                     std::to_string(kMaxAssignableSectors)});
  const size_t n = store.size();
  store.sector.resize(n);
  // Below ~64k rows per thread, starting threads costs more than it saves.
  threads = static_cast<unsigned>(std::clamp<size_t>(n / 65536, 1, worker_count(threads)));
  const double* xs = store.x.data();
  const double* ys = store.y.data();
  SectorCode* out = store.sector.data();
  parallel_for(n, threads,
               [&](size_t i) { out[i] = static_cast<SectorCode>(locate(xs[i], ys[i])); });
}

}  // namespace faro
