// load_workspace: the demo city, a small hand-made CSV + GeoJSON project whose every count is known
// by construction, cancellation, progress, and error messages that name the file.
#include "io/workspace_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <numeric>

#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "incident_test_util.hpp"

namespace faro::io {
namespace {

using WorkspaceLoader = faro_test::IncidentTest;  // private FARO_CACHE_DIR per test

// Two 0.05° squares side by side west of central CDMX (EPSG:4326): Poniente and Oriente.
const char* kSectorsGeoJson = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"nombre":"Poniente","poblacion":1000},"geometry":{"type":"Polygon",
 "coordinates":[[[-99.20,19.35],[-99.15,19.35],[-99.15,19.40],[-99.20,19.40],[-99.20,19.35]]]}},
{"type":"Feature","properties":{"nombre":"Oriente","poblacion":2000},"geometry":{"type":"Polygon",
 "coordinates":[[[-99.15,19.35],[-99.10,19.35],[-99.10,19.40],[-99.15,19.40],[-99.15,19.35]]]}}]})";

// 3 rows in Poniente, 2 in Oriente, 1 just east of Oriente (~1 km: inside the 5 km extent margin,
// so kept and counted outside every sector), 1 with a bad date (rejected).
const char* kIncidentsCsv =
    "id,fecha_hecho,hora_hecho,delito,latitud,longitud\n"
    "1,2021-01-05,22:15:00,HOMICIDIO,19.37,-99.18\n"
    "2,2021-02-10,03:00:00,ROBO,19.38,-99.17\n"
    "3,2021-03-15,,ROBO,19.36,-99.16\n"
    "4,2021-04-20,14:30:00,HOMICIDIO,19.37,-99.12\n"
    "5,2022-06-30,23:59:00,ROBO,19.39,-99.13\n"
    "6,2021-05-01,12:00:00,ROBO,19.37,-99.09\n"
    "7,ayer,12:00:00,ROBO,19.37,-99.17\n";

Session small_project(const faro_test::TempDir& dir) {
  Session s;
  SourceSpec sectors;
  sectors.role = SourceSpec::Role::sectors;
  sectors.path = dir.write("sectores.geojson", kSectorsGeoJson);
  SourceSpec incidents;
  incidents.role = SourceSpec::Role::incidents;
  incidents.path = dir.write("incidentes.csv", kIncidentsCsv);
  SourceSpec programs;
  programs.role = SourceSpec::Role::programs;
  programs.path = dir.write("programas.csv",
                            "program,sector,start\nAlto al Fuego,Poniente,2021-03-01\n"
                            "Alto al Fuego,Atlantida,2021-03-01\n");
  s.sources = {sectors, incidents, programs};
  return s;
}

TEST_F(WorkspaceLoader, DemoCityWhenThereAreNoSources) {
  Session session;
  session.filter.categories = {"homicidio por arma de fuego"};
  const Workspace ws = load_workspace(session);
  const DemoCity city = generate_demo_city();
  EXPECT_TRUE(ws.synthetic);
  EXPECT_EQ(ws.title, "Ciudad demo");
  EXPECT_EQ(ws.sectors.size(), city.sectors.size());
  EXPECT_EQ(ws.incidents.size(), city.incidents.size());
  EXPECT_EQ(ws.incidents.sector, city.incidents.sector);  // same assignment as the generator's
  EXPECT_EQ(ws.programs.size(), city.programs.size());
  ASSERT_EQ(ws.reports.size(), 3u);  // sectors, incidents, programs
  EXPECT_EQ(ws.reports[1].rows_loaded, static_cast<int64_t>(city.incidents.size()));
  EXPECT_LE(ws.data_from, *city.incidents.min_time());
  EXPECT_GT(ws.data_to_exclusive, *city.incidents.max_time());
  EXPECT_EQ(ws.data_from % kSecondsPerDay, 0);
  // The filter result for session.filter: homicides only.
  const FilterResult filtered = compute_filter_result(ws, session.filter);
  const uint16_t hom = *ws.incidents.categories.find("homicidio por arma de fuego");
  int64_t homicides = 0;
  for (uint16_t c : ws.incidents.category) homicides += c == hom;
  EXPECT_GT(homicides, 0);
  EXPECT_EQ(filtered.total, homicides);
  EXPECT_EQ(std::accumulate(filtered.per_sector.begin(), filtered.per_sector.end(), int64_t{0}),
            homicides);
  const Box sectors_box = ws.sectors.extent();
  EXPECT_LE(ws.extent.xmin, sectors_box.xmin);
  EXPECT_GE(ws.extent.xmax, sectors_box.xmax);
}

