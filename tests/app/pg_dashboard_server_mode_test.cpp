// Server mode of a live PostGIS source (app/pg_server_view.hpp) in a headless dashboard against the
// test server, forced with max_rows = 1 (--pg-max-rows 1): no incident row is pulled, the map's
// heatmap grid for the view is binned in the server and equals the client's binning of the same
// rows on the same grid (also under the session's dates and offence), a pan or a zoom asks for a
// new grid while the old one stays on screen, points come only for a view with at most the limit,
// the sector counts come from the server, and a failed view job keeps what the map showed.
//
// For the docs: FARO_PG_SERVER_PNG=prefix writes prefix-{en,es}-city.png and -zoomed.png.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app/pg_first_map.hpp"
#include "app/pg_live_controller.hpp"
#include "app_test_util.hpp"
#include "core/demo_city.hpp"
#include "core/polygon_index.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_publish.hpp"
#include "io/pg_source.hpp"
#include "io/png_writer.hpp"
#include "io/style_presets.hpp"
#include "pg_test_support.hpp"

namespace {

using namespace faro;
using namespace std::chrono_literals;

DemoCity small_city() { return faro_test::small_pg_city(3000); }

app::DashboardOptions server_options(const std::string& pg, const std::string& prefix,
                                     int64_t points_limit) {
  app::DashboardOptions o;
  o.width = 1000;
  o.height = 700;
  Session s;
  s.language = Language::en;
  s.style = io::default_style();
  // A narrow bandwidth: the grid's cell then follows the zoom (2 pixels, render::heatmap_grid_for)
  // and a zoomed-in grid covers the view and its margin only, so pans and zooms need new grids.
  // (At the default bandwidth the cell is set by it and one grid of the whole city serves every
  // view of this small city.)
  s.style.layer(LayerKind::heatmap).heatmap.bandwidth_m = 30;
  o.session = s;
  app::PgDashboardSource src;
  src.source = pg;
  src.table = prefix;
  src.max_rows = 1;  // forced into server mode
  src.view_debounce = 0ms;
  src.points_limit = points_limit;
  o.pg = src;
  return o;
}

// Frames until nothing runs (the load, the view job, the density of its cells) and the last
// result is on screen.
void settle(app::HeadlessDashboard& d) {
  for (int i = 0; i < 6; ++i) {
    d.frame();
    ASSERT_TRUE(d.app().settle(120s));
  }
  d.frame();
}

// The client's workspace of `city` (sectors assigned as the file loader does).
Workspace client_workspace(const DemoCity& city) {
  Workspace ws;
  ws.sectors = city.sectors;
  ws.incidents = city.incidents;
  SectorIndex(ws.sectors).assign(ws.incidents);
  return ws;
}

void write_png(app::HeadlessDashboard& d, const std::string& suffix) {
  const char* prefix = std::getenv("FARO_PG_SERVER_PNG");
  if (!prefix) return;
  d.frame();
  const render::RgbaImage img = d.read();
  io::write_png_rgba(std::string(prefix) + suffix, img.pixels, img.width, img.height);
}

struct Published {
  DemoCity city = small_city();
  std::string prefix;
};

Published publish(const std::string& pg) {
  Published p;
  p.prefix = faro_test::pg_test_prefix();
  io::PgPublishOptions opt;
  opt.table = p.prefix;
  io::publish_to_pg(pg, p.city.incidents, p.city.sectors, p.city.programs, opt);
  return p;
}

TEST(PgDashboardServerMode, NoRowsPulledAndTheViewGridEqualsTheClientBinning) {
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  const Published p = publish(pg);
  const int64_t fetched_before = io::pg_rows_fetched();
  app::HeadlessDashboard d(server_options(pg, p.prefix, 500));
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  app::PgLiveController* src = d.app().pg_source();
  ASSERT_TRUE(src->server_mode());
  const auto n = static_cast<int64_t>(p.city.incidents.size());
  EXPECT_EQ(src->table_rows().rows, n);  // ANALYZE after publish: the estimate is exact here
  EXPECT_TRUE(src->table_rows().estimated);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), 0u);
  EXPECT_EQ(d.app().snapshot()->ws().sectors.size(), p.city.sectors.size());
  EXPECT_EQ(io::pg_rows_fetched(), fetched_before);  // points hidden: no incident row at all

  // The grid on screen is the server's, and equals the client's binning on that grid.
  app::PgServerView* view = src->server_view();
  ASSERT_NE(view, nullptr);
  ASSERT_GT(view->shown_grid.cells(), 100u);
  ASSERT_NE(d.app().map().density_shown(), nullptr);
  EXPECT_EQ(d.app().map().density_shown()->grid.cell, view->shown_grid.cell);
  EXPECT_EQ(app::client_grid_weights(p.city.incidents, nullptr, view->shown_grid), view->shown_counts);
  // The sector counts come from the server: every incident, per sector as the client assigns.
  const FilterResult& counted = d.app().snapshot()->result();
  EXPECT_EQ(counted.total, n);
  const Workspace ws = client_workspace(p.city);
  EXPECT_EQ(counted.per_sector, compute_filter_result(ws, {}).per_sector);
  EXPECT_EQ(d.app().status().pg.last_count, n);
  // The timeline strip's table is counted in the server too, and equals the client's sector x
  // period counts over the data's whole range.
  const auto server_timeline_equals_client = [&](FilterState f) {
    const SnapshotPtr snap = d.app().snapshot();
    if (!snap->server_timeline) return ::testing::AssertionFailure() << "no server timeline";
    f.from = snap->ws().data_from;
    f.to_exclusive = snap->ws().data_to_exclusive;
    const SectorPeriodCounts& server = *snap->server_timeline;
    const SectorPeriodCounts client = count_by_sector_and_period(
        ws.incidents, ws.sectors.size(), server.kind, ws.make_filter(f));
    if (server.first_bin != client.first_bin || server.bins != client.bins ||
        server.counts != client.counts)
      return ::testing::AssertionFailure() << "server and client tables differ";
    return ::testing::AssertionSuccess();
  };
  EXPECT_TRUE(server_timeline_equals_client({}));
  write_png(d, "-en-city.png");
  d.app().session().language = Language::es;
  write_png(d, "-es-city.png");
  d.app().session().language = Language::en;

  // Dates and an offence: the server's grid and sector counts follow, and still equal the client.
  FilterState& f = d.app().session().filter;
  f.from = days_from_civil(2023, 3, 1) * kSecondsPerDay;
  f.to_exclusive = days_from_civil(2023, 9, 1) * kSecondsPerDay;
  f.categories = {p.city.incidents.categories.name(p.city.incidents.category[0])};
  const uint64_t jobs = view->jobs_run();
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  EXPECT_GT(view->jobs_run(), jobs);
  const std::vector<uint32_t> rows = compute_filter_result(ws, f).rows;
  ASSERT_GT(rows.size(), 20u);
  ASSERT_LT(rows.size(), p.city.incidents.size());
  EXPECT_EQ(app::client_grid_weights(p.city.incidents, &rows, view->shown_grid), view->shown_counts);
  EXPECT_EQ(d.app().snapshot()->result().per_sector, compute_filter_result(ws, f).per_sector);
  EXPECT_EQ(io::pg_rows_fetched(), fetched_before);
  // The offence checklist: every offence of the table is listed, with the client's counts under
  // the filter without the offence itself (matched by name: the codes may differ).
  {
    const SnapshotPtr snap = d.app().snapshot();
    const CategoryDictionary& server_names = snap->ws().incidents.categories;
    const FilterResult client = compute_filter_result(ws, f);
    const std::vector<int64_t>& per = snap->result().per_category;
    ASSERT_EQ(per.size(), server_names.size());
    size_t listed = 0;
    for (size_t code = 1; code < ws.incidents.categories.size(); ++code) {
      const std::string& name = ws.incidents.categories.name(static_cast<uint16_t>(code));
      const auto server_code = server_names.find(name);
      ASSERT_TRUE(server_code.has_value()) << name;
      EXPECT_EQ(per[*server_code], client.per_category[code]) << name;
      ++listed;
    }
    EXPECT_GT(listed, 1u);
  }

  // Hours, weekdays and a sector subset run in the server too (no silent "all hours"), and the
  // grid and counts still equal the client's for the same filter.
  f.categories.clear();
  f.hour_mask = 0xFFFFFF & ~0x0000FFu;  // 08:00 onwards
  f.weekday_mask = 0x1F;                // Monday to Friday
  f.sectors = {p.city.sectors.sectors[0].name, p.city.sectors.sectors[2].name};
  const uint64_t jobs2 = view->jobs_run();
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  EXPECT_GT(view->jobs_run(), jobs2);
  const FilterResult client = compute_filter_result(ws, f);
  ASSERT_GT(client.rows.size(), 5u);
  EXPECT_EQ(app::client_grid_weights(p.city.incidents, &client.rows, view->shown_grid),
            view->shown_counts);
  EXPECT_EQ(d.app().snapshot()->result().per_sector, client.per_sector);
  EXPECT_EQ(d.app().snapshot()->result().total, client.total);
  EXPECT_TRUE(server_timeline_equals_client(f));  // the dates aside, the same filter
}

