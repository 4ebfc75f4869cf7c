// The first layer end to end: sector fills in their colours with north up, holes left empty,
// outlines at the requested pixel width, no seams between neighbours, transparency, and the PNG
// export (pixels only, no georeferencing).
#include <gdal.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "core/errors.hpp"
#include "gl_test_support.hpp"
#include "io/gdal_env.hpp"
#include "render/map_renderer.hpp"
#include "render/polygon_fill_layer.hpp"
#include "render/sector_map_png.hpp"
#include "render_test_scenes.hpp"
#include "test_support.hpp"

namespace {

using faro::MultiPolygon;
using faro::Vec2;
using faro::render::Camera;
using faro::render::MapRenderOptions;
using faro::render::PolygonFillLayer;
using faro::render::Rgba8;

constexpr Vec2 kCentre{486000.0, 2147000.0};
constexpr Rgba8 kWhite{255, 255, 255, 255};
constexpr Rgba8 kRed{220, 30, 40, 255};
constexpr Rgba8 kBlue{20, 60, 200, 255};

faro::SectorSet make_sectors(std::vector<MultiPolygon> shapes) {
  faro::SectorSet set;
  for (size_t i = 0; i < shapes.size(); ++i) {
    faro::Sector s;
    s.name = "S" + std::to_string(i);
    s.shape = std::move(shapes[i]);
    s.bbox = faro::bounds(s.shape);
    s.area_m2 = faro::area(s.shape);
    set.sectors.push_back(std::move(s));
  }
  set.work_srs = "EPSG:32614";
  return set;
}

faro::render::RgbaImage draw(PolygonFillLayer& layer, const Camera& cam,
                             Rgba8 background = kWhite) {
  MapRenderOptions options;
  options.background = background;
  return faro::render::render_map({&layer}, cam, options);
}

TEST(PolygonFillLayer, SquareSectorColourAtCentreBackgroundOutside) {
  FARO_REQUIRE_GL(gl);
  // A 100 m square NE of the view centre; 1 m per pixel, 200 x 200 pixels.
  const auto sectors = make_sectors(
      {faro_test::rectangle(kCentre.x + 20, kCentre.y + 20, kCentre.x + 80, kCentre.y + 80)});
  PolygonFillLayer layer(sectors);
  EXPECT_EQ(layer.feature_count(), 1u);
  EXPECT_EQ(layer.triangle_count(), 2u);
  layer.set_fill_colors(std::vector<Rgba8>{kRed});
  layer.set_outline({{0, 0, 0, 255}, 0.0f});
  const Camera cam(kCentre, 1.0, 200, 200);
  const auto image = draw(layer, cam);
  // Square centre (50 m east, 50 m north) is pixel (150, 50): right and UP of the image centre.
  EXPECT_EQ(image.at(150, 50), kRed);
  EXPECT_EQ(image.at(121, 21), kRed);    // just inside the NW corner (x 120..180, y 20..80)
  EXPECT_EQ(image.at(50, 150), kWhite);  // the mirrored position (SW) is empty
  EXPECT_EQ(image.at(118, 50), kWhite);  // just west of the square
  EXPECT_EQ(image.at(150, 82), kWhite);  // just south
  EXPECT_EQ(image.at(0, 0), kWhite);
}

TEST(PolygonFillLayer, HoleShowsBackgroundAndOutlineHasItsWidth) {
  FARO_REQUIRE_GL(gl);
  MultiPolygon donut =
      faro_test::rectangle(kCentre.x - 80, kCentre.y - 80, kCentre.x + 80, kCentre.y + 80);
  donut[0].holes.push_back({{kCentre.x - 20, kCentre.y - 20},
                            {kCentre.x - 20, kCentre.y + 20},
                            {kCentre.x + 20, kCentre.y + 20},
                            {kCentre.x + 20, kCentre.y - 20}});
  const auto sectors = make_sectors({donut});
  PolygonFillLayer layer(sectors);
  layer.set_fill_colors(std::vector<Rgba8>{kBlue});
  const Rgba8 black{0, 0, 0, 255};
  layer.set_outline({black, 4.0f});  // 4 px centred on the boundary: 2 px each side
  const Camera cam(kCentre, 1.0, 200, 200);
  const auto image = draw(layer, cam);
  EXPECT_EQ(image.at(100, 100), kWhite);  // hole centre
  EXPECT_EQ(image.at(100, 150), kBlue);   // ring body, south
  // Outer west edge at x = 20: outline covers x in [18, 22), fill from 22, outside before 18.
  EXPECT_EQ(image.at(19, 100), black);
  EXPECT_EQ(image.at(21, 100), black);
  EXPECT_EQ(image.at(23, 100), kBlue);
  EXPECT_EQ(image.at(16, 100), kWhite);
  // Hole edge at x = 80 gets an outline too.
  EXPECT_EQ(image.at(79, 100), black);
  EXPECT_EQ(image.at(83, 100), kWhite);
  // Same width at another zoom: 0.5 m/px doubles the geometry but not the line.
  const Camera zoomed(kCentre, 0.5, 400, 400);
  const auto big = draw(layer, zoomed);
  EXPECT_EQ(big.at(40 - 1, 200), black);  // west edge now at x = 40
  EXPECT_EQ(big.at(40 + 1, 200), black);
  EXPECT_EQ(big.at(40 + 3, 200), kBlue);
  EXPECT_EQ(big.at(40 - 3, 200), kWhite);
}

TEST(PolygonFillLayer, NeighboursShareEdgesWithoutSeams) {
  FARO_REQUIRE_GL(gl);
  // Two sectors meeting along a slanted edge through the view.
  const Vec2 top{kCentre.x + 13.7, kCentre.y + 100}, bottom{kCentre.x - 21.3, kCentre.y - 100};
  const MultiPolygon west{faro::Polygon{
      {{kCentre.x - 100, kCentre.y - 100}, bottom, top, {kCentre.x - 100, kCentre.y + 100}}, {}}};
  const MultiPolygon east{faro::Polygon{
      {bottom, {kCentre.x + 100, kCentre.y - 100}, {kCentre.x + 100, kCentre.y + 100}, top}, {}}};
  const auto sectors = make_sectors({west, east});
  PolygonFillLayer layer(sectors);
  layer.set_fill_colors(std::vector<Rgba8>{kRed, kBlue});
  layer.set_outline({{0, 0, 0, 255}, 0.0f});
  const Camera cam(kCentre, 1.0, 200, 200);
  const auto image = draw(layer, cam);
  // Every pixel is covered by the two fills: any background would show as green > 60 (the fills
  // have green 30 and 60), even blended at an anti-aliased seam.
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < 200; ++x) ASSERT_LE(image.at(x, y).g, 60) << x << "," << y;
  EXPECT_EQ(image.at(10, 100), kRed);
  EXPECT_EQ(image.at(190, 100), kBlue);
}

