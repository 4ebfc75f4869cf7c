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
#include "core/brief_level.hpp"
#include "app/headless_dashboard.hpp"
#include "app/session_map.hpp"
#include "app/map_view.hpp"
#include "app/partner_safe_view.hpp"
#include "app_test_util.hpp"
#include "io/style_presets.hpp"
#include "io/png_writer.hpp"
#include "render/grid_fills.hpp"
#include "render/scene_protection.hpp"
#include "render/style_fills.hpp"
#include "render/style_heatmap.hpp"
#include "render/egl_context.hpp"
#include "test_support.hpp"
#include "ui/format.hpp"

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


// --- The tooltip says what the map draws (issue 15): the drawn representation's unit and its
// count as that map publishes it, never a finer count.

DisclosurePolicy partner_policy() {
  DisclosurePolicy p = dashboard_policy();
  p.partner_safe = true;
  return p;
}

render::SceneCounts counts_of(const Workspace& ws, const FilterResult& f) {
  render::SceneCounts c;
  const size_t n = ws.sectors.size();
  c.current.assign(n, 0);
  for (size_t s = 0; s < n && s < f.per_sector.size(); ++s) c.current[s] = double(f.per_sector[s]);
  if (f.per_sector.size() > n) c.outside = double(f.per_sector[n]);
  return c;
}

MapStyle choropleth_style(const std::string& group_field) {
  MapStyle style;
  StyleLayer c = make_layer(LayerKind::choropleth);
  c.choropleth.group_field = group_field;
  style.add(c);
  style.protection = partner_policy();
  return style;
}

CivilSeconds day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * kSecondsPerDay; }

TEST(PartnerSafeTooltip, OverGroupsOfSectorsItShowsTheGroupsPublishedCountNeverTheSectors) {
  const auto ws = faro_test::demo_workspace();
  const MapStyle drawn = choropleth_style("distrito");
  // One week: small counts, so some groups (and their complements) are hidden.
  FilterState f;
  f.from = day(2023, 3, 6);
  f.to_exclusive = day(2023, 3, 13);
  const render::SceneCounts counts = counts_of(*ws, compute_filter_result(*ws, f));
  const ProtectedUnits units = protected_units(*ws, counts, drawn, nullptr, Language::en);
  ASSERT_EQ(units.kind, Representation::groups);
  const render::SectorGroups groups = render::sector_groups(ws->sectors, "distrito");
  ASSERT_GE(groups.names.size(), 2u);
  ASSERT_EQ(units.names.size(), groups.names.size());
  // The map greys exactly the groups whose tooltip says "<5".
  const render::SectorFills fills = render::choropleth_fills(
      ws->sectors, counts, drawn.layers[0].choropleth, drawn.protection, Language::en);
  size_t hidden = 0;
  for (size_t s = 0; s < ws->sectors.size(); ++s) {
    const auto unit = unit_under(units, static_cast<int>(s), {});
    ASSERT_TRUE(unit.has_value()) << s;
    EXPECT_EQ(*unit, static_cast<size_t>(groups.of_sector[s]));
    const bool greyed = fills.colors[s] == render::kSuppressedFill;
    EXPECT_EQ(units.shown[*unit] == "<5", greyed) << ws->sectors.sectors[s].name;
    hidden += greyed;
    const auto [name, count] = tooltip_lines(units, *unit, Language::en);
    EXPECT_EQ(name, groups.names[*unit] + " (" + group_unit_word("distrito", Language::en) + ")");
  }
  std::printf("one week, groups: %zu of %zu sectors greyed\n", hidden, ws->sectors.size());

  // The attack the old tooltip allowed: a group of 7 published, its sectors 5 and 2. Showing the
  // sector's 5 beside the group's 7 gives the hidden 2 back; the tooltip shows 7 for both.
  render::SceneCounts attack;
  attack.current.assign(ws->sectors.size(), 20);
  int32_t g = -1;
  std::vector<size_t> members;
  for (size_t s = 0; s < ws->sectors.size(); ++s)
    if (groups.of_sector[s] == 0) members.push_back(s), g = 0;
  ASSERT_GE(members.size(), 2u);
  for (size_t s : members) attack.current[s] = 0;
  attack.current[members[0]] = 5;
  attack.current[members[1]] = 2;
  const ProtectedUnits u = protected_units(*ws, attack, drawn, nullptr, Language::es);
  for (size_t s : {members[0], members[1]}) {
    const auto unit = unit_under(u, static_cast<int>(s), {});
    ASSERT_EQ(unit, std::optional<size_t>(g));
    const auto [name, count] = tooltip_lines(u, *unit, Language::es);
    EXPECT_EQ(count.rfind("7 ", 0), 0u) << count;  // "7 incidentes con el filtro actual"
    EXPECT_EQ(name.find(ws->sectors.sectors[s].name), std::string::npos) << name;
  }
}