TEST(PgDashboardServerMode, PanAndZoomAskForANewGridAndPointsComeBelowTheLimit) {
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  const Published p = publish(pg);
  app::DashboardOptions o = server_options(pg, p.prefix, 500);
  o.session->style.layer(LayerKind::points).visible = true;
  app::HeadlessDashboard d(o);
  const int64_t fetched_before = io::pg_rows_fetched();
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  app::PgServerView* view = d.app().pg_source()->server_view();
  ASSERT_NE(view, nullptr);
  // The whole city: ~2600 points in view, more than the limit (500): none fetched (the grid's
  // counts said so: no points query), and the map says so.
  EXPECT_TRUE(view->points_truncated);
  EXPECT_EQ(io::pg_rows_fetched(), fetched_before);

  // Zoom in 8x around the busiest cell: a new grid (finer), and few enough points to fetch.
  const GridSpec city_grid = view->shown_grid;
  size_t busiest = 0;
  for (size_t i = 0; i < view->shown_counts.size(); ++i)
    if (view->shown_counts[i] > view->shown_counts[busiest]) busiest = i;
  render::Camera& cam = d.app().map().camera();
  cam.set_centre({city_grid.center_x(static_cast<int>(busiest % city_grid.nx)),
                  city_grid.center_y(static_cast<int>(busiest / city_grid.nx))});
  cam.set_metres_per_pixel(cam.metres_per_pixel() / 8);
  const uint64_t jobs = view->jobs_run();
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  EXPECT_GT(view->jobs_run(), jobs);
  EXPECT_LT(view->shown_grid.cell, city_grid.cell);
  EXPECT_EQ(app::client_grid_weights(p.city.incidents, nullptr, view->shown_grid), view->shown_counts);
  EXPECT_FALSE(view->points_truncated);
  // Exactly the points in the points' box were fetched (the view and its margin), none else.
  ASSERT_TRUE(view->last_points_request());
  const Box box = view->last_points_request()->points_box;
  int64_t in_box = 0;
  for (size_t i = 0; i < p.city.incidents.size(); ++i)
    in_box += box.contains(p.city.incidents.x[i], p.city.incidents.y[i]) ? 1 : 0;
  ASSERT_GT(in_box, 0);
  ASSERT_LE(in_box, 500);
  EXPECT_EQ(io::pg_rows_fetched() - fetched_before, in_box);
  write_png(d, "-en-zoomed.png");

  // A pan of most of the view: the grid no longer serves it, a new one comes; the old stays
  // until then (a new job ran, and the map's grid moved with it).
  const uint64_t before_pan = view->jobs_run();
  const double x_before = view->shown_grid.xmin;
  app::PlatformInput pan;
  pan.scripted_pan = {-900, 0};
  d.frame(pan);
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  EXPECT_GT(view->jobs_run(), before_pan);
  EXPECT_NE(view->shown_grid.xmin, x_before);
  EXPECT_EQ(app::client_grid_weights(p.city.incidents, nullptr, view->shown_grid), view->shown_counts);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), 0u);
  // A still view asks the server nothing more.
  const uint64_t still = view->jobs_run();
  for (int i = 0; i < 5; ++i) {
    d.frame();
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_FALSE(view->busy());
  EXPECT_EQ(view->jobs_run(), still);
}

