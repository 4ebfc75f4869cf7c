// Timeline panel: date ticks in both languages, the value axis, brushing a window into
// FilterState (snapped to whole bins), and a rendered PNG of the demo city's treated vs comparison
// weekly rates with rollout markers, program shading and the ITS counterfactual (look at it:
// FARO_UI_SCREENSHOT_DIR keeps it).
#include "ui/timeline_panel.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/program_evaluation.hpp"
#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "render/offscreen_target.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

CivilSeconds day(int y, int m, int d) {
  return days_from_civil(y, m, d) * kSecondsPerDay;
}

TEST(TimelinePanel, TicksAreYearsMonthsOrDaysInTheUiLanguage) {
  const auto years = timeline_ticks(day(2019, 1, 1), day(2025, 1, 1), 800, Language::es);
  ASSERT_EQ(years.size(), 6u);
  EXPECT_EQ(years[0].label, "2019");
  EXPECT_TRUE(years[0].major);
  const auto es = timeline_ticks(day(2023, 11, 15), day(2024, 11, 1), 900, Language::es);
  ASSERT_FALSE(es.empty());
  EXPECT_EQ(es[0].label, "dic 2023");  // the first tick names its year
  EXPECT_EQ(es[1].label, "ene 2024");
  EXPECT_EQ(es[2].label, "feb");
  const auto en = timeline_ticks(day(2023, 11, 15), day(2024, 11, 1), 900, Language::en);
  EXPECT_EQ(en[1].label, "Jan 2024");
  const auto days = timeline_ticks(day(2024, 2, 1), day(2024, 2, 22), 900, Language::en);
  ASSERT_FALSE(days.empty());
  EXPECT_EQ(days[0].label, "Feb 1");
  EXPECT_EQ(timeline_ticks(day(2024, 2, 1), day(2024, 2, 1), 900, Language::en).size(), 0u);
}

TEST(TimelinePanel, NiceValueAxis) {
  EXPECT_EQ(nice_axis_max(37), std::make_pair(40.0, 10.0));
  EXPECT_EQ(nice_axis_max(0.83), std::make_pair(1.0, 0.25));
  EXPECT_EQ(nice_axis_max(0), std::make_pair(1.0, 0.25));
  const TimelineAxis ax{100, 500, day(2024, 1, 1), day(2024, 1, 5)};
  EXPECT_FLOAT_EQ(ax.x_of(day(2024, 1, 3)), 300);
  EXPECT_EQ(ax.t_of(400), day(2024, 1, 4));
}

Timeline weekly_timeline(const Workspace& ws, std::vector<size_t>& treated) {
  treated.clear();
  std::set<size_t> programmed;
  for (const Program& p : ws.programs)
    for (const ProgramSector& ps : p.sectors) programmed.insert(*ws.sectors.find(ps.sector));
  for (const ProgramSector& ps : ws.programs[0].sectors)
    treated.push_back(*ws.sectors.find(ps.sector));
  std::vector<size_t> comparison;
  for (size_t s = 0; s < ws.sectors.size(); ++s)
    if (!programmed.count(s)) comparison.push_back(s);
  TimelineRequest r;
  r.kind = BinKind::week;
  r.from = day(2019, 1, 7);
  r.to_exclusive = day(2021, 6, 28);
  r.rolling_window = 9;
  return build_timeline(
      ws.incidents, ws.sectors.size(), IncidentFilter{}, r,
      {{ws.programs[0].name, treated, false}, {"Comparación", comparison, false}});
}

void draw_in_window(TimelinePanel& panel, const TimelineInput& in, FilterState& f, bool* changed) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("timeline", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
  const bool c = panel.draw(in, f, ImGui::GetContentRegionAvail());
  if (changed) *changed = *changed || c;
  ImGui::End();
}

