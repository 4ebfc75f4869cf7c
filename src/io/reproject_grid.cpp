// Bicubic interpolation tiles over PROJ (see reproject_grid.hpp for the scheme and its bound).
#include "io/reproject_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace faro::io {
namespace {

constexpr int64_t kKeyStride = 100000;  // tile columns per key row (|tx| <= 360)

struct CacheSlot {
  int64_t key;
  const void* tile;
};

}  // namespace

// Monomial coefficients of the cubic Lagrange weights of nodes -1, 0, 1, 2: weight k at s is
// sum_a kWeightPoly[k][a] s^a.
constexpr double kWeightPoly[4][4] = {{0, -1.0 / 3, 0.5, -1.0 / 6},
                                      {1, -0.5, -1, 0.5},
                                      {0, 1, 0.5, -0.5},
                                      {0, -1.0 / 6, 0, 1.0 / 6}};

struct ReprojectGrid::Tile {
  double lon0 = 0, lat0 = 0;  // south-west corner, degrees
  double h = 0, inv_h = 0;    // lattice step, degrees
  int m = 0;                  // cells per side; 0 = left to PROJ
  // Per cell (row by row), the bicubic interpolant as a polynomial in the cell's local (s, t):
  // 16 coefficients c[b][a] of s^a t^b for easting, then 16 for northing. Evaluating it (Horner)
  // is the same interpolation as weighting the 4 x 4 nodes, in about half the operations.
  std::vector<double> coef;

  // nodes: (m + 3)^2 lattice values of one output, row by row from (lon0 - h, lat0 - h).
  void set_coefficients(const std::vector<double>& ex, const std::vector<double>& ny) {
    const size_t side = static_cast<size_t>(m) + 3;
    coef.assign(static_cast<size_t>(m) * m * 32, 0);
    for (int j = 0; j < m; ++j)
      for (int i = 0; i < m; ++i) {
        double* c = coef.data() + (static_cast<size_t>(j) * m + i) * 32;
        for (int out = 0; out < 2; ++out) {
          const std::vector<double>& v = out == 0 ? ex : ny;
          for (int r = 0; r < 4; ++r)
            for (int k = 0; k < 4; ++k) {
              const double node = v[(static_cast<size_t>(j) + r) * side + i + k];
              for (int b = 0; b < 4; ++b)
                for (int a = 0; a < 4; ++a)
                  c[out * 16 + b * 4 + a] += kWeightPoly[r][b] * kWeightPoly[k][a] * node;
            }
        }
      }
  }

  void interpolate(double& x, double& y) const {
    const double u = (x - lon0) * inv_h, v = (y - lat0) * inv_h;
    // u, v lie in [0, m) for points of this tile; the clamp only absorbs rounding at the edges.
    const int i = std::clamp(static_cast<int>(u), 0, m - 1);
    const int j = std::clamp(static_cast<int>(v), 0, m - 1);
    const double s = u - i, t = v - j;
    const double* c = coef.data() + (static_cast<size_t>(j) * m + i) * 32;
    auto poly = [&](const double* q) {
      const double r0 = q[0] + s * (q[1] + s * (q[2] + s * q[3]));
      const double r1 = q[4] + s * (q[5] + s * (q[6] + s * q[7]));
      const double r2 = q[8] + s * (q[9] + s * (q[10] + s * q[11]));
      const double r3 = q[12] + s * (q[13] + s * (q[14] + s * q[15]));
      return r0 + t * (r1 + t * (r2 + t * r3));
    };
    x = poly(c);
    y = poly(c + 16);
  }
};

ReprojectGrid::ReprojectGrid(Exact exact) : exact_(std::move(exact)) {}
ReprojectGrid::~ReprojectGrid() = default;

bool ReprojectGrid::key_of(double lon, double lat, int64_t& key) {
  if (!(lon >= -180 && lon < 180 && lat >= -kMaxAbsLatitude && lat < kMaxAbsLatitude))
    return false;  // also NaN
  // Truncating a non-negative value is its floor: spares two libm floor() calls per point
  // (the x86-64 baseline has no rounding instruction).
  constexpr int64_t kWest = static_cast<int64_t>(180 / kTileDeg);
  constexpr int64_t kSouth = static_cast<int64_t>(90 / kTileDeg);
  const auto tx = static_cast<int64_t>((lon + 180) * (1 / kTileDeg)) - kWest;
  const auto ty = static_cast<int64_t>((lat + 90) * (1 / kTileDeg)) - kSouth;
  key = ty * kKeyStride + tx;
  return true;
}

const ReprojectGrid::Tile* ReprojectGrid::find(int64_t key) const {
  const auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : it->second;
}

