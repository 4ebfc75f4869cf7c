// `faro render` end to end on the demo city: a PNG of the requested size, help, usage errors.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result faro_render(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " render " + args, &r.out);
  return r;
}

struct PngInfo {
  int width = 0, height = 0, bands = 0;
  int distinct_rows = 0;  // rows that differ from the first: the image is not blank
};

PngInfo read_png(const std::string& path) {
  faro::io::ensure_gdal();
  PngInfo info;
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly));
  if (!ds) return info;
  info.width = ds->GetRasterXSize();
  info.height = ds->GetRasterYSize();
  info.bands = ds->GetRasterCount();
  std::vector<uint8_t> first(info.width), row(info.width);
  GDALRasterBand* red = ds->GetRasterBand(1);
  if (red->RasterIO(GF_Read, 0, 0, info.width, 1, first.data(), info.width, 1, GDT_Byte, 0, 0) ==
      CE_None)
    for (int y = 1; y < info.height; ++y)
      if (red->RasterIO(GF_Read, 0, y, info.width, 1, row.data(), info.width, 1, GDT_Byte, 0, 0) ==
              CE_None &&
          row != first)
        ++info.distinct_rows;
  GDALClose(ds);
  return info;
}

TEST(RenderCli, DemoCityWritesAPngOfTheRequestedSize) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("map.png");
  Result r = faro_render("--width 640 --height 360 -o " + png);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("demo city"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("program_sectors"), std::string::npos) << "programs default to the demo";
  const PngInfo info = read_png(png);
  EXPECT_EQ(info.width, 640);
  EXPECT_EQ(info.height, 360);
  EXPECT_EQ(info.bands, 4);
  EXPECT_GT(info.distinct_rows, 300);  // a map, not a blank canvas
}

TEST(RenderCli, EveryLayerAndChoroplethRender) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("all.png");
  Result r = faro_render(
      "--width 320 --height 200 --layers heatmap,choropleth,programs,points,labels --choropleth "
      "per-km2 --kernel quartic --bandwidth 600 --colormap viridis --color-max 50 --from "
      "2020-01-01 --to 2021-12-31 --kde gpu -o " +
      png);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("incidentes/km² por año (fixed)"), std::string::npos) << r.out;
  EXPECT_EQ(read_png(png).width, 320);
}

TEST(RenderCli, HelpListsLayers) {
  Result r = faro_render("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("--layers"), std::string::npos);
  EXPECT_NE(r.out.find("choropleth"), std::string::npos);
}

TEST(RenderCli, UsageErrorsExitTwoBeforeWriting) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("bad.png");
  Result bad_layers = faro_render("--layers heatmap,contours -o " + png);
  EXPECT_EQ(bad_layers.code, 2) << bad_layers.out;
  EXPECT_NE(bad_layers.out.find("contours"), std::string::npos) << bad_layers.out;
  EXPECT_EQ(faro_render("--colormap jet -o " + png).code, 2);
  EXPECT_EQ(faro_render("--color-max -3 -o " + png).code, 2);
  EXPECT_EQ(faro_render("--width 0 -o " + png).code, 2);
  EXPECT_EQ(faro_render("--kde tpu -o " + png).code, 2);
  EXPECT_EQ(faro_render("--classes 12 -o " + png).code, 2);
  EXPECT_EQ(faro_render("--layers heatmap,choropleth --classes continuous -o " + png).code, 2);
  EXPECT_EQ(faro_render("--layers heatmap").code, 2);  // no -o
  EXPECT_FALSE(std::filesystem::exists(png));
}

}  // namespace
