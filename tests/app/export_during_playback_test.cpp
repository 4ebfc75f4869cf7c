// The data race of issue 12: an export (ExportJob, its own thread) reads the filtered rows while
// the UI thread replaces the filter every playback step. With immutable data snapshots the export
// keeps the snapshot it started from, whatever the UI does meanwhile; scripts/test-tsan.sh runs
// this under ThreadSanitizer, which reports any unsynchronised access.
#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>
#include <thread>

#include "app/export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app_test_util.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;


TEST(ExportDuringPlayback, TheExportKeepsTheSnapshotItStartedFrom) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  DashboardOptions o;
  o.width = 1000;
  o.height = 640;
  o.language = Language::en;
  HeadlessDashboard d(o);
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  d.frame();

  faro_test::TempDir tmp;
  const std::string png = tmp.file("during_playback.png");
  ui::UiAction a;
  a.kind = ui::UiAction::Kind::export_png;
  a.path = png;
  a.width = 1600;  // large enough that the UI runs frames while it renders
  a.height = 900;
  d.app().request(a);
  d.frame();  // carried out after this frame
  ASSERT_EQ(d.app().exports().size(), 1u);
  const SnapshotPtr started = d.app().exports().front()->snapshot();
  ASSERT_EQ(started, d.app().snapshot());
  const FilterState started_filter = started->filter;
  // What the app gave the job besides the snapshot: the session's styles and the camera's view.
  const Session started_session = d.app().session();
  const Box started_view = d.app().map().camera().visible_box();
  const std::vector<uint32_t> started_rows = started->filtered->rows;

  // Playback and filter edits on the UI thread while the export runs.
  d.app().ui().play_timeline();
  const Workspace& ws = d.app().workspace();
  ASSERT_GT(ws.incidents.categories.size(), 2u);
  int frames_while_exporting = 0;
  uint64_t generation_while_exporting = started->generation;
  for (int i = 0; i < 4000 && !d.app().exports().empty(); ++i) {
    if (i % 5 == 2) {
      FilterState& f = d.app().session().filter;  // as the categories checklist edits it
      if (f.categories.empty())
        f.categories = {ws.incidents.categories.name(1)};
      else
        f.categories.clear();
    }
    d.frame();
    if (!d.app().exports().empty()) {
      ++frames_while_exporting;
      generation_while_exporting = d.app().snapshot()->generation;
    }
  }
  ASSERT_TRUE(d.app().exports().empty()) << "the export never finished";
  EXPECT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  // The UI moved on while the export ran: new snapshots, another filter.
  EXPECT_GT(frames_while_exporting, 0);
  EXPECT_GT(generation_while_exporting, started->generation);
  EXPECT_FALSE(d.app().snapshot()->filter == started_filter);
  // What the export held is what it started with: never mutated.
  EXPECT_EQ(started->filter, started_filter);
  EXPECT_EQ(started->filtered->rows, started_rows);

  // And the image is the one the started snapshot gives with nothing moving: the same job run
  // again from that snapshot, session and view, with the UI idle.
  const std::string reference = tmp.file("reference.png");
  {
    ExportJob again(started, started_session, reference, 1600, 900, false, started_view);
    for (int i = 0; i < 12000 && !again.done(); ++i) std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(again.done());
    ASSERT_TRUE(again.error().empty()) << again.error();
  }
  const render::RgbaImage got = faro_test::read_png(png);
  const render::RgbaImage want = faro_test::read_png(reference);
  ASSERT_EQ(got.width, 1600);
  ASSERT_EQ(got.height, 900);
  EXPECT_GT(faro_test::luminance_stddev(got, 0, 0, 1600, 900), 10.0);
  EXPECT_EQ(faro_test::count_different(got, want), 0u);
}

}  // namespace
}  // namespace faro::app
