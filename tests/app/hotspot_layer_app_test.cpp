// The hotspots layer in the dashboard (issue 15, "Place on the map" item 4): the analysis runs on
// the hotspot worker, never on the UI thread, and the live map shows its classes (pixels sampled
// at hot and not-significant units), in Spanish and English; the screen equals the export of the
// same view (internal and presenting, hexagon units); and `faro render --layers hotspots` equals
// the dashboard's export of the same style. FARO_APP_TEST_KEEP=DIR keeps the images.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cfloat>
#include <chrono>
#include <thread>

#include "app/export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app/hotspot_worker.hpp"
#include "app/map_view.hpp"
#include "app/session_map.hpp"
#include "app_test_util.hpp"
#include "io/png_writer.hpp"
#include "io/map_style_json.hpp"
#include "io/style_presets.hpp"
#include "render/egl_context.hpp"
#include "render/style_fills.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

constexpr int kChannelTolerance = 24;  // the golden tolerance (tests/app/one_renderer_test.cpp)
constexpr double kMaxDifferingFraction = 0.02;

void keep(const render::RgbaImage& img, const std::string& name) {
  if (const char* dir = std::getenv("FARO_APP_TEST_KEEP"))
    io::write_png_rgba(std::string(dir) + "/" + name, img.pixels, img.width, img.height);
}

double differing_fraction(const render::RgbaImage& a, const render::RgbaImage& b) {
  const size_t n = faro_test::count_different(a, b, kChannelTolerance);
  if (n == static_cast<size_t>(-1)) return 1.0;
  return static_cast<double>(n) / (static_cast<double>(a.width) * a.height);
}

CivilSeconds day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * kSecondsPerDay; }

// The style `faro render --layers hotspots` draws (cli/render_style_args.cpp apply_layer_list):
// the default style with only a hotspots layer, from its preset, visible.
MapStyle hotspots_only(const HotspotStyle& h) {
  MapStyle style = io::default_style();
  for (StyleLayer& l : style.layers) l.visible = l.kind == LayerKind::hotspots;
  if (!style.find(LayerKind::hotspots)) {
    StyleLayer& added = style.layer(LayerKind::hotspots);
    const std::string id = added.id;
    added = io::layer_preset("hotspots");
    added.id = id;
    added.visible = true;
  }
  style.find(LayerKind::hotspots)->hotspots = h;
  return style;
}

HotspotStyle hexagons(double cell_m) {
  HotspotStyle h = io::layer_preset("hotspots").hotspots;
  h.unit = HotspotUnit::hex;
  h.cell_m = cell_m;
  return h;
}

TEST(HotspotWorker, RunsTheAnalysisOffTheCallingThreadAndEqualsTheDirectComputation) {
  HotspotWorker worker(0ms);
  HotspotJob job;
  job.snapshot = faro_test::demo_snapshot();
  job.style = hexagons(1500);
  job.generation = 7;
  worker.request(job);
  ASSERT_TRUE(worker.wait_idle(120s));
  std::optional<HotspotResult> r = worker.take_result();
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->error.empty()) << r->error;
  EXPECT_NE(r->computed_on, std::this_thread::get_id());
  EXPECT_EQ(r->generation, 7u);
  EXPECT_GT(r->layer.units, 20u);
  EXPECT_EQ(r->layer.cells.size(), r->layer.bins.size());
  EXPECT_FALSE(r->layer.p_choice.user_given);  // the preset's "auto": the rule chose
  // Deterministic (seeded permutations): the same job computed here gives the same classes.
  EXPECT_EQ(compute_hotspots(job).layer.bins, r->layer.bins);
  std::printf("hotspot worker: %zu hexagons of 1.5 km, %s, %.0f ms\n", r->layer.units,
              p_method_field(r->layer.p_choice).c_str(), r->compute_ms);
}

std::unique_ptr<HeadlessDashboard> dashboard(Language lang, bool presentation) {
  DashboardOptions o;
  o.width = 1000;
  o.height = 640;
  o.language = lang;
  o.presentation = presentation;
  auto d = std::make_unique<HeadlessDashboard>(o);
  ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  d->frame();
  EXPECT_TRUE(d->app().settle(120s));
  d->frame();
  return d;
}

// Frames until both workers are idle and their results drawn.
void finish(HeadlessDashboard& d) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(d.app().settle(180s));
    d.frame();
  }
}