TEST(TimelinePanel, BrushingSetsTheFilterWindowOnWholeBins) {
  testing::HeadlessImGui gui(1200, 260);
  Session s;
  const Workspace ws = testing::demo_workspace(s, 3000);
  std::vector<size_t> treated;
  const Timeline tl = weekly_timeline(ws, treated);
  TimelineInput in;
  in.timeline = &tl;
  TimelinePanel panel;
  FilterState f;
  bool changed = false;
  gui.set_mouse(10, 10, false);
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  const TimelineAxis ax = panel.axis();
  const float xa = ax.x_of(day(2020, 3, 4)), xb = ax.x_of(day(2020, 5, 20));
  gui.set_mouse(xa, 120, true);
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  gui.set_mouse(xb, 130, true);
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  EXPECT_FALSE(changed);  // nothing is written until the button is released
  gui.set_mouse(xb, 130, false);
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  EXPECT_TRUE(changed);
  // 2020-03-04 is a Wednesday: its ISO week starts Monday 03-02; 05-20 (Wed) ends Sunday 05-24.
  ASSERT_TRUE(f.from && f.to_exclusive);
  EXPECT_EQ(format_date(*f.from), "2020-03-02");
  EXPECT_EQ(format_date(*f.to_exclusive), "2020-05-25");
}

TEST(TimelinePanel, RendersTreatedVsComparisonWithMarkersAndCounterfactual) {
  std::optional<render::EglContext> gl;
  try {
    gl.emplace();
  } catch (const render::GlUnavailable& e) {
    GTEST_SKIP() << "no OpenGL through EGL: " << e.what();
  }
  const char* env_dir = std::getenv("FARO_UI_SCREENSHOT_DIR");
  const std::filesystem::path dir =
      env_dir ? env_dir : std::filesystem::temp_directory_path() / "faro_ui_screenshots";
  std::filesystem::create_directories(dir);
  Session s;
  const Workspace ws = testing::demo_workspace(s, 15000);
  std::vector<size_t> treated;
  const Timeline tl = weekly_timeline(ws, treated);

  // The ITS counterfactual of the first program, per treated sector, at each week's centre.
  EvaluationRequest req =
      make_evaluation_request(ws.sectors, ws.programs, {ws.programs[0].name}, {});
  req.data_from = ws.data_from;
  req.data_to_exclusive = ws.data_to_exclusive;
  const ProgramEvaluation ev =
      evaluate_program(ws.incidents, ws.sectors.size(), IncidentFilter{}, req);
  ASSERT_TRUE(ev.its) << ev.its.reason;
  TimelineOverlay cf;
  const double n = static_cast<double>(ev.its.value->sectors.size());
  for (const ItsPoint& p : ev.its.value->series) {
    if (p.relative_bin < 0) continue;
    cf.at.push_back(p.start + 7 * kSecondsPerDay / 2);
    cf.value.push_back(p.counterfactual / n);
    cf.low.push_back(p.cf_low / n);
    cf.high.push_back(p.cf_high / n);
  }
  for (Language lang : {Language::es, Language::en}) {
    TimelineInput in;
    in.timeline = &tl;
    in.rates = true;
    in.language = lang;
    in.counterfactual = cf;
    for (const Program& p : ws.programs)
      for (const ProgramSector& ps : p.sectors) {
        in.rollouts.push_back({ps.start, p.name});
        in.periods.push_back({ps.start, ws.data_to_exclusive, p.name});
      }
    testing::HeadlessImGui gui(1400, 280);
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
    render::OffscreenTarget target(1400, 280);
    TimelinePanel panel;
    FilterState f;
    f.from = day(2020, 9, 7);
    f.to_exclusive = day(2020, 12, 28);
    for (int frame = 0; frame < 3; ++frame) {
      ImGui_ImplOpenGL3_NewFrame();
      gui.set_mouse(panel.axis().x_of(day(2019, 10, 9)), 150, false);  // hover a 2019 week
      gui.frame([&] { draw_in_window(panel, in, f, nullptr); });
      target.bind_for_drawing();
      target.clear({1, 1, 1, 1});
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    const render::RgbaImage img = target.read_rgba8();
    ImGui_ImplOpenGL3_Shutdown();
    const std::string path =
        (dir / (std::string("timeline_") + (lang == Language::es ? "es" : "en") + ".png")).string();
    io::write_png_rgba(path, img.pixels, img.width, img.height);
    std::set<uint32_t> colours;
    for (size_t i = 0; i < img.pixels.size(); i += 4 * 31)
      colours.insert(img.pixels[i] | img.pixels[i + 1] << 8 | img.pixels[i + 2] << 16);
    EXPECT_GT(colours.size(), 20u) << path << " looks blank";
    std::cout << "wrote " << path << "\n";
  }
}

}  // namespace
}  // namespace faro::ui
