// The evaluation panel (ui/evaluation_panel.hpp) and the "Add to program…" dialog's validation
// (ui/program_edit_dialog.hpp), headless; plus a screenshot of the panel.
#include "ui/evaluation_panel.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "io/style_presets.hpp"
#include "core/evaluation_text.hpp"
#include "core/session_programs.hpp"
#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "render/offscreen_target.hpp"
#include "ui/menu_bar.hpp"
#include "ui/program_edit_dialog.hpp"
#include "ui/ui_state.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

const char* kFase1 = "Alto al Fuego - Fase 1";

TEST(ProgramEditDialog, ValidatesNameAndDates) {
  EXPECT_TRUE(validate_program_edit(" Piloto ", "2024-02-29", "").ok());
  EXPECT_EQ(validate_program_edit(" Piloto ", "2024-02-29", "").name, "Piloto");
  EXPECT_EQ(validate_program_edit("P", "2024-02-29", "").start,
            days_from_civil(2024, 2, 29) * kSecondsPerDay);
  EXPECT_FALSE(validate_program_edit("  ", "2024-01-01", "").ok());
  EXPECT_FALSE(validate_program_edit("P", "2023-02-29", "").ok());  // not a leap year
  EXPECT_FALSE(validate_program_edit("P", "01/02/2024", "").ok());
  EXPECT_FALSE(validate_program_edit("P", "2024-1-1", "").ok());
  EXPECT_FALSE(validate_program_edit("P", "2024-03-01", "2024-02-01").ok());  // end before start
  EXPECT_FALSE(validate_program_edit("P", "2024-03-01", "mañana").ok());
  const ProgramEditFields f = validate_program_edit("P", "2024-03-01", "2025-03-01");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f.end, days_from_civil(2025, 3, 1) * kSecondsPerDay);
  EXPECT_NE(validate_program_edit("", "x", "").error_text(Language::es).find("nombre"),
            std::string::npos);
}

TEST(EvaluationPanel, ItsChartHasTheObservedRatesAndTheCounterfactualAfterRollout) {
  Session session;
  const Workspace ws = testing::demo_workspace(15000);
  EvaluationRequest req = make_evaluation_request(ws.sectors, ws.programs, {kFase1}, {});
  req.data_from = ws.data_from;
  req.data_to_exclusive = ws.data_to_exclusive;
  const ProgramEvaluation ev =
      evaluate_program(ws.incidents, ws.sectors.size(), ws.make_filter(session.filter), req);
  ASSERT_TRUE(ev.its) << eval_reason_text(ev.its.why, Language::en);
  const ItsResult& its = *ev.its.value;
  const std::optional<ItsChart> chart = its_chart(its, EvalBin::week, Language::es);
  ASSERT_TRUE(chart);
  const Timeline& tl = chart->timeline;
  ASSERT_EQ(tl.bins, static_cast<int64_t>(its.series.size()));
  ASSERT_EQ(tl.series.size(), 1u);
  const double n = static_cast<double>(its.sectors.size());
  size_t after = 0;
  for (size_t i = 0; i < its.series.size(); ++i) {
    EXPECT_EQ(tl.bin_starts[i], its.series[i].start) << "consecutive weeks from the first";
    EXPECT_DOUBLE_EQ(tl.series[0].per_sector[i], its.series[i].observed / n);
    if (its.series[i].relative_bin >= 0) ++after;
  }
  ASSERT_EQ(chart->counterfactual.value.size(), after);
  for (size_t i = 0; i < after; ++i) {
    EXPECT_LE(chart->counterfactual.low[i], chart->counterfactual.value[i]);
    EXPECT_GE(chart->counterfactual.high[i], chart->counterfactual.value[i]);
  }
  const auto first_after = std::find_if(its.series.begin(), its.series.end(),
                                        [](const ItsPoint& p) { return p.relative_bin == 0; });
  ASSERT_NE(first_after, its.series.end());
  EXPECT_EQ(chart->rollout, first_after->start);
}

