// The evaluation panel (ui/evaluation_panel.hpp) and the "Add to program…" dialog's validation
// (ui/program_edit_dialog.hpp), headless; plus a screenshot of the panel.
#include "ui/evaluation_panel.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "core/evaluation_text.hpp"
#include "core/evaluation_verdict.hpp"
#include "core/session_programs.hpp"
#include "io/png_writer.hpp"
#include "io/style_presets.hpp"
#include "render/egl_context.hpp"
#include "render/offscreen_target.hpp"
#include "ui/menu_bar.hpp"
#include "ui/program_edit_dialog.hpp"
#include "ui/ui_state.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

const char* kFase1 = "Alto al Fuego - Fase 1";

// Updates until the background evaluation for the current inputs is in; returns it.
const ProgramEvaluation* settle(EvaluationPanel& panel, const SnapshotPtr& snap,
                                const Session& session) {
  panel.update(snap, session);
  EXPECT_TRUE(panel.wait_idle(std::chrono::seconds(120)));
  return panel.update(snap, session);
}

// What `faro evaluate --program NAME` computes (spillover ring of touching sectors excluded).
ProgramEvaluation core_evaluation(const Workspace& ws, const FilterState& filter,
                                  const std::string& program) {
  EvaluationRequest req = make_evaluation_request(ws.sectors, ws.programs, {program}, {});
  req.data_from = ws.data_from;
  req.data_to_exclusive = ws.data_to_exclusive;
  apply_spillover_ring(req, ws.sectors, 0.0);
  return evaluate_program(ws.incidents, ws.sectors.size(), ws.make_filter(filter), req);
}

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
  // The first update only requests the evaluation: the panel says it is calculating.
  EXPECT_EQ(panel.update(snap, session), nullptr);
  EXPECT_TRUE(panel.computing());
  EXPECT_EQ(panel.summary_lines(Language::en), std::vector<std::string>{"Calculating…"});
  EXPECT_EQ(panel.error_text(Language::en), "");
  gui.frame([&] {
    ImGui::Begin("eval");
    panel.draw(session);
    ImGui::End();
  });
  for (int i = 0; i < 3; ++i) {
    settle(panel, snap, session);
    gui.frame([&] {
      ImGui::Begin("eval");
      panel.draw(session);
      ImGui::End();
    });
  }
  EXPECT_FALSE(panel.computing());
  EXPECT_EQ(panel.computations(), 1);  // not every frame
  // Playback moves only the dates: a new snapshot, the same evaluation.
  Session playing = session;
  playing.filter.from = ws.data_from + 30 * kSecondsPerDay;
  EXPECT_NE(panel.update(testing::follow(snap, playing), playing), nullptr);
  EXPECT_EQ(panel.computations(), 1);
  EXPECT_FALSE(panel.computing());

  // Core's evaluation with the same inputs: touching neighbours leave the comparison, as in the
  // CLI.
  const ProgramEvaluation core = core_evaluation(ws, session.filter, kFase1);
  const ProgramEvaluation* shown = settle(panel, snap, session);
  ASSERT_TRUE(shown);
  ASSERT_TRUE(core.did);
  ASSERT_TRUE(shown->did);
  EXPECT_DOUBLE_EQ(shown->did.value->did.rate_ratio, core.did.value->did.rate_ratio);
  EXPECT_DOUBLE_EQ(shown->treated.before, core.treated.before);
  EXPECT_DOUBLE_EQ(shown->comparison.after, core.comparison.after);
  EXPECT_EQ(shown->comparison.sectors, core.comparison.sectors);
  EXPECT_FALSE(shown->spillover.ring.empty()) << "the demo's programs have neighbours";
  for (size_t r : shown->spillover.ring)
    EXPECT_EQ(std::count(shown->comparison.sectors.begin(), shown->comparison.sectors.end(), r), 0);
  char expected[96];
  const RateRatio& rr = core.did.value->did;
  std::snprintf(expected, sizeof expected, "%.2f (%.2f–%.2f)", rr.rate_ratio, rr.ci_low,
                rr.ci_high);
  const std::vector<std::string> lines = panel.summary_lines(Language::en);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], verdict_headline(core.verdict, Language::en)) << "the verdict comes first";
  EXPECT_EQ(lines[1], plain_change_text(core.did, Language::en));
  bool found = false;
  for (const std::string& l : lines) found |= l.find(expected) != std::string::npos;
  EXPECT_TRUE(found) << expected;
  const std::string sentence = did_sentence(*core.did.value, Language::en);
  ASSERT_FALSE(sentence.empty());
  EXPECT_NE(std::find(lines.begin(), lines.end(), sentence), lines.end());
  // The Spanish lines carry the Spanish sentence, never the English one.
  const std::vector<std::string> es_lines = panel.summary_lines(Language::es);
  EXPECT_EQ(es_lines[0], verdict_headline(core.verdict, Language::es));
  EXPECT_NE(
      std::find(es_lines.begin(), es_lines.end(), did_sentence(*core.did.value, Language::es)),
      es_lines.end());
  EXPECT_EQ(std::find(es_lines.begin(), es_lines.end(), sentence), es_lines.end());
  // The panel's words follow the session's language without a new evaluation.
  Session spanish = session;
  spanish.language = Language::es;
  settle(panel, snap, spanish);
  ASSERT_TRUE(panel.text());
  EXPECT_EQ(panel.text()->headline, verdict_headline(core.verdict, Language::es));
  EXPECT_EQ(panel.computations(), 1);

  // By month: recomputed, same window counts (the DiD does not depend on the ITS bins).
  panel.choice().by = EvalBin::month;
  const ProgramEvaluation* monthly = settle(panel, snap, session);
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
  settle(panel, snap, session);
  EXPECT_EQ(panel.computations(), 3);  // back to weeks; the snapshot has not followed the edit yet
  snap = testing::follow(snap, session);
  settle(panel, snap, session);
  settle(panel, snap, session);
  EXPECT_EQ(panel.computations(), 4);
  EXPECT_NE(panel.update(snap, session)->treated.before, core.treated.before);
}