TEST_F(WorkspaceLoader, SmallCsvAndGeoJsonProject) {
  Session session = small_project(dir_);
  session.filter.categories = {"ROBO"};
  std::vector<float> fractions;
  std::vector<std::string> messages;
  LoadProgress progress;
  progress.on_progress = [&](float f, std::string m) {
    fractions.push_back(f);
    messages.push_back(std::move(m));
  };
  const Workspace ws = load_workspace(session, progress);

  EXPECT_FALSE(ws.synthetic);
  EXPECT_EQ(ws.title, "incidentes.csv");
  EXPECT_EQ(ws.sectors.work_srs, "EPSG:32614");  // UTM 14N from the sectors' centroid
  ASSERT_EQ(ws.sectors.size(), 2u);
  ASSERT_EQ(ws.incidents.size(), 6u);
  ASSERT_EQ(ws.reports.size(), 3u);
  EXPECT_EQ(ws.reports[1].rows_read, 7);
  EXPECT_EQ(ws.reports[1].count(RowIssue::unparseable_date), 1);
  EXPECT_EQ(ws.reports[1].count(RowIssue::missing_time), 1);
  // Programs: one known sector, one unknown sector noted in the report.
  ASSERT_EQ(ws.programs.size(), 1u);
  EXPECT_EQ(ws.programs[0].sectors.size(), 2u);
  bool noted = false;
  for (const LoadNote& n : ws.reports[2].notes)
    noted |= format_note(n, Language::en).find("Atlantida") != std::string::npos;
  EXPECT_TRUE(noted);

  // Whole days from 2021-01-05 to 2022-06-30 inclusive.
  EXPECT_EQ(ws.data_from, days_from_civil(2021, 1, 5) * kSecondsPerDay);
  EXPECT_EQ(ws.data_to_exclusive, days_from_civil(2022, 7, 1) * kSecondsPerDay);

  // ROBO rows: 2, 3 (Poniente), 5 (Oriente), 6 (outside).
  const size_t pon = *ws.sectors.find("Poniente"), ori = *ws.sectors.find("Oriente");
  const FilterResult filtered = compute_filter_result(ws, session.filter);
  EXPECT_EQ(filtered.total, 4);
  EXPECT_EQ(filtered.per_sector[pon], 2);
  EXPECT_EQ(filtered.per_sector[ori], 1);
  EXPECT_EQ(filtered.per_sector[2], 1);  // outside
  EXPECT_EQ(filtered.per_category[*ws.incidents.categories.find("HOMICIDIO")], 2);
  EXPECT_EQ(filtered.per_hour[3], 1);
  EXPECT_EQ(filtered.per_hour[23], 1);

  ASSERT_FALSE(fractions.empty());
  EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
  EXPECT_EQ(fractions.back(), 1.0f);
  // Messages in the session's language (Spanish by default), naming the file being read.
  EXPECT_EQ(messages.back(), "cargado");
  EXPECT_NE(std::find(messages.begin(), messages.end(), "sectores: " + session.sources[0].path),
            messages.end());
  EXPECT_TRUE(ws.extent.xmax > ws.sectors.extent().xmax);  // the outside incident widens it
}

TEST_F(WorkspaceLoader, TwoIncidentSourcesAreMerged) {
  Session session = small_project(dir_);
  SourceSpec more;
  more.role = SourceSpec::Role::incidents;
  more.path = dir_.write("mas.csv",
                         "fecha,delito,lat,lon\n2023-01-01,LESIONES,19.37,-99.18\n"
                         "2023-01-02,ROBO,19.37,-99.12\n");
  session.sources.push_back(more);
  const Workspace ws = load_workspace(session);
  ASSERT_EQ(ws.incidents.size(), 8u);
  EXPECT_EQ(ws.incidents.sector.size(), 8u);
  EXPECT_EQ(ws.incidents.categories.name(ws.incidents.category[6]), "LESIONES");
  EXPECT_EQ(ws.incidents.categories.name(ws.incidents.category[7]), "ROBO");
  EXPECT_EQ(ws.incidents.category[7], ws.incidents.category[1]);  // one dictionary
  // Identify's rows: 1-6 of the first file (7 rejected), 1-2 of the second; two runs.
  ASSERT_TRUE(ws.incidents.has_source_rows());
  EXPECT_EQ(ws.incidents.source_rows.expand(), (std::vector<uint32_t>{1, 2, 3, 4, 5, 6, 1, 2}));
  EXPECT_EQ(ws.incidents.source_rows.run_count(), 2u);
  EXPECT_EQ(ws.incidents.source_of(5), 0u);
  EXPECT_EQ(ws.incidents.source_of(6), 1u);
  EXPECT_EQ(ws.reports.size(), 4u);
  EXPECT_EQ(ws.data_to_exclusive, days_from_civil(2023, 1, 3) * kSecondsPerDay);
}

