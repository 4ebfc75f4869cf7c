// Incremental refresh and reconciliation of a live PostGIS source (io/pg_live_source.hpp) against
// the test server: refresh picks up exactly the appended rows, reconciliation reloads exactly the
// months with deleted or corrected rows, and a failed step leaves the held data as it was.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/aggregate.hpp"
#include "core/demo_city.hpp"
#include "core/polygon_index.hpp"
#include "io/pg_live_source.hpp"
#include "io/pg_publish.hpp"
#include "pg_test_support.hpp"

namespace {

using namespace faro;
using namespace faro::io;

struct Halves {
  DemoCity city;
  IncidentStore first, second;
};

Halves split_demo() {
  Halves h{faro_test::small_pg_city(3000), {}, {}};
  const IncidentStore& c = h.city.incidents;
  h.first.work_srs = h.second.work_srs = c.work_srs;
  for (size_t i = 0; i < c.size(); ++i) {
    IncidentStore& s = i < c.size() / 2 ? h.first : h.second;
    s.push_back(c.x[i], c.y[i], c.t[i], s.categories.intern(c.categories.name(c.category[i])), c.flags[i]);
  }
  return h;
}

// What a fresh full load holds, for comparison: (id, category name, t) per row.
std::vector<std::tuple<int64_t, std::string, int64_t>> rows_of(const PgLiveSource& s) {
  std::vector<std::tuple<int64_t, std::string, int64_t>> out;
  const IncidentStore& st = s.incidents();
  for (size_t i = 0; i < st.size(); ++i)
    out.emplace_back(s.ids()[i], st.categories.name(st.category[i]), st.t[i]);
  return out;
}

TEST(PgLiveSource, RefreshThenReconcileMatchAFreshLoad) {
  FARO_REQUIRE_PG(pg);
  Halves h = split_demo();
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, h.first, h.city.sectors, {}, opt);

  PgLiveSource live(pg, opt.table);
  live.load();
  ASSERT_EQ(live.incidents().size(), h.first.size());
  ASSERT_TRUE(live.last_refresh().has_value());
  EXPECT_EQ(live.refresh(), 0u);  // nothing new yet

  opt.append = true;
  publish_to_pg(pg, h.second, h.city.sectors, {}, opt);
  EXPECT_EQ(live.refresh(), h.second.size());
  ASSERT_EQ(live.incidents().size(), h.city.incidents.size());
  // The refreshed store counts like the client's own full data.
  IncidentStore full = h.city.incidents;
  SectorIndex(h.city.sectors).assign(full);
  EXPECT_EQ(count_by_sector_and_period(live.incidents(), h.city.sectors.size(), BinKind::month, {}).counts,
            count_by_sector_and_period(full, h.city.sectors.size(), BinKind::month, {}).counts);
  EXPECT_TRUE(live.reconcile().empty());  // appended rows are in the snapshot: nothing to reload

  // Deleted and corrected rows in two months: only those months are reloaded.
  PgConnection db(pg);
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  std::vector<int64_t> months;
  auto month_of = [&](const std::string& sql) {
    db.query(sql, {}, [&](const PgRow& r) { months.push_back(std::stoll(*r[0])); });
  };
  const std::string m = "(extract(year FROM t)::bigint * 12 + extract(month FROM t)::bigint - 1)";
  month_of("DELETE FROM " + t.incidents + " WHERE id = 10 RETURNING " + m);
  month_of("UPDATE " + t.incidents + " SET category = 'revisado' WHERE id = 2500 RETURNING " + m);
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  EXPECT_EQ(live.reconcile(), months);
  EXPECT_EQ(live.incidents().size(), h.city.incidents.size() - 1);

  PgLiveSource fresh(pg, opt.table);
  fresh.load();
  EXPECT_EQ(rows_of(live), rows_of(fresh));
  EXPECT_EQ(live.incidents().sector, fresh.incidents().sector);
}

TEST(PgLiveSource, AFailedRefreshKeepsThePreviousDataAndCanBeRetried) {
  FARO_REQUIRE_PG(pg);
  Halves h = split_demo();
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, h.first, h.city.sectors, {}, opt);
  PgLiveSource live(pg, opt.table);
  live.load();
  const auto before = rows_of(live);
  const auto stamp = live.last_refresh();

  PgConnection db(pg);
  db.exec("ALTER TABLE " + db.quote_identifier(opt.table + "_incidents") + " RENAME TO " +
          db.quote_identifier(opt.table + "_gone"));
  EXPECT_THROW(live.refresh(), DataError);
  EXPECT_EQ(rows_of(live), before);
  EXPECT_EQ(live.last_refresh(), stamp);
  db.exec("ALTER TABLE " + db.quote_identifier(opt.table + "_gone") + " RENAME TO " +
          db.quote_identifier(opt.table + "_incidents"));
  opt.append = true;
  publish_to_pg(pg, h.second, h.city.sectors, {}, opt);
  EXPECT_EQ(live.refresh(), h.second.size());  // the retry
}

TEST(PgLiveSource, ServerDownOnFirstLoadLeavesNothingHalfLoaded) {
  PgLiveSource live("PG:host=/nonexistent/faro port=5 dbname=x password=hunter2", "faro");
  try {
    live.load();
    FAIL() << "no error";
  } catch (const PgError& e) {
    EXPECT_EQ(e.fault, PgFault::unreachable);
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(live.incidents().empty());
  EXPECT_FALSE(live.last_refresh().has_value());
}

}  // namespace