TEST(PartnerSafeTooltip, OverHexagonsItShowsTheHexagonsPublishedCount) {
  const auto ws = faro_test::demo_workspace();
  FilterState f;
  f.from = day(2023, 3, 1);
  f.to_exclusive = day(2023, 4, 1);
  const FilterResult result = compute_filter_result(*ws, f);
  const IncidentStore sel = rows_store(*ws, result.rows);
  MapStyle drawn;
  StyleLayer grid = make_layer(LayerKind::grid);
  grid.grid.cell_m = 1000;
  drawn.add(grid);
  drawn.protection = partner_policy();
  const render::GridFills hex =
      render::grid_fills(sel.x, sel.y, ws->extent, grid.grid, drawn.protection, Language::en);
  ASSERT_GT(hex.cells.size(), 10u);
  const ProtectedUnits units =
      protected_units(*ws, counts_of(*ws, result), drawn, &hex, Language::en);
  ASSERT_EQ(units.kind, Representation::hexagons);
  ASSERT_EQ(units.shown.size(), hex.cells.size());
  size_t hidden = 0;
  for (size_t k = 0; k < hex.cells.size(); ++k) {
    const bool greyed = hex.colors[k] == render::kSuppressedFill;
    EXPECT_EQ(units.shown[k] == "<5", greyed) << k;
    hidden += greyed;
    if (!greyed) EXPECT_EQ(units.shown[k], ui::format_count(hex.counts[k]));
    // The pointer over the cell's centre finds that cell, whatever sector lies under it.
    const Ring& ring = hex.cells[k][0].outer;
    Vec2 c{0, 0};
    for (const Vec2& v : ring) c = {c.x + v.x / ring.size(), c.y + v.y / ring.size()};
    EXPECT_EQ(unit_under(units, 0, c), std::optional<size_t>(k));
  }
  EXPECT_GT(hidden, 0u);
  EXPECT_EQ(tooltip_lines(units, 0, Language::en).first, "1 km hexagon");
  const ProtectedUnits es = protected_units(*ws, counts_of(*ws, result), drawn, &hex, Language::es);
  EXPECT_EQ(tooltip_lines(es, 0, Language::es).first, "Hexágono de 1 km");
}

TEST(PartnerSafeTooltip, OverSectorsItHidesWhatTheMapGreysComplementsIncluded) {
  const auto ws = faro_test::demo_workspace();
  const MapStyle drawn = choropleth_style("");
  FilterState f;
  f.from = day(2023, 3, 6);
  f.to_exclusive = day(2023, 3, 13);
  const render::SceneCounts counts = counts_of(*ws, compute_filter_result(*ws, f));
  const ProtectedUnits units = protected_units(*ws, counts, drawn, nullptr, Language::en);
  ASSERT_EQ(units.kind, Representation::sectors);
  const render::SectorFills fills = render::choropleth_fills(
      ws->sectors, counts, drawn.layers[0].choropleth, drawn.protection, Language::en);
  size_t above_k_hidden = 0;
  for (size_t s = 0; s < ws->sectors.size(); ++s) {
    const bool greyed = fills.colors[s] == render::kSuppressedFill;
    EXPECT_EQ(units.shown[s] == "<5", greyed) << s;
    above_k_hidden += greyed && counts.current[s] >= 5;  // a complement: 1..4 alone is not all
  }
  std::printf("one week, sectors: %zu counts of 5 or more hidden as complements\n",
              above_k_hidden);
}