TEST_F(WorkspaceLoader, CancelledBeforeOrDuringTheLoad) {
  const Session session = small_project(dir_);
  std::atomic<bool> cancel{true};
  LoadProgress progress;
  progress.cancel = &cancel;
  EXPECT_THROW(load_workspace(session, progress), Cancelled);
  cancel = false;
  progress.on_progress = [&](float f, std::string) {
    if (f > 0.05f) cancel = true;  // the user presses cancel while the sectors are read
  };
  EXPECT_THROW(load_workspace(session, progress), Cancelled);
}

TEST_F(WorkspaceLoader, BadFilesAreNamed) {
  Session session = small_project(dir_);
  session.sources[1].path = dir_.file("no-such.csv");
  try {
    load_workspace(session);
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("no-such.csv"), std::string::npos) << e.what();
  }
  session = small_project(dir_);
  session.sources[0].path = dir_.write("roto.geojson", "{ this is not json");
  try {
    load_workspace(session);
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("roto.geojson"), std::string::npos) << e.what();
  }
}

TEST_F(WorkspaceLoader, UnusableSourceSetsAreUsageErrors) {
  Session session = small_project(dir_);
  session.sources = {session.sources[2]};  // programs alone: no CRS, nothing to count them on
  EXPECT_THROW(load_workspace(session), UsageError);
  session = small_project(dir_);
  session.sources.push_back(session.sources[0]);  // two sets of sectors
  EXPECT_THROW(load_workspace(session), UsageError);
  session = small_project(dir_);
  session.sources[1].date_order = "ymd";
  EXPECT_THROW(load_workspace(session), UsageError);
}

// Real data: the FGJ shootings/homicides CSV on the 72 sectors of 2023. Expected numbers are the
// ones SOURCE.md documents (and the CLI counts test checks): 11,850 rows, 25 outside every sector,
// 2,815 in 2019; PLATEROS 97 homicides + non-fatal shootings in 2019 with the same --where.
TEST_F(WorkspaceLoader, RealCdmxDataMatchesSourceDocumentation) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  Session session;
  session.sources = {SourceSpec{}, SourceSpec{}};
  session.sources[0].role = SourceSpec::Role::sectors;
  session.sources[0].path = sectors;
  session.sources[1].role = SourceSpec::Role::incidents;
  session.sources[1].path = incidents;
  Workspace ws = load_workspace(session);
  EXPECT_EQ(ws.title, "fgj_homicidios_armas_cdmx_2019_2024.csv");
  EXPECT_EQ(ws.sectors.size(), 72u);
  const FilterResult all = compute_filter_result(ws, session.filter);
  EXPECT_EQ(all.total, 11850);
  EXPECT_EQ(all.per_sector.back(), 25);
  EXPECT_EQ(ws.data_from, days_from_civil(2019, 1, 1) * kSecondsPerDay);
  EXPECT_EQ(ws.data_to_exclusive, days_from_civil(2025, 1, 1) * kSecondsPerDay);
  FilterState y2019;
  y2019.from = days_from_civil(2019, 1, 1) * kSecondsPerDay;
  y2019.to_exclusive = days_from_civil(2020, 1, 1) * kSecondsPerDay;
  EXPECT_EQ(compute_filter_result(ws, y2019).total, 2815);

  session.sources[1].where = "grupo IN ('homicidio_doloso','lesiones_arma_fuego')";
  session.filter = y2019;
  session.filter.sectors = {"PLATEROS"};
  ws = load_workspace(session);
  const FilterResult plateros = compute_filter_result(ws, session.filter);
  EXPECT_EQ(plateros.total, 97);
  EXPECT_EQ(plateros.per_sector[*ws.sectors.find("PLATEROS")], 97);
}

}  // namespace
}  // namespace faro::io
