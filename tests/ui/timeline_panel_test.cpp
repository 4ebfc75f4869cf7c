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

#include "core/evaluation_text.hpp"
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
  const Workspace ws = testing::demo_workspace(3000);
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

// Ten ISO weeks from Monday 2024-01-01, no series: enough for playback, which only needs bins.
Timeline ten_weeks() {
  Timeline tl;
  tl.kind = BinKind::week;
  tl.bins = 10;
  for (int k = 0; k <= 10; ++k) tl.bin_starts.push_back(day(2024, 1, 1) + 7 * k * kSecondsPerDay);
  return tl;
}

FilterState window_of(const Timeline& tl, int64_t first, int64_t end) {
  FilterState f;
  f.from = tl.bin_starts[first];
  f.to_exclusive = tl.bin_starts[end];
  return f;
}

TEST(TimelinePanel, StepWindowSlidesLoopsAndStops) {
  TimelinePlayback p;  // sliding, loop
  EXPECT_EQ(step_window({2, 5}, 2, 10, p, 3).window, (BinWindow{4, 7}));
  // Starts cycle through 0 .. 7 (width 3 of 10 bins): 6 + 3 -> 9 -> wraps to 1.
  EXPECT_EQ(step_window({6, 9}, 3, 10, p, 3).window, (BinWindow{1, 4}));
  EXPECT_EQ(step_window({7, 10}, 1, 10, p, 3).window, (BinWindow{0, 3}));
  p.loop = false;
  const PlaybackStep stop = step_window({6, 9}, 3, 10, p, 3);
  EXPECT_EQ(stop.window, (BinWindow{7, 10}));
  EXPECT_TRUE(stop.finished);
  EXPECT_FALSE(step_window({5, 8}, 2, 10, p, 3).finished);
}

TEST(TimelinePanel, CumulativePlaybackKeepsTheStart) {
  TimelinePlayback p;
  p.cumulative = true;
  EXPECT_EQ(step_window({2, 4}, 3, 10, p, 2).window, (BinWindow{2, 7}));
  // The end cycles through first + start width (4) .. 10: 9 + 3 -> 12 -> wraps to 5.
  EXPECT_EQ(step_window({2, 9}, 3, 10, p, 2).window, (BinWindow{2, 5}));
  EXPECT_EQ(step_window({2, 10}, 1, 10, p, 2).window, (BinWindow{2, 4}));
  p.loop = false;
  const PlaybackStep stop = step_window({2, 9}, 3, 10, p, 2);
  EXPECT_EQ(stop.window, (BinWindow{2, 10}));
  EXPECT_TRUE(stop.finished);
}

TEST(TimelinePanel, AdvancingTimeMovesTheWindowByWholeBins) {
  const Timeline tl = ten_weeks();
  TimelinePanel panel;
  FilterState f = window_of(tl, 1, 3);
  EXPECT_FALSE(panel.advance(tl, f, 1.0));  // paused: nothing moves
  EXPECT_FALSE(panel.wants_locked_color_domain());
  panel.playback().bins_per_second = 4;
  panel.play();
  EXPECT_TRUE(panel.playing());
  EXPECT_TRUE(panel.wants_locked_color_domain());
  EXPECT_TRUE(panel.advance(tl, f, 0.5));  // 4 bins/s x 0.5 s = 2 bins
  EXPECT_EQ(window_in_bins(tl, f), (BinWindow{3, 5}));
  EXPECT_FALSE(panel.advance(tl, f, 0.1));  // 0.4 bin: not yet
  EXPECT_FALSE(panel.advance(tl, f, 0.1));  // 0.8 bin
  EXPECT_TRUE(panel.advance(tl, f, 0.1));   // 1.2 bins: one step, 0.2 carried
  EXPECT_EQ(format_date(*f.from), "2024-01-29");
  EXPECT_EQ(format_date(*f.to_exclusive), "2024-02-12");
  // Loop: from start 4, 5 bins later the start cycles 4 -> 8 -> 0 (starts 0..8 for width 2).
  EXPECT_TRUE(panel.advance(tl, f, 1.25));
  EXPECT_EQ(window_in_bins(tl, f), (BinWindow{0, 2}));
  // Without loop playback stops at the end and releases the colour domain.
  panel.playback().loop = false;
  EXPECT_TRUE(panel.advance(tl, f, 10));
  EXPECT_EQ(window_in_bins(tl, f), (BinWindow{8, 10}));
  EXPECT_FALSE(panel.playing());
  EXPECT_FALSE(panel.wants_locked_color_domain());

  // Cumulative from a 2-bin window: the start stays, the end grows, then cycles to 2 bins.
  panel.playback() = TimelinePlayback{4, true, true};
  f = window_of(tl, 3, 5);
  panel.play();
  EXPECT_TRUE(panel.advance(tl, f, 0.75));
  EXPECT_EQ(window_in_bins(tl, f), (BinWindow{3, 8}));
  EXPECT_TRUE(panel.advance(tl, f, 1.0));  // 8 + 4 = 12 > 10: ends cycle 5..10 -> 6
  EXPECT_EQ(window_in_bins(tl, f), (BinWindow{3, 6}));

  // Playing with no window starts at the first bin with the default width (4 weeks).
  FilterState none;
  TimelinePanel fresh;
  fresh.play();
  EXPECT_TRUE(fresh.advance(tl, none, 0));
  EXPECT_EQ(window_in_bins(tl, none), (BinWindow{0, 4}));
  // A window not on bin edges is snapped outward to whole bins before it moves.
  FilterState odd;
  odd.from = day(2024, 1, 10);
  odd.to_exclusive = day(2024, 1, 16);
  EXPECT_EQ(window_in_bins(tl, odd), (BinWindow{1, 3}));
}

