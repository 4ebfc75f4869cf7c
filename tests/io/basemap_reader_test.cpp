// read_basemap / BasemapSource on rasters written here: a 4-quadrant colour raster in EPSG:4326
// warped into a UTM 14N view lands each colour in its quadrant, leaves alpha 0 where the raster
// does not reach; one marked pixel lands on its PROJ-transformed UTM coordinate within a pixel;
// the footprint, pixel size and credit line are read; GeoPackage and MBTiles tiles open too; a
// raster without a CRS is refused with a message naming it.
#include "io/basemap_reader.hpp"

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <filesystem>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

// 40x40 RGB GeoTIFF over lon -99.2..-99.0, lat 19.3..19.5: NW red, NE green, SW blue, SE white.
void write_quadrants(const std::string& path, bool with_crs) {
  faro::io::ensure_gdal();
  GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), 40, 40, 3, GDT_Byte, nullptr);
  ASSERT_NE(ds, nullptr);
  double gt[6] = {-99.2, 0.005, 0, 19.5, 0, -0.005};
  GDALSetGeoTransform(ds, gt);
  if (with_crs) {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    GDALSetSpatialRef(ds, srs);
    OSRRelease(srs);
  }
  const unsigned char colours[4][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
  for (int b = 0; b < 3; ++b) {
    std::vector<unsigned char> px(40 * 40);
    for (int y = 0; y < 40; ++y)
      for (int x = 0; x < 40; ++x) px[y * 40 + x] = colours[(y >= 20) * 2 + (x >= 20)][b];
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, 40, 40, px.data(), 40, 40,
                           GDT_Byte, 0, 0),
              CE_None);
  }
  GDALClose(ds);
}

std::array<uint8_t, 4> pixel(const faro::io::BasemapImage& img, int x, int y) {
  const size_t i = (static_cast<size_t>(y) * img.width + x) * 4;
  return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
}

TEST(BasemapReader, QuadrantsLandInTheirQuadrants) {
  faro_test::TempDir dir;
  const std::string path = dir.file("quadrants.tif");
  write_quadrants(path, true);
  // The raster centre (-99.1, 19.4) is about (489500, 2145080) in UTM 14N; a 40 km view around it
  // holds the whole raster (about 21 x 22 km) and empty margins.
  const faro::Box view{469500, 2125080, 509500, 2165080};
  const auto img = faro::io::read_basemap(path, "EPSG:32614", view, 100, 100);
  ASSERT_EQ(img.width, 100);
  ASSERT_EQ(img.rgba.size(), 100u * 100 * 4);
  using P = std::array<uint8_t, 4>;
  EXPECT_EQ(pixel(img, 40, 40), (P{255, 0, 0, 255}));      // NW: 5 km west and north of centre
  EXPECT_EQ(pixel(img, 60, 40), (P{0, 255, 0, 255}));      // NE
  EXPECT_EQ(pixel(img, 40, 60), (P{0, 0, 255, 255}));      // SW
  EXPECT_EQ(pixel(img, 60, 60), (P{255, 255, 255, 255}));  // SE
  EXPECT_EQ(pixel(img, 3, 3)[3], 0);                       // outside the raster: transparent
  EXPECT_EQ(pixel(img, 97, 50)[3], 0);
}

TEST(BasemapReader, RasterWithoutCrsIsRefused) {
  faro_test::TempDir dir;
  const std::string path = dir.file("nocrs.tif");
  write_quadrants(path, false);
  const faro::Box view{469500, 2125080, 509500, 2165080};
  try {
    faro::io::read_basemap(path, "EPSG:32614", view, 10, 10);
    FAIL() << "expected DataError";
  } catch (const faro::DataError& e) {
    EXPECT_NE(std::string(e.what()).find("nocrs.tif"), std::string::npos) << e.what();
  }
  EXPECT_THROW(faro::io::read_basemap(dir.file("missing.tif"), "EPSG:32614", view, 10, 10),
               faro::DataError);
}

// A 60 x 40 white GeoTIFF over lon -99.3..-99.0, lat 19.2..19.4 (0.005° pixels) with one red
// pixel at column 41, row 13; TIFFTAG_COPYRIGHT set when `copyright` is not empty.
void write_marked(const std::string& path, const std::string& copyright) {
  faro::io::ensure_gdal();
  GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), 60, 40, 3, GDT_Byte, nullptr);
  ASSERT_NE(ds, nullptr);
  double gt[6] = {-99.3, 0.005, 0, 19.4, 0, -0.005};
  GDALSetGeoTransform(ds, gt);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  GDALSetSpatialRef(ds, srs);
  OSRRelease(srs);
  if (!copyright.empty()) GDALSetMetadataItem(ds, "TIFFTAG_COPYRIGHT", copyright.c_str(), nullptr);
  for (int b = 0; b < 3; ++b) {
    std::vector<unsigned char> px(60 * 40, 255);
    if (b > 0) px[13 * 60 + 41] = 0;  // red: (255, 0, 0)
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, 60, 40, px.data(), 60,
                           40, GDT_Byte, 0, 0),
              CE_None);
  }
  GDALClose(ds);
}

// lon/lat -> UTM 14N through PROJ (OSR), independently of the warp under test.
faro::Vec2 to_utm14(double lon, double lat) {
  OGRSpatialReferenceH from = OSRNewSpatialReference(nullptr), to = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(from, 4326);
  OSRImportFromEPSG(to, 32614);
  OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(from, to);
  double x = lon, y = lat;
  EXPECT_TRUE(OCTTransform(ct, 1, &x, &y, nullptr));
  OCTDestroyCoordinateTransformation(ct);
  OSRRelease(from);
  OSRRelease(to);
  return {x, y};
}

