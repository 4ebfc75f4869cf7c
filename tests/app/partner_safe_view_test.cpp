// Partner-safe presenting in the dashboard (issue 7): the pure rules (counts shown as "<k",
// bandwidth and density floors, rounded colour maximum, the exported style), the live map in
// presentation mode (protected heatmap, no raw-count tooltip, greyed hidden classes), and PNG
// exports (one incident never shows as a hot spot unless the export is internal).
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <numbers>
#include <thread>

#include "app/export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app/session_map.hpp"
#include "app/map_view.hpp"
#include "app/partner_safe_view.hpp"
#include "app_test_util.hpp"
#include "io/style_presets.hpp"
#include "render/style_heatmap.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;


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

TEST(PartnerSafeView, ExportStyleIsProtectedOrLeftAsIsForInternalUse) {
  Session s;
  s.style = io::default_style();
  s.style.layer(LayerKind::points).visible = true;
  s.style.heatmap().bandwidth_m = 250;
  s.style.heatmap().color_max_locked = true;
  s.style.heatmap().color_max = 123.4f;
  const MapStyle safe = session_export_style(s, false);
  EXPECT_EQ(safe.find(LayerKind::points), nullptr);
  EXPECT_DOUBLE_EQ(safe.heatmap().bandwidth_m, 500);
  EXPECT_FLOAT_EQ(safe.heatmap().color_max, 120.0f);
  ASSERT_TRUE(safe.protection.has_value());
  EXPECT_TRUE(safe.protection->partner_safe);
  const MapStyle internal = session_export_style(s, true);
  ASSERT_TRUE(internal.protection.has_value());
  EXPECT_FALSE(internal.protection->partner_safe);
  EXPECT_TRUE(internal.shows(LayerKind::points));
  EXPECT_DOUBLE_EQ(internal.heatmap().bandwidth_m, 250);
  // Bandwidths above the floor are kept.
  s.style.heatmap().bandwidth_m = 800;
  EXPECT_DOUBLE_EQ(session_export_style(s, false).heatmap().bandwidth_m, 800);
}

TEST(PartnerSafeView, HeatmapFloorIsThePeakOfKIncidentsAndTheMaximumIsRounded) {
  KdeParams params;
  params.kernel = KdeKernel::quartic;
  params.bandwidth_m = 500;
  params.period_years = 2;
  ColorDomain auto_domain;
  auto_domain.max = 12.345f;
  const HeatmapStyle requested;  // automatic maximum
  const render::HeatmapStyle safe =
      render::heatmap_draw_style(requested, auto_domain, params, dashboard_policy(), 1.0f);
  // Quartic peak 3 / (pi h^2) per m², x 1e6 m²/km², / 2 years, x k = 5 incidents (by hand).
  const double peak5 = 5 * 3.0 / (std::numbers::pi * 500.0 * 500.0) * 1e6 / 2;
  EXPECT_NEAR(safe.transparent_below, peak5, 1e-4);  // 9.549
  EXPECT_FLOAT_EQ(safe.domain.max, 12.0f);           // 2 significant digits
  // Unprotected: 3 % of the maximum, not rounded.
  const render::HeatmapStyle open =
      render::heatmap_draw_style(requested, auto_domain, params, std::nullopt, 1.0f);
  EXPECT_FLOAT_EQ(open.domain.max, 12.345f);
  EXPECT_NEAR(open.transparent_below, 0.03 * 12.345, 1e-5);
}

// Exports of a workspace whose filter keeps one incident: the internal map shows it as a hot spot,
// the partner-safe one does not colour its place at all.
render::RgbaImage export_png(SnapshotPtr snap, const std::string& path, bool internal) {
  Session s;
  s.style = io::default_style();
  ExportJob job(std::move(snap), s, path, 640, 480, internal);
  for (int i = 0; i < 6000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(job.done());
  EXPECT_TRUE(job.error().empty()) << job.error();
  return faro_test::read_png(path);
}

TEST(PartnerSafeView, ExportNeverShowsOneIncidentAsAHotSpot) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
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
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
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
  EXPECT_TRUE(d.app().status().fill_legends.empty());  // the default style shows no choropleth
  // Leaving presentation mode lifts the rules again (the ui's tooltip gets the sector back).
  d.app().status().presentation = false;
  d.frame();
  EXPECT_TRUE(d.app().status().hovered_sector.has_value());
}

}  // namespace
}  // namespace faro::app
