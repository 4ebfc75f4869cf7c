// Partner-safe presenting in the dashboard (issue 7): the pure rules (counts shown as "<k",
// bandwidth and density floors, rounded colour maximum, export options), the live map in
// presentation mode (protected heatmap, no raw-count tooltip, no choropleth classes), and PNG
// exports (one incident never shows as a hot spot unless the export is internal).
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <numbers>
#include <thread>

#include "app/export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app/map_styling.hpp"
#include "app/map_view.hpp"
#include "app/partner_safe_view.hpp"
#include "app_test_util.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

bool have_gl() {
  try {
    render::EglContext probe;
    return true;
  } catch (const render::GlUnavailable&) {
    return false;
  }
}

TEST(PartnerSafeView, CountsOneToKMinusOneShowAsLessThanK) {
  const DisclosurePolicy p = dashboard_policy();
  ASSERT_EQ(p.k, 5);
  EXPECT_EQ(shown_count(0, true, p), "0");  // zeros are published (core/disclosure.hpp rule 1)
  for (int n = 1; n <= 4; ++n) EXPECT_EQ(shown_count(n, true, p), "<5") << n;
  EXPECT_EQ(shown_count(5, true, p), "5");
  EXPECT_EQ(shown_count(1234, true, p), "1,234");
  EXPECT_EQ(shown_count(3, false, p), "3");  // internal: raw counts
  DisclosurePolicy k10 = p;
  k10.k = 10;
  EXPECT_EQ(shown_count(9, true, k10), "<10");
}

TEST(PartnerSafeView, BandwidthIsRaisedToTheFloorOnlyWhenProtecting) {
  const DisclosurePolicy p = dashboard_policy();
  EXPECT_DOUBLE_EQ(protected_bandwidth_m(300, true, p), 500);
  EXPECT_DOUBLE_EQ(protected_bandwidth_m(800, true, p), 800);
  EXPECT_DOUBLE_EQ(protected_bandwidth_m(300, false, p), 300);
}

TEST(PartnerSafeView, HeatmapFloorIsThePeakOfKIncidentsAndTheMaximumIsRounded) {
  KdeParams params;
  params.kernel = KdeKernel::quartic;
  params.bandwidth_m = 500;
  params.period_years = 2;
  render::HeatmapStyle style;
  style.domain.min = 0;
  style.domain.max = 12.345f;
  style.transparent_below = 0.37f;
  const render::HeatmapStyle safe = protect_heatmap_style(style, params, dashboard_policy());
  // Quartic peak 3 / (pi h^2) per m², x 1e6 m²/km², / 2 years, x k = 5 incidents (by hand).
  const double peak5 = 5 * 3.0 / (std::numbers::pi * 500.0 * 500.0) * 1e6 / 2;
  EXPECT_NEAR(safe.transparent_below, peak5, 1e-4);  // 9.549
  EXPECT_FLOAT_EQ(safe.domain.max, 12.0f);           // 2 significant digits
  // A floor already above k peaks is kept.
  style.transparent_below = 20;
  EXPECT_FLOAT_EQ(protect_heatmap_style(style, params, dashboard_policy()).transparent_below, 20);
}

TEST(PartnerSafeView, PresentationDrawsNoChoroplethClasses) {
  Session s;
  s.layers = default_layers();
  for (LayerStyle& l : s.layers)
    if (l.id == LayerId::choropleth || l.id == LayerId::points) l.visible = true;
  EXPECT_TRUE(plan_layers(s, false).choropleth);
  const MapLayerPlan plan = plan_layers(s, true);
  EXPECT_FALSE(plan.choropleth);  // pale fills, as `faro render` draws outlines
  EXPECT_FALSE(plan.points);
  int fills = 0;
  for (const auto& l : plan.layers) fills += l.kind == render::MapDrawLayer::Kind::sectors;
  EXPECT_EQ(fills, 1);
}

