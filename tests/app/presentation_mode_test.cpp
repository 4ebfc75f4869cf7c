// Presentation mode that presents (issue 13): at 1366x768 and 1920x1080, in Spanish and English,
// the map takes at least 70 % of the screen, the city lies wholly in it (never under the caption
// column with the title, legends and footer), the timeline is hidden until hovered, the subtitle
// states the offences and the period, the selection outline shows only under the pointer, and a
// title written for other data does not outlive it. FARO_APP_TEST_KEEP=DIR keeps the screenshots.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cstdio>

#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app_test_util.hpp"
#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"
#include "ui/presentation_text.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;


void keep(const render::RgbaImage& img, const std::string& name) {
  if (const char* dir = std::getenv("FARO_APP_TEST_KEEP"))
    io::write_png_rgba(std::string(dir) + "/" + name, img.pixels, img.width, img.height);
}

void pointer_away() { ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX); }

// The demo city presenting at w x h in `lang`, loaded and with its heatmap finished.
std::unique_ptr<HeadlessDashboard> presenting(int w, int h, Language lang) {
  DashboardOptions o;
  o.width = w;
  o.height = h;
  o.language = lang;
  o.presentation = true;
  auto d = std::make_unique<HeadlessDashboard>(o);
  pointer_away();
  d->frame();
  EXPECT_TRUE(d->app().settle(120s));
  d->frame();
  EXPECT_TRUE(d->app().map().settle_heatmap(60s));
  d->frame();
  d->frame();
  return d;
}

bool window_active(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  return w && w->Active;
}

TEST(PresentationMode, MapTakesSeventyPercentAndTheCityLiesBesideTheCaption) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  struct Size {
    int w, h;
  };
  for (const Size size : {Size{1366, 768}, Size{1920, 1080}})
    for (const Language lang : {Language::es, Language::en}) {
      SCOPED_TRACE(std::to_string(size.w) + "x" + std::to_string(size.h) +
                   (lang == Language::es ? " es" : " en"));
      auto d = presenting(size.w, size.h, lang);
      const ui::MapRegion& r = d->app().map_region();
      const double fraction =
          static_cast<double>(r.width) * r.height / (static_cast<double>(size.w) * size.h);
      std::printf("presentation %dx%d: map %.0fx%.0f at x=%.0f = %.1f %% of the screen\n", size.w,
                  size.h, r.width, r.height, r.x, 100 * fraction);
      EXPECT_GE(fraction, 0.70);
      // The caption column (title, subtitle, legends, scale bar, footer) is everything left of the
      // map; the city's projected extent lies inside the map, over nearly its whole height.
      const render::Camera& cam = d->app().map().camera();
      const Box ext = d->app().workspace().extent;
      const Vec2 nw = cam.world_to_pixel({ext.xmin, ext.ymax});
      const Vec2 se = cam.world_to_pixel({ext.xmax, ext.ymin});
      EXPECT_GE(r.x + nw.x, r.x);
      EXPECT_LE(r.x + se.x, r.x + r.width);
      EXPECT_GE(r.y + nw.y, 0);
      EXPECT_LE(r.y + se.y, size.h);
      EXPECT_GT(std::max(se.y - nw.y, (se.x - nw.x) * r.height / r.width), 0.85 * r.height)
          << "the city is not fitted to the map";
      EXPECT_TRUE(window_active("##presentation_caption"));
      EXPECT_FALSE(window_active("##map_overlay"));  // nothing drawn over the map
      EXPECT_FALSE(window_active("##timeline"));     // hidden: the pointer is elsewhere
      const render::RgbaImage shot = d->read();
      keep(shot, "presentation_" + std::to_string(size.w) + "x" + std::to_string(size.h) +
                     (lang == Language::es ? "_es.png" : "_en.png"));
      // The column holds words and legends (not blank), on the map's own background colour.
      const int col = static_cast<int>(r.x);
      EXPECT_GT(faro_test::luminance_stddev(shot, 0, 0, col, size.h), 10.0);
      EXPECT_GT(faro_test::count_color(shot, render::Rgba8{250, 250, 248, 255}, 1, 0, 0, col,
                                       size.h),
                static_cast<size_t>(col) * size.h / 3);
    }
}

