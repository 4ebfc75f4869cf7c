// Whole frames of the dashboard, headless: the demo workspace drawn in Spanish and English, in
// normal and presentation mode, with an error, a load report with rejections, loading progress
// and a hovered sector, without ImGui asserts; the map region is where the layout says.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "io/style_presets.hpp"
#include "ui/dashboard_ui.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

AppStatus demo_status() {
  AppStatus st;
  st.heatmap_domain.min = 0;
  st.heatmap_domain.max = 12.7f;
  st.heatmap_shown = true;
  st.heatmap_units = "incidentes/km² por año";
  st.metres_per_pixel = 12.3;
  st.frame_ms = 4.2;
  return st;
}

int64_t vertex_count(const ImDrawData* d) {
  return d ? d->TotalVtxCount : 0;
}

TEST(DashboardFrame, DrawsTheDemoInBothLanguagesAndModes) {
  testing::HeadlessImGui gui(1600, 900);
  Session session;
  session.style = io::default_style();
  const SnapshotPtr snap = testing::demo_snapshot(session);
  ASSERT_GT(snap->filtered->total, 1000);
  AppStatus status = demo_status();
  for (Language lang : {Language::es, Language::en}) {
    for (bool presentation : {false, true}) {
      session.language = lang;
      status.presentation = presentation;
      UiActions actions;
      MapRegion region;
      // Two frames: ImGui sizes some windows on the first.
      for (int i = 0; i < 2; ++i) {
        const ImDrawData* d = gui.frame([&] {
          region = gui.ui().draw(snap, session, status, actions);
          gui.ui().draw_map_overlay(*snap, session, status, region);
        });
        // Presenting draws fewer widgets: the caption column, no panels, the timeline hidden.
        EXPECT_GT(vertex_count(d), presentation ? 500 : 1000);
      }
      EXPECT_TRUE(actions.empty());
      if (presentation) {  // beside the caption column (ui/layout.hpp), full height
        EXPECT_GT(region.x, 200);
        EXPECT_FLOAT_EQ(region.y, 0);
        EXPECT_FLOAT_EQ(region.x + region.width, 1600);
        EXPECT_FLOAT_EQ(region.height, 900);
      } else {
        EXPECT_GT(region.x, 200);                       // the side panel is on the left
        EXPECT_GT(region.y, 10);                        // below the menu bar
        EXPECT_LT(region.y + region.height, 900 - 50);  // above the timeline and status bar
      }
      EXPECT_GT(region.width, 800);
      EXPECT_GT(region.height, 500);
    }
  }
}

TEST(DashboardFrame, ErrorsReportsLoadingAndTooltipDrawWithoutAsserts) {
  testing::HeadlessImGui gui(1280, 720);
  Session session;
  Workspace ws = testing::demo_workspace();
  LoadReport report;
  report.source = "incidentes.csv";
  report.method = "csv-fast";
  report.rows_read = 10;
  report.rows_loaded = 8;
  report.add(RowIssue::zero_zero, 3, "longitud", "0");
  report.add(RowIssue::unparseable_date, 7, "fecha_hecho", "31/02/2024");
  report.add(RowIssue::missing_time, 5, "hora_hecho", "");
  ws.reports.push_back(report);
  const SnapshotPtr snap = make_snapshot(std::make_shared<Workspace>(ws), session.filter, {}, 1);

  AppStatus status = demo_status();
  status.loading = true;
  status.load_progress = 0.4f;
  status.load_message = "incidentes.csv: 420,000 filas";
  status.hovered_sector = 3;
  status.heatmap_busy = true;
  UiActions actions;
  for (int i = 0; i < 2; ++i) {
    gui.frame([&] {
      const MapRegion r = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, r);
    });
  }
  status.errors = {"No se pudo abrir 'x.gpkg': no existe", "Segundo error"};
  for (int i = 0; i < 3; ++i) {
    gui.frame([&] {
      const MapRegion r = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, r);
    });
    status.errors.clear();  // errors arrive once
  }
  EXPECT_TRUE(actions.empty());
  // The weekly brief window and the timeline strip draw with the same data.
  gui.ui().show_weekly_brief();
  for (int i = 0; i < 2; ++i)
    gui.frame([&] {
      const MapRegion r = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, r);
    });
  // Empty workspace (nothing loaded yet) also draws.
  const SnapshotPtr empty = make_snapshot(std::make_shared<Workspace>(), session.filter, {}, 2);
  status = AppStatus{};
  gui.frame([&] {
    const MapRegion r = gui.ui().draw(empty, session, status, actions);
    gui.ui().draw_map_overlay(*empty, session, status, r);
  });
}