TEST(PartnerSafeView, ExportOptionsAreProtectedOrStampedInternal) {
  const auto ws = faro_test::demo_workspace();
  Session s;
  s.layers = default_layers();
  for (LayerStyle& l : s.layers)
    if (l.id == LayerId::points) l.visible = true;
  s.heatmap.bandwidth_m = 250;
  s.heatmap.color_max_locked = true;
  s.heatmap.color_max = 123.4f;
  render::MapSceneOptions safe = export_scene_options(*ws, s, 800, 600, false);
  ASSERT_EQ(safe.layers.count(render::SceneLayer::points), 1u);
  protect_export_options(safe, true, ws->data_from, ws->data_to_exclusive);
  EXPECT_EQ(safe.layers.count(render::SceneLayer::points), 0u);
  EXPECT_DOUBLE_EQ(safe.kde.bandwidth_m, 500);
  ASSERT_TRUE(safe.color_max);
  EXPECT_FLOAT_EQ(*safe.color_max, 120.0f);
  EXPECT_GT(safe.min_drawn_density, 0);
  ASSERT_EQ(safe.footer_lines.size(), 2u);
  EXPECT_NE(safe.footer_lines[0].find("< 5"), std::string::npos) << safe.footer_lines[0];
  EXPECT_TRUE(safe.stamp.empty());
  render::MapSceneOptions internal = export_scene_options(*ws, s, 800, 600, false);
  protect_export_options(internal, false, ws->data_from, ws->data_to_exclusive);
  EXPECT_EQ(internal.stamp, "USO INTERNO / INTERNAL USE");
  EXPECT_EQ(internal.layers.count(render::SceneLayer::points), 1u);
  EXPECT_DOUBLE_EQ(internal.kde.bandwidth_m, 250);
}

// Exports of a workspace whose filter keeps one incident: the internal map shows it as a hot spot,
// the partner-safe one does not colour its place at all.
render::RgbaImage export_png(SnapshotPtr snap, const std::string& path, bool internal) {
  Session s;
  ExportJob job(std::move(snap), s, path, 640, 480, false, internal);
  for (int i = 0; i < 6000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(job.done());
  EXPECT_TRUE(job.error().empty()) << job.error();
  return faro_test::read_png(path);
}

TEST(PartnerSafeView, ExportNeverShowsOneIncidentAsAHotSpot) {
  if (!have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  // A snapshot whose filter result is that one row (built by hand: no FilterState selects it).
  const SnapshotPtr all = faro_test::demo_snapshot();
  ASSERT_FALSE(all->filtered->rows.empty());
  const uint32_t row = all->filtered->rows[all->filtered->rows.size() / 2];
  auto only = std::make_shared<FilterResult>(*all->filtered);
  only->rows = {row};
  auto one_snap = std::make_shared<DataSnapshot>(*all);
  one_snap->filtered = std::move(only);
  const SnapshotPtr one_ptr = one_snap;
  const Workspace* one = one_ptr->data.get();
  faro_test::TempDir tmp;
  const render::RgbaImage safe = export_png(one_ptr, tmp.file("safe.png"), false);
  const render::RgbaImage internal = export_png(one_ptr, tmp.file("internal.png"), true);
  ASSERT_EQ(safe.width, 640);
  ASSERT_EQ(internal.width, 640);
  // Where the incident lands: the same framing as render_map_scene (sector extent, 4 % padding).
  const render::Camera cam = render::Camera::fit(one->sectors.extent(), 640, 480, 0.04 * 480);
  const Vec2 p = cam.world_to_pixel({one->incidents.x[row], one->incidents.y[row]});
  const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
  ASSERT_TRUE(x >= 0 && x < 640 && y >= 0 && y < 480);
  const auto diff = [](render::Rgba8 a, render::Rgba8 b) {
    return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
  };
  // Internal: the lone incident is the colour maximum, drawn in inferno's hot colours.
  EXPECT_GT(diff(internal.at(x, y), safe.at(x, y)), 60)
      << "internal and partner-safe exports look the same at the incident";
  // Partner-safe: nothing drawn there but the sector fill (pale, nearly grey) or a program area.
  const render::Rgba8 s = safe.at(x, y);
  EXPECT_LT(std::max({s.r, s.g, s.b}) - std::min({s.r, s.g, s.b}), 60);
}

TEST(PartnerSafeView, PresentationModeProtectsTheLiveMapAndTheTooltip) {
  if (!have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  DashboardOptions o;
  o.width = 1000;
  o.height = 640;
  o.language = Language::en;
  o.presentation = true;
  HeadlessDashboard d(o);
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  d.frame();
  ASSERT_TRUE(d.app().map().settle_heatmap(60s));
  d.frame();
  d.frame();
  EXPECT_TRUE(d.app().map().heatmap_protected());
  // Hover the middle of the map: the app knows the sector, the ui's raw-count tooltip does not.
  const ui::MapRegion& r = d.app().map_region();
  ImGui::GetIO().MousePos = ImVec2(r.x + r.width / 2, r.y + r.height / 2);
  d.frame();
  d.frame();
  EXPECT_TRUE(d.app().map().hovered().has_value());
  EXPECT_FALSE(d.app().status().hovered_sector.has_value());
  EXPECT_FALSE(d.app().status().choropleth_shown);
  // Leaving presentation mode lifts the rules again (the ui's tooltip gets the sector back).
  d.app().status().presentation = false;
  d.frame();
  EXPECT_TRUE(d.app().status().hovered_sector.has_value());
}

}  // namespace
}  // namespace faro::app
