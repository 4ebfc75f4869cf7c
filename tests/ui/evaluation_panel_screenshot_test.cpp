// Screenshots of the evaluation panel to look at (FARO_UI_SCREENSHOT_DIR keeps them): the panel
// alone with both sections open, and the whole dashboard with its window as it first opens, in
// Spanish and English at 100 % and 200 %, on the demo city and on real CDMX data (2023 sectors,
// FGJ homicides and firearm incidents 2019-2024) with a made-up program in Iztapalapa; plus the
// event-study chart in its ratio mode. Each image is checked for text that leaves its window: no
// widget of the panel may end right of the window's inner edge.
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <set>

#include "io/png_writer.hpp"
#include "io/style_presets.hpp"
#include "io/workspace_loader.hpp"
#include "render/offscreen_target.hpp"
#include "test_support.hpp"
#include "ui/evaluation_panel.hpp"
#include "panel_screenshot.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

CivilSeconds day(int y, unsigned m, unsigned d) {
  return days_from_civil(y, m, d) * kSecondsPerDay;
}

// A program that never existed, on real sectors: five Iztapalapa sectors, staggered rollouts.
ProgramSpec iztapalapa_program() {
  ProgramSpec p;
  p.name = "Programa de prueba (Iztapalapa)";
  for (const char* s : {"ESTRELLA", "QUETZAL", "TEOTONGO"})
    p.sectors.push_back({s, day(2021, 7, 5), {}});
  for (const char* s : {"TEZONCO", "SANTA CRUZ"}) p.sectors.push_back({s, day(2021, 10, 4), {}});
  return p;
}

struct Data {
  std::string name;
  SnapshotPtr snap;
  Session session;  // its sources (for the --where words) and programs
  std::string program;
};

Data demo_data() {
  Data d{"demo", nullptr, {}, "Alto al Fuego - Fase 1"};
  d.snap = testing::demo_snapshot(d.session, 15000);
  return d;
}