TEST(PolygonFillLayer, TranslucentFillOnTransparentBackground) {
  FARO_REQUIRE_GL(gl);
  const auto sectors = make_sectors(
      {faro_test::rectangle(kCentre.x - 50, kCentre.y - 50, kCentre.x + 50, kCentre.y + 50)});
  PolygonFillLayer layer(sectors);
  layer.set_fill_colors(std::vector<Rgba8>{{200, 100, 0, 128}});
  layer.set_outline({{0, 0, 0, 255}, 0.0f});
  const auto image = draw(layer, Camera(kCentre, 1.0, 120, 120), Rgba8{0, 0, 0, 0});
  const Rgba8 p = image.at(60, 60);
  EXPECT_EQ(p.a, 128);
  EXPECT_NEAR(p.r, 200, 1);  // straight alpha again after the premultiplied pipeline
  EXPECT_NEAR(p.g, 100, 1);
  EXPECT_EQ(p.b, 0);
  EXPECT_EQ(image.at(2, 2), (Rgba8{0, 0, 0, 0}));
  layer.set_opacity(0.5f);
  EXPECT_NEAR(draw(layer, Camera(kCentre, 1.0, 120, 120), Rgba8{0, 0, 0, 0}).at(60, 60).a, 64, 1);
}

TEST(PolygonFillLayer, ColourCountMustMatchFeatures) {
  FARO_REQUIRE_GL(gl);
  const auto sectors =
      make_sectors({faro_test::rectangle(0, 0, 1, 1), faro_test::rectangle(2, 2, 3, 3)});
  PolygonFillLayer layer(sectors);
  EXPECT_THROW(layer.set_fill_colors(std::vector<Rgba8>{kRed}), faro::UsageError);
}

TEST(SectorMapPng, WritesPixelsWithoutGeoreferencing) {
  FARO_REQUIRE_GL(gl);
  faro_test::TempDir dir;
  const auto sectors = make_sectors(
      {faro_test::rectangle(kCentre.x - 500, kCentre.y - 300, kCentre.x, kCentre.y + 300),
       faro_test::rectangle(kCentre.x, kCentre.y - 300, kCentre.x + 500, kCentre.y + 300)});
  const std::string path = dir.file("sectors.png");
  const auto timings =
      faro::render::render_sectors_png(sectors, std::vector<Rgba8>{kRed, kBlue}, 320, 200, path);
  EXPECT_FALSE(timings.renderer.empty());
  ASSERT_TRUE(std::filesystem::exists(path));
  // Only the PNG: no temporary, no .aux.xml, no world file.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);

  faro::io::ensure_gdal();
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr);
  EXPECT_STREQ(GDALGetDriverShortName(GDALGetDatasetDriver(ds)), "PNG");
  EXPECT_EQ(GDALGetRasterXSize(ds), 320);
  EXPECT_EQ(GDALGetRasterYSize(ds), 200);
  EXPECT_EQ(GDALGetRasterCount(ds), 4);
  double gt[6];
  EXPECT_NE(GDALGetGeoTransform(ds, gt), CE_None);
  EXPECT_STREQ(GDALGetProjectionRef(ds), "");
  // West half red, east half blue, read back through GDAL.
  uint8_t px[4];
  for (int b = 0; b < 4; ++b)
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Read, 100, 100, 1, 1, &px[b], 1, 1,
                           GDT_Byte, 0, 0),
              CE_None);
  EXPECT_EQ((Rgba8{px[0], px[1], px[2], px[3]}), kRed);
  for (int b = 0; b < 4; ++b)
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Read, 220, 100, 1, 1, &px[b], 1, 1,
                           GDT_Byte, 0, 0),
              CE_None);
  EXPECT_EQ((Rgba8{px[0], px[1], px[2], px[3]}), kBlue);
  GDALClose(ds);
}

}  // namespace
