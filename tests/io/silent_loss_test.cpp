// Inputs that used to lose rows silently or fail without naming the file: a truncated .csv.gz, a
// shapefile whose .dbf is shorter than its .shp, 70,000 categories, a project with a number no
// double holds or a path that is not UTF-8, and a sector with a wild longitude choosing the zone.
#include <cpl_vsi.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "core/errors.hpp"
#include "core/session.hpp"
#include "incident_test_util.hpp"
#include "io/project_file.hpp"
#include "io/reproject.hpp"
#include "io/sector_loader.hpp"

namespace {
namespace fs = std::filesystem;

class SilentLossTest : public faro_test::IncidentTest {};

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const faro::DataError& e) {
    return e.what();
  }
  return "(no DataError)";
}

TEST_F(SilentLossTest, TruncatedGzipIsADataErrorNamingFileAndPlace) {
  const std::string path = dir_.file("incidents.csv.gz");
  {
    VSILFILE* f = VSIFOpenL(("/vsigzip/" + path).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string header = "fecha,delito,lat,lon\n";
    VSIFWriteL(header.data(), 1, header.size(), f);
    for (int i = 0; i < 80000; ++i) {
      const std::string row = "2020-01-" + std::to_string(1 + i % 28) + ",ROBO " +
                              std::to_string(i % 97) + ",19." + std::to_string(i % 1000) +
                              ",-99." + std::to_string((i * 7) % 1000) + "\n";
      VSIFWriteL(row.data(), 1, row.size(), f);
    }
    VSIFCloseL(f);
  }
  const auto whole = load(path);  // intact: loads every row
  EXPECT_EQ(whole.report.rows_read, 80000) << whole.report.to_text();
  fs::resize_file(path, fs::file_size(path) / 2);
  const std::string e = error_of([&] { load(path); });
  EXPECT_NE(e.find("incidents.csv.gz"), std::string::npos) << e;
  EXPECT_NE(e.find("truncated"), std::string::npos) << e;
  EXPECT_NE(e.find("bytes"), std::string::npos) << e;
  EXPECT_NE(e.find("row"), std::string::npos) << e;
}

TEST_F(SilentLossTest, ShorterDbfThanShpIsWarnedAndCounted) {
  // Ten 100 m squares (UTM 14N), written as a shapefile by GDAL, then the .dbf cut to 4 records.
  std::string gj = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":)"
                   R"("urn:ogc:def:crs:EPSG::32614"}},"features":[)";
  for (int i = 0; i < 10; ++i) {
    const int x = 480000 + 100 * i, y = 2145000;
    gj += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"sector":"S)" +
          std::to_string(i) + R"("},"geometry":{"type":"Polygon","coordinates":[[[)" +
          std::to_string(x) + "," + std::to_string(y) + "],[" + std::to_string(x + 100) + "," +
          std::to_string(y) + "],[" + std::to_string(x + 100) + "," + std::to_string(y + 100) +
          "],[" + std::to_string(x) + "," + std::to_string(y + 100) + "],[" + std::to_string(x) +
          "," + std::to_string(y) + "]]]}}";
  }
  gj += "]}";
  const std::string src = dir_.write("s.geojson", gj), shp = dir_.file("s.shp");
  ASSERT_TRUE(faro_test::translate(src, shp, {"-f", "ESRI Shapefile"}));
  const auto full = faro::io::load_sectors(shp, {});
  ASSERT_EQ(full.sectors.size(), 10u);
  {
    std::fstream dbf(dir_.file("s.dbf"), std::ios::in | std::ios::out | std::ios::binary);
    unsigned char h[12];
    dbf.read(reinterpret_cast<char*>(h), 12);
    const unsigned header_len = h[8] | (h[9] << 8), record_len = h[10] | (h[11] << 8);
    h[4] = 4, h[5] = h[6] = h[7] = 0;
    dbf.seekp(0);
    dbf.write(reinterpret_cast<char*>(h), 12);
    dbf.close();
    fs::resize_file(dir_.file("s.dbf"), header_len + 4 * record_len + 1);
  }
  const auto cut = faro::io::load_sectors(shp, {});
  EXPECT_EQ(cut.report.rows_read, 10) << cut.report.to_text();
  EXPECT_EQ(cut.report.rows_rejected(), 10 - static_cast<int64_t>(cut.sectors.size()))
      << cut.report.to_text();
  EXPECT_GE(cut.report.rows_rejected(), 6) << cut.report.to_text();
  EXPECT_NE(cut.report.to_text().find("the .shp has 10 shapes but the .dbf has 4 records"),
            std::string::npos)
      << cut.report.to_text();
}

TEST_F(SilentLossTest, TooManyCategoriesNamesTheFile) {
  std::string csv = "fecha,delito,lat,lon\n";
  for (int i = 0; i < 70000; ++i) csv += "2020-01-01,C" + std::to_string(i) + ",19.4,-99.1\n";
  const std::string path = dir_.write("many_categories.csv", csv);
  const std::string e = error_of([&] { load(path); });
  EXPECT_NE(e.find("many_categories.csv"), std::string::npos) << e;
  EXPECT_NE(e.find("categories"), std::string::npos) << e;
}

TEST_F(SilentLossTest, ProjectErrorsNameTheFile) {
  const std::string huge = dir_.write("huge.faro.json",
                                      R"({"faro_project": 2, "title": "x", "camera": {"zoom": 1e400}})");
  const std::string e = error_of([&] { faro::io::load_project(huge); });
  EXPECT_NE(e.find("huge.faro.json"), std::string::npos) << e;

  faro::Session s;
  faro::SourceSpec latin1;
  latin1.role = faro::SourceSpec::Role::incidents;
  latin1.path = dir_.file("incidentes_a\xF1o.csv");  // "año" in Latin-1: not UTF-8
  s.sources.push_back(latin1);
  const std::string out = dir_.file("p.faro.json");
  const std::string e2 = error_of([&] { faro::io::save_project(s, out); });
  EXPECT_NE(e2.find("p.faro.json"), std::string::npos) << e2;
  EXPECT_NE(e2.find("UTF-8"), std::string::npos) << e2;
  EXPECT_FALSE(fs::exists(out));
  // A saved project keeps no password, in either connection-string form.
  EXPECT_EQ(faro::io::strip_password("PG:postgresql://u:secret@db/x"), "PG:postgresql://u:***@db/x");
}

TEST_F(SilentLossTest, WorkingZoneComesFromPolygonsOnEarth) {
  EXPECT_THROW(faro::io::utm_srs_for_lonlat(1e300, 19.4), faro::DataError);
  EXPECT_THROW(faro::io::utm_srs_for_lonlat(-99.1, 95), faro::DataError);
  EXPECT_EQ(faro::io::utm_srs_for_lonlat(-99.1, 19.4), "EPSG:32614");
  // Three sectors in Mexico City and one with a longitude no place has.
  std::string gj = R"({"type":"FeatureCollection","features":[)";
  const double lons[] = {-99.15, -99.14, -99.13, 1e300};
  for (int i = 0; i < 4; ++i) {
    const std::string x0 = std::to_string(lons[i]), x1 = std::to_string(lons[i] + 0.01);
    gj += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"sector":"S)" +
          std::to_string(i) + R"("},"geometry":{"type":"Polygon","coordinates":[[[)" + x0 +
          ",19.40],[" + x1 + ",19.40],[" + x1 + ",19.41],[" + x0 + ",19.41],[" + x0 + ",19.40]]]}}";
  }
  gj += "]}";
  const auto r = faro::io::load_sectors(dir_.write("wild.geojson", gj), {});
  EXPECT_EQ(r.sectors.work_srs, "EPSG:32614") << r.report.to_text();
  EXPECT_EQ(r.sectors.size(), 3u) << r.report.to_text();
  EXPECT_EQ(r.report.rows_rejected(), 1) << r.report.to_text();
}

}  // namespace
