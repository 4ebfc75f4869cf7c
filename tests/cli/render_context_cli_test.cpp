// `faro render --context` and `--basemap` end to end on the demo city: the sources are loaded
// (their load report is printed), a missing one fails naming it, and help lists both options.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include <vector>

#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

int faro_render(const std::string& args, std::string* out) {
  return faro_test::run_command(std::string(FARO_BINARY) + " render " + args, out);
}

// A small grey GeoTIFF in EPSG:4326 near Puebla (the demo city's region).
void write_grey_tif(const std::string& path) {
  faro::io::ensure_gdal();
  GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), 16, 16, 1, GDT_Byte, nullptr);
  ASSERT_NE(ds, nullptr);
  double gt[6] = {-98.4, 0.02, 0, 19.2, 0, -0.02};
  GDALSetGeoTransform(ds, gt);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  GDALSetSpatialRef(ds, srs);
  OSRRelease(srs);
  std::vector<unsigned char> px(16 * 16, 128);
  ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 16, 16, px.data(), 16, 16,
                         GDT_Byte, 0, 0),
            CE_None);
  GDALClose(ds);
}

TEST(RenderContextCli, ContextAndBasemapAreLoaded) {
  faro_test::TempDir tmp;
  const std::string lines = tmp.write("lines.geojson", R"({"type": "FeatureCollection",
    "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
    "coordinates": [[-98.3, 19.0], [-98.1, 19.1]]}}]})");
  const std::string tif = tmp.file("base.tif");
  write_grey_tif(tif);
  std::string out;
  const int code = faro_render("--width 320 --height 200 --context " + lines + " --context " +
                                   lines + " --basemap " + tif + " -o " + tmp.file("m.png"),
                               &out);
  ASSERT_EQ(code, 0) << out;
  // Once per --context: the option repeats.
  const size_t first = out.find("lines.geojson (layer lines)");
  ASSERT_NE(first, std::string::npos) << out;
  EXPECT_NE(out.find("lines.geojson (layer lines)", first + 1), std::string::npos) << out;
}

TEST(RenderContextCli, MissingSourcesFailNamingThem) {
  faro_test::TempDir tmp;
  std::string out;
  EXPECT_NE(faro_render("--context " + tmp.file("nope.geojson") + " -o " + tmp.file("m.png"), &out),
            0);
  EXPECT_NE(out.find("nope.geojson"), std::string::npos) << out;
  EXPECT_NE(faro_render("--basemap " + tmp.file("nope.tif") + " -o " + tmp.file("m.png"), &out), 0);
  EXPECT_NE(out.find("nope.tif"), std::string::npos) << out;
}

TEST(RenderContextCli, HelpListsContextAndBasemap) {
  std::string out;
  EXPECT_EQ(faro_render("--help", &out), 0);
  EXPECT_NE(out.find("--context"), std::string::npos) << out;
  EXPECT_NE(out.find("--basemap"), std::string::npos) << out;
}

}  // namespace
