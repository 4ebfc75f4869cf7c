// ReprojectGrid's stated bound: every interpolated point within kMaxErrorM (0.1 mm) of PROJ (OGR's
// exact transformation), on the real FGJ points (EPSG:4326 -> UTM 14N) and on worst-case extents
// (far from the zone's central meridian, near UTM's latitude limit), plus the Reprojector wiring.
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <random>
#include <vector>

#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"
#include "io/reproject.hpp"
#include "io/reproject_grid.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

// PROJ through OGR, the reference: x = longitude, y = latitude in.
class ExactUtm {
 public:
  explicit ExactUtm(int epsg) {
    ensure_gdal();
    a_.importFromEPSG(4326);
    b_.importFromEPSG(epsg);
    a_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    b_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ct_.reset(OGRCreateCoordinateTransformation(&a_, &b_));
  }
  bool operator()(size_t n, double* x, double* y) const {
    std::vector<int> ok(n, 0);
    ct_->Transform(static_cast<int>(n), x, y, nullptr, ok.data());
    for (size_t i = 0; i < n; ++i)
      if (!ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i])) return false;
    return true;
  }

 private:
  OGRSpatialReference a_, b_;
  std::unique_ptr<OGRCoordinateTransformation> ct_;
};

struct Check {
  double worst_m = 0;
  size_t interpolated = 0, left = 0, tiles = 0;
  double first_step_deg = 0;  // lattice step of the first point's tile
};

// Runs the grid on (lon, lat) in batches of 65,536 and compares with the exact transformation.
Check check_grid(int epsg, const std::vector<double>& lon, const std::vector<double>& lat) {
  const ExactUtm exact(epsg);
  ReprojectGrid grid([&](size_t n, double* x, double* y) { return exact(n, x, y); });
  Check c;
  for (size_t at = 0; at < lon.size(); at += 65536) {
    const size_t n = std::min<size_t>(65536, lon.size() - at);
    std::vector<double> gx(lon.begin() + at, lon.begin() + at + n);
    std::vector<double> gy(lat.begin() + at, lat.begin() + at + n);
    std::vector<double> ex = gx, ey = gy;
    std::vector<uint32_t> rest;
    grid.transform(n, gx.data(), gy.data(), rest);
    EXPECT_TRUE(exact(n, ex.data(), ey.data()));
    std::vector<char> is_rest(n, 0);
    for (uint32_t i : rest) is_rest[i] = 1;
    for (size_t i = 0; i < n; ++i) {
      if (is_rest[i]) {
        EXPECT_EQ(gx[i], lon[at + i]) << "a point left to PROJ must come back untouched";
        ++c.left;
        continue;
      }
      ++c.interpolated;
      c.worst_m = std::max(c.worst_m, std::hypot(gx[i] - ex[i], gy[i] - ey[i]));
    }
  }
  c.tiles = grid.tiles_built();
  c.first_step_deg = grid.step_at(lon[0], lat[0]);
  return c;
}

void uniform_box(double lon0, double lon1, double lat0, double lat1, size_t n, unsigned seed,
                 std::vector<double>& lon, std::vector<double>& lat) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> ux(lon0, lon1), uy(lat0, lat1);
  for (size_t i = 0; i < n; ++i) {
    lon.push_back(ux(rng));
    lat.push_back(uy(rng));
  }
}

