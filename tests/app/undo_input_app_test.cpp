// The whole dashboard headless, driven through ImGui's input like a user: Ctrl+Z undoes a filter
// edit and the counts follow, Ctrl+Y / Ctrl+Shift+Z redo it, the Edit menu names the step; and no
// key or wheel reaches the map while File > Open data or a modal has the focus.
#include <gtest/gtest.h>
#include <imgui.h>

#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app_test_util.hpp"
#include "ui/menu_bar.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

#define REQUIRE_HEADLESS_GL() \
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped"

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

// Ctrl (+ Shift) + `key` pressed for one frame and released, as the GLFW backend reports it
// (KeysDown indexed by GLFW key codes, ASCII for letters); one more frame applies the action.
void press_ctrl(HeadlessDashboard& d, char key, bool shift = false) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeyShift = shift;
  io.KeysDown[static_cast<int>(key)] = true;
  d.frame();
  io.KeysDown[static_cast<int>(key)] = false;
  io.KeyCtrl = io.KeyShift = false;
  d.frame();
}

int64_t rows_of_category(const Workspace& ws, uint16_t code) {
  int64_t n = 0;
  for (uint16_t c : ws.incidents.category) n += c == code ? 1 : 0;
  return n;
}

TEST(UndoRedoApp, CtrlZUndoesAFilterEditAndTheCountsFollow) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  const Workspace& ws = d->app().workspace();
  ASSERT_GT(ws.incidents.categories.size(), 2u);
  const int64_t everything = static_cast<int64_t>(ws.incidents.size());
  ASSERT_EQ(d->app().snapshot()->result().total, everything);
  EXPECT_FALSE(d->app().history().can_undo());

  const std::string category = ws.incidents.categories.name(1);
  const int64_t only = rows_of_category(ws, 1);
  ASSERT_GT(only, 0);
  ASSERT_LT(only, everything);
  d->app().session().filter.categories = {category};  // what the picker's "only" button does
  d->frame();
  ASSERT_EQ(d->app().snapshot()->result().total, only);
  EXPECT_EQ(d->app().status().undo_kind, EditKind::categories);
  EXPECT_EQ(ui::undo_menu_label(false, d->app().status().undo_kind, Language::en),
            "Undo: filter offences");

  press_ctrl(*d, 'Z');
  EXPECT_TRUE(d->app().session().filter.categories.empty());
  EXPECT_EQ(d->app().snapshot()->filter, d->app().session().filter);
  EXPECT_EQ(d->app().snapshot()->result().total, everything);
  EXPECT_FALSE(d->app().history().can_undo());
  EXPECT_EQ(d->app().status().redo_kind, EditKind::categories);

  press_ctrl(*d, 'Y');
  EXPECT_EQ(d->app().session().filter.categories, std::vector<std::string>{category});
  EXPECT_EQ(d->app().snapshot()->result().total, only);

  press_ctrl(*d, 'Z');
  press_ctrl(*d, 'Z', /*shift=*/true);  // Ctrl+Shift+Z redoes too
  EXPECT_EQ(d->app().snapshot()->result().total, only);
  EXPECT_EQ(d->app().history().undo_depth(), 1u);  // undo/redo themselves add no steps
}

TEST(UndoRedoApp, SelectionAndStyleEditsAreStepsInOrder) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  const std::string sector = d->app().workspace().sectors.sectors[0].name;
  const double bandwidth = d->app().session().style.heatmap().bandwidth_m;
  d->app().session().selection = {sector};
  d->frame();
  d->app().session().style.heatmap().bandwidth_m = bandwidth * 2;
  d->frame();
  EXPECT_EQ(d->app().status().undo_kind, EditKind::style);
  press_ctrl(*d, 'Z');
  EXPECT_EQ(d->app().session().style.heatmap().bandwidth_m, bandwidth);
  EXPECT_EQ(d->app().session().selection, std::vector<std::string>{sector});
  press_ctrl(*d, 'Z');
  EXPECT_TRUE(d->app().session().selection.empty());
}

TEST(InputRoutingApp, PlusTypedInOpenDataDoesNotZoomTheMap) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  ImGuiIO& io = ImGui::GetIO();
  render::Camera& cam = d->app().map().camera();
  const double before = cam.metres_per_pixel();
  // With the map focused, '+' zooms (the control case).
  io.AddInputCharacter('+');
  d->frame();
  const double zoomed = cam.metres_per_pixel();
  ASSERT_NEAR(zoomed, before / kWheelZoomStep, 1e-9);

  d->app().ui().show_open_dialog();
  d->frame();
  d->frame();
  io.AddInputCharacter('+');
  d->frame();
  EXPECT_EQ(cam.metres_per_pixel(), zoomed) << "'+' reached the map behind File > Open data";
  io.AddInputCharacter('-');
  d->frame();
  EXPECT_EQ(cam.metres_per_pixel(), zoomed);
}

TEST(InputRoutingApp, NoWheelOrKeyReachesTheMapUnderAModal) {
  REQUIRE_HEADLESS_GL();
  auto d = demo_dashboard();
  ImGuiIO& io = ImGui::GetIO();
  render::Camera& cam = d->app().map().camera();
  d->app().session().selection = {d->app().workspace().sectors.sectors[0].name};
  d->frame();
  d->app().ui().show_add_to_program();  // the "Add to program…" modal
  d->frame();
  d->frame();
  const double before = cam.metres_per_pixel();
  const ui::MapRegion r = d->app().map_region();
  io.MousePos = ImVec2(r.x + 20, r.y + 20);  // over the map, outside the modal
  io.MouseWheel = 2;
  io.AddInputCharacter('+');
  d->frame();
  io.MouseWheel = 0;
  d->frame();
  EXPECT_EQ(cam.metres_per_pixel(), before);
}

}  // namespace
}  // namespace faro::app
