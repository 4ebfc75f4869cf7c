// Incidents without sectors in the dashboard (ui/needs_sectors.hpp): the sector panels (side
// panel, weekly brief, program evaluation) draw a notice with "Open sectors…" instead of their
// tables, and the button opens File ▸ Open data.
#include "ui/needs_sectors.hpp"

#include <gtest/gtest.h>

#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

// The demo city's incidents with its sectors taken away, as io/incidents_only.hpp loads them.
Workspace incidents_only() {
  Workspace ws = testing::demo_workspace();
  const std::string srs = ws.sectors.work_srs;
  ws.sectors = SectorSet{};
  ws.sectors.work_srs = srs;
  ws.programs.clear();
  ws.synthetic = false;
  ws.title = "fgj_todos_cdmx_2019_2024.csv.gz";
  ws.incidents.sector.assign(ws.incidents.size(), kNoSector);
  ws.extent = ws.incidents.extent();
  return ws;
}

TEST(NeedsSectors, OnlyIncidentsWithoutSectorsLackThem) {
  EXPECT_FALSE(lacks_sectors(testing::demo_workspace()));  // sectors loaded
  EXPECT_FALSE(lacks_sectors(Workspace{}));                // nothing loaded yet
  EXPECT_TRUE(lacks_sectors(incidents_only()));
}

TEST(NeedsSectors, TheButtonOpensTheFileBrowser) {
  testing::HeadlessImGui gui(1000, 700);
  const Workspace ws = incidents_only();
  UiState ui;
  ImVec2 button;
  bool drawn = false;
  auto body = [&] {
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(ImVec2(400, 300));
    ImGui::Begin("brief");
    drawn = draw_needs_sectors(ws, Language::es, ui);
    button = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                    (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
    ImGui::End();
  };
  gui.frame(body);
  EXPECT_TRUE(drawn);
  EXPECT_FALSE(ui.browser_request);
  gui.set_mouse(button.x, button.y, false);
  gui.frame(body);
  gui.set_mouse(button.x, button.y, true);
  gui.frame(body);
  gui.set_mouse(button.x, button.y, false);
  gui.frame(body);
  ASSERT_TRUE(ui.browser_request);
  EXPECT_EQ(*ui.browser_request, BrowserMode::open_data);
}

TEST(NeedsSectors, TheWholeDashboardDrawsWithTheBriefAndEvaluationOpen) {
  testing::HeadlessImGui gui(1400, 850);
  Session session;
  session.language = Language::en;
  const SnapshotPtr snap =
      make_snapshot(std::make_shared<Workspace>(incidents_only()), session.filter, {}, 1);
  AppStatus status;
  UiActions actions;
  gui.ui().show_weekly_brief();
  gui.ui().show_program_evaluation();
  for (int i = 0; i < 3; ++i) gui.frame([&] { gui.ui().draw(snap, session, status, actions); });
  // No evaluation job is started on data with no sectors.
  EXPECT_FALSE(gui.ui().busy());
  EXPECT_TRUE(actions.empty());
}

}  // namespace
}  // namespace faro::ui
