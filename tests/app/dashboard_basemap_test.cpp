// Raster basemaps in the dashboard: the tile loader reads tiles on its threads (and names a raster
// it cannot open); the live map shows a basemap tile by tile where the raster is (a raster split
// at the demo city's centre: one colour left of the map's centre, the other right); File > Open
// of a raster adds the basemap layer (a bad file is a message and changes nothing), a GeoPackage
// of tiles opened as data becomes the basemap too; the export draws the same basemap with its
// credit line; and `faro dashboard --basemap ... --screenshot` shows it headless.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include <thread>

#include "app/basemap_loader.hpp"
#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app/session_map.hpp"
#include "app_test_util.hpp"
#include "io/style_presets.hpp"
#include "render/basemap_tile_layer.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;
using render::Rgba8;

#define REQUIRE_HEADLESS_GL() \
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped"

constexpr Rgba8 kWest{200, 40, 40, 255};  // left of the split
constexpr Rgba8 kEast{40, 90, 200, 255};  // right of it

// The demo city's centre as lon/lat (PROJ through OSR).
std::pair<double, double> demo_centre_lonlat() {
  const Workspace& ws = *faro_test::demo_workspace();
  OGRSpatialReferenceH from = OSRNewSpatialReference(nullptr), to = OSRNewSpatialReference(nullptr);
  OSRSetFromUserInput(from, ws.sectors.work_srs.c_str());
  OSRImportFromEPSG(to, 4326);
  OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(from, to);
  double x = (ws.extent.xmin + ws.extent.xmax) / 2, y = (ws.extent.ymin + ws.extent.ymax) / 2;
  EXPECT_TRUE(OCTTransform(ct, 1, &x, &y, nullptr));
  OCTDestroyCoordinateTransformation(ct);
  OSRRelease(from);
  OSRRelease(to);
  return {x, y};
}

// A 400 x 400 RGB GeoTIFF, 1.2° square around (lon, lat), kWest west of that longitude and kEast
// east of it. `copyright` goes into TIFFTAG_COPYRIGHT when not empty.
std::string write_split_raster_at(const faro_test::TempDir& dir, const std::string& name,
                                  double lon, double lat, const std::string& copyright = "") {
  io::ensure_gdal();
  const std::string path = dir.file(name);
  GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), 400, 400, 3, GDT_Byte, nullptr);
  EXPECT_NE(ds, nullptr);
  const double px = 1.2 / 400;
  double gt[6] = {lon - 0.6, px, 0, lat + 0.6, 0, -px};
  GDALSetGeoTransform(ds, gt);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  GDALSetSpatialRef(ds, srs);
  OSRRelease(srs);
  if (!copyright.empty()) GDALSetMetadataItem(ds, "TIFFTAG_COPYRIGHT", copyright.c_str(), nullptr);
  for (int b = 0; b < 3; ++b) {
    const uint8_t west = b == 0 ? kWest.r : b == 1 ? kWest.g : kWest.b;
    const uint8_t east = b == 0 ? kEast.r : b == 1 ? kEast.g : kEast.b;
    std::vector<uint8_t> band(400 * 400);
    for (int y = 0; y < 400; ++y)
      for (int x = 0; x < 400; ++x) band[y * 400 + x] = x < 200 ? west : east;
    EXPECT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, 400, 400, band.data(), 400,
                           400, GDT_Byte, 0, 0),
              CE_None);
  }
  GDALClose(ds);
  return path;
}

// The same, split at the demo city's centre.
std::string write_split_raster(const faro_test::TempDir& dir, const std::string& name,
                               const std::string& copyright = "") {
  const auto [lon, lat] = demo_centre_lonlat();
  return write_split_raster_at(dir, name, lon, lat, copyright);
}

bool near(Rgba8 p, Rgba8 c, int tol = 6) {
  return std::abs(p.r - c.r) <= tol && std::abs(p.g - c.g) <= tol && std::abs(p.b - c.b) <= tol;
}

// A style with only a basemap layer, drawn as it is (no grey, no dim): exact colours to check.
MapStyle basemap_only(const std::string& source) {
  MapStyle style;
  StyleLayer base = make_layer(LayerKind::basemap);
  base.source = source;
  style.layers.push_back(base);
  return style;
}