const ReprojectGrid::Tile* ReprojectGrid::build(int64_t key) {
  auto tile = std::make_unique<Tile>();
  // Undo key_of: ty * stride + tx with |tx| < stride / 2.
  int64_t ty = key / kKeyStride, tx = key % kKeyStride;
  if (tx >= kKeyStride / 2) tx -= kKeyStride, ++ty;
  if (tx < -kKeyStride / 2) tx += kKeyStride, --ty;
  tile->lon0 = static_cast<double>(tx) * kTileDeg;
  tile->lat0 = static_cast<double>(ty) * kTileDeg;
  std::vector<double> lx, ly, mx, my;
  for (int m = kFirstCellsPerSide; m <= kMaxCellsPerSide; m *= 2) {
    const double h = kTileDeg / m;
    const int side = m + 3;
    lx.resize(static_cast<size_t>(side) * side);
    ly.resize(lx.size());
    for (int j = 0; j < side; ++j)
      for (int i = 0; i < side; ++i) {
        lx[static_cast<size_t>(j * side + i)] = tile->lon0 + (i - 1) * h;
        ly[static_cast<size_t>(j * side + i)] = tile->lat0 + (j - 1) * h;
      }
    mx.resize(static_cast<size_t>(m) * m);
    my.resize(mx.size());
    for (int j = 0; j < m; ++j)
      for (int i = 0; i < m; ++i) {
        mx[static_cast<size_t>(j * m + i)] = tile->lon0 + (i + 0.5) * h;
        my[static_cast<size_t>(j * m + i)] = tile->lat0 + (j + 0.5) * h;
      }
    if (!exact_(lx.size(), lx.data(), ly.data()) || !exact_(mx.size(), mx.data(), my.data()))
      break;  // PROJ fails somewhere near: the whole tile stays with PROJ
    tile->m = m;
    tile->h = h;
    tile->inv_h = m / kTileDeg;
    tile->set_coefficients(lx, ly);
    double worst = 0;
    for (int j = 0; j < m; ++j)
      for (int i = 0; i < m; ++i) {
        double x = tile->lon0 + (i + 0.5) * h, y = tile->lat0 + (j + 0.5) * h;
        tile->interpolate(x, y);
        const size_t k = static_cast<size_t>(j * m + i);
        worst = std::max(worst, std::hypot(x - mx[k], y - my[k]));
      }
    if (worst <= kBuildToleranceM) {
      grid_bytes_ += tile->coef.size() * sizeof(double);
      break;
    }
    tile->m = 0;  // not yet within the tolerance: refine, or leave to PROJ
  }
  if (tile->m == 0) tile->coef = {};
  const Tile* t = tile.get();
  tiles_.push_back(std::move(tile));
  by_key_.emplace(key, t);
  return t;
}

double ReprojectGrid::step_at(double lon, double lat) const {
  int64_t key;
  if (!key_of(lon, lat, key)) return 0;
  const Tile* t = find(key);
  return t && t->m ? t->h : 0;
}

void ReprojectGrid::transform(size_t n, double* x, double* y, std::vector<uint32_t>& rest) {
  // Consecutive points often share a tile; a small direct-mapped cache spares most hash look-ups.
  CacheSlot cache[64];
  for (auto& c : cache) c = {std::numeric_limits<int64_t>::min(), nullptr};
  auto lookup = [&](int64_t key) -> const Tile* {
    CacheSlot& c = cache[static_cast<uint64_t>(key ^ (key >> 7)) & 63];
    if (c.key == key) return static_cast<const Tile*>(c.tile);
    const Tile* t = find(key);
    if (t) c = {key, t};
    return t;
  };
  pending_.clear();
  for (size_t i = 0; i < n; ++i) {
    int64_t key;
    if (!key_of(x[i], y[i], key)) {
      rest.push_back(static_cast<uint32_t>(i));
    } else if (const Tile* t = lookup(key)) {
      if (t->m)
        t->interpolate(x[i], y[i]);
      else
        rest.push_back(static_cast<uint32_t>(i));
    } else {
      pending_.push_back(static_cast<uint32_t>(i));
    }
  }
  if (pending_.empty()) return;
  // Tiles this batch fills enough are built now; scattered points (outliers, typos) go to PROJ.
  std::unordered_map<int64_t, size_t> count;
  for (uint32_t i : pending_) {
    int64_t key;
    key_of(x[i], y[i], key);
    ++count[key];
  }
  for (const auto& [key, c] : count)
    if (c >= kMinPointsToBuild && tiles_.size() < kMaxTiles && grid_bytes_ < kMaxGridBytes)
      build(key);
  for (uint32_t i : pending_) {
    int64_t key;
    key_of(x[i], y[i], key);
    const Tile* t = find(key);
    if (t && t->m)
      t->interpolate(x[i], y[i]);
    else
      rest.push_back(i);
  }
}

}  // namespace faro::io
