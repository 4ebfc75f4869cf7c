// load_sectors on small sources written here with GDAL: GeoJSON, GeoPackage and shapefiles with
// holes, multipolygons, invalid and 3D geometries, duplicate or missing names, missing CRS and
// broken shapefile sidecars. Real-data checks are in sector_loader_real_data_test.cpp.
#include "io/sector_loader.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <set>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using faro::DataError;
using faro::RowIssue;
using faro::io::load_sectors;
using faro::io::SectorSourceOptions;

struct TestFeature {
  std::string wkt;                  // "" = null geometry
  std::vector<std::string> values;  // one per field; "" = null
};

// Writes a one-layer vector file with text fields. `srs` nullptr = no CRS (no .prj for shapefiles).
void write_layer(const std::string& path, const char* driver_name, const char* srs,
                 const std::vector<std::string>& fields, const std::vector<TestFeature>& features,
                 OGRwkbGeometryType type = wkbUnknown) {
  faro::io::ensure_gdal();
  GDALDriverH driver = GDALGetDriverByName(driver_name);
  ASSERT_NE(driver, nullptr) << driver_name;
  GDALDatasetH ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  ASSERT_NE(ds, nullptr) << path;
  OGRSpatialReferenceH sr = nullptr;
  if (srs) {
    sr = OSRNewSpatialReference(nullptr);
    OSRSetFromUserInput(sr, srs);
    OSRSetAxisMappingStrategy(sr, OAMS_TRADITIONAL_GIS_ORDER);
  }
  OGRLayerH layer = GDALDatasetCreateLayer(ds, "sectors", sr, type, nullptr);
  ASSERT_NE(layer, nullptr);
  for (const std::string& f : fields) {
    OGRFieldDefnH fd = OGR_Fld_Create(f.c_str(), OFTString);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
  }
  for (const TestFeature& tf : features) {
    OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    for (size_t i = 0; i < tf.values.size(); ++i)
      if (!tf.values[i].empty())
        OGR_F_SetFieldString(feature, static_cast<int>(i), tf.values[i].c_str());
    if (!tf.wkt.empty()) {
      OGRGeometryH g = nullptr;
      char* text = const_cast<char*>(tf.wkt.c_str());
      ASSERT_EQ(OGR_G_CreateFromWkt(&text, sr, &g), OGRERR_NONE) << tf.wkt;
      OGR_F_SetGeometryDirectly(feature, g);
    }
    ASSERT_EQ(OGR_L_CreateFeature(layer, feature), OGRERR_NONE);
    OGR_F_Destroy(feature);
  }
  GDALClose(ds);
  if (sr) OSRRelease(sr);
}

// Axis-aligned square as WKT ring text, in whatever units.
std::string square(double x, double y, double size) {
  auto p = [](double a, double b) { return std::to_string(a) + " " + std::to_string(b); };
  return "(" + p(x, y) + ", " + p(x + size, y) + ", " + p(x + size, y + size) + ", " +
         p(x, y + size) + ", " + p(x, y) + ")";
}

std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

bool has_note(const faro::LoadReport& r, const std::string& needle) {
  for (const faro::LoadNote& n : r.notes)
    if (faro::format_note(n, faro::Language::en).find(needle) != std::string::npos) return true;
  return false;
}

// Metres in UTM 14N, so areas are exact (identity reprojection).
constexpr double kX = 480000, kY = 2140000;

