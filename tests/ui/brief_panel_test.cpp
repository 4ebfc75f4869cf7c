// The weekly brief panel on the demo city, headless: the default week, recomputation when the
// week changes (counts checked against a direct pass over the rows), drawing, row selection.
#include "ui/brief_panel.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "render/offscreen_target.hpp"
#include "ui/menu_bar.hpp"
#include "ui/ui_test_support.hpp"

namespace faro::ui {
namespace {

// One frame as the app runs it: derived state first (update), then the widgets (draw).
void draw_panel(testing::HeadlessImGui& gui, BriefPanel& panel, const SnapshotPtr& snap,
                Session& s, ImDrawData** data = nullptr) {
  panel.update(snap);
  ImDrawData* d = gui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 600));
    ImGui::Begin("brief");
    panel.draw(s);
    ImGui::End();
  });
  if (data) *data = d;
}

TEST(BriefPanel, ShowsTheLastCompleteWeekAndEverySector) {
  testing::HeadlessImGui gui;
  Session s;
  const SnapshotPtr snap = testing::demo_snapshot(s);
  const Workspace& ws = snap->ws();
  BriefPanel panel;
  ImDrawData* data = nullptr;
  draw_panel(gui, panel, snap, s, &data);
  ASSERT_TRUE(panel.brief());
  const auto expected = last_complete_week(ws.incidents);
  ASSERT_TRUE(expected);
  EXPECT_EQ(panel.brief()->week.year, expected->year);
  EXPECT_EQ(panel.brief()->week.week, expected->week);
  EXPECT_EQ(panel.brief()->rows.size(), ws.sectors.size());
  ASSERT_NE(data, nullptr);
  EXPECT_GT(data->TotalVtxCount, 1000);  // a table was drawn, not an empty window
  // The meeting's order by default: flagged first (up and new, then down), then |z| descending;
  // never an unflagged sector above a flagged one.
  const auto& rows = panel.brief()->rows;
  for (size_t i = 1; i < rows.size(); ++i) {
    const int ra = brief_flag_rank(rows[i - 1].flag), rb = brief_flag_rank(rows[i].flag);
    EXPECT_LE(ra, rb) << rows[i - 1].sector << " above " << rows[i].sector;
    if (ra == rb) {
      EXPECT_GE(std::abs(rows[i - 1].z), std::abs(rows[i].z)) << rows[i].sector;
    }
  }
}

TEST(BriefPanel, AWeekOutsideTheDataSaysSoInsteadOfATableOfZeros) {
  testing::HeadlessImGui gui;
  Session s;
  const SnapshotPtr snap = testing::demo_snapshot(s);
  BriefPanel panel;
  draw_panel(gui, panel, snap, s);
  EXPECT_FALSE(panel.week_outside_data());
  panel.set_week(IsoWeek{2030, 1});
  draw_panel(gui, panel, snap, s);
  EXPECT_TRUE(panel.week_outside_data());
  panel.set_week(IsoWeek{1990, 10});
  draw_panel(gui, panel, snap, s);
  EXPECT_TRUE(panel.week_outside_data());
  panel.set_week(std::nullopt);
  draw_panel(gui, panel, snap, s);
  EXPECT_FALSE(panel.week_outside_data());
}

TEST(BriefPanel, EveryColumnHasAnExplanationInBothLanguages) {
  for (Msg m : {Msg::brief_help_sector, Msg::brief_help_week, Msg::brief_help_prev,
                Msg::brief_help_mean4, Msg::brief_help_last_year, Msg::brief_help_ytd,
                Msg::brief_help_ytd_last_year, Msg::brief_help_z, Msg::brief_help_flag,
                Msg::brief_help_spark})
    for (Language l : {Language::es, Language::en}) EXPECT_GT(std::string(tr(m, l)).size(), 15u);
  EXPECT_NE(std::string(tr(Msg::brief_help_ytd, Language::es)),
            std::string(tr(Msg::brief_help_ytd, Language::en)));
}

