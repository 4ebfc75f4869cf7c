// Partner-safe maps that still show the picture, on real CDMX data (issue 13): the dashboard's
// export path (app/session_map.hpp) with its defaults colours at least a quarter of the area of
// the sectors that had five or more incidents in 2022-08..2023-08, the protected change map
// 2024 vs 2023 has a legend with at least three classes, and one week (2024-12-23..29, 25
// incidents) is drawn by alcaldía, colouring a substantial part of the city where the heatmap,
// hexagons and sectors would leave it blank.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/partner_safe_view.hpp"
#include "app/session_map.hpp"
#include "app_test_util.hpp"
#include "core/polygon_index.hpp"
#include "core/style_protection.hpp"
#include "io/style_presets.hpp"
#include "io/workspace_loader.hpp"
#include "render/egl_context.hpp"
#include "render/scene_protection.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

const std::string kData = FARO_SHARED_DATA;


// CDMX 2023 sectors and the FGJ homicides and firearm incidents, 2019-2024.
std::optional<Workspace> cdmx() {
  const std::string sectors = kData + "/cdmx-cuadrantes/sectores_2023.geojson";
  const std::string incidents = kData + "/cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv";
  if (!std::filesystem::exists(sectors) || !std::filesystem::exists(incidents)) return std::nullopt;
  Session s;
  SourceSpec a;
  a.role = SourceSpec::Role::sectors;
  a.path = sectors;
  SourceSpec b;
  b.role = SourceSpec::Role::incidents;
  b.path = incidents;
  s.sources = {a, b};
  return io::load_workspace(s);
}

CivilSeconds day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * kSecondsPerDay; }

TEST(PartnerSafeRealData, DefaultMapOfAYearColoursTheBusySectors) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  auto ws = cdmx();
  if (!ws) GTEST_SKIP() << "real CDMX data not found under " << kData << ": test skipped";
  Session s;
  s.language = Language::en;
  s.style = io::default_style();  // the dashboard's defaults: quartic 400 m, sectors, labels
  s.filter.from = day(2022, 8, 1);
  s.filter.to_exclusive = day(2023, 9, 1);
  const FilterResult filtered = compute_filter_result(*ws, s.filter);
  SessionMapRequest request;
  request.width = 1200;
  request.height = 1200;
  request.samples = 0;
  request.overlay = false;
  render::EglContext gl;
  const render::MapSceneResult r = render_session_map(*ws, filtered.rows, s, request);
  // Pixels of sectors with 5 or more incidents, and those of them that carry colour (the pale
  // sector fill, outlines and labels are grey).
  const SectorIndex index(ws->sectors);
  size_t busy = 0, coloured = 0;
  for (int y = 0; y < r.image.height; ++y)
    for (int x = 0; x < r.image.width; ++x) {
      const Vec2 w = r.camera.pixel_to_world({x + 0.5, y + 0.5});
      const int32_t sec = index.locate(w.x, w.y);
      if (sec == kNoSector || filtered.per_sector[static_cast<size_t>(sec)] < 5) continue;
      ++busy;
      const render::Rgba8 p = r.image.at(x, y);
      coloured += std::max({p.r, p.g, p.b}) - std::min({p.r, p.g, p.b}) > 30;
    }
  ASSERT_GT(busy, 10000u);
  const double share = static_cast<double>(coloured) / static_cast<double>(busy);
  EXPECT_GE(share, 0.25) << "partner-safe map colours " << 100 * share
                         << " % of the busy sectors' area";
  RecordProperty("coloured_share_percent", static_cast<int>(100 * share));
}

