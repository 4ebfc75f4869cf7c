// load_incidents on broken or suspicious input: every problem is either a DataError naming the file
// or a counted rejection/change naming the row and field. Never a crash, never a silent drop.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "incident_test_util.hpp"

namespace {
namespace fs = std::filesystem;
using faro::RowIssue;
using faro::io::IncidentSourceOptions;
using faro_test::category_of;

class IncidentBadInputTest : public faro_test::IncidentTest {
 protected:
  // Expects load() to throw DataError whose message contains every string in `needles`.
  void expect_data_error(const std::string& path, std::vector<std::string> needles) {
    try {
      const auto r = load(path);
      ADD_FAILURE() << "no DataError for " << path << "\n" << r.report.to_text();
    } catch (const faro::DataError& e) {
      for (const std::string& n : needles)
        EXPECT_NE(std::string(e.what()).find(n), std::string::npos)
            << "'" << n << "' not in: " << e.what();
    }
  }

  void expect_balanced(const faro::LoadReport& r) {
    EXPECT_EQ(r.rows_loaded + r.rows_rejected(), r.rows_read) << r.to_text();
  }
};

TEST_F(IncidentBadInputTest, Latin1TextIsTranscodedAndCounted) {
  // "ROBO A TRANSEÚNTE" and "categoría" in Latin-1 (a Windows export).
  const auto r = load(dir_.write("latin1.csv",
                                 "fecha,categor\xED"
                                 "a,lat,lon\n"
                                 "2020-01-01,ROBO A TRANSE\xDANTE,19.1,-99.1\n"
                                 "2020-01-02,ROBO,19.1,-99.1\n"
                                 "2020-01-03,ROBO A TRANSE\xDANTE,19.1,-99.1\n"));
  ASSERT_EQ(r.store.size(), 3u) << r.report.to_text();
  EXPECT_EQ(category_of(r.store, 0),
            "ROBO A TRANSE\xC3\x9A"
            "NTE");  // UTF-8 now
  EXPECT_EQ(r.store.category_field,
            "categor\xC3\xAD"
            "a");
  const auto& t = r.report.tally(RowIssue::transcoded_latin1);
  EXPECT_EQ(t.count, 2);
  EXPECT_EQ(t.examples[0].row, 1);
  EXPECT_EQ(t.examples[1].row, 3);
}

TEST_F(IncidentBadInputTest, SwappedLatLonIsRejectedNotFixed) {
  // Row 2: |lat| > 90 with |lon| <= 90. Row 3: lon/lat swapped in a place where both fit in range,
  // caught because (y, x) falls inside the sectors' extent and (x, y) does not.
  faro::io::IncidentLoadContext c;
  c.work_srs = "EPSG:4326";
  c.sectors_extent = faro::Box{10.0, 45.0, 11.0, 46.0};
  c.extent_margin_m = 0.01;  // degrees here, since the work CRS is geographic
  const std::string path = dir_.write("swap.csv",
                                      "fecha,lat,lon\n2020-01-01,45.5,10.5\n2020-01-02,-99.1,19.4\n"
                                      "2020-01-03,10.5,45.5\n2020-01-04,60.0,60.0\n");
  const auto r = faro::io::load_incidents(path, {}, c);
  EXPECT_EQ(r.store.size(), 1u);
  const auto& s = r.report.tally(RowIssue::swapped_lat_lon);
  ASSERT_EQ(s.count, 2) << r.report.to_text();
  EXPECT_EQ(s.examples[0].row, 2);
  EXPECT_EQ(s.examples[0].field, "lon/lat");
  EXPECT_EQ(s.examples[1].row, 3);
  EXPECT_EQ(r.report.count(RowIssue::outside_extent), 1);
  EXPECT_EQ(r.report.tally(RowIssue::outside_extent).examples[0].row, 4);
  expect_balanced(r.report);
}

TEST_F(IncidentBadInputTest, ZeroZeroAndMissingAndGarbledCoordinates) {
  const auto r =
      load(dir_.write("zz.csv",
                      "fecha,lat,lon\n2020-01-01,0,0\n2020-01-01,0.0,0.000\n2020-01-01,,-99\n"
                      "2020-01-01,NA,NA\n2020-01-01,19.x,-99\n2020-01-01,19.4,-99.1\n"));
  EXPECT_EQ(r.store.size(), 1u);
  EXPECT_EQ(r.report.count(RowIssue::zero_zero), 2);
  EXPECT_EQ(r.report.count(RowIssue::missing_coordinates), 2);
  const auto& u = r.report.tally(RowIssue::unparseable_coordinates);
  ASSERT_EQ(u.count, 1);
  EXPECT_EQ(u.examples[0].row, 5);
  EXPECT_EQ(u.examples[0].field, "lat");
  EXPECT_EQ(u.examples[0].value, "19.x");
  expect_balanced(r.report);
}

TEST_F(IncidentBadInputTest, MixedDateFormatsSomeBad) {
  const auto r =
      load(dir_.write("dates.csv",
                      "fecha,lat,lon\n2020-01-02,19,-99\n02/01/2020,19,-99\n2020/01/02,19,-99\n"
                      "yesterday,19,-99\n,19,-99\n1850-01-01,19,-99\n2020-02-30,19,-99\n"
                      "2020-01-02 25:00,19,-99\n"));
  EXPECT_EQ(r.store.size(), 3u) << r.report.to_text();
  for (size_t i = 0; i < r.store.size(); ++i) EXPECT_EQ(r.store.t[i], r.store.t[0]);
  EXPECT_EQ(r.report.count(RowIssue::unparseable_date), 1);
  EXPECT_EQ(r.report.tally(RowIssue::unparseable_date).examples[0].value, "yesterday");
  EXPECT_EQ(r.report.count(RowIssue::missing_date), 1);
  EXPECT_EQ(r.report.tally(RowIssue::missing_date).examples[0].row, 5);
  EXPECT_EQ(r.report.count(RowIssue::date_out_of_range), 3);
  EXPECT_EQ(r.report.tally(RowIssue::date_out_of_range).examples[0].field, "fecha");
  expect_balanced(r.report);
}

TEST_F(IncidentBadInputTest, EmptyFileNamesTheFile) {
  const std::string path = dir_.write("empty.csv", "");
  expect_data_error(path, {path, "empty"});
}

TEST_F(IncidentBadInputTest, Utf16FileIsRefusedClearly) {
  const std::string path = dir_.write("u16.csv", std::string("\xFF\xFE"
                                                             "f\0e\0c\0h\0a\0\n\0",
                                                             14));
  expect_data_error(path, {path, "UTF-16"});
}

TEST_F(IncidentBadInputTest, HeaderOnlyLoadsNothing) {
  const auto r = load(dir_.write("header.csv", "id,fecha,lat,lon\n"));
  EXPECT_EQ(r.store.size(), 0u);
  EXPECT_EQ(r.report.rows_read, 0);
}

TEST_F(IncidentBadInputTest, NoCoordinateOrDateColumnsListFields) {
  const std::string a = dir_.write("nocoords.csv", "fecha,lugar\n2020-01-01,aqui\n");
  expect_data_error(a, {a, "coordinate", "fecha, lugar"});
  const std::string b = dir_.write("nodate.csv", "lat,lon,cosa\n19,-99,x\n");
  expect_data_error(b, {b, "no date column", "lat, lon, cosa"});
}

TEST_F(IncidentBadInputTest, RaggedAndTruncatedRows) {
  const auto r = load(dir_.write("ragged.csv",
                                 "id,fecha,delito,lat,lon\n1,2020-01-01,ROBO,19.1,-99.1\n"
                                 "2,2020-01-01,ROBO,19.1\n3,2020-01-01,ROBO,19.1,-99.1,extra\n"
                                 "4,2020-01-01,ROBO,19.1,-99.1,\n\n5,2020-01-01,ROBO,19.1,-99"));
  EXPECT_EQ(r.store.size(), 3u)
      << r.report.to_text();  // rows 1, 4 (trailing empty), 5 (no newline)
  const auto& m = r.report.tally(RowIssue::malformed_row);
  ASSERT_EQ(m.count, 2);
  EXPECT_EQ(m.examples[0].row, 2);
  EXPECT_EQ(m.examples[0].value, "4 fields, expected 5");
  EXPECT_EQ(m.examples[1].row, 3);
  expect_balanced(r.report);
}

TEST_F(IncidentBadInputTest, UnterminatedQuoteCostsOneRow) {
  const auto mid =
      load(dir_.write("q1.csv",
                      "id,fecha,delito,lat,lon\n1,2020-01-01,\"ROBO,19.1,-99.1\n"
                      "2,2020-01-02,ROBO,19.2,-99.2\n3,2020-01-03,\"A\",19.3,-99.3\n"));
  EXPECT_EQ(mid.report.count(RowIssue::malformed_row), 1) << mid.report.to_text();
  EXPECT_EQ(mid.report.tally(RowIssue::malformed_row).examples[0].row, 1);
  EXPECT_EQ(mid.store.size(), 2u) << mid.report.to_text();
  expect_balanced(mid.report);

  const auto end = load(
      dir_.write("q2.csv", "id,fecha,lat,lon\n1,2020-01-01,19.1,-99.1\n2,\"2020-01-02,19,-99\n"));
  EXPECT_EQ(end.store.size(), 1u);
  EXPECT_EQ(end.report.tally(RowIssue::malformed_row).examples.at(0).value, "unterminated quote");
}

TEST_F(IncidentBadInputTest, NonExistentFile) {
  const std::string path = dir_.file("missing.csv");
  expect_data_error(path, {path, "no such file"});
  const std::string gpkg = dir_.file("missing.gpkg");
  expect_data_error(gpkg, {gpkg});
}

TEST_F(IncidentBadInputTest, DuplicateIdsIncreasingAndNot) {
  const auto r = load(dir_.write(
      "dup.csv",
      "id,fecha,lat,lon\n1,2020-01-01,19,-99\n2,2020-01-01,19,-99\n5,2020-01-01,19,-99\n"
      "2,2020-01-01,19,-99\n7,2020-01-01,19,-99\n7,2020-01-01,19,-99\n4,2020-01-01,19,-99\n"));
  EXPECT_EQ(r.store.size(), 5u);
  const auto& d = r.report.tally(RowIssue::duplicate_id);
  ASSERT_EQ(d.count, 2);
  EXPECT_EQ(d.examples[0].row, 4);
  EXPECT_EQ(d.examples[0].value, "2");
  EXPECT_EQ(d.examples[1].row, 6);
}

// ---- OGR sources ----------------------------------------------------------------------------

// Writes a point shapefile (EPSG:4326, fields fecha Date and delito String) with `n` points.
std::string write_shapefile(const faro_test::TempDir& dir, int n) {
  const std::string path = dir.file("pts.shp");
  GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
  GDALDatasetH ds = GDALCreate(drv, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, "pts", srs, wkbPoint, nullptr);
  OSRDestroySpatialReference(srs);
  OGRFieldDefnH f1 = OGR_Fld_Create("fecha", OFTDate);
  OGRFieldDefnH f2 = OGR_Fld_Create("delito", OFTString);
  OGR_L_CreateField(layer, f1, TRUE);
  OGR_L_CreateField(layer, f2, TRUE);
  OGR_Fld_Destroy(f1);
  OGR_Fld_Destroy(f2);
  for (int i = 0; i < n; ++i) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetFieldDateTime(f, 0, 2020, 1, 1 + i % 28, 0, 0, 0, 0);
    OGR_F_SetFieldString(f, 1, "ROBO");
    OGRGeometryH g = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(g, 0, -99.1 + i * 0.001, 19.4);
    OGR_F_SetGeometryDirectly(f, g);
    EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return path;
}

TEST_F(IncidentBadInputTest, ShapefileReadsAndMissingSidecarsAreClear) {
  const std::string shp = write_shapefile(dir_, 40);
  const auto ok = load(shp);
  ASSERT_EQ(ok.store.size(), 40u) << ok.report.to_text();
  EXPECT_EQ(ok.report.method, "features");

  fs::remove(dir_.file("pts.prj"));
  const auto no_prj = load(shp);
  EXPECT_EQ(no_prj.store.size(), 40u);
  EXPECT_TRUE(faro_test::has_note_containing(no_prj.report, "CRS assumed EPSG:4326"))
      << no_prj.report.to_text();

  fs::copy_file(dir_.file("pts.dbf"), dir_.file("keep.dbf"));
  fs::remove(dir_.file("pts.dbf"));
  expect_data_error(shp, {shp});  // without attributes there is no date column
  fs::rename(dir_.file("keep.dbf"), dir_.file("pts.dbf"));

  fs::remove(dir_.file("pts.shx"));
  expect_data_error(shp, {shp});
  EXPECT_FALSE(fs::exists(dir_.file("pts.shx"))) << ".shx must not be recreated next to user data";
}

TEST_F(IncidentBadInputTest, TruncatedShpDoesNotCrash) {
  const std::string shp = write_shapefile(dir_, 200);
  fs::resize_file(shp, fs::file_size(shp) / 2);
  try {
    const auto r = load(shp);
    // GDAL stops early or fails features: whatever it read is accounted for, and it said why.
    EXPECT_LT(r.store.size(), 200u);
    EXPECT_GT(r.report.gdal_warning_count + r.report.rows_rejected(), 0) << r.report.to_text();
    expect_balanced(r.report);
  } catch (const faro::DataError& e) {
    EXPECT_NE(std::string(e.what()).find(shp), std::string::npos) << e.what();
  }
}

TEST_F(IncidentBadInputTest, GeoJsonNonPointsAndNullGeometries) {
  const std::string path = dir_.write("g.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"date":"2020-01-01"},"geometry":{"type":"Point","coordinates":[-99.1,19.4]}},
 {"type":"Feature","properties":{"date":"2020-01-02"},"geometry":null},
 {"type":"Feature","properties":{"date":"2020-01-03"},"geometry":{"type":"LineString","coordinates":[[-99,19],[-99.1,19.1]]}},
 {"type":"Feature","properties":{"date":"2020-01-04"},"geometry":{"type":"MultiPoint","coordinates":[[-99.2,19.2]]}},
 {"type":"Feature","properties":{"date":"2020-01-05"},"geometry":{"type":"MultiPoint","coordinates":[]}},
 {"type":"Feature","properties":{"date":"2020-01-06"},"geometry":{"type":"Point","coordinates":[]}}]})");
  const auto r = load(path);
  EXPECT_EQ(r.store.size(), 2u) << r.report.to_text();
  // GDAL reads a Point with no coordinates as a null geometry.
  EXPECT_EQ(r.report.count(RowIssue::missing_coordinates), 2);
  EXPECT_EQ(r.report.tally(RowIssue::missing_coordinates).examples.at(1).row, 6);
  EXPECT_EQ(r.report.tally(RowIssue::not_a_point).examples.at(0).value, "Line String");
  EXPECT_EQ(r.report.tally(RowIssue::not_a_point).examples.at(0).row, 3);
  EXPECT_EQ(r.report.count(RowIssue::empty_geometry), 1);
  expect_balanced(r.report);
}

TEST_F(IncidentBadInputTest, PolygonLayerWithoutCoordinateColumnsIsRefused) {
  const std::string path = dir_.write("poly.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"fecha":"2020-01-01"},"geometry":{"type":"Polygon",
  "coordinates":[[[-99,19],[-99.1,19],[-99.1,19.1],[-99,19]]]}}]})");
  expect_data_error(path, {path, "no point geometry", "Polygon", "fecha"});
}

}  // namespace
