// The first map of a live PostGIS source (app/pg_first_map.hpp) in a headless dashboard against
// the test server: while the load's rows are held back, the map shows the sectors, the programs
// read from <T>_programs and the heatmap binned in the server, and the status bar says so (in
// Spanish and English); the server's grid equals the client's binning of the rows that arrive
// next, also under a date filter; and a load that fails after its first map was shown puts the
// previous state back with a message, after which F5 loads again.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app/pg_first_map.hpp"
#include "app/pg_live_controller.hpp"
#include "app_test_util.hpp"
#include "core/demo_city.hpp"
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

// Holds the load's rows back until released (the hook runs on the load's thread).
struct Gate {
  std::atomic<bool> open{false};
  std::function<void()> hook() {
    return [this] {
      const auto until = std::chrono::steady_clock::now() + 120s;  // never hangs a failed test
      while (!open.load() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(2ms);
    };
  }
};

app::DashboardOptions pg_options(const std::string& pg, const std::string& prefix, Gate& gate) {
  app::DashboardOptions o;
  o.width = 1000;
  o.height = 700;
  o.language = Language::en;
  app::PgDashboardSource src;
  src.source = pg;
  src.table = prefix;
  src.after_first_map = gate.hook();
  o.pg = src;
  return o;
}

// Frames until the first map is shown (the rows are held back by the gate).
void until_first_map(app::HeadlessDashboard& d) {
  d.frame();
  ASSERT_TRUE(d.app().pg_source()->wait_first_map(120s));
  d.frame();
  d.frame();
  ASSERT_TRUE(d.app().showing_pg_first_map());
}

void settle(app::HeadlessDashboard& d) {
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  d.frame();
}

std::set<std::string> program_names(const Workspace& ws) {
  std::set<std::string> names;
  for (const Program& p : ws.programs) names.insert(p.name);
  return names;
}

TEST(PgDashboardFirstMap, FilterNarrowsAndTheServerGridTurnsNorthUp) {
  io::pg_sql::Filter source;
  source.from = 100;
  source.to_exclusive = 500;
  source.categories = {"robo", "homicidio"};
  FilterState session;
  session.from = 50;
  session.to_exclusive = 300;
  session.categories = {"homicidio", "lesiones"};
  const io::pg_sql::Filter f = app::first_map_filter(source, session);
  EXPECT_EQ(f.from, 100);  // the later start
  EXPECT_EQ(f.to_exclusive, 300);  // the earlier end
  EXPECT_EQ(f.categories, std::vector<std::string>{"homicidio"});
  session.categories = {"lesiones"};  // nothing in common: no row may pass
  const io::pg_sql::Filter none = app::first_map_filter(source, session);
  ASSERT_EQ(none.categories.size(), 1u);
  EXPECT_NE(none.categories[0], "robo");
  EXPECT_NE(none.categories[0], "lesiones");
  // The server's row 0 is the south; GridSpec's row 0 the north.
  io::GridCounts g;
  g.nx = 2, g.ny = 3;
  g.count = {1, 2, 3, 4, 5, 6};
  g.weight = {1, 2, 3, 4, 5, 6};
  GridSpec grid;
  grid.nx = 2, grid.ny = 3, grid.cell = 10, grid.xmin = 0, grid.ymax = 30;
  EXPECT_EQ(app::north_up_weights(g, grid), (std::vector<double>{5, 6, 3, 4, 1, 2}));
  // The client's binning on that grid: a point at (15, 5) is in column 1 of the southmost row.
  IncidentStore store;
  store.x = {15, 5};
  store.y = {5, 25};
  store.t = {0, 0};
  const std::vector<double> w = app::client_grid_weights(store, nullptr, grid);
  EXPECT_EQ(w, (std::vector<double>{1, 0, 0, 0, 0, 1}));
}

TEST(PgDashboardFirstMap, SectorsProgramsAndServerHeatmapFirstThenTheRows) {
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  const DemoCity city = small_city();
  ASSERT_FALSE(city.programs.empty());
  io::PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  io::publish_to_pg(pg, city.incidents, city.sectors, city.programs, opt);

  Gate gate;
  app::HeadlessDashboard d(pg_options(pg, opt.table, gate));
  until_first_map(d);
  // The first map: sectors and programs from the server, no rows yet, the server's heatmap.
  const Workspace& first = d.app().snapshot()->ws();
  EXPECT_EQ(first.sectors.size(), city.sectors.size());
  EXPECT_EQ(first.incidents.size(), 0u);
  std::set<std::string> published;
  for (const Program& p : city.programs) published.insert(p.name);
  EXPECT_EQ(program_names(first), published);
  EXPECT_TRUE(d.app().map().density_pinned());
  EXPECT_TRUE(d.app().status().loading);
  const std::string en = d.app().status().load_message;
  EXPECT_NE(en.find("First map from the server"), std::string::npos) << en;
  d.app().session().language = Language::es;
  d.frame();
  const std::string es = d.app().status().load_message;
  EXPECT_NE(es.find("Primer mapa desde el servidor"), std::string::npos) << es;
  d.app().session().language = Language::en;
  // For the docs: FARO_PG_FIRST_MAP_PNG=prefix writes prefix-first.png (the first map, the status
  // bar saying so) and, below, prefix-rows.png (the rows in).
  const char* png = std::getenv("FARO_PG_FIRST_MAP_PNG");
  const auto write = [&](const char* suffix) {
    d.frame();
    const render::RgbaImage img = d.read();
    io::write_png_rgba(std::string(png) + suffix, img.pixels, img.width, img.height);
  };
  if (png) write("-first.png");
  // The grid the heatmap was estimated from counts every row.
  const std::vector<double>& counts = d.app().pg_source()->first_map_counts();
  double counted = 0;
  for (double c : counts) counted += c;
  EXPECT_EQ(counted, static_cast<double>(city.incidents.size()));

  gate.open = true;
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  EXPECT_FALSE(d.app().showing_pg_first_map());
  EXPECT_FALSE(d.app().map().density_pinned());  // the rows' own density from here on
  if (png) {
    settle(d);  // the rows' own heatmap, requested by the frame after they arrived
    write("-rows.png");
  }
  const SnapshotPtr full = d.app().snapshot();
  ASSERT_EQ(full->ws().incidents.size(), city.incidents.size());
  EXPECT_EQ(program_names(full->ws()), published);  // the programs stay with the rows
  EXPECT_EQ(d.app().status().pg.last_count, static_cast<int>(city.incidents.size()));
  // The first map's grid equals the client's binning of the rows that arrived.
  const GridSpec& grid = d.app().pg_source()->first_map_grid();
  ASSERT_GT(grid.cells(), 100u);
  EXPECT_EQ(app::client_grid_weights(full->ws().incidents, &full->filtered->rows, grid), counts);
  // Programs come with refreshes too (the refresh does not read <T>_programs again).
  ui::UiAction refresh;
  refresh.kind = ui::UiAction::Kind::pg_refresh;
  d.app().request(refresh);
  d.frame();
  settle(d);
  EXPECT_EQ(program_names(d.app().snapshot()->ws()), published);
}

TEST(PgDashboardFirstMap, TheGridFollowsTheSessionsDates) {
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  const DemoCity city = small_city();
  io::PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  io::publish_to_pg(pg, city.incidents, city.sectors, {}, opt);

  Gate gate;
  app::DashboardOptions o = pg_options(pg, opt.table, gate);
  Session s;
  s.language = Language::en;
  s.style = io::default_style();
  s.filter.from = days_from_civil(2023, 3, 1) * kSecondsPerDay;
  s.filter.to_exclusive = days_from_civil(2023, 7, 1) * kSecondsPerDay;
  o.session = s;
  app::HeadlessDashboard d(o);
  until_first_map(d);
  const std::vector<double> counts = d.app().pg_source()->first_map_counts();
  gate.open = true;
  settle(d);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  const SnapshotPtr full = d.app().snapshot();
  ASSERT_EQ(full->ws().incidents.size(), city.incidents.size());
  ASSERT_LT(full->filtered->rows.size(), city.incidents.size());  // the dates select a part
  ASSERT_GT(full->filtered->rows.size(), 100u);
  EXPECT_EQ(app::client_grid_weights(full->ws().incidents, &full->filtered->rows,
                                     d.app().pg_source()->first_map_grid()),
            counts);
}

TEST(PgDashboardFirstMap, AFailedLoadAfterItsFirstMapPutsThePreviousStateBack) {
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  const DemoCity city = small_city();
  io::PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  io::publish_to_pg(pg, city.incidents, city.sectors, city.programs, opt);

  Gate gate;
  app::HeadlessDashboard d(pg_options(pg, opt.table, gate));
  const std::shared_ptr<const Workspace> before = d.app().snapshot()->data;
  until_first_map(d);
  ASSERT_NE(d.app().snapshot()->data, before);
  // The incidents table goes away before the rows are read: the load fails.
  io::PgConnection db(pg);
  const std::string t = io::require_pg_tables(db, opt.table).incidents;
  db.exec("ALTER TABLE " + t + " RENAME TO " + opt.table + "_away");
  gate.open = true;
  settle(d);
  ASSERT_EQ(d.app().error_log().size(), 1u);
  EXPECT_NE(d.app().error_log().front().find("Could not open"), std::string::npos)
      << d.app().error_log().front();
  EXPECT_NE(d.app().error_log().front().find("dbname"), std::string::npos);  // the source named
  EXPECT_FALSE(d.app().showing_pg_first_map());
  EXPECT_EQ(d.app().snapshot()->data, before);  // the state before the first map, not half of it
  EXPECT_FALSE(d.app().map().density_pinned());

  // The first-map query itself fails while the table is away: again the previous state.
  ui::UiAction refresh;
  refresh.kind = ui::UiAction::Kind::pg_refresh;  // before a load succeeded: loads again
  d.app().request(refresh);
  d.frame();
  settle(d);
  ASSERT_EQ(d.app().error_log().size(), 2u);
  EXPECT_EQ(d.app().snapshot()->data, before);
  EXPECT_FALSE(d.app().showing_pg_first_map());

  // Back: F5 loads (first map, then rows).
  db.exec("ALTER TABLE " + opt.table + "_away RENAME TO " + t);
  d.app().request(refresh);
  d.frame();
  settle(d);
  EXPECT_EQ(d.app().error_log().size(), 2u);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), city.incidents.size());
  EXPECT_EQ(d.app().snapshot()->ws().programs.size(), city.programs.size());
}

}  // namespace