TEST(SectorLoader, GeoPackageHoleMultipolygonBowTieDuplicatesAndAreas) {
  faro_test::TempDir dir;
  const std::string path = dir.file("sectors.gpkg");
  write_layer(
      path, "GPKG", "EPSG:32614", {"nombre", "poblacion", "zona"},
      {{"POLYGON(" + square(kX, kY, 1000) + "," + square(kX + 400, kY + 400, 200) + ")",
        {"Centro", "1200", "A"}},
       {"MULTIPOLYGON((" + square(kX + 2000, kY, 100) + "),(" + square(kX + 3000, kY, 100) + "))",
        {"Norte", "n/a", "B"}},
       // Bow-tie: self-intersecting; MakeValid gives two triangles of 50 m x 50 m / 2 each.
       {"POLYGON((" + std::to_string(kX + 5000) + " " + std::to_string(kY) + ", " +
            std::to_string(kX + 5100) + " " + std::to_string(kY + 100) + ", " +
            std::to_string(kX + 5100) + " " + std::to_string(kY) + ", " +
            std::to_string(kX + 5000) + " " + std::to_string(kY + 100) + ", " +
            std::to_string(kX + 5000) + " " + std::to_string(kY) + "))",
        {"Centro", "", "C"}},
       {"POLYGON(" + square(kX + 6000, kY, 10) + ")", {"", "5", "D"}}},
      wkbUnknown);
  const auto before = listing(dir.path());
  const auto r = load_sectors(path, {}, "");
  EXPECT_EQ(listing(dir.path()), before);  // nothing written next to the source
  const faro::SectorSet& s = r.sectors;
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s.work_srs, "EPSG:32614");
  EXPECT_EQ(s.name_field, "nombre");
  EXPECT_EQ(s.sectors[0].name, "Centro");
  EXPECT_EQ(s.sectors[1].name, "Norte");
  EXPECT_EQ(s.sectors[2].name, "Centro (2)");
  EXPECT_EQ(s.sectors[3].name.rfind("feature ", 0), 0u) << s.sectors[3].name;
  EXPECT_EQ(r.report.count(RowIssue::duplicate_name_renamed), 1);
  EXPECT_EQ(r.report.tally(RowIssue::duplicate_name_renamed).examples.at(0).row, 3);
  EXPECT_EQ(r.report.count(RowIssue::missing_name), 1);
  EXPECT_EQ(r.report.count(RowIssue::invalid_geometry_repaired), 1);
  EXPECT_EQ(r.report.tally(RowIssue::invalid_geometry_repaired).examples.at(0).value, "Centro (2)");
  EXPECT_EQ(r.report.rows_read, 4);
  EXPECT_EQ(r.report.rows_loaded, 4);

  const faro::Sector& centro = s.sectors[0];
  ASSERT_EQ(centro.shape.size(), 1u);
  ASSERT_EQ(centro.shape[0].holes.size(), 1u);
  EXPECT_EQ(centro.shape[0].outer.size(), 4u);  // stored open
  EXPECT_DOUBLE_EQ(centro.area_m2, 1000.0 * 1000 - 200 * 200);
  EXPECT_DOUBLE_EQ(centro.bbox.xmin, kX);
  EXPECT_DOUBLE_EQ(centro.bbox.ymax, kY + 1000);
  ASSERT_TRUE(centro.population.has_value());
  EXPECT_DOUBLE_EQ(*centro.population, 1200);
  EXPECT_EQ(s.sectors[1].shape.size(), 2u);
  EXPECT_DOUBLE_EQ(s.sectors[1].area_m2, 2 * 100.0 * 100);
  EXPECT_FALSE(s.sectors[1].population.has_value());            // "n/a"
  EXPECT_NEAR(s.sectors[2].area_m2, 2 * 100.0 * 50 / 2, 1e-6);  // two triangles
  EXPECT_EQ(s.sectors[2].shape.size(), 2u);
  EXPECT_EQ(s.attribute_names, (std::vector<std::string>{"zona"}));
  EXPECT_EQ(s.attributes.at(3), (std::vector<std::string>{"D"}));
}

TEST(SectorLoader, GeoJsonMixedTypesLinesNullsAndZ) {
  faro_test::TempDir dir;
  const std::string path = dir.file("mixed.geojson");
  const double lon = -99.2, lat = 19.4;
  write_layer(path, "GeoJSON", "EPSG:4326", {"sector"},
              {{"POLYGON Z((" + std::to_string(lon) + " " + std::to_string(lat) + " 5, " +
                    std::to_string(lon + 0.01) + " " + std::to_string(lat) + " 5, " +
                    std::to_string(lon + 0.01) + " " + std::to_string(lat + 0.01) + " 5, " +
                    std::to_string(lon) + " " + std::to_string(lat) + " 5))",
                {"TRIANGULO"}},
               {"MULTIPOLYGON((" + square(lon + 0.02, lat, 0.01) + "),(" +
                    square(lon + 0.04, lat, 0.01) + "))",
                {"DOS"}},
               {"LINESTRING(" + std::to_string(lon) + " " + std::to_string(lat) + ", " +
                    std::to_string(lon + 1) + " " + std::to_string(lat) + ")",
                {"LINEA"}},
               {"", {"NULA"}}});
  const auto r = load_sectors(path, {}, "");
  ASSERT_EQ(r.sectors.size(), 2u);
  EXPECT_EQ(r.sectors.work_srs, "EPSG:32614");
  EXPECT_EQ(r.sectors.sectors[0].name, "TRIANGULO");
  EXPECT_EQ(r.sectors.sectors[0].shape[0].outer.size(), 3u);
  EXPECT_EQ(r.sectors.sectors[1].shape.size(), 2u);
  // 0.01 degree squares near 19.4 N: about 1050 m x 1106 m.
  EXPECT_NEAR(r.sectors.sectors[1].area_m2, 2 * 1050.0 * 1106, 2 * 1050.0 * 1106 * 0.01);
  EXPECT_GT(r.sectors.sectors[1].bbox.xmin, 400000);  // metres, not degrees
  EXPECT_EQ(r.report.count(RowIssue::not_a_polygon), 1);
  EXPECT_EQ(r.report.tally(RowIssue::not_a_polygon).examples.at(0).value, "LINEA");
  EXPECT_EQ(r.report.count(RowIssue::empty_geometry), 1);
  EXPECT_EQ(r.report.tally(RowIssue::empty_geometry).examples.at(0).row, 4);
  EXPECT_EQ(r.report.rows_rejected(), 2);
  EXPECT_TRUE(has_note(r.report, "Z values")) << r.report.to_text();
}

