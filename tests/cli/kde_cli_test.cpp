// `faro kde` end to end: the GeoTIFF it writes is read back with plain GDAL and checked for units
// (mass), equivalent spellings, usage errors, and values on real CDMX data against numbers computed
// independently with Python (pyproj + a direct numpy sum) and against reference_kde.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include "core/kde.hpp"
#include "geotiff_test_util.hpp"
#include "io/demo_writer.hpp"
#include "io/incident_loader.hpp"
#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result faro(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " kde " + args, &r.out);
  return r;
}

int64_t demo_incident_count() {
  faro::io::ensure_gdal();
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(faro::io::demo_geopackage_path().c_str(),
                                                         GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                         nullptr, nullptr));
  if (!ds) return -1;
  OGRLayer* layer = ds->GetLayerByName("incidents");
  const int64_t n = layer ? layer->GetFeatureCount() : -1;
  GDALClose(ds);
  return n;
}

TEST(KdeCli, DemoCityGridSumsToTheIncidents) {
  faro_test::TempDir tmp;
  const std::string a = tmp.file("a.tif"), b = tmp.file("b.tif"), q = tmp.file("q.tif");
  Result r = faro("--bandwidth 400m --cell 100 -o " + a);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("demo city"), std::string::npos) << r.out;
  const faro_test::GeoTiffContents ca = faro_test::read_geotiff(a);
  ASSERT_TRUE(ca.opened);
  EXPECT_EQ(ca.srs_authority, "EPSG:32614");
  EXPECT_DOUBLE_EQ(ca.transform[1], 100);
  EXPECT_DOUBLE_EQ(ca.transform[5], -100);
  EXPECT_EQ(ca.units, "incidents per km2");
  EXPECT_EQ(ca.metadata.at("FARO_KERNEL"), "gaussian");
  EXPECT_EQ(ca.metadata.count("FARO_SYNTHETIC"), 1u);
  const int64_t n = demo_incident_count();
  ASSERT_GT(n, 1000);
  EXPECT_EQ(ca.metadata.at("FARO_INCIDENTS"), std::to_string(n));
  // Default extent = incidents' extent + 3σ: only the 3σ tails of the outermost points are lost.
  const double total = ca.sum() * 0.01;  // x cell area in km²
  EXPECT_NEAR(total, static_cast<double>(n), 0.01 * n);
  EXPECT_LE(total, n * 1.000001);

  // "400" means 400 m too: the same file contents.
  r = faro("--bandwidth 400 --cell 100m -o " + b);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(faro_test::read_geotiff(b).values, ca.values);

  // Quartic: support = h, so with 3h of margin nothing is lost.
  r = faro("--bandwidth 0.4km --kernel quartic --cell 100 -o " + q);
  ASSERT_EQ(r.code, 0) << r.out;
  const faro_test::GeoTiffContents cq = faro_test::read_geotiff(q);
  EXPECT_NEAR(cq.sum() * 0.01, static_cast<double>(n), 1e-4 * n);
  EXPECT_EQ(cq.metadata.at("FARO_BANDWIDTH_MEANING"), "radius where the kernel reaches zero");

  // Weighted by the demo's id field (1..n): the grid sums to n(n+1)/2 weighted incidents.
  const std::string w = tmp.file("w.tif");
  r = faro("--bandwidth 400 --cell 100 --weight-field id -o " + w);
  ASSERT_EQ(r.code, 0) << r.out;
  const faro_test::GeoTiffContents cw = faro_test::read_geotiff(w);
  EXPECT_EQ(cw.units, "weighted incidents per km2");
  const double ids = static_cast<double>(n) * (n + 1) / 2;
  EXPECT_NEAR(cw.sum() * 0.01, ids, 0.01 * ids);
}

TEST(KdeCli, UsageErrorsExitTwoBeforeReadingData) {
  faro_test::TempDir tmp;
  const std::string o = " -o " + tmp.file("x.tif");
  for (const char* bad :
       {"--bandwidth abc --cell 100", "--bandwidth -5 --cell 100", "--bandwidth 0 --cell 100",
        "--bandwidth 400ft --cell 100", "--bandwidth 400 --cell 100 --kernel epanechnikov",
        "--bandwidth 400 --cell 100 --extent 1,2,3",
        "--bandwidth 400 --cell 100 --extent 10,0,5,10",
        "--bandwidth 400 --cell 100 --extent a,b,c,d",
        "--bandwidth 400 --cell 0.001 --extent 0,0,100000,100000",
        "--bandwidth 400 --cell 100 --work-srs EPSG:4326",
        "--bandwidth 400 --cell 100 --from 2024-02-30", "--cell 100", "--bandwidth 400"}) {
    const Result r = faro(std::string(bad) + o);
    EXPECT_EQ(r.code, 2) << bad << "\n" << r.out;
  }
  EXPECT_EQ(faro("--bandwidth 400 --cell 100").code, 2);  // no -o
  EXPECT_EQ(faro("--help").code, 0);
  EXPECT_TRUE(std::filesystem::is_empty(tmp.path()));
}