TEST(PresentationMode, TimelineAppearsOnlyUnderThePointer) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  auto d = presenting(1366, 768, Language::en);
  EXPECT_FALSE(window_active("##timeline"));
  const ui::MapRegion& r = d->app().map_region();
  ImGui::GetIO().MousePos = ImVec2(r.x + r.width / 2, r.y + r.height - 10);
  d->frame();
  EXPECT_TRUE(window_active("##timeline"));
  pointer_away();
  d->frame();
  EXPECT_FALSE(window_active("##timeline"));
  // Playback goes on while the controls are hidden.
  d->app().ui().play_timeline();
  const FilterState before = d->app().session().filter;
  for (int i = 0; i < 5; ++i) d->frame();
  EXPECT_FALSE(d->app().session().filter == before);
}

TEST(PresentationMode, SelectionOutlineShowsOnlyUnderThePointer) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  auto d = presenting(1366, 768, Language::es);
  const ui::MapRegion& r = d->app().map_region();
  const ImVec2 centre(r.x + r.width / 2, r.y + r.height / 2);
  ImGui::GetIO().MousePos = centre;
  d->frame();
  ASSERT_TRUE(d->app().map().hovered().has_value());
  const std::string name =
      d->app().workspace().sectors.sectors[static_cast<size_t>(*d->app().map().hovered())].name;
  const render::RgbaImage hovered = d->app().map().read_back();
  pointer_away();
  d->frame();
  const render::RgbaImage plain = d->app().map().read_back();
  d->app().session().selection = {name};
  d->frame();
  EXPECT_EQ(faro_test::count_different(plain, d->app().map().read_back()), 0u)
      << "a selected sector is outlined for the audience";
  ImGui::GetIO().MousePos = centre;
  d->frame();
  EXPECT_GT(faro_test::count_different(hovered, d->app().map().read_back()), 0u)
      << "the selected sector under the pointer is not outlined";
  // The analyst's map keeps its selection outline.
  pointer_away();
  d->app().status().presentation = false;
  d->frame();
  const render::RgbaImage selected = d->app().map().read_back();
  d->app().session().selection.clear();
  d->frame();
  EXPECT_GT(faro_test::count_different(selected, d->app().map().read_back()), 0u);
}

TEST(PresentationMode, SubtitleNamesTheOffencesAndThePeriodShown) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  auto d = presenting(1366, 768, Language::es);
  FilterState& f = d->app().session().filter;
  f.categories = {"disparos de arma de fuego", "homicidio por arma de fuego"};
  f.from = days_from_civil(2024, 1, 1) * kSecondsPerDay;
  f.to_exclusive = days_from_civil(2024, 7, 1) * kSecondsPerDay;
  d->frame();
  const Workspace& ws = d->app().workspace();
  const FilterState& shown = d->app().snapshot()->filter;  // what the map and caption draw
  EXPECT_EQ(ui::presentation_subtitle(ws, shown, Language::es),
            "Disparos de arma de fuego y homicidio por arma de fuego · 1 ene – 30 jun 2024");
  EXPECT_EQ(ui::presentation_subtitle(ws, shown, Language::en),
            "Disparos de arma de fuego and homicidio por arma de fuego · 1 Jan – 30 Jun 2024");
  ASSERT_TRUE(d->app().map().settle_heatmap(60s));
  d->frame();
  d->frame();
  keep(d->read(), "presentation_filtered_es.png");
}

TEST(PresentationMode, ATitleWrittenForOtherDataDoesNotOutliveIt) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  auto d = presenting(1366, 768, Language::es);
  d->app().session().title = "Todos los delitos, CDMX";
  d->frame();
  EXPECT_EQ(ui::presentation_title(d->app().workspace(), d->app().session()),
            "Todos los delitos, CDMX");
  // Opening other data (here: the demo city again, as File > New demo does) drops it.
  ui::UiAction open;
  open.kind = ui::UiAction::Kind::new_demo;
  d->app().request(open);
  d->frame();
  ASSERT_TRUE(d->app().settle(120s));
  d->frame();
  EXPECT_TRUE(d->app().session().title.empty());
  EXPECT_EQ(ui::presentation_title(d->app().workspace(), d->app().session()), "Ciudad demo");
}

}  // namespace
}  // namespace faro::app