TEST(SectorLoader, ShapefileWithoutPrjInDegreesAssumesWgs84) {
  faro_test::TempDir dir;
  const std::string path = dir.file("nocrs.shp");
  write_layer(path, "ESRI Shapefile", nullptr, {"name"},
              {{"POLYGON(" + square(-99.2, 19.4, 0.01) + ")", {"uno"}}}, wkbPolygon);
  ASSERT_FALSE(fs::exists(dir.file("nocrs.prj")));
  const auto r = load_sectors(path, {}, "");
  ASSERT_EQ(r.sectors.size(), 1u);
  EXPECT_EQ(r.sectors.work_srs, "EPSG:32614");
  EXPECT_TRUE(has_note(r.report, "EPSG:4326")) << r.report.to_text();
  EXPECT_GT(r.sectors.sectors[0].bbox.ymin, 2e6);
}

TEST(SectorLoader, ShapefileWithoutPrjInMetresIsAnErrorUnlessCrsGiven) {
  faro_test::TempDir dir;
  const std::string path = dir.file("metres.shp");
  write_layer(path, "ESRI Shapefile", nullptr, {"name"},
              {{"POLYGON(" + square(kX, kY, 500) + ")", {"uno"}}}, wkbPolygon);
  try {
    load_sectors(path, {}, "");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("metres.shp"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("coordinate reference system"), std::string::npos);
  }
  SectorSourceOptions opt;
  opt.srs = "EPSG:32614";
  const auto r = load_sectors(path, opt, "");
  ASSERT_EQ(r.sectors.size(), 1u);
  EXPECT_DOUBLE_EQ(r.sectors.sectors[0].area_m2, 500.0 * 500);
}

// A 3-polygon shapefile in degrees; returns its path.
std::string three_squares_shapefile(const faro_test::TempDir& dir) {
  const std::string path = dir.file("tres.shp");
  write_layer(path, "ESRI Shapefile", "EPSG:4326", {"nombre"},
              {{"POLYGON(" + square(-99.2, 19.4, 0.01) + ")", {"A"}},
               {"POLYGON(" + square(-99.1, 19.4, 0.01) + ")", {"B"}},
               {"POLYGON(" + square(-99.0, 19.4, 0.01) + ")", {"C"}}},
              wkbPolygon);
  return path;
}

TEST(SectorLoader, MissingShxIsAClearErrorAndNothingIsWritten) {
  faro_test::TempDir dir;
  const std::string path = three_squares_shapefile(dir);
  fs::remove(dir.file("tres.shx"));
  const auto before = listing(dir.path());
  try {
    load_sectors(path, {}, "");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("tres.shp"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(".shx"), std::string::npos) << e.what();
  }
  EXPECT_EQ(listing(dir.path()), before);  // no .shx restored next to the user's file
}

TEST(SectorLoader, MissingDbfLoadsGeometriesNamedByFeature) {
  faro_test::TempDir dir;
  const std::string path = three_squares_shapefile(dir);
  fs::remove(dir.file("tres.dbf"));
  const auto before = listing(dir.path());
  const auto r = load_sectors(path, {}, "");
  EXPECT_EQ(listing(dir.path()), before);
  ASSERT_EQ(r.sectors.size(), 3u);
  EXPECT_EQ(r.sectors.sectors[0].name, "feature 0");
  EXPECT_TRUE(has_note(r.report, ".dbf")) << r.report.to_text();
}

TEST(SectorLoader, MissingPrjOfDegreeShapefileIsNoted) {
  faro_test::TempDir dir;
  const std::string path = three_squares_shapefile(dir);
  fs::remove(dir.file("tres.prj"));
  const auto r = load_sectors(path, {}, "");
  EXPECT_EQ(r.sectors.size(), 3u);
  EXPECT_TRUE(has_note(r.report, "no CRS")) << r.report.to_text();
}