TEST(KdeCli, DataErrorsNameTheFile) {
  faro_test::TempDir tmp;
  const Result r = faro("--incidents " + tmp.file("missing.csv") +
                        " --bandwidth 400 --cell 100 -o " + tmp.file("x.tif"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("missing.csv"), std::string::npos) << r.out;
}

// Expected values: tests/cli/kde_cli_test.cpp's numbers come from a direct numpy sum over all
// 11,850 rows projected with pyproj (EPSG:4326 -> EPSG:32614, always_xy), grid 470000,2120000,
// 500000,2160000 at 250 m, cell (row, col) centre = (xmin + (col + .5) 250, ymax - (row + .5) 250).
struct Expected {
  int row, col;
  double value;
};

TEST(KdeCli, RealHomicidesMatchPythonAndReference) {
  FARO_REQUIRE_SHARED(csv, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string grid =
      " --extent 470000,2120000,500000,2160000 --cell 250 --work-srs EPSG:32614";
  const std::string g = tmp.file("g.tif"), q = tmp.file("q.tif");
  Result r = faro("--incidents " + csv + grid + " --bandwidth 400 -o " + g);
  ASSERT_EQ(r.code, 0) << r.out;
  r = faro("--incidents " + csv + grid +
           " --bandwidth 600 --kernel quartic --from 2019-01-01 --to 2020-12-31 -o " + q);
  ASSERT_EQ(r.code, 0) << r.out;
  const faro_test::GeoTiffContents cg = faro_test::read_geotiff(g), cq = faro_test::read_geotiff(q);
  ASSERT_EQ(cg.nx, 120);
  ASSERT_EQ(cg.ny, 160);
  EXPECT_DOUBLE_EQ(cg.transform[0], 470000);
  EXPECT_DOUBLE_EQ(cg.transform[3], 2160000);
  EXPECT_EQ(cq.units, "incidents per km2 per year");

  // Python (numpy/pyproj, see above): gaussian σ = 400 m, all years, incidents per km².
  const Expected gauss[] = {{39, 67, 182.18209326842342},  // the peak cell
                            {80, 60, 4.198872386589675},
                            {100, 40, 2.8917484032233256}};
  // Quartic h = 600 m, 2019-01-01..2020-12-31 (5,010 rows), per year (731 / 365.2425 years).
  const Expected quart[] = {{38, 65, 47.95672595745124},  // the peak cell
                            {80, 60, 0.7342565997998601},
                            {100, 40, 1.0786384209482693}};
  for (const Expected& e : gauss) EXPECT_NEAR(cg.at(e.row, e.col), e.value, 1e-4 * 182.18);
  for (const Expected& e : quart) EXPECT_NEAR(cq.at(e.row, e.col), e.value, 1e-4 * 47.96);
  EXPECT_EQ(std::max_element(cg.values.begin(), cg.values.end()) - cg.values.begin(),
            39 * 120 + 67);
  EXPECT_EQ(std::max_element(cq.values.begin(), cq.values.end()) - cq.values.begin(),
            38 * 120 + 65);

  // And the C++ reference on the rows Faro's own loader reads, at a few cells.
  faro::io::IncidentLoadContext ctx;
  ctx.work_srs = "EPSG:32614";
  const faro::io::IncidentLoadResult loaded = faro::io::load_incidents(csv, {}, ctx);
  ASSERT_EQ(loaded.store.size(), 11850u);
  const faro::KdeParams params{faro::KdeKernel::gaussian, 400, 0};
  for (int row : {10, 39, 77, 150})
    for (int col : {5, 67, 90}) {
      const double ref =
          faro::reference_density_at(faro::point_set(loaded.store), params,
                                     470000 + (col + 0.5) * 250, 2160000 - (row + 0.5) * 250);
      EXPECT_NEAR(cg.at(row, col), ref, 0.01 * 182.18) << row << "," << col;
    }
}

}  // namespace