TEST(ReprojectGrid, RealFgjPointsWithinTheStatedBoundOfProj) {
  FARO_REQUIRE_SHARED(csv, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  IncidentSourceOptions o;
  o.use_cache = false;
  IncidentLoadContext ctx;
  ctx.work_srs = "EPSG:4326";  // identity: the store keeps the source longitude/latitude
  const IncidentLoadResult r = load_incidents(csv, o, ctx);
  ASSERT_GT(r.store.size(), 10000u);
  // Repeated a few times so that every tile the city touches gets built.
  std::vector<double> lon, lat;
  for (int k = 0; k < 4; ++k) {
    lon.insert(lon.end(), r.store.x.begin(), r.store.x.end());
    lat.insert(lat.end(), r.store.y.begin(), r.store.y.end());
  }
  const Check c = check_grid(32614, lon, lat);
  std::printf("FGJ: %zu interpolated, %zu left to PROJ, worst %.3g mm, %zu tiles, step %g deg\n",
              c.interpolated, c.left, c.worst_m * 1e3, c.tiles, c.first_step_deg);
  EXPECT_LE(c.worst_m, ReprojectGrid::kMaxErrorM);
  EXPECT_GT(c.interpolated, lon.size() * 9 / 10) << "the city's points should use the grid";
}

// The whole loader on all 1.28 M FGJ rows (cold gzip CSV to UTM 14N): the grid's model against
// the one PROJ gives for every point (FARO_EXACT_REPROJECTION=1), row for row.
TEST(ReprojectGrid, FullFgjLoadWithinTheStatedBoundOfExactProj) {
  FARO_REQUIRE_SHARED(gz, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  IncidentSourceOptions o;
  o.use_cache = false;
  IncidentLoadContext ctx;
  ctx.work_srs = "EPSG:32614";
  const IncidentLoadResult grid = load_incidents(gz, o, ctx);
  ::setenv("FARO_EXACT_REPROJECTION", "1", 1);
  const IncidentLoadResult exact = load_incidents(gz, o, ctx);
  ::unsetenv("FARO_EXACT_REPROJECTION");
  ASSERT_EQ(grid.store.size(), exact.store.size());
  ASSERT_GT(grid.store.size(), 1000000u);
  EXPECT_EQ(grid.report.rows_read, exact.report.rows_read);
  EXPECT_EQ(grid.store.source_rows, exact.store.source_rows);
  double worst = 0;
  size_t differ = 0;
  for (size_t i = 0; i < grid.store.size(); ++i) {
    const double d =
        std::hypot(grid.store.x[i] - exact.store.x[i], grid.store.y[i] - exact.store.y[i]);
    worst = std::max(worst, d);
    differ += d != 0;
  }
  std::printf("1.28 M FGJ: %zu of %zu points interpolated (differ from PROJ), worst %.3g mm\n",
              differ, grid.store.size(), worst * 1e3);
  EXPECT_LE(worst, ReprojectGrid::kMaxErrorM);
  EXPECT_GT(differ, grid.store.size() / 2) << "the loader does not use the grid";
}

TEST(ReprojectGrid, WorstCaseExtentsWithinTheStatedBound) {
  struct Box {
    double lon0, lon1, lat0, lat1;
  };
  // UTM 14N (central meridian 99 W): inside the zone, 15 to 60 degrees outside it, at the
  // equator and up to the 84 N limit, where the projection bends most between nodes (60 degrees
  // out, the tiles need a finer lattice than the first).
  const Box boxes[] = {{-100, -98, 18, 20}, {-85, -83, 82, 84},   {-70, -68, -1, 1},
                       {-70, -68, 60, 62},  {-115, -113, 40, 42}, {-40, -38, 0, 2},
                       {-45, -43, 20, 22}};
  for (const Box& b : boxes) {
    std::vector<double> lon, lat;
    uniform_box(b.lon0, b.lon1, b.lat0, b.lat1, 200000, 7, lon, lat);
    const Check c = check_grid(32614, lon, lat);
    std::printf("box %g..%g, %g..%g: %zu interpolated, %zu left, worst %.3g mm, step %g deg\n",
                b.lon0, b.lon1, b.lat0, b.lat1, c.interpolated, c.left, c.worst_m * 1e3,
                c.first_step_deg);
    EXPECT_LE(c.worst_m, ReprojectGrid::kMaxErrorM);
    EXPECT_GT(c.interpolated, 0u);
  }
}

TEST(ReprojectGrid, ScatteredPointsAndPolesAreLeftToProj) {
  const ExactUtm exact(32614);
  ReprojectGrid grid([&](size_t n, double* x, double* y) { return exact(n, x, y); });
  std::vector<double> x = {-99.1, -99.2, 10.0, -99.0}, y = {19.4, 19.3, 89.5, NAN};
  std::vector<uint32_t> rest;
  grid.transform(x.size(), x.data(), y.data(), rest);
  EXPECT_EQ(rest.size(), 4u) << "too few points to build a tile, a pole, a NaN";
  EXPECT_EQ(grid.tiles_built(), 0u);
  EXPECT_EQ(grid.step_at(-99.1, 19.4), 0);
}

// Through the Reprojector: large batches (the loaders' blocks) go through the grid, small ones stay
// exact; both within the bound of OGR's exact result.
TEST(ReprojectGrid, ReprojectorLargeBatchesWithinTheBound) {
  std::vector<double> lon, lat;
  uniform_box(-99.4, -98.9, 19.0, 19.6, 65536 * 3, 11, lon, lat);
  const Reprojector fast("EPSG:4326", "EPSG:32614");
  std::vector<double> gx = lon, gy = lat;
  std::vector<int> ok(lon.size(), 0);
  for (size_t at = 0; at < lon.size(); at += 65536)
    EXPECT_EQ(fast.transform(65536, gx.data() + at, gy.data() + at, ok.data() + at), 0u);
  const ExactUtm exact(32614);
  std::vector<double> ex = lon, ey = lat;
  ASSERT_TRUE(exact(ex.size(), ex.data(), ey.data()));
  double worst = 0;
  size_t differ = 0;
  for (size_t i = 0; i < lon.size(); ++i) {
    const double d = std::hypot(gx[i] - ex[i], gy[i] - ey[i]);
    worst = std::max(worst, d);
    differ += d != 0;
  }
  EXPECT_LE(worst, ReprojectGrid::kMaxErrorM);
  // The first batch is verified against OGR and stays exact; the later ones are interpolated.
  EXPECT_GT(differ, 65536u) << "the grid is not in use";
}

}  // namespace
}  // namespace faro::io