TEST(EvaluationPanel, RunsOffTheUiThreadAndKeepsOnlyTheNewestRequest) {
  Session session;
  const SnapshotPtr snap = testing::demo_snapshot(session, 15000);
  EvaluationJob job;
  EXPECT_FALSE(job.busy());
  for (int weeks : {26, 39, 52}) {  // the first may run; the second is replaced by the third
    EvaluationJobInput in;
    in.snapshot = snap;
    in.program = kFase1;
    in.window_weeks = weeks;
    in.id = static_cast<uint64_t>(weeks);
    job.request(in);
  }
  ASSERT_TRUE(job.wait_idle(std::chrono::seconds(120)));
  EXPECT_FALSE(job.busy());
  const std::optional<EvaluationJobResult> r = job.take_result();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, 52u);  // an older request's result is never handed out after a newer one
  EXPECT_NE(r->computed_on, std::this_thread::get_id());
  ASSERT_TRUE(r->evaluation);
  EXPECT_EQ(r->evaluation->window_weeks, 52);
  EXPECT_EQ(r->input.snapshot, snap);  // the data it was computed on travels with it
  EXPECT_FALSE(job.take_result()) << "a result is handed out once";
  // The request the CLI would build: the ring left the comparison.
  EXPECT_TRUE(r->request.ring_excluded);
  for (const TreatedSector& t : r->request.ring)
    EXPECT_EQ(std::count(r->request.comparison.begin(), r->request.comparison.end(), t.sector), 0);
  // An unknown program is an error with its name, not an evaluation.
  EvaluationJobInput bad;
  bad.snapshot = snap;
  bad.program = "No existe";
  const EvaluationJobResult e = run_evaluation_job(bad);
  EXPECT_FALSE(e.evaluation);
  EXPECT_NE(e.error.find("No existe"), std::string::npos) << e.error;
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
  EXPECT_EQ(panel.update(make_snapshot(std::move(ws), session.filter, {}, 1), session), nullptr);
  EXPECT_FALSE(panel.computing());
  EXPECT_NE(panel.summary_lines(Language::es).at(0).find("programas"), std::string::npos);
  EXPECT_NE(panel.summary_lines(Language::en).at(0).find("No programs"), std::string::npos);
  EXPECT_EQ(panel.error_text(Language::en), panel.summary_lines(Language::en).at(0));
}

// The panel alone, in both languages and scales, is in evaluation_panel_screenshot_test.cpp.
TEST(EvaluationPanel, ScreenshotWithTheAddToProgramDialog) {
  FARO_UI_REQUIRE_EGL(gl);
  const std::filesystem::path dir = testing::screenshot_dir();
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
    if (frame == 0) {
      EXPECT_TRUE(gui.ui().busy()) << "the evaluation runs in the background";
    }
    ASSERT_TRUE(gui.ui().settle(std::chrono::seconds(120)));
    target.bind_for_drawing();
    target.clear({1, 1, 1, 1});
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  EXPECT_FALSE(gui.ui().busy());
  const render::RgbaImage img = target.read_rgba8();
  ImGui_ImplOpenGL3_Shutdown();
  io::write_png_rgba((dir / "program_dialog_es.png").string(), img.pixels, img.width, img.height);
}

}  // namespace
}  // namespace faro::ui
