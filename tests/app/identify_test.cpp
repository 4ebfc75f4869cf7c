// Identify in the dashboard (analyst view only): a click on shown incident points opens the side
// panel with the incidents under the cursor and the first one's source record, read back by row
// (the FGJ homicides CSV, whose `id` column is its row number; skipped without ../shared/data);
// presenting closes the panel and a click then opens nothing. Also: hover names the colonia and
// alcaldía under the cursor when those context layers are loaded. FARO_APP_TEST_KEEP=DIR keeps a
// screenshot of the panel.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/headless_dashboard.hpp"
#include "app/identify_controller.hpp"
#include "app/identify_hits.hpp"
#include "app/map_view.hpp"
#include "app_test_util.hpp"
#include "io/context_loader.hpp"
#include "io/png_writer.hpp"
#include "io/style_presets.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

#define REQUIRE_HEADLESS_GL() \
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped"

std::string field(const ui::IdentifyView& v, const std::string& name) {
  for (const auto& [n, value] : v.fields)
    if (n == name) return value;
  return "<missing " + name + ">";
}

void click(HeadlessDashboard& d, ImVec2 at) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  io.MouseDown[0] = true;
  d.frame();
  io.MouseDown[0] = false;
  d.frame();
}

// Display position of incident `i` on the map (whole pixels: ImGui floors the mouse).
ImVec2 on_screen(HeadlessDashboard& d, uint32_t i) {
  const IncidentStore& s = d.app().workspace().incidents;
  const Vec2 p = d.app().map().camera().world_to_pixel({s.x[i], s.y[i]});
  const ui::MapRegion& r = d.app().map_region();
  return ImVec2(std::floor(r.x + static_cast<float>(p.x)), std::floor(r.y + static_cast<float>(p.y)));
}

TEST(Identify, HitsAreTheNearestShownPointsWithinTheRadius) {
  IncidentStore s;
  for (int i = 0; i < 5; ++i) s.push_back(100.0 * i, 0, 0, 0, 0);
  const std::vector<uint32_t> shown = {0, 1, 3, 4};  // 2 is filtered out
  EXPECT_EQ(incidents_near(s, shown, {190, 0}, 20), (std::vector<uint32_t>{}));
  EXPECT_EQ(incidents_near(s, shown, {290, 0}, 20), (std::vector<uint32_t>{3}));
  EXPECT_EQ(incidents_near(s, shown, {260, 0}, 170), (std::vector<uint32_t>{3, 4, 1}));
  EXPECT_EQ(incidents_near(s, shown, {260, 0}, 170, 2), (std::vector<uint32_t>{3, 4}));
  // A 4 px dot at 10 m/px: 2 px + 3 px of slack = 50 m.
  EXPECT_DOUBLE_EQ(click_radius_m(4, 10, 1), 50);
}

TEST(Identify, NeverWhilePresenting) {
  EXPECT_FALSE(IdentifyController::available(true));
  EXPECT_TRUE(IdentifyController::available(false));
  IdentifyController c;
  const SnapshotPtr snap = faro_test::demo_snapshot();
  c.open(snap, Session{}, {0}, /*presentation=*/true);
  EXPECT_FALSE(c.view().open);
  c.open(snap, Session{}, {0}, false);
  EXPECT_TRUE(c.view().open);
  c.frame(/*presentation=*/true, Language::es, {0, 0, 800, 600});  // closes, draws nothing
  EXPECT_FALSE(c.view().open);
}

