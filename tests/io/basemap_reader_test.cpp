// read_basemap on GeoTIFFs written here: a 4-quadrant colour raster in EPSG:4326 warped into a UTM
// 14N view lands each colour in its quadrant, leaves alpha 0 where the raster does not reach, and a
// raster without a CRS is refused with a message naming it.
#include "io/basemap_reader.hpp"

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

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

}  // namespace