TEST(SectorLoader, TruncatedShpDoesNotCrashAndNamesTheFile) {
  faro_test::TempDir dir;
  const std::string path = three_squares_shapefile(dir);
  const auto size = fs::file_size(path);
  // Cut into the last record: the first two shapes survive, the third is unreadable.
  fs::resize_file(path, size - 40);
  const auto before = listing(dir.path());
  const auto r = load_sectors(path, {}, "");
  EXPECT_EQ(listing(dir.path()), before);
  EXPECT_EQ(r.sectors.size(), 2u);
  EXPECT_EQ(r.report.rows_rejected() + r.report.rows_loaded, r.report.rows_read);
  EXPECT_GE(r.report.rows_rejected(), 1) << r.report.to_text();
  EXPECT_NE(r.report.to_text().find("tres.shp"), std::string::npos);
  // Cut into the 100-byte header: GDAL cannot open it at all.
  fs::resize_file(path, 50);
  try {
    load_sectors(path, {}, "");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("tres.shp"), std::string::npos) << e.what();
  }
  EXPECT_EQ(listing(dir.path()), before);
}

TEST(SectorLoader, UnusableSourcesAreDataErrorsNamingTheFile) {
  faro_test::TempDir dir;
  auto expect_error = [](const std::string& path, const std::string& needle,
                         const SectorSourceOptions& opt = {}) {
    try {
      load_sectors(path, opt, "");
      ADD_FAILURE() << "expected DataError for " << path;
    } catch (const DataError& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find(fs::path(path).filename().string()), std::string::npos) << msg;
      EXPECT_NE(msg.find(needle), std::string::npos) << msg;
    }
  };
  expect_error(dir.file("absent.gpkg"), "cannot open");
  expect_error(dir.write("junk.geojson", "this is not json"), "cannot open");
  const std::string points = dir.file("points.gpkg");
  write_layer(points, "GPKG", "EPSG:4326", {"name"}, {{"POINT(-99.2 19.4)", {"p"}}}, wkbPoint);
  expect_error(points, "no polygon layer");
  const std::string lines = dir.file("lines.geojson");
  write_layer(lines, "GeoJSON", "EPSG:4326", {"name"},
              {{"LINESTRING(-99.2 19.4, -99.1 19.5)", {"l"}},
               {"POINT(-99.2 19.4)", {"p"}},
               {"", {"null"}}});
  expect_error(lines, "no usable polygons");
  const std::string ok = dir.file("ok.geojson");
  write_layer(ok, "GeoJSON", "EPSG:4326", {"nombre"},
              {{"POLYGON(" + square(-99.2, 19.4, 0.01) + ")", {"A"}}});
  SectorSourceOptions bad_field;
  bad_field.name_field = "nope";
  expect_error(ok, "nombre", bad_field);  // lists the fields there are
  SectorSourceOptions bad_layer;
  bad_layer.layer = "nope";
  expect_error(ok, "no layer 'nope'", bad_layer);
}

TEST(SectorLoader, NameFieldPrefersDistinctValuesAndWhereFilters) {
  faro_test::TempDir dir;
  const std::string path = dir.file("cuadrantes.geojson");
  // "Sector" repeats (several cuadrantes per sector); "Nomenclatu" is the unique code.
  write_layer(path, "GeoJSON", "EPSG:4326", {"Sector", "Nomenclatu", "SUMPOB1"},
              {{"POLYGON(" + square(-99.20, 19.4, 0.01) + ")", {"PLATEROS", "P-1.2.1", "10"}},
               {"POLYGON(" + square(-99.19, 19.4, 0.01) + ")", {"PLATEROS", "P-1.2.2", "20"}},
               {"POLYGON(" + square(-99.18, 19.4, 0.01) + ")", {"ALPES", "P-1.1.1", "30"}}});
  auto r = load_sectors(path, {}, "");
  EXPECT_EQ(r.sectors.name_field, "Nomenclatu");
  EXPECT_EQ(r.sectors.sectors[2].name, "P-1.1.1");
  EXPECT_DOUBLE_EQ(r.sectors.sectors[1].population.value_or(-1), 20);
  EXPECT_EQ(r.sectors.attribute_names, (std::vector<std::string>{"Sector"}));
  EXPECT_EQ(r.report.count(RowIssue::duplicate_name_renamed), 0);

  SectorSourceOptions by_sector;
  by_sector.name_field = "sector";  // case-insensitive
  by_sector.where = "Sector = 'PLATEROS'";
  r = load_sectors(path, by_sector, "EPSG:32614");
  ASSERT_EQ(r.sectors.size(), 2u);
  EXPECT_EQ(r.sectors.sectors[0].name, "PLATEROS");
  EXPECT_EQ(r.sectors.sectors[1].name, "PLATEROS (2)");
  EXPECT_EQ(r.report.count(RowIssue::duplicate_name_renamed), 1);
  EXPECT_THROW(load_sectors(path, {}, "EPSG:4326"), faro::UsageError);  // not projected
}

}  // namespace