TEST(PartnerSafeRealData, ProtectedChangeMapHasALegendWithClasses) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  auto ws = cdmx();
  if (!ws) GTEST_SKIP() << "real CDMX data not found under " << kData << ": test skipped";
  Session s;
  s.language = Language::es;
  s.style = io::builtin_style("analyst");
  for (StyleLayer& l : s.style.layers) l.visible = l.kind == LayerKind::choropleth;
  s.style.choropleth().measure = ChoroplethMeasure::change;
  s.filter.from = day(2024, 1, 1);
  s.filter.to_exclusive = day(2025, 1, 1);
  const FilterResult filtered = compute_filter_result(*ws, s.filter);
  SessionMapRequest request;
  request.width = 1200;
  request.height = 900;
  render::EglContext gl;
  const render::MapSceneResult r = render_session_map(*ws, filtered.rows, s, request);
  ASSERT_FALSE(r.overlay.classes.empty());
  const render::LegendClasses& legend = r.overlay.classes.front();
  size_t classes = 0;
  bool not_publishable = false;
  for (const render::LegendClass& e : legend.entries) {
    if (e.label.find("no publicable") != std::string::npos)
      not_publishable = true;
    else
      ++classes;
  }
  EXPECT_GE(classes, 3u) << legend.title;
  EXPECT_NE(legend.title.find("2023"), std::string::npos) << legend.title;  // compared with
  // Sectors whose count in either year is 1..4 are not publishable: there are some.
  EXPECT_TRUE(not_publishable);
  EXPECT_GT(r.hidden_sectors, 0u);
}

TEST(PartnerSafeRealData, AWeekOfShootingsIsShownByAlcaldia) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  auto ws = cdmx();
  if (!ws) GTEST_SKIP() << "real CDMX data not found under " << kData << ": test skipped";
  Session s;
  s.language = Language::es;
  s.style = io::default_style();
  s.filter.from = day(2024, 12, 23);
  s.filter.to_exclusive = day(2024, 12, 30);
  const FilterResult filtered = compute_filter_result(*ws, s.filter);
  ASSERT_GE(filtered.rows.size(), 20u);
  // The choice, as render_session_map makes it: groups of sectors by alcaldía.
  const IncidentStore week = rows_store(*ws, filtered.rows);
  const ProtectionData pdata = render::protection_data(week, ws->sectors, ws->extent,
                                                       period_years_of(*ws, s.filter));
  ASSERT_EQ(pdata.group_field, "alcaldia");
  const MapStyle style = protect_style(s.style, dashboard_policy(), &pdata).style;
  ASSERT_TRUE(style.adapted.has_value());
  EXPECT_EQ(style.adapted->kind, Representation::groups);
  EXPECT_LT(style.adapted->requested_published, 0.05);  // the heatmap: nothing
  EXPECT_GT(style.adapted->published, 0.2);
  SessionMapRequest request;
  request.width = 1000;
  request.height = 1000;
  request.samples = 0;
  request.overlay = false;
  render::EglContext gl;
  const render::MapSceneResult r = render_session_map(*ws, filtered.rows, s, request);
  // Pixels of the city (inside a sector) that carry a published value's colour: not the pale
  // fill, outlines or the suppressed grey-blue.
  const SectorIndex index(ws->sectors);
  size_t city = 0, coloured = 0;
  for (int y = 0; y < r.image.height; ++y)
    for (int x = 0; x < r.image.width; ++x) {
      const Vec2 w = r.camera.pixel_to_world({x + 0.5, y + 0.5});
      if (index.locate(w.x, w.y) == kNoSector) continue;
      ++city;
      const render::Rgba8 p = r.image.at(x, y);
      coloured += std::max({p.r, p.g, p.b}) - std::min({p.r, p.g, p.b}) > 30 &&
                  !(p == render::kSuppressedFill);
    }
  ASSERT_GT(city, 100000u);
  const double share = static_cast<double>(coloured) / static_cast<double>(city);
  EXPECT_GE(share, 0.3) << "the week's partner map colours " << 100 * share << " % of the city";
  RecordProperty("coloured_city_percent", static_cast<int>(100 * share));
  RecordProperty("published_incidents_percent", static_cast<int>(100 * style.adapted->published));
}

}  // namespace
}  // namespace faro::app