TEST(EvaluationPanel, ShowsCoreNumbersForFase1AndCachesByInputs) {
  testing::HeadlessImGui gui;
  Session session;
  session.language = Language::en;
  SnapshotPtr snap = testing::demo_snapshot(session, 15000);
  const Workspace& ws = snap->ws();
  EvaluationPanel panel;
  panel.choice().program = kFase1;
  for (int i = 0; i < 3; ++i) {
    panel.update(snap, session.language);
    gui.frame([&] {
      ImGui::Begin("eval");
      panel.draw(session);
      ImGui::End();
    });
  }
  EXPECT_EQ(panel.computations(), 1);  // not every frame
  // Playback moves only the dates: a new snapshot, the same evaluation.
  Session playing = session;
  playing.filter.from = ws.data_from + 30 * kSecondsPerDay;
  panel.update(testing::follow(snap, playing), session.language);
  EXPECT_EQ(panel.computations(), 1);

  // Core's evaluation with the same inputs.
  EvaluationRequest req = make_evaluation_request(ws.sectors, ws.programs, {kFase1}, {});
  req.data_from = ws.data_from;
  req.data_to_exclusive = ws.data_to_exclusive;
  const ProgramEvaluation core =
      evaluate_program(ws.incidents, ws.sectors.size(), ws.make_filter(session.filter), req);
  const ProgramEvaluation* shown = panel.update(snap, session.language);
  ASSERT_TRUE(shown);
  ASSERT_TRUE(core.did);
  ASSERT_TRUE(shown->did);
  EXPECT_DOUBLE_EQ(shown->did.value->did.rate_ratio, core.did.value->did.rate_ratio);
  EXPECT_DOUBLE_EQ(shown->treated.before, core.treated.before);
  EXPECT_DOUBLE_EQ(shown->comparison.after, core.comparison.after);
  char expected[96];
  const RateRatio& rr = core.did.value->did;
  std::snprintf(expected, sizeof expected, "%.2f (%.2f–%.2f)", rr.rate_ratio, rr.ci_low,
                rr.ci_high);
  const std::vector<std::string> lines = panel.summary_lines(Language::en);
  bool found = false;
  for (const std::string& l : lines) found |= l.find(expected) != std::string::npos;
  EXPECT_TRUE(found) << expected;
  const std::string sentence = did_sentence(*core.did.value, Language::en);
  ASSERT_FALSE(sentence.empty());
  EXPECT_NE(std::find(lines.begin(), lines.end(), sentence), lines.end());
  // The Spanish lines carry the Spanish sentence, never the English one.
  const std::vector<std::string> es_lines = panel.summary_lines(Language::es);
  EXPECT_NE(
      std::find(es_lines.begin(), es_lines.end(), did_sentence(*core.did.value, Language::es)),
      es_lines.end());
  EXPECT_EQ(std::find(es_lines.begin(), es_lines.end(), sentence), es_lines.end());

  // By month: recomputed, same window counts (the DiD does not depend on the ITS bins).
  panel.choice().by = EvalBin::month;
  const ProgramEvaluation* monthly = panel.update(snap, session.language);
  ASSERT_TRUE(monthly);
  EXPECT_EQ(panel.computations(), 2);
  EXPECT_EQ(monthly->by, EvalBin::month);
  EXPECT_DOUBLE_EQ(monthly->treated.after, core.treated.after);
  EXPECT_TRUE(monthly->its || monthly->its.why.code != EvalReason::none);
  panel.choice().by = EvalBin::week;

  // Editing the program (a new rollout date for its sectors) recomputes once, when the app's
  // snapshot follows the session.
  std::vector<std::string> sectors;
  for (const ProgramSector& p : ws.programs[0].sectors) sectors.push_back(p.sector);
  add_sectors_to_program(session, ws.programs, kFase1, sectors,
                         days_from_civil(2021, 6, 7) * kSecondsPerDay, std::nullopt);
  panel.update(snap, session.language);
  EXPECT_EQ(panel.computations(), 3);  // back to weeks; the snapshot has not followed the edit yet
  snap = testing::follow(snap, session);
  panel.update(snap, session.language);
  panel.update(snap, session.language);
  EXPECT_EQ(panel.computations(), 4);
  EXPECT_NE(panel.update(snap, session.language)->treated.before, core.treated.before);
}

TEST(ProgramEditDialog, AddsAndRemovesTheSelectionInTheSession) {
  testing::HeadlessImGui gui;
  Session session;
  const Workspace ws = testing::demo_workspace(2000);
  ProgramEditDialog dialog;
  dialog.open(session);
  EXPECT_FALSE(dialog.is_open());  // nothing selected
  session.selection = {ws.sectors.sectors[0].name, ws.sectors.sectors[1].name};
  dialog.open(session);
  ASSERT_TRUE(dialog.is_open());
  gui.frame([&] { dialog.draw(ws, session); });  // the modal opens without asserts
  dialog.name = "Piloto";
  dialog.start = "2023-13-01";
  EXPECT_FALSE(dialog.submit_add(ws, session));
  EXPECT_TRUE(dialog.is_open());
  EXPECT_NE(dialog.message.find("AAAA-MM-DD"), std::string::npos) << dialog.message;
  EXPECT_TRUE(session.programs.empty());  // nothing edited
  dialog.start = "2023-05-01";
  EXPECT_TRUE(dialog.submit_add(ws, session));
  EXPECT_FALSE(dialog.is_open());
  ASSERT_EQ(session.programs.size(), 1u);
  EXPECT_EQ(session.programs[0].name, "Piloto");
  ASSERT_EQ(session.programs[0].sectors.size(), 2u);
  EXPECT_EQ(session.programs[0].sectors[1].start, days_from_civil(2023, 5, 1) * kSecondsPerDay);

  session.selection = {ws.sectors.sectors[0].name};
  dialog.open(session);
  dialog.name = "Piloto";
  EXPECT_TRUE(dialog.submit_remove(ws, session));
  EXPECT_EQ(session.programs[0].sectors.size(), 1u);
}