// Runs frames until the dashboard has nothing left in the background (at most 200).
void run_until_settled(HeadlessDashboard& d) {
  for (int i = 0; i < 200; ++i) {
    d.frame();
    const bool working = d.app().busy();
    ASSERT_TRUE(d.app().settle(120s));
    if (!working && !d.app().busy()) break;
  }
  d.frame();
}

// The mean colour of the 9 x 9 pixels around a point of the map a fraction `fx` across and `fy`
// down its region (so a sector outline under the point does not decide the colour).
Rgba8 patch(const render::RgbaImage& img, const ui::MapRegion& r, float fx, float fy) {
  const int cx = static_cast<int>(r.x + r.width * fx), cy = static_cast<int>(r.y + r.height * fy);
  int sum[3] = {0, 0, 0};
  for (int y = cy - 4; y <= cy + 4; ++y)
    for (int x = cx - 4; x <= cx + 4; ++x) {
      const Rgba8 p = img.at(x, y);
      sum[0] += p.r, sum[1] += p.g, sum[2] += p.b;
    }
  return {static_cast<uint8_t>(sum[0] / 81), static_cast<uint8_t>(sum[1] / 81),
          static_cast<uint8_t>(sum[2] / 81), 255};
}

Rgba8 map_pixel(HeadlessDashboard& d, const render::RgbaImage& img, float fx, float fy) {
  return patch(img, d.app().map_region(), fx, fy);
}

TEST(BasemapLoader, ReadsTilesOnItsThreadsAndNamesARasterItCannotOpen) {
  faro_test::TempDir dir;
  const std::string tif = write_split_raster(dir, "split.tif");
  BasemapLoader loader(tif, faro_test::demo_workspace()->sectors.work_srs, 2);
  ASSERT_TRUE(loader.wait_idle(60s));
  const auto info = loader.info();
  ASSERT_TRUE(info.has_value()) << loader.error();
  const render::BasemapTileGrid grid(info->extent, info->resolution_m);
  const auto keys = grid.tiles_covering(info->extent, 0);
  ASSERT_GE(keys.size(), 4u);
  loader.request(keys);
  loader.request(keys);  // asking again queues nothing twice
  ASSERT_TRUE(loader.wait_idle(60s));
  EXPECT_EQ(loader.pending(), keys.size());  // read, waiting to be taken
  const auto tiles = loader.take(1000);
  EXPECT_EQ(tiles.size(), keys.size());
  EXPECT_EQ(loader.tiles_read(), keys.size());
  for (const BasemapTile& t : tiles) EXPECT_EQ(t.rgba.size(), 256u * 256 * 4);
  EXPECT_EQ(loader.pending(), 0u);
  EXPECT_TRUE(loader.error().empty());

  BasemapLoader missing(dir.file("nope.tif"), "EPSG:32614", 2);
  ASSERT_TRUE(missing.wait_idle(60s));
  EXPECT_FALSE(missing.info().has_value());
  EXPECT_NE(missing.error().find("nope.tif"), std::string::npos) << missing.error();
}

