// The whole dashboard in-process, headless (EGL), driven through ImGui's input like a user:
// hovering and clicking a sector selects it (Ctrl adds), the wheel zooms around the cursor, a drag
// pans, a filter edit recomputes the counts the panels show, and an export writes the PNG through
// the `faro render` path on its own thread.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <thread>

#include "app/session_map.hpp"
#include "io/style_presets.hpp"
#include "app/export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app_test_util.hpp"
#include "io/map_style_json.hpp"
#include "io/project_file.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<HeadlessDashboard> demo_dashboard() {
  DashboardOptions o;
  o.width = 1100;
  o.height = 700;
  o.language = Language::en;
  auto d = std::make_unique<HeadlessDashboard>(o);
  d->frame();
  EXPECT_TRUE(d->app().settle(120s));
  d->frame();
  return d;
}

// Display position (ImGui units) of the label anchor of sector `name` (a point inside it).
ImVec2 inside_sector(HeadlessDashboard& d, const std::string& name) {
  for (const render::MapLabel& l : d.app().map().scene().label_anchors())
    if (l.text == name) {
      const Vec2 p = d.app().map().camera().world_to_pixel(l.anchor);
      const ui::MapRegion& r = d.app().map_region();
      // Whole pixels: ImGui floors the mouse position in NewFrame.
      return ImVec2(std::floor(r.x + static_cast<float>(p.x)), std::floor(r.y + static_cast<float>(p.y)));
    }
  ADD_FAILURE() << "no label for " << name;
  return ImVec2(0, 0);
}

void click(HeadlessDashboard& d, ImVec2 at, bool ctrl = false) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  io.KeyCtrl = ctrl;
  io.MouseDown[0] = true;
  d.frame();
  io.MouseDown[0] = false;
  d.frame();
  io.KeyCtrl = false;
}

#define REQUIRE_HEADLESS_GL() \
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped"

TEST(DashboardApp, HoverAndClickSelectSectorsCtrlAddsMore) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  const Workspace& ws = d->app().workspace();
  ASSERT_GE(ws.sectors.size(), 2u);
  const std::string a = ws.sectors.sectors[0].name, b = ws.sectors.sectors[1].name;
  ImGui::GetIO().MousePos = inside_sector(*d, a);
  d->frame();
  ASSERT_TRUE(d->app().status().hovered_sector.has_value());
  EXPECT_EQ(*d->app().status().hovered_sector, 0);
  click(*d, inside_sector(*d, a));
  EXPECT_EQ(d->app().session().selection, (std::vector<std::string>{a}));
  click(*d, inside_sector(*d, b), /*ctrl=*/true);
  EXPECT_EQ(d->app().session().selection, (std::vector<std::string>{a, b}));
  click(*d, inside_sector(*d, b));
  EXPECT_EQ(d->app().session().selection, (std::vector<std::string>{b}));
}

TEST(DashboardApp, WheelZoomsAroundTheCursorAndDragPans) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  ImGuiIO& io = ImGui::GetIO();
  const std::string name = d->app().workspace().sectors.sectors[3].name;
  const ImVec2 at = inside_sector(*d, name);
  render::Camera& cam = d->app().map().camera();
  const ui::MapRegion r = d->app().map_region();
  const Vec2 world = cam.pixel_to_world({at.x - r.x, at.y - r.y});
  const double mpp = cam.metres_per_pixel();
  io.MousePos = at;
  io.MouseWheel = 1;
  d->frame();
  io.MouseWheel = 0;
  EXPECT_NEAR(cam.metres_per_pixel(), mpp / kWheelZoomStep, 1e-9);
  const Vec2 now = cam.world_to_pixel(world);
  EXPECT_NEAR(now.x, at.x - r.x, 1e-3);
  EXPECT_NEAR(now.y, at.y - r.y, 1e-3);
  // Drag 60 px right and 30 px down in steps: the content follows the mouse.
  io.MouseDown[0] = true;
  d->frame();
  for (int i = 1; i <= 6; ++i) {
    io.MousePos = ImVec2(at.x + 10 * i, at.y + 5 * i);
    d->frame();
  }
  io.MouseDown[0] = false;
  d->frame();
  const Vec2 after = cam.world_to_pixel(world);
  EXPECT_NEAR(after.x, at.x - r.x + 60, 1e-3);
  EXPECT_NEAR(after.y, at.y - r.y + 30, 1e-3);
  EXPECT_TRUE(d->app().session().selection.empty());  // a drag is not a click
  EXPECT_EQ(d->app().session().camera.metres_per_pixel, cam.metres_per_pixel());
}

TEST(DashboardApp, FilterEditsRecountTheSelection) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  const Workspace& ws = d->app().workspace();
  ASSERT_GT(ws.incidents.categories.size(), 1u);
  const std::string category = ws.incidents.categories.name(1);
  int64_t expected = 0;  // independent count straight from the columns
  for (uint16_t c : ws.incidents.category) expected += c == 1 ? 1 : 0;
  const uint64_t generation = d->app().snapshot()->generation;
  d->app().session().filter.categories = {category};
  d->frame();
  const SnapshotPtr snap = d->app().snapshot();
  EXPECT_EQ(snap->generation, generation + 1);  // one new snapshot for the one filter change
  EXPECT_EQ(snap->data, d->app().snapshot()->data);  // the loaded data is shared, not copied
  EXPECT_EQ(snap->filter, d->app().session().filter);
  EXPECT_EQ(snap->filtered->total, expected);
  EXPECT_EQ(snap->filtered->rows.size(), static_cast<size_t>(expected));
  d->frame();
  EXPECT_EQ(d->app().snapshot(), snap);  // nothing changed: the same snapshot
  EXPECT_TRUE(d->app().settle(60s));  // the heatmap of the new selection arrives
}

