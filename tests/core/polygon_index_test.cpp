// SectorIndex: exact half-open point-in-polygon over shared edges/vertices, holes, multipolygons,
// concave shapes, and agreement with a naive all-sectors crossing test on random data.
#include "core/polygon_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace {

using faro::kNoSector;
using faro::MultiPolygon;
using faro::Polygon;
using faro::Ring;
using faro::Sector;
using faro::SectorIndex;
using faro::SectorSet;
using faro::Vec2;

// Reference: the rule from polygon_index.hpp written out directly, over every edge of every ring.
bool naive_contains(const MultiPolygon& mp, double x, double y) {
  bool inside = false;
  auto ring = [&](const Ring& r) {
    for (size_t i = 0, n = r.size(); i < n; ++i) {
      const Vec2& a = r[i];
      const Vec2& b = r[(i + 1) % n];
      if ((a.y > y) == (b.y > y)) continue;
      const Vec2& lo = a.y < b.y ? a : b;
      const Vec2& hi = a.y < b.y ? b : a;
      double xi = lo.x + (y - lo.y) * ((hi.x - lo.x) / (hi.y - lo.y));
      xi = std::clamp(xi, std::min(lo.x, hi.x), std::max(lo.x, hi.x));
      if (x < xi) inside = !inside;
    }
  };
  for (const Polygon& p : mp) {
    ring(p.outer);
    for (const Ring& h : p.holes) ring(h);
  }
  return inside;
}

// First sector (lowest index) containing the point, or kNoSector; and how many contain it.
std::pair<int32_t, int> naive_locate(const SectorSet& set, double x, double y) {
  int32_t first = kNoSector;
  int count = 0;
  for (size_t i = 0; i < set.size(); ++i) {
    if (naive_contains(set.sectors[i].shape, x, y)) {
      if (first == kNoSector) first = static_cast<int32_t>(i);
      ++count;
    }
  }
  return {first, count};
}

void add_sector(SectorSet& set, std::string name, MultiPolygon shape) {
  Sector s;
  s.name = std::move(name);
  s.shape = std::move(shape);
  s.bbox = faro::bounds(s.shape);
  s.area_m2 = faro::area(s.shape);
  set.sectors.push_back(std::move(s));
}