TEST(BasemapSource, AKnownPixelLandsOnItsWorkingCrsCoordinate) {
  faro_test::TempDir dir;
  const std::string path = dir.file("marked.tif");
  write_marked(path, "");
  faro::io::BasemapSource raster(path, "EPSG:32614");
  const faro::io::BasemapInfo& info = raster.info();
  // The footprint: the raster's corners reprojected (about 31.5 x 22 km), at ~525 m per pixel.
  const faro::Vec2 nw = to_utm14(-99.3, 19.4), se = to_utm14(-99.0, 19.2);
  EXPECT_NEAR(info.extent.xmin, nw.x, 600);
  EXPECT_NEAR(info.extent.ymax, nw.y, 600);
  EXPECT_NEAR(info.extent.xmax, se.x, 600);
  EXPECT_NEAR(info.extent.ymin, se.y, 600);
  EXPECT_GT(info.resolution_m, 450);
  EXPECT_LT(info.resolution_m, 600);
  EXPECT_EQ(info.source_width, 60);
  EXPECT_EQ(info.attribution, "marked.tif");  // no credit in the file: its name

  // The red pixel's centre, lon -99.3 + 41.5 * 0.005, lat 19.4 - 13.5 * 0.005.
  const faro::Vec2 expected = to_utm14(-99.3 + 41.5 * 0.005, 19.4 - 13.5 * 0.005);
  // Read a 4 km box around it at 25 m per output pixel; the red pixels' centroid is the answer.
  const faro::Box box{expected.x - 2000, expected.y - 2000, expected.x + 2000, expected.y + 2000};
  const auto img = raster.read(box, 160, 160);
  double sx = 0, sy = 0;
  int n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const auto p = pixel(img, x, y);
      if (p[0] > 200 && p[1] < 150 && p[3] == 255) sx += x + 0.5, sy += y + 0.5, ++n;
    }
  ASSERT_GT(n, 0) << "the red pixel is not in the box";
  const faro::Vec2 found{box.xmin + sx / n * 25.0, box.ymax - sy / n * 25.0};
  // Within one source pixel (~525 m), in fact much closer.
  EXPECT_LT(std::hypot(found.x - expected.x, found.y - expected.y), info.resolution_m);
  EXPECT_LT(std::hypot(found.x - expected.x, found.y - expected.y), 60.0);
}

TEST(BasemapSource, CreditLineFromMetadata) {
  faro_test::TempDir dir;
  const std::string path = dir.file("credited.tif");
  write_marked(path, "© OpenStreetMap <a href='x'>contributors</a>");
  faro::io::BasemapSource raster(path, "EPSG:32614");
  EXPECT_EQ(raster.info().attribution, "© OpenStreetMap contributors");
}

// The same raster as a GeoPackage of tiles and as MBTiles (GDAL's writers), read like the GeoTIFF.
TEST(BasemapSource, GeoPackageAndMbtilesTilesOpen) {
  faro_test::TempDir dir;
  const std::string tif = dir.file("quadrants.tif");
  write_quadrants(tif, true);
  GDALDatasetH src = GDALOpen(tif.c_str(), GA_ReadOnly);
  ASSERT_NE(src, nullptr);
  const faro::Box view{469500, 2125080, 509500, 2165080};
  for (const char* driver : {"GPKG", "MBTiles"}) {
    SCOPED_TRACE(driver);
    GDALDriverH d = GDALGetDriverByName(driver);
    if (d == nullptr) {
      ADD_FAILURE() << driver << " driver missing from this GDAL";
      continue;
    }
    const std::string out = dir.file(std::string("quadrants.") +
                                     (std::string(driver) == "GPKG" ? "gpkg" : "mbtiles"));
    GDALDatasetH copy = GDALCreateCopy(d, out.c_str(), src, FALSE, nullptr, nullptr, nullptr);
    ASSERT_NE(copy, nullptr) << CPLGetLastErrorMsg();
    GDALClose(copy);
    EXPECT_TRUE(faro::io::is_raster_only(out));
    faro::io::BasemapSource raster(out, "EPSG:32614");
    const auto img = raster.read(view, 100, 100);
    using P = std::array<uint8_t, 4>;
    // JPEG/PNG tiles in Web Mercator: colours within a few levels.
    const auto close = [](P a, P b) {
      for (int i = 0; i < 4; ++i)
        if (std::abs(a[i] - b[i]) > 12) return false;
      return true;
    };
    EXPECT_TRUE(close(pixel(img, 40, 40), P{255, 0, 0, 255}));
    EXPECT_TRUE(close(pixel(img, 60, 60), P{255, 255, 255, 255}));
    EXPECT_EQ(pixel(img, 3, 3)[3], 0);
  }
  GDALClose(src);
  // Vector data is not a basemap.
  const std::string geojson = dir.write("p.geojson", R"({"type": "FeatureCollection",
    "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point",
    "coordinates": [-99.1, 19.4]}}]})");
  EXPECT_FALSE(faro::io::is_raster_only(geojson));
  EXPECT_TRUE(faro::io::is_raster_only(tif));
  EXPECT_FALSE(faro::io::is_raster_only(dir.file("missing.gpkg")));
  EXPECT_NO_THROW(faro::io::check_basemap(tif));
  EXPECT_THROW(faro::io::check_basemap(geojson), faro::DataError);
}

}  // namespace