TEST(HotspotLayerApp, TheDashboardComputesTheLayerInTheBackgroundAndShowsIt) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  for (const Language lang : {Language::es, Language::en}) {
    SCOPED_TRACE(lang == Language::es ? "es" : "en");
    auto d = dashboard(lang, false);
    // The whole period on 800 m hexagons with the analytic p: the demo city's hot cells (its
    // conditional permutations find cold cells only: a hot hexagon's count is high, its
    // neighbours' less so, and random neighbours from the skewed counts often sum as high).
    HotspotStyle h = hexagons(800);
    h.permutations = 0;
    d->app().session().style = hotspots_only(h);
    d->app().session().style.layer(LayerKind::sectors).visible = true;  // context under the cells
    d->frame();
    // The frame that asked for the analysis did not wait for it.
    EXPECT_TRUE(d->app().map().hotspots_busy());
    EXPECT_FALSE(d->app().map().hotspots_shown().has_value());
    finish(*d);
    const auto& shown = d->app().map().hotspots_shown();
    ASSERT_TRUE(shown.has_value());
    ASSERT_TRUE(d->app().map().hotspots_computed_on().has_value());
    EXPECT_NE(*d->app().map().hotspots_computed_on(), std::this_thread::get_id());
    ASSERT_EQ(shown->unit, HotspotUnit::hex);
    ASSERT_EQ(shown->cells.size(), shown->bins.size());
    // The legend: Gi* classes in the session's language, with how p was made.
    bool legend = false;
    for (const render::LegendClasses& c : d->app().status().fill_legends)
      if (c.title.find("Gi*") != std::string::npos) {
        legend = true;
        EXPECT_FALSE(c.note.empty());
        EXPECT_EQ(c.note, lang == Language::es ? "p normal (analítica)" : "normal (analytic) p");
        EXPECT_NE(c.title.find(lang == Language::es ? "hexágonos" : "hexagons"), std::string::npos)
            << c.title;
      }
    EXPECT_TRUE(legend);
    // Pixels at the cells' centres are their class colours (opacity 0.85 over the pale sectors).
    const render::RgbaImage map = d->app().map().read_back();
    keep(map, std::string("hotspots_map_") + (lang == Language::es ? "es" : "en") + ".png");
    keep(d->read(), std::string("hotspots_dashboard_") + (lang == Language::es ? "es" : "en") +
                        ".png");
    const render::Camera& cam = d->app().map().camera();
    int hot = 0, plain = 0, checked = 0, matched = 0;
    for (size_t k = 0; k < shown->cells.size(); ++k) {
      const Ring& ring = shown->cells[k][0].outer;
      Vec2 c{0, 0};
      for (const Vec2& v : ring) c = {c.x + v.x / ring.size(), c.y + v.y / ring.size()};
      const Vec2 p = cam.world_to_pixel(c);
      if (p.x < 2 || p.y < 2 || p.x >= map.width - 2 || p.y >= map.height - 2) continue;
      const render::Rgba8 got = map.at(static_cast<int>(p.x), static_cast<int>(p.y));
      const render::Rgba8 fill = render::gi_bin_fill(shown->bins[k]);
      const render::Rgba8 under = render::kPaleFill;
      const auto blend = [](int a, int b) { return static_cast<int>(0.85 * a + 0.15 * b); };
      const bool near = std::abs(got.r - blend(fill.r, under.r)) <= 30 &&
                        std::abs(got.g - blend(fill.g, under.g)) <= 30 &&
                        std::abs(got.b - blend(fill.b, under.b)) <= 30;
      checked += 1;
      matched += near;
      if (near) {
        hot += shown->bins[k] > 0;
        plain += shown->bins[k] == 0;
      }
    }
    std::printf("%s: %d cell centres sampled, %d hot and %d not significant as coloured\n",
                lang == Language::es ? "es" : "en", checked, hot, plain);
    EXPECT_GT(checked, 20);
    EXPECT_GE(matched, checked * 95 / 100);  // every unit in its class colour (a few under lines)
    EXPECT_GT(hot, 0);  // the demo city's planted hot spots
    EXPECT_GT(plain, 0);
  }
}

// Live map == export of the same view, hotspots on hexagons (the renderer's cell path).
void expect_hotspot_screen_equals_export(bool presentation) {
  auto d = dashboard(Language::en, presentation);
  Session& s = d->app().session();
  s.filter.from = day(2023, 1, 1);
  s.filter.to_exclusive = day(2024, 1, 1);
  // 400 m asked: presenting draws them at the partner floor of 500 m, the export too.
  s.style = hotspots_only(hexagons(400));
  s.style.layer(LayerKind::sectors).visible = true;
  d->frame();
  finish(*d);
  ASSERT_TRUE(d->app().map().hotspots_shown().has_value());
  EXPECT_DOUBLE_EQ(d->app().map().hotspots_shown()->cell_m, presentation ? 500.0 : 400.0);
  const render::RgbaImage screen = d->app().map().read_back();
  SessionMapRequest request;
  request.width = screen.width;
  request.height = screen.height;
  request.view = d->app().map().camera().visible_box();
  request.ui_scale = 1.0;
  request.samples = 0;
  request.overlay = false;
  request.internal = !presentation;
  const SnapshotPtr snap = d->app().snapshot();
  render::MapSceneResult exported;
  {
    render::EglContext own;
    exported = render_session_map(*snap->data, snap->filtered->rows, d->app().session(), request);
  }
  keep(screen, presentation ? "hot_screen_presenting.png" : "hot_screen.png");
  keep(exported.image, presentation ? "hot_export_presenting.png" : "hot_export.png");
  EXPECT_LE(differing_fraction(screen, exported.image), kMaxDifferingFraction);
  // Both show hot cells (not two pale maps that agree).
  const render::Rgba8 hot = render::gi_bin_fill(3);
  const render::Rgba8 seen{static_cast<uint8_t>(0.85 * hot.r + 0.15 * 238),
                           static_cast<uint8_t>(0.85 * hot.g + 0.15 * 238),
                           static_cast<uint8_t>(0.85 * hot.b + 0.15 * 236), 255};
  const size_t on_screen = faro_test::count_color(screen, seen, 20, 0, 0, screen.width, screen.height);
  const size_t in_export =
      faro_test::count_color(exported.image, seen, 20, 0, 0, screen.width, screen.height);
  EXPECT_GT(on_screen, 50u);
  EXPECT_NEAR(static_cast<double>(on_screen), static_cast<double>(in_export), 0.05 * in_export + 20);
}