TEST(DashboardApp, ExportWritesTheMapPngOnItsOwnThread) {
  REQUIRE_HEADLESS_GL();
  const auto ws = faro_test::demo_workspace();
  faro_test::TempDir tmp;
  const std::string png = tmp.file("export.png");
  Session session;
  session.language = Language::en;
  session.style = io::default_style();
  ExportJob job(faro_test::demo_snapshot(), session, png, 640, 360);
  for (int i = 0; i < 6000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(job.done());
  ASSERT_TRUE(job.error().empty()) << job.error();
  const render::RgbaImage img = faro_test::read_png(png);
  EXPECT_EQ(img.width, 640);
  EXPECT_EQ(img.height, 360);
  EXPECT_GT(faro_test::luminance_stddev(img, 0, 0, 640, 360), 10.0);
  SessionMapRequest request;
  request.width = 640;
  request.height = 360;
  const render::MapSceneOptions o = session_scene_options(*ws, session, request);
  EXPECT_EQ(o.language, Language::en);
  EXPECT_TRUE(o.synthetic);
  EXPECT_EQ(o.title, "Incidents — Demo city");
  // The exported style: the session's, protected (no points layer, heatmap at the floor).
  session.style.layer(LayerKind::points).visible = true;
  const MapStyle exported = session_export_style(session, false);
  EXPECT_EQ(exported.find(LayerKind::points), nullptr);
  EXPECT_TRUE(exported.shows(LayerKind::heatmap));
  EXPECT_GE(exported.heatmap().bandwidth_m, 500);
}

TEST(DashboardApp, DroppedProjectReplacesTheSessionAndABadOneIsAMessage) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  faro_test::TempDir tmp;
  Session saved;
  saved.language = Language::en;
  saved.style = io::default_style();
  saved.style.layer(LayerKind::choropleth).visible = true;
  saved.selection = {d->app().workspace().sectors.sectors[2].name};
  const std::string project = tmp.file("demo.faro.json");
  io::save_project(saved, project);
  PlatformInput drop;
  drop.dropped = {project};
  d->frame(drop);  // the UI turns the drop into an open_project action, carried out after it
  ASSERT_TRUE(d->app().settle(120s));
  d->frame();
  EXPECT_EQ(d->app().status().project_path, project);
  EXPECT_EQ(d->app().session().language, Language::en);
  EXPECT_TRUE(d->app().session().style.shows(LayerKind::choropleth));
  EXPECT_EQ(d->app().session().selection, saved.selection);
  // The legend gets the classes.
  ASSERT_FALSE(d->app().status().fill_legends.empty());
  EXPECT_FALSE(d->app().status().fill_legends[0].entries.empty());
  EXPECT_TRUE(d->app().error_log().empty());

  const std::string broken = tmp.write("broken.faro.json", "{\"faro_project\": 1, \"layers\": 7");
  drop.dropped = {broken};
  d->frame(drop);
  d->frame();
  ASSERT_EQ(d->app().error_log().size(), 1u);
  EXPECT_NE(d->app().error_log()[0].find("broken.faro.json"), std::string::npos)
      << d->app().error_log()[0];
  EXPECT_EQ(d->app().status().project_path, project);  // nothing opened half-way
  EXPECT_GT(d->app().workspace().sectors.size(), 0u);
}

}  // namespace
}  // namespace faro::app

namespace faro::app {
namespace {

TEST(DashboardApp, DroppedStyleReplacesTheStyleAndALayerPresetIsAddedOnTop) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  faro_test::TempDir tmp;
  MapStyle meeting = io::builtin_style("weekly-meeting");
  meeting.heatmap().bandwidth_m = 777;
  const std::string style_file = tmp.file("meeting.json");
  io::write_style_file(meeting, style_file);
  StyleLayer hot = io::layer_preset("hotspots");
  hot.id = "my-hotspots";
  const std::string layer_file = tmp.file("hot.json");
  io::write_layer_preset_file(hot, layer_file);

  PlatformInput drop;
  drop.dropped = {style_file};
  d->frame(drop);
  d->frame();
  EXPECT_EQ(d->app().session().style, meeting);
  drop.dropped = {layer_file};
  d->frame(drop);
  d->frame();
  const MapStyle& now = d->app().session().style;
  ASSERT_EQ(now.layers.size(), meeting.layers.size() + 1);
  EXPECT_EQ(now.layers.back().id, "my-hotspots");
  EXPECT_TRUE(d->app().error_log().empty());
  // A broken style is a message naming the file and the key, and changes nothing.
  const std::string broken = tmp.write("broken.json", "{\"faro_style\": 1, \"layrs\": []}");
  drop.dropped = {broken};
  d->frame(drop);
  d->frame();
  ASSERT_FALSE(d->app().error_log().empty());
  EXPECT_NE(d->app().error_log().back().find("broken.json"), std::string::npos);
  EXPECT_NE(d->app().error_log().back().find("layrs"), std::string::npos);
  EXPECT_EQ(d->app().session().style.layers.size(), meeting.layers.size() + 1);
}

}  // namespace
}  // namespace faro::app