TEST(BriefPanel, ChosenWeekCountsMatchADirectPass) {
  testing::HeadlessImGui gui;
  Session s;
  const SnapshotPtr snap = testing::demo_snapshot(s);
  const Workspace& ws = snap->ws();
  BriefPanel panel;
  panel.set_week(IsoWeek{2023, 10});
  draw_panel(gui, panel, snap, s);
  ASSERT_TRUE(panel.brief());
  EXPECT_EQ(panel.brief()->week.week, 10);
  // Direct count: incidents from Monday 2023-03-06 to Sunday 2023-03-12 inclusive.
  const CivilSeconds from = days_from_civil(2023, 3, 6) * kSecondsPerDay;
  const CivilSeconds to = days_from_civil(2023, 3, 13) * kSecondsPerDay;
  int64_t n = 0;
  std::vector<int64_t> per_sector(ws.sectors.size(), 0);
  for (size_t i = 0; i < ws.incidents.size(); ++i)
    if (ws.incidents.t[i] >= from && ws.incidents.t[i] < to) {
      ++n;
      if (ws.incidents.sector[i] >= 0) ++per_sector[ws.incidents.sector[i]];
    }
  EXPECT_GT(n, 0);
  EXPECT_EQ(panel.brief()->all.week, n);
  for (const BriefRow& r : panel.brief()->rows)
    EXPECT_EQ(r.week, per_sector[r.sector_index]) << r.sector;
}

TEST(BriefPanel, SelectingARowSelectsTheSector) {
  Session s;
  BriefPanel::select_sector(s, "Centro", false);
  EXPECT_EQ(s.selection, (std::vector<std::string>{"Centro"}));
  BriefPanel::select_sector(s, "Norte", true);  // Ctrl+click adds
  EXPECT_EQ(s.selection, (std::vector<std::string>{"Centro", "Norte"}));
  BriefPanel::select_sector(s, "Centro", true);  // and removes
  EXPECT_EQ(s.selection, (std::vector<std::string>{"Norte"}));
  BriefPanel::select_sector(s, "Sur", false);  // a plain click replaces
  EXPECT_EQ(s.selection, (std::vector<std::string>{"Sur"}));
}

TEST(BriefPanel, SelectionDoesNotRecomputeButAFilterChangeDoes) {
  testing::HeadlessImGui gui;
  Session s;
  SnapshotPtr snap = testing::demo_snapshot(s);
  const Workspace& ws = snap->ws();
  BriefPanel panel;
  draw_panel(gui, panel, snap, s);
  ASSERT_TRUE(panel.brief());
  EXPECT_EQ(panel.computations(), 1u);
  const int64_t all_before = panel.brief()->all.ytd;
  BriefPanel::select_sector(s, ws.sectors.sectors[0].name, false);
  draw_panel(gui, panel, snap, s);
  draw_panel(gui, panel, snap, s);
  EXPECT_EQ(panel.computations(), 1u);  // selection and new frames: no recomputation
  EXPECT_EQ(panel.brief()->all.ytd, all_before);
  // Only the first category: fewer incidents year to date (the demo has several categories).
  ASSERT_GT(ws.incidents.categories.size(), 2u);
  s.filter.categories = {ws.incidents.categories.name(1)};
  draw_panel(gui, panel, snap, s);  // the snapshot has not followed the session yet
  EXPECT_EQ(panel.computations(), 1u);
  snap = testing::follow(snap, s);
  draw_panel(gui, panel, snap, s);
  ASSERT_TRUE(panel.brief());
  EXPECT_LT(panel.brief()->all.ytd, all_before);
  EXPECT_EQ(panel.computations(), 2u);
}