TEST(TimelinePanel, DrawAdvancesPlaybackByTheGivenTimeStep) {
  testing::HeadlessImGui gui(1200, 260);
  Session s;
  const Workspace ws = testing::demo_workspace(3000);
  std::vector<size_t> treated;
  const Timeline tl = weekly_timeline(ws, treated);
  TimelineInput in;
  in.timeline = &tl;
  TimelinePanel panel;
  FilterState f = window_of(tl, 10, 14);
  panel.playback().bins_per_second = 2;
  panel.play();
  bool changed = false;
  gui.set_mouse(5, 5, false);
  gui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("timeline", nullptr, ImGuiWindowFlags_NoDecoration);
    changed = panel.draw(in, f, ImGui::GetContentRegionAvail(), 1.5);  // 3 bins
    ImGui::End();
  });
  EXPECT_TRUE(changed);
  EXPECT_EQ(window_in_bins(tl, f), (BinWindow{13, 17}));
}

TEST(TimelinePanel, DraggingTheWindowMovesItByWholeBins) {
  testing::HeadlessImGui gui(1200, 260);
  Session s;
  const Workspace ws = testing::demo_workspace(3000);
  std::vector<size_t> treated;
  const Timeline tl = weekly_timeline(ws, treated);
  TimelineInput in;
  in.timeline = &tl;
  TimelinePanel panel;
  FilterState f = window_of(tl, 20, 26);
  bool changed = false;
  gui.set_mouse(5, 5, false);
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  const TimelineAxis ax = panel.axis();
  auto centre = [&](int64_t k) {
    return (ax.x_of(tl.bin_starts[k]) + ax.x_of(tl.bin_starts[k + 1])) / 2;
  };
  gui.set_mouse(centre(22), 150, true);  // press inside the window
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  gui.set_mouse(centre(31), 150, true);  // 9 bins to the right
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  EXPECT_FALSE(changed);  // written on release
  gui.set_mouse(centre(31), 150, false);
  gui.frame([&] { draw_in_window(panel, in, f, &changed); });
  EXPECT_TRUE(changed);
  EXPECT_EQ(window_in_bins(tl, f), (BinWindow{29, 35}));  // same width, 9 bins later
}

TEST(TimelinePanel, EveryTextExistsInBothLanguages) {
  for (int i = 0; i < static_cast<int>(TimelineText::count_); ++i) {
    const auto id = static_cast<TimelineText>(i);
    const std::string es = timeline_text(id, Language::es), en = timeline_text(id, Language::en);
    EXPECT_FALSE(es.empty()) << i;
    EXPECT_FALSE(en.empty()) << i;
  }
  EXPECT_STREQ(timeline_text(TimelineText::play, Language::es), "Reproducir");
  EXPECT_STREQ(timeline_text(TimelineText::cumulative, Language::en), "Cumulative");
}

TEST(TimelinePanel, RendersTreatedVsComparisonWithMarkersAndCounterfactual) {
  FARO_UI_REQUIRE_EGL(gl);
  const std::filesystem::path dir = testing::screenshot_dir();
  Session s;
  const Workspace ws = testing::demo_workspace(15000);
  std::vector<size_t> treated;
  const Timeline tl = weekly_timeline(ws, treated);

  // The ITS counterfactual of the first program, per treated sector, at each week's centre.
  EvaluationRequest req =
      make_evaluation_request(ws.sectors, ws.programs, {ws.programs[0].name}, {});
  req.data_from = ws.data_from;
  req.data_to_exclusive = ws.data_to_exclusive;
  const ProgramEvaluation ev =
      evaluate_program(ws.incidents, ws.sectors.size(), IncidentFilter{}, req);
  ASSERT_TRUE(ev.its) << eval_reason_text(ev.its.why, Language::en);
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
