// Linear binning for the CPU density path. With several threads and a large internal grid: each
// sorts its share of the points into bands of rows, then the bands are filled in parallel (no
// per-thread copies of a big grid to zero and add up); with a small (coarsened) grid, per-thread
// copies that stay in L2. With one thread: a straight scatter.
#include <atomic>
#include <climits>

#include "core/kde_internal.hpp"

namespace faro {
namespace {

// Rows per band, a power of two (a shift, not a division, per point): the band plus the row its
// points also touch stays within ~128 KB, comfortably in L2.
int band_shift_for(int nx) {
  int shift = 2;
  while (shift < 12 && ((size_t{1} << (shift + 1)) + 1) * 4 * static_cast<size_t>(nx) <= 128 * 1024)
    ++shift;
  return shift;
}

// Runs fn(i) for i in [0, n) on `threads` threads taking indices dynamically (uneven bands).
template <class F>
void parallel_dynamic(size_t n, unsigned threads, F fn) {
  std::atomic<size_t> next{0};
  parallel_workers(threads, [&](unsigned) {
    for (size_t i = next++; i < n; i = next++) fn(i);
  });
}

struct Locator {
  double inv, ox, oy, lim_x, lim_y;
  int nx;
  explicit Locator(const BinnedGrid& b)
      : inv(1 / b.ci),
        ox(b.margin - b.cx0 / b.ci),
        oy(b.margin + b.cy0 / b.ci),
        lim_x(b.nx - 1),
        lim_y(b.ny - 1),
        nx(b.nx) {}
  // False when the point's bracketing nodes are not all inside the padded grid (or x, y is NaN).
  bool locate(double x, double y, int& row, BinEntry& e) const {
    const double fx = x * inv + ox, fy = oy - y * inv;
    if (!(fx >= 0 && fx < lim_x && fy >= 0 && fy < lim_y)) return false;
    const int col = static_cast<int>(fx);
    row = static_cast<int>(fy);
    e.node = static_cast<uint32_t>(static_cast<size_t>(row) * nx + col);
    e.u = static_cast<uint16_t>((fx - col) * 65535.0 + 0.5);
    e.v = static_cast<uint16_t>((fy - row) * 65535.0 + 0.5);
    return true;
  }
};

// Top-left nodes seen; the nodes touched extend one further right and down.
struct Bounds {
  int row_lo = INT_MAX, row_hi = -1, col_lo = INT_MAX, col_hi = -1;
  void add(int row, int col) {
    row_lo = std::min(row_lo, row);
    row_hi = std::max(row_hi, row);
    col_lo = std::min(col_lo, col);
    col_hi = std::max(col_hi, col);
  }
  void merge(const Bounds& o) {
    row_lo = std::min(row_lo, o.row_lo);
    row_hi = std::max(row_hi, o.row_hi);
    col_lo = std::min(col_lo, o.col_lo);
    col_hi = std::max(col_hi, o.col_hi);
  }
  void store(KdeScratch& s) const {
    s.row_lo = row_lo;
    s.row_hi = row_hi < 0 ? -1 : row_hi + 1;
    s.col_lo = col_lo;
    s.col_hi = col_hi < 0 ? -1 : col_hi + 1;
  }
};

// Point k of the selection is point index(k) of the columns: every point, or the selected rows.
// Both read the same doubles and do the same arithmetic, so binning rows gives exactly the sums of
// binning the gathered copy of those rows (tests/core/kde_rows_selection_test.cpp).
struct EveryPoint {
  size_t count;
  size_t size() const { return count; }
  size_t operator()(size_t k) const { return k; }
};
struct SelectedRows {
  std::span<const uint32_t> rows;
  size_t size() const { return rows.size(); }
  size_t operator()(size_t k) const { return rows[k]; }
};

// Adds weight w to the 4 nodes around the point, bilinearly: q is its top-left node.
inline void scatter(float* q, size_t nx, const BinEntry& e, float w) {
  constexpr float kStep = 1.0f / 65535;
  const float u = e.u * kStep, wv = w * (e.v * kStep), wv1 = w - wv;
  q[0] += wv1 - wv1 * u;
  q[1] += wv1 * u;
  q[nx] += wv - wv * u;
  q[nx + 1] += wv * u;
}

// Internal grids up to this many nodes (512 KB of floats) get one private copy per thread. They
// are the coarsened grids of wide kernels (a 400 m bandwidth on a 1600 x 900 screen of 16 m cells
// bins to about 260 x 160 nodes), which stay in L2; there, writing each point's BinEntry to a band
// list and reading it back (80 MB each way at 10 M points) costs more than adding up the copies.
constexpr size_t kPrivateGridMaxNodes = 128 * 1024;

// Each thread scatters its contiguous share of the points straight into its own copy (thread 0
// into s.bins), then the copies are added in thread order, rows split between the threads.
template <class Index>
void bin_into_private_grids(const PointSet& pts, Index index, const BinnedGrid& b,
                            const Locator& loc, unsigned threads, KdeScratch& s) {
  const bool weighted = !pts.weight.empty();
  const size_t nx = static_cast<size_t>(b.nx);
  std::vector<std::vector<float>> copies(threads - 1, std::vector<float>(b.size(), 0.0f));
  std::vector<Bounds> bounds(threads);
  parallel_chunks(index.size(), threads, [&](size_t lo, size_t hi, unsigned t) {
    float* bins = t == 0 ? s.bins.data() : copies[t - 1].data();
    Bounds bt;  // local: kept in registers (a reference into `bounds` is stored every point)
    int row;
    BinEntry e;
    for (size_t k = lo; k < hi; ++k) {
      const size_t i = index(k);
      if (!loc.locate(pts.x[i], pts.y[i], row, e)) continue;
      bt.add(row, static_cast<int>(e.node - static_cast<size_t>(row) * nx));
      scatter(bins + e.node, nx, e, weighted ? pts.weight[i] : 1.0f);
    }
    bounds[t] = bt;
  });
  for (unsigned t = 1; t < threads; ++t) bounds[0].merge(bounds[t]);
  bounds[0].store(s);
  float* bins = s.bins.data();
  parallel_chunks(b.size(), threads, [&](size_t lo, size_t hi, unsigned) {
    for (const std::vector<float>& copy : copies)
      for (size_t i = lo; i < hi; ++i) bins[i] += copy[i];
  });
}

}  // namespace

BinnedGrid binned_grid(const GridSpec& grid, int g, int radius) {
  BinnedGrid b;
  b.g = g;
  b.radius = radius;
  b.margin = radius + 1;
  b.core_nx = g == 1 ? grid.nx : (grid.nx - 1) / g + 2;
  b.core_ny = g == 1 ? grid.ny : (grid.ny - 1) / g + 2;
  b.nx = b.core_nx + 2 * b.margin;
  b.ny = b.core_ny + 2 * b.margin;
  b.cx0 = grid.center_x(0);
  b.cy0 = grid.center_y(0);
  b.ci = grid.cell * g;
  return b;
}

namespace {

template <class Index>
void bin_selection(const PointSet& pts, Index index, const BinnedGrid& b, unsigned threads,
                   KdeScratch& s) {
  s.bins.assign(b.size(), 0.0f);
  s.row_lo = s.col_lo = 0;
  s.row_hi = s.col_hi = -1;
  const size_t n = index.size();
  if (n == 0) return;
  const Locator loc(b);
  const bool weighted = !pts.weight.empty();
  threads = static_cast<unsigned>(std::min<size_t>(threads, n / 20000 + 1));
  if (threads == 1) {
    // One thread: straight scatter (about as fast as sorting first on one thread, for the
    // clustered real data). With two, sorting by band then filling bands in parallel takes 13 ms
    // for the 1.28 M FGJ points, against ~17 ms for per-thread grids added up and ~20 ms for a
    // counting sort (dev machine).
    float* bins = s.bins.data();
    const size_t nx = static_cast<size_t>(b.nx);
    Bounds bounds;
    int row;
    BinEntry e;
    for (size_t k = 0; k < n; ++k) {
      const size_t i = index(k);
      if (!loc.locate(pts.x[i], pts.y[i], row, e)) continue;
      bounds.add(row, static_cast<int>(e.node - static_cast<size_t>(row) * nx));
      scatter(bins + e.node, nx, e, weighted ? pts.weight[i] : 1.0f);
    }
    bounds.store(s);
    return;
  }
  if (b.size() <= kPrivateGridMaxNodes) {
    bin_into_private_grids(pts, index, b, loc, threads, s);
    return;
  }
  const int shift = band_shift_for(b.nx);
  const size_t bands = (static_cast<size_t>(b.ny - 1) >> shift) + 1;

  // 1. Each thread sorts its contiguous chunk of points into its own per-band lists (kept, with
  //    their capacity, across calls: no counting pass, no reallocation once warm).
  s.buckets.resize(threads);
  s.bucket_weights.resize(threads);
  std::vector<Bounds> bounds(threads);
  parallel_chunks(n, threads, [&](size_t lo, size_t hi, unsigned t) {
    std::vector<std::vector<BinEntry>>& lists = s.buckets[t];
    std::vector<std::vector<float>>& wlists = s.bucket_weights[t];
    lists.resize(bands);
    wlists.resize(weighted ? bands : 0);
    for (auto& l : lists) l.clear();
    for (auto& l : wlists) l.clear();
    Bounds bt;  // local: kept in registers (see bin_into_private_grids)
    int row;
    BinEntry e;
    for (size_t k = lo; k < hi; ++k) {
      const size_t i = index(k);
      if (!loc.locate(pts.x[i], pts.y[i], row, e)) continue;
      bt.add(row, static_cast<int>(e.node - static_cast<size_t>(row) * loc.nx));
      lists[row >> shift].push_back(e);
      if (weighted) wlists[row >> shift].push_back(pts.weight[i]);
    }
    bounds[t] = bt;
  });
  for (unsigned t = 1; t < threads; ++t) bounds[0].merge(bounds[t]);
  bounds[0].store(s);

  // 2. Fill the bands, each from every thread's list in thread order, i.e. in the points' order
  //    (the same sums whatever the thread count). A band's points also touch the first row of
  //    the next band, so even bands run first, then odd ones.
  float* bins = s.bins.data();
  const size_t nx = static_cast<size_t>(b.nx);
  for (size_t parity = 0; parity < 2; ++parity) {
    parallel_dynamic((bands + 1 - parity) / 2, threads, [&](size_t k) {
      const size_t band = 2 * k + parity;
      for (unsigned t = 0; t < threads; ++t) {
        const std::vector<BinEntry>& list = s.buckets[t][band];
        const float* w = weighted ? s.bucket_weights[t][band].data() : nullptr;
        for (size_t i = 0; i < list.size(); ++i)
          scatter(bins + list[i].node, nx, list[i], w ? w[i] : 1.0f);
      }
    });
  }
}

}  // namespace

void bin_points(const PointSet& pts, const BinnedGrid& b, unsigned threads, KdeScratch& s) {
  bin_selection(pts, EveryPoint{pts.size()}, b, threads, s);
}

void bin_points(const PointSet& pts, std::span<const uint32_t> rows, const BinnedGrid& b,
                unsigned threads, KdeScratch& s) {
  bin_selection(pts, SelectedRows{rows}, b, threads, s);
}

}  // namespace faro