Ring rect(double x0, double y0, double x1, double y1, bool ccw = true) {
  Ring r{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  if (!ccw) std::reverse(r.begin(), r.end());
  return r;
}

// k x k unit squares at origin (ox, oy) scaled by `size`; sector index = j * k + i. Alternate
// orientations so shared edges are traversed in both directions.
SectorSet square_grid(int k, double ox = 0, double oy = 0, double size = 1) {
  SectorSet set;
  for (int j = 0; j < k; ++j)
    for (int i = 0; i < k; ++i)
      add_sector(set, "sq" + std::to_string(j * k + i),
                 {Polygon{rect(ox + i * size, oy + j * size, ox + (i + 1) * size,
                               oy + (j + 1) * size, (i + j) % 2 == 0),
                          {}}});
  return set;
}

TEST(SectorIndex, SharedEdgesAndVerticesBelongToExactlyOneSquare) {
  for (const double origin : {0.0, 480123.25}) {  // plain and UTM-sized coordinates
    const int k = 4;
    const SectorSet set = square_grid(k, origin, 2 * origin, 1.0);
    const SectorIndex index(set);
    // Every vertex and every edge midpoint of the grid, boundary of the union included.
    for (int j2 = 0; j2 <= 2 * k; ++j2) {
      for (int i2 = 0; i2 <= 2 * k; ++i2) {
        if (i2 % 2 == 1 && j2 % 2 == 1) continue;  // square centres: not on an edge
        const double x = origin + i2 * 0.5, y = 2 * origin + j2 * 0.5;
        const auto [first, count] = naive_locate(set, x, y);
        const int32_t got = index.locate(x, y);
        EXPECT_EQ(got, first) << "at (" << i2 * 0.5 << ", " << j2 * 0.5 << ")";
        // Half-open squares [i, i+1) x [j, j+1): the owner is the square to the upper right.
        const int i = i2 / 2, j = j2 / 2;
        const int32_t expected = (i < k && j < k) ? j * k + i : kNoSector;
        EXPECT_EQ(got, expected) << "at (" << i2 * 0.5 << ", " << j2 * 0.5 << ")";
        EXPECT_LE(count, 1);
        if (i2 < 2 * k && j2 < 2 * k) {
          EXPECT_EQ(count, 1) << "shared point (" << i2 * 0.5 << ", " << j2 * 0.5 << ")";
        }
      }
    }
  }
}

TEST(SectorIndex, PolygonWithHoleAndIsland) {
  SectorSet set;
  add_sector(set, "ring", {Polygon{rect(0, 0, 10, 10), {rect(3, 3, 7, 7, false)}}});
  {
    const SectorIndex index(set);
    EXPECT_EQ(index.locate(1, 1), 0);
    EXPECT_EQ(index.locate(9.5, 5), 0);
    EXPECT_EQ(index.locate(5, 5), kNoSector);  // in the hole
    EXPECT_EQ(index.locate(11, 5), kNoSector);
    // On the hole's edges: same answer as the rule, whatever it is.
    for (const Vec2 p : {Vec2{3, 5}, Vec2{7, 5}, Vec2{5, 3}, Vec2{5, 7}, Vec2{3, 3}, Vec2{7, 7}})
      EXPECT_EQ(index.locate(p.x, p.y), naive_locate(set, p.x, p.y).first);
    EXPECT_EQ(index.locate(3, 5), kNoSector);  // left hole edge: the hole side (half-open)
    EXPECT_EQ(index.locate(7, 5), 0);          // right hole edge: the ring side
  }
  // An island sector filling the hole: every point on the hole boundary is in exactly one.
  add_sector(set, "island", {Polygon{rect(3, 3, 7, 7), {}}});
  const SectorIndex index(set);
  EXPECT_EQ(index.locate(5, 5), 1);
  for (double t = 3; t <= 7; t += 0.5) {
    for (const Vec2 p : {Vec2{3, t}, Vec2{7, t}, Vec2{t, 3}, Vec2{t, 7}}) {
      const auto [first, count] = naive_locate(set, p.x, p.y);
      EXPECT_EQ(count, 1) << "(" << p.x << ", " << p.y << ")";
      EXPECT_EQ(index.locate(p.x, p.y), first);
    }
  }
}

TEST(SectorIndex, MultiPolygonParts) {
  SectorSet set;
  add_sector(set, "two parts", {Polygon{rect(0, 0, 2, 2), {}}, Polygon{rect(5, 5, 6, 8), {}}});
  add_sector(set, "between", {Polygon{rect(2, 0, 5, 2), {}}});
  const SectorIndex index(set);
  EXPECT_EQ(index.locate(1, 1), 0);
  EXPECT_EQ(index.locate(5.5, 7.5), 0);
  EXPECT_EQ(index.locate(3, 1), 1);
  EXPECT_EQ(index.locate(2, 1), 1);  // shared edge x = 2 goes to the sector on the right
  EXPECT_EQ(index.locate(3, 5), kNoSector);
  EXPECT_EQ(index.locate(5.5, 4), kNoSector);
}

TEST(SectorIndex, ConcavePolygon) {
  // A "U": points in the notch are outside; the arms are inside.
  SectorSet set;
  add_sector(set, "U",
             {Polygon{{{0, 0}, {9, 0}, {9, 9}, {6, 9}, {6, 3}, {3, 3}, {3, 9}, {0, 9}}, {}}});
  // A spiky star around (20, 5), clockwise.
  Ring star;
  for (int i = 0; i < 16; ++i) {
    const double a = -i * 2 * M_PI / 16, r = (i % 2) ? 1.5 : 4.0;
    star.push_back({20 + r * std::cos(a), 5 + r * std::sin(a)});
  }
  add_sector(set, "star", {Polygon{star, {}}});
  const SectorIndex index(set);
  EXPECT_EQ(index.locate(1.5, 8), 0);
  EXPECT_EQ(index.locate(7.5, 8), 0);
  EXPECT_EQ(index.locate(4.5, 6), kNoSector);  // in the notch
  EXPECT_EQ(index.locate(4.5, 2), 0);
  EXPECT_EQ(index.locate(20, 5), 1);
  EXPECT_EQ(index.locate(23.5, 5), 1);  // tip of a spike
  EXPECT_EQ(index.locate(20 + 2.6 * std::cos(M_PI / 8), 5 - 2.6 * std::sin(M_PI / 8)),
            kNoSector);  // between two spikes
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> ux(-1, 26), uy(-1, 10);
  for (int i = 0; i < 20000; ++i) {
    const double x = ux(rng), y = uy(rng);
    ASSERT_EQ(index.locate(x, y), naive_locate(set, x, y).first) << x << ", " << y;
  }
}

TEST(SectorIndex, EmptySetAndDegenerateSectors) {
  SectorSet empty;
  const SectorIndex index(empty);
  EXPECT_EQ(index.locate(0, 0), kNoSector);
  faro::IncidentStore store;
  store.push_back(1, 2, 0, 0, 0);
  store.push_back(3, 4, 0, 0, 0);
  index.assign(store);
  EXPECT_EQ(store.sector, (std::vector<faro::SectorCode>{kNoSector, kNoSector}));

  SectorSet degenerate;
  add_sector(degenerate, "no rings", {});
  add_sector(degenerate, "two points", {Polygon{{{0, 0}, {1, 1}}, {}}});
  add_sector(degenerate, "flat", {Polygon{{{0, 0}, {1, 0}, {2, 0}}, {}}});
  add_sector(degenerate, "real", {Polygon{rect(5, 5, 6, 6), {}}});
  const SectorIndex index2(degenerate);
  EXPECT_EQ(index2.locate(0.5, 0), kNoSector);
  EXPECT_EQ(index2.locate(5.5, 5.5), 3);
  EXPECT_EQ(index2.locate(std::nan(""), 5.5), kNoSector);
}

// A jittered grid of vertices cut into rectangular blocks of quads; each block's ring walks every
// grid vertex on its boundary, so neighbours share edges and vertices exactly (a planar partition
// like real sectors). Blocks of the first row become two-part multipolygons with a hole.
SectorSet jittered_partition(std::mt19937_64& rng, int nx, int ny, double ox, double oy,
                             double scale) {
  std::uniform_real_distribution<double> jitter(-0.3, 0.3);
  std::vector<Vec2> v((nx + 1) * (ny + 1));
  for (int j = 0; j <= ny; ++j)
    for (int i = 0; i <= nx; ++i) {
      const bool border = i == 0 || j == 0 || i == nx || j == ny;
      // Round to a 1/1024 lattice like rounded source coordinates, keeping some exact repeats.
      auto q = [](double d) { return std::round(d * 1024) / 1024; };
      v[j * (nx + 1) + i] = {ox + scale * q(i + (border ? 0 : jitter(rng))),
                             oy + scale * q(j + (border ? 0 : jitter(rng)))};
    }
  auto at = [&](int i, int j) { return v[j * (nx + 1) + i]; };
  SectorSet set;
  std::uniform_int_distribution<int> block(1, 3);
  for (int j0 = 0; j0 < ny;) {
    const int h = std::min(block(rng), ny - j0);
    for (int i0 = 0; i0 < nx;) {
      const int w = std::min(block(rng), nx - i0);
      Ring r;
      for (int i = i0; i < i0 + w; ++i) r.push_back(at(i, j0));
      for (int j = j0; j < j0 + h; ++j) r.push_back(at(i0 + w, j));
      for (int i = i0 + w; i > i0; --i) r.push_back(at(i, j0 + h));
      for (int j = j0 + h; j > j0; --j) r.push_back(at(i0, j));
      if (rng() % 2) std::reverse(r.begin(), r.end());
      add_sector(set, "b" + std::to_string(set.size()), {Polygon{r, {}}});
      i0 += w;
    }
    j0 += h;
  }
  return set;
}

// Every ring vertex, every edge midpoint and a point at a random position on every edge.
std::vector<Vec2> points_on_boundaries(const SectorSet& set, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> t01(0, 1);
  std::vector<Vec2> pts;
  auto ring = [&](const Ring& r) {
    for (size_t i = 0; i < r.size(); ++i) {
      const Vec2& a = r[i];
      const Vec2& b = r[(i + 1) % r.size()];
      const double t = t01(rng);
      pts.push_back(a);
      pts.push_back({(a.x + b.x) / 2, (a.y + b.y) / 2});
      pts.push_back({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
    }
  };
  for (const Sector& s : set.sectors)
    for (const Polygon& p : s.shape) {
      ring(p.outer);
      for (const Ring& h : p.holes) ring(h);
    }
  return pts;
}

std::vector<Vec2> random_points(std::mt19937_64& rng, faro::Box box, size_t n) {
  box = box.grown(0.05 * std::max(box.width(), box.height()));
  std::uniform_real_distribution<double> ux(box.xmin, box.xmax), uy(box.ymin, box.ymax);
  std::vector<Vec2> pts(n);
  for (Vec2& p : pts) p = {ux(rng), uy(rng)};
  return pts;
}

TEST(SectorIndex, MatchesNaiveOnRandomPartitions) {
  for (const uint64_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    const int nx = 30, ny = 20;
    const double ox = 480000, oy = 2130000, scale = 97.3;
    const SectorSet set = jittered_partition(rng, nx, ny, ox, oy, scale);
    const SectorIndex index(set);
    std::vector<Vec2> pts = points_on_boundaries(set, rng);
    const size_t on_boundary = pts.size();
    const std::vector<Vec2> random = random_points(rng, set.extent(), 30000);
    pts.insert(pts.end(), random.begin(), random.end());
    size_t inside = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
      const Vec2 p = pts[i];
      const auto [first, count] = naive_locate(set, p.x, p.y);
      ASSERT_EQ(index.locate(p.x, p.y), first)
          << "seed " << seed << " point " << i << " (" << p.x - ox << ", " << p.y - oy << ")";
      ASSERT_LE(count, 1);
      const bool interior = p.x > ox && p.x < ox + nx * scale && p.y > oy && p.y < oy + ny * scale;
      if (interior) {
        ASSERT_EQ(count, 1) << "point " << i << (i < on_boundary ? " on a shared boundary" : "");
        ++inside;
      }
    }
    EXPECT_GT(inside, on_boundary / 2);  // the shared-boundary points were really exercised
  }
}

// Random star-shaped polygons that overlap each other, some with a hole, some with two parts:
// overlapping sectors resolve to the lowest index, exactly like the naive scan.
TEST(SectorIndex, MatchesNaiveOnOverlappingStarsWithHolesAndParts) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> uc(0, 1000), ur(20, 150), u01(0, 1);
  std::uniform_int_distribution<int> uvert(3, 40);
  auto star = [&](double cx, double cy, double rmin, double rmax, bool cw) {
    Ring r;
    const int n = uvert(rng);
    for (int i = 0; i < n; ++i) {
      const double a = (cw ? -1 : 1) * (i + 0.5 * u01(rng)) * 2 * M_PI / n;
      const double rad = rmin + (rmax - rmin) * u01(rng);
      r.push_back({cx + rad * std::cos(a), cy + rad * std::sin(a)});
    }
    return r;
  };
  SectorSet set;
  for (int s = 0; s < 60; ++s) {
    const double cx = uc(rng), cy = uc(rng), rmax = ur(rng), rmin = rmax * 0.4;
    Polygon p{star(cx, cy, rmin, rmax, rng() % 2), {}};
    if (s % 3 == 0) p.holes.push_back(star(cx, cy, rmin * 0.2, rmin * 0.6, rng() % 2));
    MultiPolygon mp{p};
    if (s % 4 == 1) mp.push_back(Polygon{star(uc(rng), uc(rng), 10, 40, false), {}});
    add_sector(set, "star" + std::to_string(s), std::move(mp));
  }
  const SectorIndex index(set);
  std::vector<Vec2> pts = points_on_boundaries(set, rng);
  const std::vector<Vec2> random = random_points(rng, set.extent(), 50000);
  pts.insert(pts.end(), random.begin(), random.end());
  int overlapping = 0;
  for (size_t i = 0; i < pts.size(); ++i) {
    const auto [first, count] = naive_locate(set, pts[i].x, pts[i].y);
    ASSERT_EQ(index.locate(pts[i].x, pts[i].y), first) << "point " << i;
    overlapping += count > 1;
  }
  EXPECT_GT(overlapping, 100);  // the lowest-index rule was really exercised
}

TEST(SectorIndex, AssignWithThreadsMatchesLocate) {
  std::mt19937_64 rng(9);
  const SectorSet set = jittered_partition(rng, 40, 40, 0, 0, 10);
  const SectorIndex index(set);
  faro::IncidentStore store;
  for (const Vec2& p : random_points(rng, set.extent(), 300000)) store.push_back(p.x, p.y, 0, 0, 0);
  for (const unsigned threads : {1u, 3u, 0u}) {
    store.sector.clear();
    index.assign(store, threads);
    ASSERT_EQ(store.sector.size(), store.size());
    size_t assigned = 0;
    for (size_t i = 0; i < store.size(); ++i) {
      ASSERT_EQ(store.sector[i], index.locate(store.x[i], store.y[i]));
      assigned += store.sector[i] != kNoSector;
    }
    EXPECT_GT(assigned, store.size() / 2);
    EXPECT_LT(assigned, store.size());  // the margin outside the extent is unassigned
  }
}

}  // namespace