// `where`: the incident source's --where, applied by the loader (OGR) as `faro dashboard` would.
std::optional<Data> cdmx_data(const std::string& where) {
  const std::string sectors = faro_test::shared_data_path("cdmx-cuadrantes/sectores_2023.geojson");
  const std::string incidents =
      faro_test::shared_data_path("cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  if (sectors.empty() || incidents.empty()) return std::nullopt;
  Data d;
  d.name = "cdmx";
  SourceSpec a;
  a.role = SourceSpec::Role::sectors;
  a.path = sectors;
  SourceSpec b;
  b.role = SourceSpec::Role::incidents;
  b.path = incidents;
  b.where = where;
  d.session.sources = {a, b};
  d.session.programs = {iztapalapa_program()};
  d.program = d.session.programs[0].name;
  auto ws = std::make_shared<const Workspace>(io::load_workspace(d.session));
  d.snap = with_programs(*make_snapshot(ws, d.session.filter, {}, 1), d.session.programs);
  return d;
}

template <class Body>
void shoot(testing::HeadlessImGui& gui, int w, int h, const std::string& path, Body body) {
  testing::shoot_panel(gui, w, h, path, body, 20);
}

void shoot_data(const Data& data, const std::filesystem::path& dir) {
  for (Language lang : {Language::es, Language::en})
    for (float scale : {1.0f, 2.0f}) {
      const std::string tag = data.name + "_" + language_code(lang) + (scale > 1 ? "_2x" : "");
      SCOPED_TRACE(tag);
      Session session = data.session;
      session.language = lang;
      session.style = io::default_style();
      {  // The panel alone, both sections open: every sentence it can show.
        const int w = static_cast<int>(720 * scale), h = static_cast<int>(1700 * scale);
        testing::HeadlessImGui gui(static_cast<float>(w), static_cast<float>(h), scale);
        ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
        EvaluationPanel panel;
        panel.choice().program = data.program;
        panel.update(data.snap, session);
        ASSERT_TRUE(panel.wait_idle(std::chrono::seconds(300)));
        ASSERT_TRUE(panel.update(data.snap, session)) << panel.error_text(lang);
        panel.open_sections();
        float overflow = 0;
        shoot(gui, w, h, (dir / ("evaluation_panel_" + tag + ".png")).string(), [&] {
          ImGui::SetNextWindowPos(ImVec2(0, 0));
          ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
          ImGui::Begin(lang == Language::es ? "Evaluación del programa" : "Program evaluation",
                       nullptr, ImGuiWindowFlags_NoSavedSettings);
          panel.draw(session, ImGui::GetIO().Fonts->Fonts[1]);  // the bold font (ui_fonts)
          // Wrapped text and the charts stay inside the window: nothing reaches past its edge.
          const ImGuiWindow* win = ImGui::GetCurrentWindow();
          overflow = win->DC.CursorMaxPos.x - win->WorkRect.Max.x;
          ImGui::End();
        });
        EXPECT_LE(overflow, 1.0f);
        ImGui_ImplOpenGL3_Shutdown();
      }
      {  // The dashboard with the evaluation window as it first opens.
        const int w = static_cast<int>(1600 * scale), h = static_cast<int>(900 * scale);
        testing::HeadlessImGui gui(static_cast<float>(w), static_cast<float>(h), scale);
        ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
        AppStatus status;
        UiActions actions;
        gui.ui().show_program_evaluation();
        const auto frame = [&] {
          const MapRegion region = gui.ui().draw(data.snap, session, status, actions);
          gui.ui().draw_map_overlay(*data.snap, session, status, region);
        };
        gui.frame(frame);
        ASSERT_TRUE(gui.ui().settle(std::chrono::seconds(300)));
        shoot(gui, w, h, (dir / ("evaluation_dashboard_" + tag + ".png")).string(), frame);
        EXPECT_FALSE(gui.ui().busy());
        ImGui_ImplOpenGL3_Shutdown();
      }
    }
}

TEST(EvaluationPanelScreenshot, DemoCitySpanishEnglishAtOneAndTwoTimes) {
  FARO_UI_REQUIRE_EGL(gl);
  shoot_data(demo_data(), testing::screenshot_dir());
}

TEST(EvaluationPanelScreenshot, CalculatingWhileTheJobRuns) {
  FARO_UI_REQUIRE_EGL(gl);
  const Data data = demo_data();
  Session session = data.session;
  testing::HeadlessImGui gui(720, 260);
  ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
  EvaluationPanel panel;
  panel.choice().program = data.program;
  panel.update(data.snap, session);  // requested, not yet taken: the panel says it is calculating
  ASSERT_TRUE(panel.computing());
  shoot(gui, 720, 260, (testing::screenshot_dir() / "evaluation_panel_calculating_es.png").string(),
        [&] {
          ImGui::SetNextWindowPos(ImVec2(0, 0));
          ImGui::SetNextWindowSize(ImVec2(720, 260));
          ImGui::Begin("Evaluación del programa", nullptr, ImGuiWindowFlags_NoSavedSettings);
          panel.draw(session, ImGui::GetIO().Fonts->Fonts[1]);
          ImGui::End();
        });
  EXPECT_EQ(panel.summary_lines(Language::es).front(), "Calculando…");
  ImGui_ImplOpenGL3_Shutdown();
  EXPECT_TRUE(panel.wait_idle(std::chrono::seconds(120)));
}

TEST(EvaluationPanelScreenshot, RealCdmxDataWithAProgram) {
  FARO_UI_REQUIRE_EGL(gl);
  std::optional<Data> data = cdmx_data("delito LIKE '%HOMICIDIO%'");
  if (!data)
    GTEST_SKIP() << "shared data not found under " << FARO_SHARED_DATA
                 << " (cdmx-cuadrantes, cdmx-fgj-2019-2024): real-data screenshots skipped";
  shoot_data(*data, testing::screenshot_dir());
}

TEST(EvaluationPanelScreenshot, EventStudyRatiosWithIntervals) {
  FARO_UI_REQUIRE_EGL(gl);
  for (float scale : {1.0f, 2.0f}) {
    const int w = static_cast<int>(720 * scale), h = static_cast<int>(380 * scale);
    testing::HeadlessImGui gui(static_cast<float>(w), static_cast<float>(h), scale);
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
    EventStudyChart chart;
    chart.by = EvalBin::month;
    chart.language = scale > 1 ? Language::en : Language::es;
    // A made-up event study: flat before, a third lower after, wider intervals far from -1.
    for (int b = -12; b < 12; ++b) {
      EventStudyPoint p;
      p.relative_bin = b;
      if (b != -1) {
        const double rr = b >= 0 ? 0.68 + 0.01 * (b % 4) : 1.0 + 0.06 * std::sin(1.7 * b);
        const double spread = 1.35 + 0.03 * std::abs(b + 1);
        p.ratio = RateRatio{rr, rr / spread, rr * spread, std::log(spread) / 1.96};
      }
      chart.points.push_back(p);
    }
    shoot(gui, w, h,
          (testing::screenshot_dir() /
           (std::string("event_study_ratios") + (scale > 1 ? "_en_2x" : "_es") + ".png"))
              .string(),
          [&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
            ImGui::Begin("event study", nullptr, ImGuiWindowFlags_NoSavedSettings);
            chart.draw(ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y));
            ImGui::End();
          });
    ImGui_ImplOpenGL3_Shutdown();
  }
}

}  // namespace
}  // namespace faro::ui
