// File ▸ Export animation's job: the demo city's months written to a video that a standard decoder
// reads back with one frame per step, cancel leaves nothing behind, and the dashboard's request
// follows the timeline (its window, its bins). Through the app: the action starts the job and the
// status bar's numbers follow it.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "app/animation_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app_test_util.hpp"
#include "io/style_presets.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

CivilSeconds day(int y, int m, int d) { return days_from_civil(y, m, d) * kSecondsPerDay; }


bool wait_done(const AnimationJob& job, std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!job.done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

std::string probe(const std::string& path) {
  std::string out;
  faro_test::run_command("ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                         "stream=width,height,nb_read_frames -of csv=p=0 " + path + " 2>&1",
                         &out);
  while (!out.empty() && (out.back() == '\n' || out.back() == ',')) out.pop_back();
  return out;
}

Session demo_session() {
  Session s;
  s.style = io::default_style();
  s.language = Language::en;
  return s;
}

TEST(AnimationJob, WritesOneFramePerMonth) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  faro_test::TempDir tmp;
  AnimationRequest r;
  r.path = tmp.file("months.gif");
  r.from = day(2024, 1, 1);
  r.to_exclusive = day(2024, 4, 1);
  r.width = 320;
  r.height = 180;
  AnimationJob job(faro_test::demo_snapshot(), demo_session(), r);
  EXPECT_EQ(job.frames_total(), 3);
  ASSERT_TRUE(wait_done(job, 120s));
  EXPECT_EQ(job.error(), "");
  EXPECT_EQ(job.frames_done(), 3);
  EXPECT_EQ(probe(r.path), "320,180,3");
}

TEST(AnimationJob, WeeksTooSparseForAHeatmapAreOneCoarserMapForEveryFrame) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  faro_test::TempDir tmp;
  AnimationRequest r;
  r.path = tmp.file("weeks.gif");
  r.step = AnimationStep::week;
  r.from = day(2024, 1, 1);
  r.to_exclusive = day(2024, 1, 29);
  r.width = 320;
  r.height = 180;
  // The dashboard's default style: an adaptive heatmap of 400 m, which a week of the demo city
  // leaves blank once partner-safe (render/animation_test.cpp draws the frames).
  AnimationJob job(faro_test::demo_snapshot(), demo_session(), r);
  ASSERT_TRUE(wait_done(job, 120s));
  EXPECT_EQ(job.error(), "");
  ASSERT_TRUE(job.representation().has_value());
  EXPECT_NE(job.representation()->kind, Representation::heatmap);
  EXPECT_GT(job.representation()->published, job.representation()->requested_published);
  EXPECT_EQ(probe(r.path), "320,180,4");
}

TEST(AnimationJob, CancelLeavesNoFile) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  faro_test::TempDir tmp;
  AnimationRequest r;
  r.path = tmp.file("weeks.mp4");
  r.step = AnimationStep::week;
  r.from = day(2022, 1, 3);
  r.to_exclusive = day(2024, 1, 1);
  r.width = 320;
  r.height = 180;
  AnimationJob job(faro_test::demo_snapshot(), demo_session(), r);
  EXPECT_GT(job.frames_total(), 100);
  job.cancel();
  ASSERT_TRUE(wait_done(job, 60s));
  EXPECT_TRUE(job.cancelled());
  EXPECT_EQ(job.error(), "");
  EXPECT_LT(job.frames_done(), job.frames_total());
  EXPECT_TRUE(std::filesystem::is_empty(tmp.path())) << "no video, no temporary file";
}

TEST(AnimationJob, TheDashboardAnimatesTheTimelinesWindowInItsBins) {
  const Workspace& ws = *faro_test::demo_workspace();
  // The demo spans several years: the timeline shows months, and so does the animation.
  const AnimationRequest all = dashboard_animation_request(ws, {}, "a.mp4", false);
  EXPECT_EQ(all.step, AnimationStep::month);
  EXPECT_LE(all.from, ws.data_from);
  EXPECT_GE(all.to_exclusive, ws.data_to_exclusive);
  EXPECT_EQ(civil_from_days(days_of(all.from)).d, 1);
  FilterState window;
  window.from = day(2024, 1, 1);
  window.to_exclusive = day(2024, 7, 1);
  const AnimationRequest part = dashboard_animation_request(ws, window, "a.gif", true);
  EXPECT_EQ(part.from, day(2024, 1, 1));
  EXPECT_EQ(part.to_exclusive, day(2024, 7, 1));
  EXPECT_TRUE(part.cumulative);
  EXPECT_EQ(plan_animation(part.from, part.to_exclusive, part.step, true).frames.size(), 6u);
}

TEST(AnimationJob, TheMenuActionStartsItAndTheStatusBarFollows) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  DashboardOptions o;
  o.width = 900;
  o.height = 600;
  o.language = Language::en;
  HeadlessDashboard d(o);
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  d.app().session().filter.from = day(2024, 1, 1);
  d.app().session().filter.to_exclusive = day(2024, 3, 1);
  d.frame();
  faro_test::TempDir tmp;
  ui::UiAction a;
  a.kind = ui::UiAction::Kind::export_animation;
  a.path = tmp.file("two.mp4");
  a.width = 320;
  a.height = 180;
  d.app().request(a);
  d.frame();
  ASSERT_NE(d.app().animation(), nullptr);
  EXPECT_EQ(d.app().animation()->frames_total(), 2);
  d.frame();
  EXPECT_EQ(d.app().status().animation_frames, 2);
  for (int i = 0; i < 6000 && d.app().animation(); ++i) {
    d.frame();
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(d.app().animation(), nullptr);
  EXPECT_EQ(d.app().status().animation_frames, 0);
  EXPECT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  EXPECT_EQ(probe(a.path), "320,180,2");
}

}  // namespace
}  // namespace faro::app