// Renders the panel through the ImGui OpenGL 3 backend into an EGL offscreen target and writes
// brief_panel_{es,en}.png (to FARO_UI_SCREENSHOT_DIR when set), to look at.
TEST(BriefPanel, Screenshot) {
  FARO_UI_REQUIRE_EGL(gl);
  const std::filesystem::path dir = testing::screenshot_dir();
  for (Language lang : {Language::es, Language::en}) {
    const int w = 900, h = 560;
    testing::HeadlessImGui gui(w, h);
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
    Session s;
    s.language = lang;
    const SnapshotPtr snap = testing::demo_snapshot(s, 15000);
    BriefPanel panel;
    panel.set_week(IsoWeek{2023, 10});
    render::OffscreenTarget target(w, h);
    for (int frame = 0; frame < 3; ++frame) {
      panel.update(snap);
      if (frame == 1) s.selection = {panel.brief()->rows[1].sector};
      // The mouse on a header (45 % of the width): its explanation shows as a tooltip.
      ImGui::GetIO().MousePos = ImVec2(static_cast<float>(w) * 0.45f, 62);
      ImGui_ImplOpenGL3_NewFrame();
      gui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
        ImGui::Begin(lang == Language::es ? "Informe semanal" : "Weekly brief");
        panel.draw(s);
        ImGui::End();
      });
      target.bind_for_drawing();
      target.clear({1, 1, 1, 1});
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    const render::RgbaImage img = target.read_rgba8();
    ImGui_ImplOpenGL3_Shutdown();
    const ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    EXPECT_TRUE(tooltip && tooltip->Active) << "a hovered header explains its column";
    const std::string path =
        (dir / (lang == Language::es ? "brief_panel_es.png" : "brief_panel_en.png")).string();
    io::write_png_rgba(path, img.pixels, img.width, img.height);
    std::set<uint32_t> colours;
    for (size_t i = 0; i < img.pixels.size(); i += 4 * 31)
      colours.insert(img.pixels[i] | img.pixels[i + 1] << 8 | img.pixels[i + 2] << 16);
    EXPECT_GT(colours.size(), 20u) << path << " looks blank";
  }
}

TEST(BriefExportDialog, FileExportWeeklyBriefOpensTheBriefAndItsDialog) {
  Session session;
  AppStatus status;
  UiActions actions;
  UiState state;
  run_menu_command(MenuCommand::export_brief, session, status, actions, state);
  EXPECT_TRUE(state.show_brief);
  EXPECT_TRUE(state.request_brief_export);
  EXPECT_TRUE(actions.empty());  // nothing is written before the dialog's Export
}

TEST(BriefExportDialog, ChoicesMakeTheRequest) {
  BriefExportDialog d;
  EXPECT_FALSE(d.request());  // no week, no request
  d.open(IsoWeek{2024, 7});
  ASSERT_TRUE(d.request());
  EXPECT_FALSE(d.request()->internal);  // partner-safe unless chosen, as `faro brief`
  d.choose(true, BriefExportDialog::Format::csv, "/tmp/briefs");
  EXPECT_TRUE(d.request()->internal);
  EXPECT_EQ(d.request()->path, "/tmp/briefs/brief-2024-W07-internal.csv");
  d.choose(false, BriefExportDialog::Format::png);
  EXPECT_EQ(d.request()->path, "/tmp/briefs/brief-2024-W07-partner.png");
  EXPECT_EQ(format_iso_week(d.request()->week), "2024-W07");
}

TEST(BriefExportDialog, DrawsInBothLanguagesAndTheRequestFollowsThePanelsWeek) {
  testing::HeadlessImGui gui;
  Session s;
  const SnapshotPtr snap = testing::demo_snapshot(s);
  BriefPanel panel;
  draw_panel(gui, panel, snap, s);
  panel.open_export_dialog();
  for (Language lang : {Language::es, Language::en}) {
    std::optional<BriefExportRequest> r;
    gui.frame([&] { r = panel.draw_export_dialog(lang, BriefExportStatus{true, 0.5, "", false}); });
    EXPECT_FALSE(r);  // nothing pressed
    EXPECT_TRUE(panel.export_dialog().is_open());
  }
  ASSERT_TRUE(panel.export_dialog().request());
  EXPECT_EQ(format_iso_week(panel.export_dialog().request()->week),
            format_iso_week(panel.brief()->week));
  panel.set_week(IsoWeek{2023, 10});
  draw_panel(gui, panel, snap, s);
  gui.frame([&] { panel.draw_export_dialog(Language::en, {}); });
  EXPECT_EQ(format_iso_week(panel.export_dialog().request()->week), "2023-W10");
}

}  // namespace
}  // namespace faro::ui
