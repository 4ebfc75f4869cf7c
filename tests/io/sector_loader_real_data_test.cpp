// load_sectors and SectorIndex on the shared CDMX data (skipped when ../shared/data is absent):
// layer facts from cdmx-cuadrantes/SOURCE.md, and the sector-year counts of the FGJ homicide and
// firearm points from cdmx-fgj-2019-2024/SOURCE.md.
#include <map>

#include "core/civil_time.hpp"
#include "core/polygon_index.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"
#include "test_support.hpp"

namespace {

using faro::RowIssue;
using faro::io::load_sectors;

TEST(SectorLoaderRealData, Cuadrantes2023Shapefile) {
  FARO_REQUIRE_SHARED(path, "cdmx-cuadrantes/cuadrantes_population_2023.shp");
  const auto r = load_sectors(path, {}, "");
  const faro::SectorSet& s = r.sectors;
  ASSERT_EQ(s.size(), 847u);
  EXPECT_EQ(s.work_srs, "EPSG:32614");
  EXPECT_EQ(s.name_field, "Nomenclatu");  // "Sector" repeats; the cuadrante code is unique
  EXPECT_EQ(r.report.rows_read, 847);
  EXPECT_EQ(r.report.rows_rejected(), 0);
  EXPECT_EQ(r.report.rows_changed(), 0) << r.report.to_text();  // all valid, names unique
  ASSERT_TRUE(s.find("P-1.3.10").has_value());
  double population = 0, area = 0;
  for (const faro::Sector& sec : s.sectors) {
    ASSERT_TRUE(sec.population.has_value()) << sec.name;
    population += *sec.population;
    area += sec.area_m2;
    EXPECT_GT(sec.area_m2, 0) << sec.name;
  }
  // geopandas: SUMPOB1.sum() = 9,118,579; to_crs(32614).area.sum() = 899,422,825.7 m2.
  EXPECT_NEAR(population, 9118579, 1);
  EXPECT_NEAR(area, 899422825.7, 1.0);
  const faro::Box e = s.extent();
  EXPECT_GT(e.xmin, 4.5e5);
  EXPECT_LT(e.xmax, 5.1e5);
  EXPECT_GT(e.ymin, 2.1e6);
  EXPECT_LT(e.ymax, 2.2e6);
}

TEST(SectorLoaderRealData, Sectores2023GeoJsonMixedTypes) {
  FARO_REQUIRE_SHARED(path, "cdmx-cuadrantes/sectores_2023.geojson");
  const auto r = load_sectors(path, {}, "");
  ASSERT_EQ(r.sectors.size(), 72u);
  EXPECT_EQ(r.sectors.name_field, "sector");
  EXPECT_EQ(r.sectors.work_srs, "EPSG:32614");
  int multi = 0;
  for (const faro::Sector& sec : r.sectors.sectors) multi += sec.shape.size() > 1;
  EXPECT_EQ(multi, 1);  // 71 Polygon and 1 MultiPolygon
  EXPECT_EQ(r.report.rows_rejected(), 0);
  EXPECT_EQ(r.report.count(RowIssue::invalid_geometry_repaired), 0);
  for (const char* name : {"ALPES", "PLATEROS", "SAN ANGEL", "SANTA FE"})
    EXPECT_TRUE(r.sectors.find(name).has_value()) << name;
}

TEST(SectorLoaderRealData, Cuadrantes2016ThreeDWithOneInvalidGeometry) {
  FARO_REQUIRE_SHARED(path, "cdmx-cuadrantes/cuadrantes_2016.geojson");
  const auto r = load_sectors(path, {}, "");
  ASSERT_EQ(r.sectors.size(), 847u);
  EXPECT_EQ(r.sectors.name_field, "cuadrante");
  EXPECT_EQ(r.sectors.work_srs, "EPSG:32614");
  EXPECT_EQ(r.report.count(RowIssue::invalid_geometry_repaired), 1) << r.report.to_text();
  EXPECT_EQ(r.report.rows_rejected(), 0);
  bool z_noted = false;
  for (const faro::LoadNote& n : r.report.notes)
    z_noted |= n.key == faro::Msg::load_note_z_dropped;
  EXPECT_TRUE(z_noted) << r.report.to_text();
  EXPECT_TRUE(r.sectors.find("P-1.4.10").has_value());
}

// The 11,850 homicide/firearm points joined to the 72 sectors of 2023 (SOURCE.md "Quick check").
TEST(SectorLoaderRealData, HomicideAndFirearmPointsPerSectorYear) {
  FARO_REQUIRE_SHARED(sectors_path, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(points_path, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  const auto sectors = load_sectors(sectors_path, {}, "");
  faro::io::IncidentSourceOptions opt;
  opt.category_field = "grupo";
  opt.use_cache = false;
  faro::io::IncidentLoadContext ctx;
  ctx.work_srs = sectors.sectors.work_srs;
  auto incidents = faro::io::load_incidents(points_path, opt, ctx);
  faro::IncidentStore& store = incidents.store;
  ASSERT_EQ(store.size(), 11850u) << incidents.report.to_text();

  const faro::SectorIndex index(sectors.sectors);
  index.assign(store);
  size_t outside = 0;
  std::map<std::string, std::map<int, int>> counts;  // sector -> year -> count
  const auto homicidio = store.categories.find("homicidio_doloso");
  const auto lesiones = store.categories.find("lesiones_arma_fuego");
  ASSERT_TRUE(homicidio && lesiones);
  for (size_t i = 0; i < store.size(); ++i) {
    if (store.sector[i] == faro::kNoSector) {
      ++outside;
      continue;
    }
    if (store.category[i] != *homicidio && store.category[i] != *lesiones) continue;
    const int year = faro::civil_from_days(faro::days_of(store.t[i])).y;
    ++counts[sectors.sectors.sectors[store.sector[i]].name][year];
  }
  EXPECT_EQ(outside, 25u);
  const std::map<std::string, std::vector<int>> expected = {{"PLATEROS", {97, 54, 50, 30, 35, 26}},
                                                            {"SANTA FE", {56, 36, 29, 33, 19, 23}},
                                                            {"ALPES", {29, 16, 9, 13, 18, 12}},
                                                            {"SAN ANGEL", {14, 5, 6, 2, 2, 3}}};
  for (const auto& [name, by_year] : expected)
    for (int y = 2019; y <= 2024; ++y)
      EXPECT_EQ(counts[name][y], by_year[y - 2019]) << name << " " << y;
}

}  // namespace