bool window_active(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  return w && w->Active;
}

TEST(DashboardFrame, PresentationHidesTheEditingPanels) {
  testing::HeadlessImGui gui(1600, 900);
  Session session;
  const SnapshotPtr snap = testing::demo_snapshot(session);
  AppStatus status = demo_status();
  UiActions actions;
  auto frame = [&] {
    gui.frame([&] {
      const MapRegion r = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, r);
      // Checked before Render ends the frame: Active means Begin() ran this frame.
      EXPECT_EQ(window_active("##side_panel"), !status.presentation);
      EXPECT_EQ(window_active("##status_bar"), !status.presentation);
      // Presenting: the timeline only under the pointer (it is elsewhere here), the legends in
      // the caption column instead of over the map.
      EXPECT_EQ(window_active("##timeline"), !status.presentation);
      EXPECT_EQ(window_active("##map_overlay"), !status.presentation);
      EXPECT_EQ(window_active("##presentation_caption"), status.presentation);
    });
  };
  frame();
  status.presentation = true;
  frame();
  status.presentation = false;
  frame();
}

TEST(DashboardFrame, LongCategoryListAndSelectionDraw) {
  testing::HeadlessImGui gui(1600, 900);
  Session session;
  session.selection = {"Centro 01", "no existe"};
  Workspace ws = testing::demo_workspace();
  // 40 offence names, as in a real FGJ extract: the checklist gets a search box and scrolls.
  for (int i = 0; i < 40; ++i) ws.incidents.categories.intern("DELITO " + std::to_string(i));
  const SnapshotPtr snap = make_snapshot(std::make_shared<Workspace>(ws), session.filter, {}, 1);
  ASSERT_GE(snap->filtered->per_category.size(), 40u);
  AppStatus status = demo_status();
  UiActions actions;
  for (int i = 0; i < 2; ++i)
    gui.frame([&] {
      const MapRegion r = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, r);
    });
  EXPECT_TRUE(actions.empty());
}

TEST(DashboardFrame, CtrlShortcutsPushActionsThroughARealFrame) {
  testing::HeadlessImGui gui(1280, 720);
  Session session;
  const SnapshotPtr snap = testing::demo_snapshot(session);
  const AppStatus status = demo_status();
  UiActions actions;
  auto frame = [&] {
    gui.frame([&] {
      const MapRegion r = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, r);
    });
  };
  frame();
  // 1.86 input: KeysDown indexed by the backend's key codes (GLFW: ASCII for letters).
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeysDown['Q'] = true;
  frame();
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, UiAction::Kind::quit);
  frame();  // held, not repeated
  EXPECT_EQ(actions.size(), 1u);
  io.KeysDown['Q'] = false;
  io.KeysDown['S'] = true;  // no project path yet: opens "save as", pushes nothing
  frame();
  io.KeysDown['S'] = false;
  io.KeyCtrl = false;
  frame();
  EXPECT_EQ(actions.size(), 1u);
}

TEST(DashboardFrame, HiDpiScaleDoublesTheStrips) {
  Session session;
  const SnapshotPtr snap = testing::demo_snapshot(session);
  const AppStatus status = demo_status();
  UiActions actions;
  MapRegion r1, r2;
  {
    testing::HeadlessImGui gui(2400, 1400, 1.0f);
    for (int i = 0; i < 2; ++i)
      gui.frame([&] { r1 = gui.ui().draw(snap, session, status, actions); });
  }
  {
    testing::HeadlessImGui gui(2400, 1400, 2.0f);
    for (int i = 0; i < 2; ++i)
      gui.frame([&] { r2 = gui.ui().draw(snap, session, status, actions); });
  }
  EXPECT_NEAR(r2.x, 2 * r1.x, 2.0);  // side panel width follows the font size
  EXPECT_NEAR(r2.y, 2 * r1.y, 2.0);  // menu bar height too
}

}  // namespace
}  // namespace faro::ui
