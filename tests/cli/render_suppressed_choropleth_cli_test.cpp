// Partner-safe `faro render --layers choropleth` (issue 7): the choropleth is drawn (no fallback
// to sector outlines), with the demo's small-count sectors in the suppressed fill
// (render::kSuppressedFill, 150/160/180) and none of it in the internal map.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

// Pixels of the PNG exactly (150, 160, 180).
size_t suppressed_pixels(const std::string& path) {
  faro::io::ensure_gdal();
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly));
  if (!ds) return 0;
  const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
  std::vector<uint8_t> rgb[3];
  for (int b = 0; b < 3; ++b) {
    rgb[b].resize(size_t(w) * h);
    if (ds->GetRasterBand(b + 1)->RasterIO(GF_Read, 0, 0, w, h, rgb[b].data(), w, h, GDT_Byte, 0,
                                           0) != CE_None)
      rgb[b].assign(size_t(w) * h, 0);
  }
  GDALClose(ds);
  size_t n = 0;
  for (size_t i = 0; i < rgb[0].size(); ++i)
    n += rgb[0][i] == 150 && rgb[1][i] == 160 && rgb[2][i] == 180;
  return n;
}

TEST(RenderSuppressedChoroplethCli, PartnerSafeDemoKeepsTheChoroplethAndGreysSmallCounts) {
  faro_test::TempDir tmp;
  const std::string safe = tmp.file("safe.png"), internal = tmp.file("internal.png");
  // Nine days of the demo city: many sectors with 1..4 incidents.
  const std::string args = std::string(FARO_BINARY) +
                           " render --lang en --layers choropleth --from 2024-03-04 --to 2024-03-10 "
                           "--width 800 --height 600 -o ";
  std::string log;
  ASSERT_EQ(faro_test::run_command(args + safe, &log), 0) << log;
  EXPECT_NE(log.find("coloured as suppressed"), std::string::npos) << log;
  EXPECT_EQ(log.find("outlines"), std::string::npos) << log;
  ASSERT_EQ(faro_test::run_command(args + internal + " --internal", &log), 0) << log;
  EXPECT_GT(suppressed_pixels(safe), 10000u);
  EXPECT_EQ(suppressed_pixels(internal), 0u);
}

}  // namespace