TEST(HotspotLayerApp, ScreenEqualsTheExportOfTheView) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  expect_hotspot_screen_equals_export(false);
}

TEST(HotspotLayerApp, PresentingEqualsThePartnerSafeExport) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  expect_hotspot_screen_equals_export(true);
}

TEST(HotspotLayerApp, FaroRenderLayersHotspotsEqualsTheDashboardExport) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  faro_test::TempDir tmp;
  // Two years of the demo city on 800 m hexagons: Gi* classes (analytic p, so internal: a
  // partner's map runs permutations, and with them the demo shows no hot cell) and the emerging
  // patterns by month. Opaque, so the class colours are exact in both images.
  HotspotStyle gi = hexagons(800);
  gi.permutations = 0;
  HotspotStyle emerging = hexagons(800);
  emerging.emerging = true;
  for (const HotspotStyle& h : {gi, emerging}) {
    SCOPED_TRACE(h.emerging ? "emerging" : "Gi*");
    Session s;
    s.language = Language::en;
    s.title = "Hot spots";
    s.filter.from = day(2022, 1, 1);
    s.filter.to_exclusive = day(2024, 1, 1);
    s.style = hotspots_only(h);
    s.style.find(LayerKind::hotspots)->opacity = 1.0f;
    const std::string style_file = tmp.file("style.json");
    io::write_style_file(s.style, style_file);
    const SnapshotPtr snap = faro_test::demo_snapshot(s.filter);
    const std::string from_dashboard = tmp.file("dashboard.png");
    {
      ExportJob job(snap, s, from_dashboard, 960, 540, /*internal=*/true);
      for (int i = 0; i < 18000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
      ASSERT_TRUE(job.done());
      ASSERT_TRUE(job.error().empty()) << job.error();
    }
    const std::string from_cli = tmp.file("cli.png");
    std::string log;
    ASSERT_EQ(faro_test::run_command(std::string(FARO_BINARY) + " render --style " + style_file +
                                         " --layers hotspots --from 2022-01-01 --to 2023-12-31 "
                                         "--internal --lang en --title 'Hot spots' --ledger " +
                                         tmp.file("ledger.json") +
                                         " --width 960 --height 540 -o " + from_cli,
                                     &log),
              0)
        << log;
    const render::RgbaImage a = faro_test::read_png(from_dashboard);
    const render::RgbaImage b = faro_test::read_png(from_cli);
    keep(a, std::string("hotspots_export_dashboard") + (h.emerging ? "_emerging" : "") + ".png");
    keep(b, std::string("hotspots_render_cli") + (h.emerging ? "_emerging" : "") + ".png");
    const double diff = differing_fraction(a, b);
    std::printf("faro render --layers hotspots vs dashboard export (%s): %.3f %% of pixels differ\n",
                h.emerging ? "emerging" : "Gi*", 100 * diff);
    EXPECT_LE(diff, kMaxDifferingFraction) << log;
    // Not two pale maps that agree: the classes the analysis finds are drawn in both.
    const IncidentStore sel = rows_store(*snap->data, snap->filtered->rows);
    const render::HotspotLayer layer = render::compute_hotspot_layer(
        snap->data->sectors, sel, Period{*s.filter.from, *s.filter.to_exclusive}, h, false);
    const std::vector<render::Rgba8> colors = render::hotspot_colors(layer);
    std::optional<render::Rgba8> significant;
    for (size_t k = 0; k < colors.size(); ++k)
      if (h.emerging ? layer.patterns[k] != EmergingPattern::none : layer.bins[k] > 0)
        significant = colors[k];
    ASSERT_TRUE(significant.has_value());
    EXPECT_GT(faro_test::count_color(a, *significant, 4, 0, 0, a.width, a.height), 100u);
    EXPECT_GT(faro_test::count_color(b, *significant, 4, 0, 0, b.width, b.height), 100u);
  }
}

}  // namespace
}  // namespace faro::app
