// The dashboard on a live PostGIS source (app/pg_live_controller.hpp) against the test server: the
// demo city published with `faro publish`'s writer opens in a headless dashboard with the same
// rows, rows inserted server-side arrive through the app's own Refresh action (and F5), a
// reconciliation picks up deleted rows, and a refresh that fails keeps the previous snapshot,
// shows a modal naming the source without its password, and can be retried.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "app/headless_dashboard.hpp"
#include "app/pg_live_controller.hpp"
#include "app_test_util.hpp"
#include "core/demo_city.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_publish.hpp"
#include "io/png_writer.hpp"
#include "io/pg_source.hpp"
#include "pg_test_support.hpp"

namespace {

using namespace faro;
using namespace std::chrono_literals;

DemoCity small_city() { return faro_test::small_pg_city(2000); }

// Copies of the first `n` rows (by id) with new ids above the highest: what a feed appends.
void insert_rows(const std::string& pg, const std::string& prefix, int n) {
  io::PgConnection db(pg);
  const std::string t = io::require_pg_tables(db, prefix).incidents;
  db.exec("INSERT INTO " + t + " (id, geom, t, has_time, category, weight, source_row, sector_idx) "
          "SELECT m.mx + row_number() OVER (ORDER BY s.id), s.geom, s.t, s.has_time, s.category, "
          "s.weight, s.source_row, s.sector_idx FROM (SELECT * FROM " + t + " ORDER BY id LIMIT " +
          std::to_string(n) + ") s, (SELECT max(id) AS mx FROM " + t + ") m");
}

app::DashboardOptions pg_options(const std::string& pg, const std::string& prefix) {
  app::DashboardOptions o;
  o.width = 1000;
  o.height = 700;
  o.language = Language::en;
  app::PgDashboardSource src;
  src.source = pg;
  src.table = prefix;
  o.pg = src;
  return o;
}

// Frames until the running PostGIS step (and what it started) is finished and shown.
void settle(app::HeadlessDashboard& d) {
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  d.frame();
}

void request(app::HeadlessDashboard& d, ui::UiAction::Kind kind) {
  ui::UiAction a;
  a.kind = kind;
  d.app().request(a);
  d.frame();  // after_frame() starts the step
  settle(d);
}

TEST(PgDashboard, RefreshAndReconcileThroughTheAppsActions) {
  FARO_REQUIRE_PG(pg);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  const DemoCity city = small_city();
  io::PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  io::publish_to_pg(pg, city.incidents, city.sectors, {}, opt);

  app::HeadlessDashboard d(pg_options(pg, opt.table));
  settle(d);
  ASSERT_NE(d.app().pg_source(), nullptr);
  ASSERT_TRUE(d.app().error_log().empty()) << d.app().error_log().front();
  // The same data as from files: every row, every sector.
  const size_t n0 = city.incidents.size();
  ASSERT_EQ(d.app().snapshot()->ws().incidents.size(), n0);
  EXPECT_EQ(d.app().snapshot()->ws().sectors.size(), city.sectors.size());
  EXPECT_EQ(d.app().snapshot()->result().total, static_cast<int64_t>(n0));
  EXPECT_EQ(d.app().status().pg.last_step, ui::AppStatus::PgLive::Step::load);
  EXPECT_EQ(d.app().status().pg.last_count, static_cast<int>(n0));
  const uint64_t gen0 = d.app().snapshot()->generation;

  insert_rows(pg, opt.table, 37);
  request(d, ui::UiAction::Kind::pg_refresh);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), n0 + 37);
  EXPECT_EQ(d.app().snapshot()->result().total, static_cast<int64_t>(n0 + 37));  // derived state
  EXPECT_GT(d.app().snapshot()->generation, gen0);
  EXPECT_EQ(d.app().status().pg.last_count, 37);
  EXPECT_FALSE(d.app().status().pg.last_time.empty());

  // F5 takes the same path.
  insert_rows(pg, opt.table, 5);
  app::PlatformInput f5;
  f5.refresh = true;
  d.frame(f5);
  d.frame();
  settle(d);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), n0 + 42);
  EXPECT_EQ(d.app().status().pg.last_count, 5);
  // For the docs: FARO_PG_DASHBOARD_PNG=prefix writes prefix-en.png and prefix-es.png (the status
  // bar says "Refreshed HH:MM:SS: 5 new rows").
  if (const char* png = std::getenv("FARO_PG_DASHBOARD_PNG")) {
    for (Language lang : {Language::en, Language::es}) {
      d.app().session().language = lang;
      d.frame();
      d.frame();
      const render::RgbaImage img = d.read();
      io::write_png_rgba(std::string(png) + (lang == Language::en ? "-en.png" : "-es.png"),
                         img.pixels, img.width, img.height);
    }
    d.app().session().language = Language::en;
  }

  // Rows deleted on the server: a refresh cannot see them, the reconciliation does.
  {
    io::PgConnection db(pg);
    const std::string t = io::require_pg_tables(db, opt.table).incidents;
    db.exec("DELETE FROM " + t + " WHERE id IN (SELECT id FROM " + t + " ORDER BY id LIMIT 4)");
  }
  request(d, ui::UiAction::Kind::pg_refresh);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), n0 + 42);
  request(d, ui::UiAction::Kind::pg_reconcile);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), n0 + 38);
  EXPECT_EQ(d.app().status().pg.last_step, ui::AppStatus::PgLive::Step::reconcile);
  EXPECT_GE(d.app().status().pg.last_count, 1);
  EXPECT_TRUE(d.app().error_log().empty());
}