TEST(PartnerSafeTooltip, PresentingAGroupedChoroplethTheHoverNamesTheGroup) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  DashboardOptions o;
  o.width = 1000;
  o.height = 640;
  o.language = Language::en;
  o.presentation = true;
  HeadlessDashboard d(o);
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  MapStyle style = io::default_style();
  for (StyleLayer& l : style.layers) l.visible = l.kind == LayerKind::sectors;
  StyleLayer c = make_layer(LayerKind::choropleth);
  c.choropleth.group_field = "distrito";
  style.add(c);
  d.app().session().style = style;
  d.frame();
  ASSERT_TRUE(d.app().settle(60s));
  const ui::MapRegion& r = d.app().map_region();
  ImGui::GetIO().MousePos = ImVec2(r.x + r.width / 2, r.y + r.height / 2);
  d.frame();
  d.frame();
  const ProtectedUnits* units = d.app().map().presented_units();
  ASSERT_NE(units, nullptr);
  EXPECT_EQ(units->kind, Representation::groups);
  const auto hovered = d.app().map().hovered();
  const auto unit = d.app().map().hovered_unit();
  ASSERT_TRUE(hovered.has_value());
  ASSERT_TRUE(unit.has_value());
  const render::SectorGroups groups = render::sector_groups(d.app().workspace().sectors, "distrito");
  EXPECT_EQ(*unit, static_cast<size_t>(groups.of_sector[*hovered]));
  EXPECT_EQ(units->names[*unit].rfind(groups.names[*unit], 0), 0u) << units->names[*unit];
}

// The live map draws the heavier outlines of groups of sectors that exports draw over a grouped
// choropleth (render/map_scene.hpp insert_group_outline_layer): screen == export, outlines
// included.
TEST(PartnerSafeView, GroupOutlinesOnScreenEqualTheExport) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  DashboardOptions o;
  o.width = 1000;
  o.height = 640;
  o.language = Language::en;
  HeadlessDashboard d(o);
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  MapStyle style = io::default_style();
  for (StyleLayer& l : style.layers) l.visible = false;
  StyleLayer c = make_layer(LayerKind::choropleth);
  c.choropleth.group_field = "distrito";
  style.add(c);
  d.app().session().style = style;
  for (int i = 0; i < 3; ++i) {
    d.frame();
    ASSERT_TRUE(d.app().settle(60s));
  }
  const render::RgbaImage screen = d.app().map().read_back();
  SessionMapRequest request;
  request.width = screen.width;
  request.height = screen.height;
  request.view = d.app().map().camera().visible_box();
  request.ui_scale = 1.0;
  request.samples = 0;
  request.overlay = false;
  request.internal = true;
  const SnapshotPtr snap = d.app().snapshot();
  render::MapSceneResult exported;
  {
    render::EglContext own;
    exported = render_session_map(*snap->data, snap->filtered->rows, d.app().session(), request);
  }
  if (const char* dir = std::getenv("FARO_APP_TEST_KEEP")) {
    io::write_png_rgba(std::string(dir) + "/groups_screen.png", screen.pixels, screen.width,
                       screen.height);
    io::write_png_rgba(std::string(dir) + "/groups_export.png", exported.image.pixels,
                       exported.image.width, exported.image.height);
  }
  EXPECT_LE(faro_test::count_different(screen, exported.image, 24),
            static_cast<size_t>(0.02 * screen.width * screen.height));
  // The outlines' dark grey (55, 55, 55): there in the export, and as much on screen (the 2 %
  // tolerance alone would let thin lines go missing).
  const render::Rgba8 outline{55, 55, 55, 255};
  const size_t exported_px =
      faro_test::count_color(exported.image, outline, 20, 0, 0, screen.width, screen.height);
  const size_t screen_px = faro_test::count_color(screen, outline, 20, 0, 0, screen.width, screen.height);
  std::printf("group outline pixels: export %zu, screen %zu\n", exported_px, screen_px);
  EXPECT_GT(exported_px, 1000u);
  EXPECT_GE(screen_px, exported_px * 8 / 10);
}

}  // namespace
}  // namespace faro::app