TEST(DashboardBasemap, LiveMapShowsTheRasterWhereItIs) {
  REQUIRE_HEADLESS_GL();
  faro_test::TempDir dir;
  const std::string tif = write_split_raster(dir, "split.tif", "© Test Maps");
  DashboardOptions o;
  o.width = 1100;
  o.height = 700;
  o.language = Language::en;
  Session s;
  s.style = basemap_only(tif);
  o.session = s;
  HeadlessDashboard d(o);
  run_until_settled(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  EXPECT_FALSE(d.app().busy());
  const render::RgbaImage img = d.read();
  // The camera frames the demo city centred in the map: the split runs down the map's middle.
  EXPECT_TRUE(near(map_pixel(d, img, 0.35f, 0.4f), kWest));
  EXPECT_TRUE(near(map_pixel(d, img, 0.65f, 0.4f), kEast));
  // The tiles came through the GPU cache, within its cap; the credit line is shown.
  const auto* tiles = d.app().map().scene().basemap_tiles(tif);
  ASSERT_NE(tiles, nullptr);
  EXPECT_GT(tiles->cached_tiles(), 0u);
  EXPECT_LE(tiles->cached_bytes(), tiles->capacity_bytes());
  EXPECT_EQ(d.app().map().basemaps().attributions(d.app().session().style),
            std::vector<std::string>{"© Test Maps"});

  // Zoomed in 8x on the left: the finer level arrives; meanwhile nothing waits for it.
  render::Camera& cam = d.app().map().camera();
  cam.zoom_at({cam.width() * 0.3, cam.height() * 0.5}, 8.0);
  d.frame();
  run_until_settled(d);
  EXPECT_TRUE(tiles->complete(d.app().map().camera()));
  EXPECT_TRUE(near(map_pixel(d, d.read(), 0.5f, 0.5f), kWest));
}

TEST(DashboardBasemap, FileOpenAddsTheBasemapAndABadFileIsAMessage) {
  REQUIRE_HEADLESS_GL();
  faro_test::TempDir dir;
  const std::string tif = write_split_raster(dir, "calles.tif");
  DashboardOptions o;
  o.width = 1100;
  o.height = 700;
  o.language = Language::es;
  Session s;  // sectors only: no heatmap colours where the test looks
  s.style.layers.push_back(make_layer(LayerKind::sectors));
  o.session = s;
  HeadlessDashboard d(o);
  run_until_settled(d);
  const MapStyle before = d.app().session().style;
  ASSERT_EQ(before.find(LayerKind::basemap), nullptr);

  // Not a raster: an error message, the style untouched.
  ui::UiAction bad;
  bad.kind = ui::UiAction::Kind::open_basemap;
  bad.path = dir.write("x.geojson", R"({"type": "FeatureCollection", "features": []})");
  d.app().request(bad);
  d.frame();
  ASSERT_FALSE(d.app().error_log().empty());
  EXPECT_NE(d.app().error_log().back().find("No se pudo abrir el mapa base"), std::string::npos)
      << d.app().error_log().back();
  EXPECT_EQ(d.app().session().style, before);

  ui::UiAction open;
  open.kind = ui::UiAction::Kind::open_basemap;
  open.path = tif;
  d.app().request(open);
  d.frame();
  const StyleLayer* base = d.app().session().style.find(LayerKind::basemap);
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(base->source, tif);
  EXPECT_TRUE(base->visible);
  EXPECT_EQ(&d.app().session().style.layers.front(), base);  // under everything
  EXPECT_TRUE(base->basemap.greyscale);
  run_until_settled(d);
  // Greyed and dimmed under translucent sectors: the map's left and right differ in grey.
  const render::RgbaImage img = d.read();
  const Rgba8 left = map_pixel(d, img, 0.3f, 0.45f), right = map_pixel(d, img, 0.7f, 0.45f);
  EXPECT_NEAR(left.r, left.b, 12);  // grey, not the raster's red
  EXPECT_GT(std::abs(left.r - right.r) + std::abs(left.g - right.g), 8);

  // A GeoPackage of tiles opened as data replaces the basemap's source.
  GDALDatasetH src = GDALOpen(tif.c_str(), GA_ReadOnly);
  const std::string gpkg = dir.file("teselas.gpkg");
  GDALClose(GDALCreateCopy(GDALGetDriverByName("GPKG"), gpkg.c_str(), src, FALSE, nullptr, nullptr,
                           nullptr));
  GDALClose(src);
  ui::UiAction data;
  data.kind = ui::UiAction::Kind::open_source;
  data.source.role = SourceSpec::Role::incidents;
  data.source.path = gpkg;
  d.app().request(data);
  d.frame();
  EXPECT_FALSE(d.app().loading());  // not loaded as incidents
  EXPECT_EQ(d.app().session().style.find(LayerKind::basemap)->source, gpkg);
}

TEST(DashboardBasemap, ExportDrawsTheSameBasemapWithItsCredit) {
  REQUIRE_HEADLESS_GL();
  faro_test::TempDir dir;
  const std::string tif = write_split_raster(dir, "split.tif", "© Test Maps");
  const Workspace& ws = *faro_test::demo_workspace();
  Session s;
  s.language = Language::en;
  s.style = basemap_only(tif);
  std::vector<uint32_t> rows(ws.incidents.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<uint32_t>(i);
  SessionMapRequest request;
  request.width = 400;
  request.height = 300;
  request.samples = 0;
  request.overlay = true;
  const render::MapSceneResult r = render_session_map(ws, rows, s, request);
  // The whole city with padding, centred: left of centre west, right of it east.
  EXPECT_TRUE(near(r.image.at(150, 150), kWest));
  EXPECT_TRUE(near(r.image.at(250, 150), kEast));
  EXPECT_NE(r.overlay.source_line.find("Basemap: © Test Maps"), std::string::npos)
      << r.overlay.source_line;
}

TEST(DashboardBasemap, CommandLineFlagsOpenDataAndBasemapHeadless) {
  REQUIRE_HEADLESS_GL();
  faro_test::TempDir dir;
  const std::string tif = write_split_raster(dir, "split.tif");
  const std::string png = dir.file("shot.png");
  std::string out;
  const int code = faro_test::run_command(
      "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(FARO_BINARY) +
          " dashboard --lang en --size 1100x700 --layers basemap --basemap " + tif +
          " --from 2023-01-01 --to 2023-12-31 --frames 3 --screenshot " + png,
      &out);
  ASSERT_EQ(code, 0) << out;
  const render::RgbaImage img = faro_test::read_png(png);
  ASSERT_EQ(img.width, 1100) << out;
  // The same layout as in-process: sample the map's middle band on both sides of its centre.
  DashboardOptions o;
  o.width = 1100;
  o.height = 700;
  o.language = Language::en;
  HeadlessDashboard probe(o);
  probe.frame();
  const ui::MapRegion r = probe.app().map_region();
  const auto at = [&](float fx, float fy) { return patch(img, r, fx, fy); };
  // --basemap greys and dims: the two halves are two different greys.
  const Rgba8 left = at(0.3f, 0.45f), right = at(0.7f, 0.45f);
  EXPECT_NEAR(left.r, left.b, 6);
  EXPECT_NEAR(right.r, right.b, 6);
  EXPECT_GT(std::abs(left.r - right.r), 6) << int(left.r) << " vs " << int(right.r);
  EXPECT_LT(left.r, 240);  // not the empty background

  // Flags are checked before any window: a half-given data pair is a usage error.
  EXPECT_EQ(faro_test::run_command(std::string(FARO_BINARY) + " dashboard --sectors x.geojson " +
                                       "--screenshot " + dir.file("x.png"),
                                   &out),
            2)
      << out;
  EXPECT_NE(out.find("--incidents"), std::string::npos) << out;
}

// The real city from the command line alone: sectors, firearm incidents filtered by --where and
// a year, the heatmap over a basemap split at a longitude through the city (west of the centre
// of CDMX's sectors, so both halves show in the map).
TEST(DashboardBasemap, RealDataFlagsOpenTheCityOverItsBasemap) {
  REQUIRE_HEADLESS_GL();
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir dir;
  const std::string tif = write_split_raster_at(dir, "cdmx.tif", -99.13, 19.35);
  const std::string png = dir.file("cdmx.png");
  std::string out;
  const int code = faro_test::run_command(
      "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(FARO_BINARY) +
          " dashboard --lang es --size 1100x700 --sectors " + sectors + " --incidents " +
          incidents + " --where \"delito LIKE '%ARMA DE FUEGO%'\" --from 2023-01-01 --to " +
          "2023-12-31 --layers heatmap,basemap --basemap " + tif + " --screenshot " + png,
      &out);
  ASSERT_EQ(code, 0) << out;
  const render::RgbaImage img = faro_test::read_png(png);
  ASSERT_EQ(img.width, 1100) << out;
  // The heatmap's warm colours and the basemap's two greys are both in the map's middle band.
  size_t warm = 0, grey_west = 0, grey_east = 0;
  const Rgba8 west_grey{128, 128, 128, 255}, east_grey{138, 138, 138, 255};
  for (int y = img.height / 4; y < img.height * 3 / 5; ++y)
    for (int x = img.width / 3; x < img.width * 15 / 16; ++x) {
      const Rgba8 p = img.at(x, y);
      if (p.r > 150 && p.g < 140 && p.b < 120) ++warm;
      if (near(p, west_grey, 3)) ++grey_west;
      if (near(p, east_grey, 3)) ++grey_east;
    }
  EXPECT_GT(warm, 200u) << "no heatmap colours";
  EXPECT_GT(grey_west, 200u) << "the basemap's west half is not there";
  EXPECT_GT(grey_east, 200u) << "the basemap's east half is not there";
}

}  // namespace
}  // namespace faro::app