TEST(PgDashboardServerMode, AFailedViewJobKeepsTheMapAndMovingRetries) {
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  const Published p = publish(pg);
  app::HeadlessDashboard d(server_options(pg, p.prefix, 500));
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  app::PgServerView* view = d.app().pg_source()->server_view();
  ASSERT_NE(view, nullptr);
  const GridSpec grid = view->shown_grid;
  const std::vector<double> counts = view->shown_counts;
  const std::vector<float> density = d.app().map().density_shown()->density;

  // The incidents table goes away; a zoom asks the server, which fails.
  io::PgConnection db(pg);
  const std::string t = io::require_pg_tables(db, p.prefix).incidents;
  db.exec("DROP TABLE IF EXISTS " + p.prefix + "_away");  // left by an earlier failed run
  db.exec("ALTER TABLE " + t + " RENAME TO " + p.prefix + "_away");
  render::Camera& cam = d.app().map().camera();
  cam.set_metres_per_pixel(cam.metres_per_pixel() / 4);
  settle(d);
  ASSERT_EQ(d.app().error_log().size(), 1u);
  const std::string& e = d.app().error_log().front();
  EXPECT_NE(e.find("Could not query the map from"), std::string::npos) << e;
  EXPECT_NE(e.find("dbname"), std::string::npos) << e;  // the source named
  EXPECT_EQ(e.find("faro-test"), std::string::npos) << e;  // no password
  // The previous grid and counts stay on screen.
  EXPECT_EQ(view->shown_grid.xmin, grid.xmin);
  EXPECT_EQ(view->shown_counts, counts);
  EXPECT_EQ(d.app().map().density_shown()->density, density);
  EXPECT_EQ(d.app().snapshot()->result().total, static_cast<int64_t>(p.city.incidents.size()));

  // Back: the next move asks again on a new connection.
  db.exec("ALTER TABLE " + p.prefix + "_away RENAME TO " + t);
  cam.set_metres_per_pixel(cam.metres_per_pixel() / 2);
  settle(d);
  EXPECT_EQ(d.app().error_log().size(), 1u);
  EXPECT_LT(view->shown_grid.cell, grid.cell);
  EXPECT_EQ(app::client_grid_weights(p.city.incidents, nullptr, view->shown_grid), view->shown_counts);
}

