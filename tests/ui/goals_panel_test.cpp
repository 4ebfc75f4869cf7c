// The Goals panel: computed once per data generation (not every frame), recomputed when the
// program's goals are edited (through the program dialog's goal rows, saved in the session), and
// screenshots in Spanish and English on real CDMX data (FARO_UI_SCREENSHOT_DIR keeps them).
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>

#include <set>

#include "core/goals_text.hpp"
#include "io/png_writer.hpp"
#include "io/program_json_loader.hpp"
#include "io/workspace_loader.hpp"
#include "render/offscreen_target.hpp"
#include "test_support.hpp"
#include "ui/goals_panel.hpp"
#include "ui/program_edit_dialog.hpp"
#include "panel_screenshot.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

TEST(GoalsPanel, ComputedOncePerDataAndAfterGoalEdits) {
  Session session;
  SnapshotPtr snap = testing::demo_snapshot(session, 3000);
  const std::string program = snap->ws().programs.front().name;
  GoalsPanel panel;
  panel.update(snap);
  panel.update(snap);
  EXPECT_EQ(panel.computations, 1u);
  EXPECT_TRUE(panel.results.empty());  // the demo's programs carry no goals

  // Goals typed into the dialog's rows and saved go to the session, then to a new snapshot.
  ProgramEditDialog dialog;
  dialog.open_goals(session, program);
  dialog.goals_editor.load(program, {});
  dialog.goals_editor.rows.push_back(
      {"reduction_pct", "", "2020-01-01", "2020-12-31", "2022-01-01", "2022-12-31", "30"});
  dialog.goals_editor.rows.push_back({"count_max", "", "", "", "2022-01-01", "2021-12-31", "9"});
  EXPECT_FALSE(dialog.submit_goals(snap->ws(), session));
  EXPECT_NE(dialog.message.find("2"), std::string::npos) << dialog.message;  // goal 2, field to
  dialog.goals_editor.rows.pop_back();
  ASSERT_TRUE(dialog.submit_goals(snap->ws(), session)) << dialog.message;
  snap = testing::follow(snap, session);
  panel.update(snap);
  EXPECT_EQ(panel.computations, 2u);
  ASSERT_EQ(panel.results.size(), 1u);
  EXPECT_EQ(panel.results[0].program, program);
  EXPECT_GT(panel.results[0].baseline_count, 0);
  EXPECT_NE(panel.results[0].status, GoalStatus::not_estimable);
  panel.update(snap);
  EXPECT_EQ(panel.computations, 2u);
}

template <class Body>
void shoot(testing::HeadlessImGui& gui, int w, int h, const std::string& path, Body body) {
  testing::shoot_panel(gui, w, h, path, body, 20);
}

TEST(GoalsPanelScreenshot, RealCdmxSpanishAndEnglish) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  FARO_UI_REQUIRE_EGL(gl);
  Session session;
  SourceSpec a;
  a.role = SourceSpec::Role::sectors;
  a.path = sectors;
  SourceSpec b;
  b.role = SourceSpec::Role::incidents;
  b.path = incidents;
  b.category_field = "grupo";
  session.sources = {a, b};
  // The example programs file's program and goals, as the session's edit of it.
  const io::ProgramLoadResult example =
      io::load_programs_any(std::string(FARO_TEST_DATA) + "/goals/alto_al_fuego_cdmx.json");
  ASSERT_EQ(example.programs.size(), 1u);
  session.programs.push_back(
      {example.programs[0].name, example.programs[0].sectors, example.programs[0].goals});
  auto ws = std::make_shared<const Workspace>(io::load_workspace(session));
  const SnapshotPtr snap =
      with_programs(*make_snapshot(ws, session.filter, {}, 1), session.programs);
  for (Language lang : {Language::es, Language::en}) {
    session.language = lang;
    const std::string tag = std::string("goals_cdmx_") + language_code(lang);
    {  // The panel alone.
      testing::HeadlessImGui gui(760, 620);
      ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
      GoalsPanel panel;
      panel.update(snap);
      ASSERT_EQ(panel.results.size(), 3u) << panel.error;
      EXPECT_EQ(panel.results[0].status, GoalStatus::met);
      shoot(gui, 760, 620, (testing::screenshot_dir() / (tag + "_panel.png")).string(), [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(760, 620));
        ImGui::Begin(tr(Msg::goals_panel_title, lang), nullptr, ImGuiWindowFlags_NoSavedSettings);
        panel.draw(session);
        ImGui::End();
      });
      ImGui_ImplOpenGL3_Shutdown();
    }
    {  // The dashboard with View > Goals open.
      testing::HeadlessImGui gui(1600, 900);
      ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
      AppStatus status;
      UiActions actions;
      gui.ui().show_goals();
      shoot(gui, 1600, 900, (testing::screenshot_dir() / (tag + "_dashboard.png")).string(), [&] {
        const MapRegion region = gui.ui().draw(snap, session, status, actions);
        gui.ui().draw_map_overlay(*snap, session, status, region);
      });
      ImGui_ImplOpenGL3_Shutdown();
    }
  }
}

}  // namespace
}  // namespace faro::ui