// The FGJ homicides (11,850 rows) over the 2023 sectors with the points layer shown.
std::unique_ptr<HeadlessDashboard> fgj_dashboard(const std::string& sectors,
                                                 const std::string& incidents, Language lang,
                                                 const std::vector<std::string>& context = {}) {
  DashboardOptions o;
  o.width = 1400;
  o.height = 860;
  o.language = lang;
  Session s;
  s.language = lang;
  s.style = io::default_style();
  s.sources.push_back({SourceSpec::Role::sectors, sectors});
  s.sources.push_back({SourceSpec::Role::incidents, incidents});
  s.style.layer(LayerKind::points).visible = true;
  s.style.layer(LayerKind::heatmap).visible = false;
  for (const std::string& path : context) {
    StyleLayer l = *io::context_preset_for(path);
    l.source = path;
    s.style.add(l);
  }
  o.session = s;
  auto d = std::make_unique<HeadlessDashboard>(o);
  ImGui::GetIO().MousePos = ImVec2(-1e6f, -1e6f);
  d->frame();
  EXPECT_TRUE(d->app().settle(180s));
  d->frame();
  d->frame();
  return d;
}

TEST(Identify, ClickOnAPointShowsItsSourceRowAndPresentingClosesIt) {
  REQUIRE_HEADLESS_GL();
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  for (const Language lang : {Language::es, Language::en}) {
    auto d = fgj_dashboard(sectors, incidents, lang);
    const Workspace& ws = d->app().workspace();
    ASSERT_GT(ws.incidents.size(), 10'000u);
    ASSERT_TRUE(ws.incidents.has_source_rows());
    // An incident in the middle of the map's view.
    const ui::MapRegion& r = d->app().map_region();
    uint32_t target = 0;
    double best = 1e300;
    for (uint32_t i : d->app().snapshot()->result().rows) {
      const ImVec2 p = on_screen(*d, i);
      const double dist = std::hypot(p.x - (r.x + r.width / 2), p.y - (r.y + r.height / 2));
      if (dist < best) best = dist, target = i;
    }
    click(*d, on_screen(*d, target));
    IdentifyController& id = d->app().identify();
    ASSERT_TRUE(id.view().open);
    ASSERT_FALSE(id.view().entries.empty());
    EXPECT_TRUE(id.wait_idle(60s));
    id.poll();
    const ui::IdentifyView& v = id.view();
    ASSERT_TRUE(v.error.empty()) << v.error;
    EXPECT_FALSE(v.stale);
    // The first entry is the nearest point: the one clicked, or one drawn at the same place.
    const uint32_t row = v.row;
    EXPECT_EQ(field(v, "id"), std::to_string(row));
    std::printf("identify (%s): %zu incidents under the click, row %u read in %.1f ms\n",
                lang == Language::es ? "es" : "en", v.entries.size(), row, v.read_ms);
    // The click opened records instead of selecting a sector.
    EXPECT_TRUE(d->app().session().selection.empty());
    d->frame();
    d->frame();
    if (const char* dir = std::getenv("FARO_APP_TEST_KEEP")) {
      const render::RgbaImage img = d->read();
      io::write_png_rgba(std::string(dir) + "/identify_" + (lang == Language::es ? "es" : "en") +
                             ".png",
                         img.pixels, img.width, img.height);
    }
    // Presenting: the panel closes, and a click on the same place opens nothing.
    d->app().request({ui::UiAction::Kind::toggle_presentation});
    d->frame();
    d->frame();
    EXPECT_FALSE(id.view().open);
    click(*d, on_screen(*d, target));
    EXPECT_FALSE(id.view().open);
  }
}

TEST(Identify, HoverNamesTheColoniaAndAlcaldiaUnderTheCursor) {
  REQUIRE_HEADLESS_GL();
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  FARO_REQUIRE_SHARED(colonias, "cdmx-cuadrantes/colonias_iecm.gpkg");
  FARO_REQUIRE_SHARED(alcaldias, "cdmx-cuadrantes/alcaldias.geojson");
  auto d = fgj_dashboard(sectors, incidents, Language::es, {colonias, alcaldias});
  const Workspace& ws = d->app().workspace();
  ASSERT_EQ(ws.context_layers.size(), 2u);
  // The first colonia's label anchor (inside it, core/polylabel.hpp).
  const auto& col = ws.context_layers.at(colonias)->areas;
  ASSERT_TRUE(col);
  const Vec2 p = col->anchors[0];
  std::vector<std::shared_ptr<const ContextAreas>> sets;
  for (const auto& [source, layer] : ws.context_layers) sets.push_back(layer->areas);
  const std::vector<AreaHit> hits = areas_at(sets, p);
  ASSERT_EQ(hits.size(), 2u);
  std::vector<std::string> names;
  for (const AreaHit& h : hits) names.push_back(h.name());
  EXPECT_NE(std::find(names.begin(), names.end(), col->areas.sectors[0].name), names.end());
  // The live map reports the point under the mouse for the tooltip.
  const Vec2 px = d->app().map().camera().world_to_pixel(p);
  const ui::MapRegion& r = d->app().map_region();
  ImGui::GetIO().MousePos = ImVec2(r.x + static_cast<float>(px.x), r.y + static_cast<float>(px.y));
  d->frame();
  ASSERT_TRUE(d->app().status().hovered_point.has_value());
  EXPECT_NEAR(d->app().status().hovered_point->x, p.x, 2 * d->app().map().camera().metres_per_pixel());
  if (const char* dir = std::getenv("FARO_APP_TEST_KEEP")) {
    d->frame();
    const render::RgbaImage img = d->read();
    io::write_png_rgba(std::string(dir) + "/hover_colonia.png", img.pixels, img.width, img.height);
  }
  // What the names cost a frame at street scale (1,814 colonias loaded; CPU, this machine):
  // the map's time with area names shown against hidden (printed, not asserted).
  render::Camera& cam = d->app().map().camera();
  cam.set_metres_per_pixel(3);
  cam.set_centre({484'300, 2'145'600});
  const auto map_ms = [&] {
    for (int i = 0; i < 3; ++i) d->frame();
    double total = 0;
    for (int i = 0; i < 20; ++i) {
      d->frame();
      total += d->app().profile().map_ms;
    }
    return total / 20;
  };
  const double with = map_ms();
  for (StyleLayer& l : d->app().session().style.layers)
    if (l.kind == LayerKind::context) l.labels.show = false;
  const double without = map_ms();
  std::printf("street scale: map %.2f ms a frame with area names, %.2f ms without\n", with,
              without);
}

// The 1.28 M-row FGJ file (gzip): a click on a point shows that incident's row; the time from the
// click to the fields on screen is printed (the first read scans the file up to the row).
TEST(Identify, BigFgjFileShowsTheClickedRow) {
  REQUIRE_HEADLESS_GL();
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  auto d = fgj_dashboard(sectors, incidents, Language::en);
  const Workspace& ws = d->app().workspace();
  ASSERT_GT(ws.incidents.size(), 1'000'000u);
  // Zoom to street scale around the last incident loaded (late in the file: the longest scan).
  const uint32_t target = static_cast<uint32_t>(ws.incidents.size() - 1);
  render::Camera& cam = d->app().map().camera();
  cam.set_metres_per_pixel(2);
  cam.set_centre({ws.incidents.x[target], ws.incidents.y[target]});
  d->frame();
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  click(*d, on_screen(*d, target));
  IdentifyController& id = d->app().identify();
  ASSERT_TRUE(id.view().open);
  while (id.view().loading && Clock::now() - t0 < 120s) d->frame();
  const double shown_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  const ui::IdentifyView& v = id.view();
  ASSERT_TRUE(v.error.empty()) << v.error;
  ASSERT_FALSE(v.fields.empty());
  EXPECT_EQ(field(v, "id"), std::to_string(v.row));
  EXPECT_FALSE(v.stale);
  std::printf("identify on %zu incidents: row %u, read %.0f ms, click to fields on screen %.0f ms\n",
              ws.incidents.size(), v.row, v.read_ms, shown_ms);
  // A second point nearby: the reader's checkpoints make it quick.
  id.select(static_cast<int>(v.entries.size()) - 1);
  EXPECT_TRUE(id.wait_idle(60s));
  id.poll();
  std::printf("identify: next read %.1f ms\n", id.view().read_ms);
}

}  // namespace
}  // namespace faro::app