// Not a check: figures for the README on a table published beforehand (e.g. the 1.28 M FGJ rows:
//   faro publish --to "$FARO_TEST_PG" --table fgj --sectors .../sectores_2023.geojson
//     --incidents .../fgj_todos_cdmx_2019_2024.csv.gz
//   FARO_PG_SERVER_BENCH_TABLE=fgj ./tests/faro_app_tests --gtest_filter='*ServerModeFigures*'
// ): the time from a zoom and from a pan to the new grid on screen (server part and estimate),
// rows fetched, and the load average (the machine may be shared). Skipped without the variable.
TEST(PgDashboardServerMode, ServerModeFigures) {
  const char* table = std::getenv("FARO_PG_SERVER_BENCH_TABLE");
  if (!table) GTEST_SKIP() << "FARO_PG_SERVER_BENCH_TABLE not set (figures only)";
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  app::DashboardOptions o = server_options(pg, table, app::kPgServerPointsLimit);
  o.width = 1600;
  o.height = 900;
  o.session->style = io::default_style();  // the default bandwidth, as a user opens it
  o.session->style.layer(LayerKind::points).visible = true;
  const auto load = [] {
    std::FILE* f = std::fopen("/proc/loadavg", "r");
    char buf[64] = {};
    if (f) {
      if (!std::fgets(buf, sizeof buf, f)) buf[0] = 0;
      std::fclose(f);
    }
    return std::string(buf).substr(0, 14);
  };
  const int64_t fetched0 = io::pg_rows_fetched();
  const auto t0 = std::chrono::steady_clock::now();
  app::HeadlessDashboard d(o);
  // Frames (each waiting for the server's job, as a screenshot does) until a job newer than
  // `jobs_before` ran and nothing is left running; then one frame to show it.
  const auto until_grid = [&](uint64_t jobs_before) {
    app::PgServerView* v = nullptr;
    for (int i = 0; i < 40; ++i) {
      d.frame();
      EXPECT_TRUE(d.app().settle(300s));
      v = d.app().pg_source()->server_view();
      if (v && v->jobs_run() > jobs_before && !v->busy()) break;
    }
    d.frame();  // applies it
    return v;
  };
  app::PgServerView* view = until_grid(0);
  ASSERT_NE(view, nullptr);
  const auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  const auto t1 = std::chrono::steady_clock::now();
  std::printf("table %s: about %lld rows; first view (load + first grid) %.0f ms (grid query %.0f "
              "ms, estimate %.0f ms), grid %dx%d of %.0f m; load %s\n",
              table, static_cast<long long>(d.app().pg_source()->table_rows().rows), ms(t0, t1),
              view->shown_query_ms, view->shown_density_ms, view->shown_grid.nx,
              view->shown_grid.ny, view->shown_grid.cell, load().c_str());
  render::Camera& cam = d.app().map().camera();
  cam.set_metres_per_pixel(cam.metres_per_pixel() / 8);  // zoom 8x at the centre
  uint64_t jobs = view->jobs_run();
  auto t2 = std::chrono::steady_clock::now();
  until_grid(jobs);
  std::printf("zoom 8x: grid on screen after %.0f ms (query %.0f ms incl. points, estimate %.0f "
              "ms), points %s; load %s\n",
              ms(t2, std::chrono::steady_clock::now()), view->shown_query_ms,
              view->shown_density_ms, view->points_truncated ? "too many (zoom in)" : "fetched",
              load().c_str());
  for (int pan = 0; pan < 3; ++pan) {
    app::PlatformInput in;
    in.scripted_pan = {pan == 0 ? -1200.0 : 1200.0, 0};  // west, back, then east
    const double x_before = view->shown_grid.xmin;
    jobs = view->jobs_run();
    t2 = std::chrono::steady_clock::now();
    d.frame(in);
    until_grid(jobs);
    std::printf("pan 1200 px: grid on screen after %.0f ms (query %.0f ms, estimate %.0f ms, "
                "grid moved: %s), points %s; load %s\n",
                ms(t2, std::chrono::steady_clock::now()), view->shown_query_ms,
                view->shown_density_ms, x_before != view->shown_grid.xmin ? "yes" : "no",
                view->points_truncated ? "too many" : "fetched", load().c_str());
  }
  std::printf("incident rows fetched in all: %lld (extent points only)\n",
              static_cast<long long>(io::pg_rows_fetched() - fetched0));
  EXPECT_TRUE(d.app().error_log().empty());
}

}  // namespace