TEST(EvaluationPanel, OpensFromTheDashboardWithTheDialog) {
  testing::HeadlessImGui gui;
  Session session;
  session.style = io::default_style();
  const SnapshotPtr snap = testing::demo_snapshot(session, 3000);
  session.selection = {snap->ws().sectors.sectors[2].name};
  AppStatus status;
  UiActions actions;
  UiState state;
  run_menu_command(MenuCommand::program_evaluation, session, status, actions, state);
  EXPECT_TRUE(state.show_evaluation);
  run_menu_command(MenuCommand::add_to_program, session, status, actions, state);
  EXPECT_TRUE(state.request_program_edit);
  gui.ui().show_program_evaluation();
  auto frame = [&] {
    gui.frame([&] {
      const MapRegion region = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, region);
    });
  };
  frame();  // the windows exist before the modal opens, as when a user clicks
  gui.ui().show_add_to_program();
  for (int i = 0; i < 3; ++i) frame();
  SUCCEED();  // no ImGui assert with the modal, the evaluation window and the side panel
}

TEST(EvaluationPanel, ExplainsWhenThereAreNoPrograms) {
  testing::HeadlessImGui gui;
  Session session;
  auto ws = std::make_shared<Workspace>(testing::demo_workspace(2000));
  ws->programs.clear();
  EvaluationPanel panel;
  EXPECT_EQ(panel.update(make_snapshot(std::move(ws), session.filter, {}, 1)), nullptr);
  EXPECT_NE(panel.summary_lines(Language::es).at(0).find("programas"), std::string::npos);
  EXPECT_NE(panel.summary_lines(Language::en).at(0).find("No programs"), std::string::npos);
  EXPECT_EQ(panel.error_text(Language::en), panel.summary_lines(Language::en).at(0));
}

TEST(EvaluationPanel, Screenshot) {
  FARO_UI_REQUIRE_EGL(gl);
  const std::filesystem::path dir = testing::screenshot_dir();
  for (Language lang : {Language::es, Language::en}) {
    const int w = 760, h = 420;
    testing::HeadlessImGui gui(w, h);
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
    Session session;
    session.language = lang;
    const SnapshotPtr snap = testing::demo_snapshot(session, 15000);
    EvaluationPanel panel;
    panel.choice().program = kFase1;
    render::OffscreenTarget target(w, h);
    for (int frame = 0; frame < 3; ++frame) {
      panel.update(snap, lang);
      ImGui_ImplOpenGL3_NewFrame();
      gui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(w - 20, h - 20));
        ImGui::Begin(lang == Language::es ? "Evaluación del programa" : "Program evaluation");
        panel.draw(session);
        ImGui::End();
      });
      target.bind_for_drawing();
      target.clear({1, 1, 1, 1});
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    const render::RgbaImage img = target.read_rgba8();
    ImGui_ImplOpenGL3_Shutdown();
    const std::string path =
        (dir / (lang == Language::es ? "evaluation_es.png" : "evaluation_en.png")).string();
    io::write_png_rgba(path, img.pixels, img.width, img.height);
  }

  // The whole dashboard with the evaluation window and the "Add to program…" dialog open.
  testing::HeadlessImGui gui(1600, 900);
  ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
  Session session;
  session.style = io::default_style();
  const SnapshotPtr snap = testing::demo_snapshot(session, 15000);
  const Workspace& ws = snap->ws();
  session.selection = {ws.programs[0].sectors[0].sector, ws.sectors.sectors[4].name};
  AppStatus status;
  UiActions actions;
  render::OffscreenTarget target(1600, 900);
  gui.ui().show_program_evaluation();
  for (int frame = 0; frame < 4; ++frame) {
    if (frame == 1) gui.ui().show_add_to_program();
    ImGui_ImplOpenGL3_NewFrame();
    gui.frame([&] {
      const MapRegion region = gui.ui().draw(snap, session, status, actions);
      gui.ui().draw_map_overlay(*snap, session, status, region);
    });
    target.bind_for_drawing();
    target.clear({1, 1, 1, 1});
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  const render::RgbaImage img = target.read_rgba8();
  ImGui_ImplOpenGL3_Shutdown();
  io::write_png_rgba((dir / "program_dialog_es.png").string(), img.pixels, img.width, img.height);
}

}  // namespace
}  // namespace faro::ui
