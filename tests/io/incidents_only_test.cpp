// Incidents without sectors (io/incidents_only.hpp): the working CRS from the incidents' median
// point, the robust extent check, the workspace's title and reports, the recent-files list kept
// between runs (io/recent_files.hpp) and errors said in the UI language.
#include "io/incidents_only.hpp"

#include <gtest/gtest.h>

#include <cpl_vsi.h>

#include <cstdlib>
#include <cstring>

#include "core/localized_error.hpp"
#include "incident_test_util.hpp"
#include "io/data_loading.hpp"
#include "io/project_file.hpp"
#include "io/recent_files.hpp"
#include "io/workspace_loader.hpp"

namespace faro::io {
namespace {

using IncidentsOnly = faro_test::IncidentTest;  // private FARO_CACHE_DIR per test

// Six rows in central CDMX and one in the Gulf of Mexico (a swapped sign or a typo): the stray
// row is rejected as outside the incidents' own extent, like a row far outside the sectors.
const char* kCsv =
    "fecha_hecho,hora_hecho,delito,latitud,longitud\n"
    "2021-01-05,22:15:00,HOMICIDIO,19.37,-99.18\n"
    "2021-02-10,03:00:00,ROBO,19.38,-99.17\n"
    "2021-03-15,,ROBO,19.36,-99.16\n"
    "2021-04-20,14:30:00,HOMICIDIO,19.37,-99.12\n"
    "2022-06-30,23:59:00,ROBO,19.39,-99.13\n"
    "2021-05-01,12:00:00,ROBO,19.37,-99.09\n"
    "2021-05-02,12:00:00,ROBO,21.50,-94.00\n";

TEST(IncidentsOnlyCrs, UtmZoneOfTheMedianPoint) {
  // CDMX is in UTM 14N; one stray point in zone 16 does not move the median.
  EXPECT_EQ(utm_srs_for_points({-99.1, -99.2, -99.15, -87.0}, {19.4, 19.3, 19.35, 19.0}),
            "EPSG:32614");
  EXPECT_EQ(utm_srs_for_points({-58.4, -58.5}, {-34.6, -34.7}), "EPSG:32721");  // Buenos Aires
  EXPECT_THROW(utm_srs_for_points({}, {}), DataError);
  const Box b = robust_extent({0, 1, 2, 3, 1000}, {0, 1, 2, 3, 1000}, 0.5, 10);
  EXPECT_DOUBLE_EQ(b.xmin, -9);  // 25th percentile 1, minus 10 (more than half the side, 1)
  EXPECT_DOUBLE_EQ(b.xmax, 13);  // 75th percentile 3, plus 10
  const Box wide = robust_extent({0, 100, 200, 300, 1e6}, {0, 0, 0, 0, 0}, 0.5, 10);
  EXPECT_DOUBLE_EQ(wide.xmin, 0);    // 100 - 200 / 2
  EXPECT_DOUBLE_EQ(wide.xmax, 400);  // 300 + 200 / 2
}

// The shared step of `faro kde`, `faro knox` and the sector-less loader: a row PROJ cannot move
// (latitude 95°) is dropped and counted at its source row, the others land in UTM 14N.
TEST(IncidentsOnlyCrs, ReprojectionFailuresAreCountedNotDropped) {
  IncidentStore s;
  s.push_back(-99.10, 19.40, 0, 1, 0);
  s.push_back(-99.20, 19.30, 0, 1, 0);
  s.push_back(-99.15, 95.00, 0, 1, 0);  // no such latitude
  s.push_back(-99.12, 19.35, 0, 2, 0);
  for (uint32_t row : {2u, 3u, 4u, 5u}) s.source_rows.push_back(row);
  LoadReport report;
  report.rows_loaded = 4;
  EXPECT_EQ(reproject_to_median_utm(s, report), "EPSG:32614");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(report.count(RowIssue::reprojection_failed), 1);
  EXPECT_EQ(report.rows_loaded, 3);
  EXPECT_EQ(s.source_rows.expand(), (std::vector<uint32_t>{2, 3, 5}));
  EXPECT_NEAR(s.x[0], 489'500, 1'000);  // -99.10° is ~10 km west of zone 14's meridian (-99°)
  EXPECT_NEAR(s.y[0], 2'145'000, 2'000);
  EXPECT_EQ(s.category[2], 2);
}

TEST_F(IncidentsOnly, LoadsInUtmAndRejectsTheStrayRow) {
  const std::string csv = dir_.write("incidentes.csv", kCsv);
  const IncidentsOnlyResult r = load_incidents_without_sectors(csv, {}, "");
  EXPECT_EQ(r.work_srs, "EPSG:32614");
  EXPECT_EQ(r.store.work_srs, "EPSG:32614");
  ASSERT_EQ(r.store.size(), 6u);
  EXPECT_EQ(r.report.rows_loaded, 6);
  EXPECT_EQ(r.report.count(RowIssue::outside_extent), 1);
  EXPECT_EQ(r.report.tally(RowIssue::outside_extent).examples[0].row, 7);
  // Metres: central CDMX is about 480 km east and 2,145 km north in zone 14N.
  EXPECT_NEAR(r.store.x[0], 481'000, 3'000);
  EXPECT_NEAR(r.store.y[0], 2'144'000, 3'000);
  for (int32_t s : r.store.sector) EXPECT_EQ(s, kNoSector);
  // A CRS given by the user is kept.
  const IncidentsOnlyResult given = load_incidents_without_sectors(csv, {}, "EPSG:6372");
  EXPECT_EQ(given.work_srs, "EPSG:6372");
  EXPECT_EQ(given.store.size(), 6u);
}

TEST_F(IncidentsOnly, WorkspaceWithoutSectorsNamedByItsFile) {
  // A gzipped CSV opened by a /vsigzip/ path: the title is the file's name, not the path.
  const std::string gz = dir_.file("fgj_todos.csv.gz");
  {
    VSILFILE* f = VSIFOpenL(("/vsigzip/" + gz).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    VSIFWriteL(kCsv, 1, std::strlen(kCsv), f);
    VSIFCloseL(f);
  }
  Session session;
  SourceSpec s;
  s.role = SourceSpec::Role::incidents;
  s.path = "/vsigzip/" + gz;
  session.sources = {s};
  const Workspace ws = load_workspace(session);
  EXPECT_FALSE(ws.synthetic);
  EXPECT_EQ(ws.title, "fgj_todos.csv.gz");
  EXPECT_EQ(ws.sectors.size(), 0u);
  EXPECT_EQ(ws.sectors.work_srs, "EPSG:32614");
  EXPECT_EQ(ws.incidents.size(), 6u);
  ASSERT_EQ(ws.reports.size(), 1u);  // the incidents' only: there were no sectors to report on
  EXPECT_FALSE(ws.extent.empty());
  EXPECT_LT(ws.extent.width(), 20'000);  // the city, not the gulf
  // The plain .csv.gz path loads the same (the loader adds /vsigzip/ itself).
  session.sources[0].path = gz;
  EXPECT_EQ(load_workspace(session).incidents.size(), 6u);
}

TEST_F(IncidentsOnly, RealFgjHomicidesWithoutSectors) {
  FARO_REQUIRE_SHARED(csv, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  const IncidentsOnlyResult r = load_incidents_without_sectors(csv, {}, "");
  EXPECT_EQ(r.work_srs, "EPSG:32614");
  // SOURCE.md: 11,850 rows, all located in the city; its far boroughs (Cuajimalpa, Tlalpan) are
  // inside the grown box, so the extent check rejects none.
  EXPECT_EQ(r.report.rows_read, 11'850);
  EXPECT_EQ(r.report.count(RowIssue::outside_extent), 0);
  EXPECT_EQ(r.store.size(), static_cast<size_t>(r.report.rows_loaded));
}

TEST(RecentFiles, KeptBetweenRunsInTheConfigFolder) {
  faro_test::TempDir tmp;
  ::setenv("FARO_CONFIG_DIR", tmp.path().c_str(), 1);
  const std::string path = recent_files_path();
  ::unsetenv("FARO_CONFIG_DIR");
  EXPECT_EQ(path, tmp.file("recent.txt"));
  EXPECT_TRUE(read_recent_files(path).empty());  // none yet: not an error
  const std::vector<std::string> files = {"/d/a.csv", "/vsizip//d/x.zip/b.csv", "PG:dbname=faro"};
  EXPECT_EQ(write_recent_files(path, files), "");
  EXPECT_EQ(read_recent_files(path), files);
  EXPECT_EQ(read_recent_files(path, 2).size(), 2u);
  EXPECT_NE(
      write_recent_files(tmp.file("a-file-not-a-folder/x/recent.txt").insert(0, "/proc/"), files),
      "");
}

TEST(LocalizedErrors, MissingProjectAndSourceSaidInOneLanguage) {
  try {
    load_project("/no/such/plan.faro.json");
    FAIL() << "expected an error";
  } catch (const LocalizedError& e) {
    EXPECT_EQ(std::string(e.what()), "/no/such/plan.faro.json: project file not found");
    EXPECT_EQ(e.text(Language::es),
              "/no/such/plan.faro.json: no se encontró el archivo del proyecto");
  }
  try {
    require_source_file("/no/such/sectores.geojson", "sectors");
    FAIL() << "expected an error";
  } catch (const LocalizedError& e) {
    EXPECT_EQ(std::string(e.what()), "/no/such/sectores.geojson: sectors file not found");
    EXPECT_EQ(e.text(Language::es),
              "/no/such/sectores.geojson: no se encontró el archivo de sectores");
  }
}

}  // namespace
}  // namespace faro::io