TEST(PgDashboard, AFailedRefreshKeepsTheDataNamesTheSourceAndCanBeRetried) {
  FARO_REQUIRE_PG(pg_plain);
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  // Trust auth ignores the password: it is only there to be hidden.
  const std::string pg = pg_plain + " password=hunter2";
  const DemoCity city = small_city();
  io::PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  io::publish_to_pg(pg_plain, city.incidents, city.sectors, {}, opt);

  app::HeadlessDashboard d(pg_options(pg, opt.table));
  settle(d);
  const SnapshotPtr before = d.app().snapshot();
  ASSERT_EQ(before->ws().incidents.size(), city.incidents.size());

  // The table goes away (as a dropped or renamed feed would): the refresh fails.
  io::PgConnection db(pg_plain);
  const std::string t = io::require_pg_tables(db, opt.table).incidents;
  db.exec("ALTER TABLE " + t + " RENAME TO " + opt.table + "_away");
  request(d, ui::UiAction::Kind::pg_refresh);
  ASSERT_EQ(d.app().error_log().size(), 1u);
  const std::string& modal = d.app().error_log().front();
  EXPECT_NE(modal.find("previous data is kept"), std::string::npos) << modal;
  EXPECT_NE(modal.find("dbname"), std::string::npos) << modal;  // the source is named...
  EXPECT_EQ(modal.find("hunter2"), std::string::npos) << modal;  // ...without its password
  EXPECT_EQ(d.app().snapshot(), before);  // the very same snapshot: nothing replaced
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), city.incidents.size());

  // Back, with new rows: Refresh again works.
  db.exec("ALTER TABLE " + opt.table + "_away RENAME TO " + t);
  insert_rows(pg_plain, opt.table, 3);
  request(d, ui::UiAction::Kind::pg_refresh);
  EXPECT_EQ(d.app().error_log().size(), 1u);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), city.incidents.size() + 3);
  EXPECT_EQ(d.app().status().pg.last_count, 3);
}

TEST(PgDashboard, ServerDownAtOpenIsAModalNotACrash) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL (EGL)";
  // No PostgreSQL listens on this socket folder: the first load fails within the connect timeout.
  app::DashboardOptions o = pg_options("PG:host=/nonexistent-faro-socket dbname=x password=hunter2", "faro");
  app::HeadlessDashboard d(o);
  settle(d);
  ASSERT_EQ(d.app().error_log().size(), 1u);
  EXPECT_NE(d.app().error_log().front().find("Could not open"), std::string::npos);
  EXPECT_EQ(d.app().error_log().front().find("hunter2"), std::string::npos);
  EXPECT_EQ(d.app().snapshot()->ws().incidents.size(), 0u);
  // Retry: F5 runs another load attempt (it fails the same way, again as a modal).
  request(d, ui::UiAction::Kind::pg_refresh);
  EXPECT_EQ(d.app().error_log().size(), 2u);
}

}  // namespace
