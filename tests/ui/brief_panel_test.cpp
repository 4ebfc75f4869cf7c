// The weekly brief panel on the demo city, headless: the default week, recomputation when the
// week changes (counts checked against a direct pass over the rows), drawing, row selection.
#include "ui/brief_panel.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "render/offscreen_target.hpp"
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
  // Sorted by z, descending, by default.
  for (size_t i = 1; i < panel.brief()->rows.size(); ++i)
    EXPECT_GE(panel.brief()->rows[i - 1].z, panel.brief()->rows[i].z);
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
    const std::string path =
        (dir / (lang == Language::es ? "brief_panel_es.png" : "brief_panel_en.png")).string();
    io::write_png_rgba(path, img.pixels, img.width, img.height);
    std::set<uint32_t> colours;
    for (size_t i = 0; i < img.pixels.size(); i += 4 * 31)
      colours.insert(img.pixels[i] | img.pixels[i + 1] << 8 | img.pixels[i + 2] << 16);
    EXPECT_GT(colours.size(), 20u) << path << " looks blank";
  }
}

}  // namespace
}  // namespace faro::ui
