// The cheap questions the dashboard asks a PostGIS source before choosing between pulling every row
// and server mode (io/pg_source.hpp pg_row_count, pg_time_bounds), against the test server: the
// planner's estimate after publish's ANALYZE, the bounded count when there is no estimate, and
// the time bounds equal to the counting time range's, under a filter too.
#include <gtest/gtest.h>

#include "core/demo_city.hpp"
#include "io/pg_publish.hpp"
#include "io/pg_source.hpp"
#include "pg_test_support.hpp"

namespace {

using namespace faro;
using namespace faro::io;

TEST(PgRowCount, EstimateAfterPublishBoundedCountWithoutOne) {
  FARO_REQUIRE_PG(pg);
  DemoOptions o;
  o.sectors = 12;
  o.incidents = 1500;
  o.first_year = 2022;
  o.last_year = 2023;
  const DemoCity city = generate_demo_city(o);
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, city.incidents, city.sectors, {}, opt);

  PgConnection db(pg);
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  // publish runs ANALYZE: the estimate is there and, on a table this small, exact.
  const PgRowCount est = pg_row_count(db, t, 1'000'000);
  EXPECT_TRUE(est.estimated);
  const auto n = static_cast<int64_t>(city.incidents.size());  // the generator's, about 1500
  EXPECT_EQ(est.rows, n);
  // No estimate (as a table never analysed, or a Citus coordinator's empty shell table): a count
  // that stops at the cap.
  db.exec("UPDATE pg_class SET reltuples = -1 WHERE oid = '" + t.incidents + "'::regclass");
  const PgRowCount capped = pg_row_count(db, t, 100);
  EXPECT_FALSE(capped.estimated);
  EXPECT_EQ(capped.rows, 100);
  const PgRowCount exact = pg_row_count(db, t, 1'000'000);
  EXPECT_FALSE(exact.estimated);
  EXPECT_EQ(exact.rows, n);

  // Time bounds without the count equal the counting range's, with and without a filter.
  pg_sql::Filter f;
  const PgTimeRange range = pg_time_range(db, t, f);
  const PgTimeRange bounds = pg_time_bounds(db, t, f);
  ASSERT_TRUE(bounds.first && bounds.last);
  EXPECT_EQ(bounds.first, range.first);
  EXPECT_EQ(bounds.last, range.last);
  EXPECT_EQ(bounds.first, city.incidents.min_time());
  EXPECT_EQ(bounds.last, city.incidents.max_time());
  f.from = days_from_civil(2023, 2, 1) * kSecondsPerDay;
  f.categories = {city.incidents.categories.name(city.incidents.category[0])};
  const PgTimeRange r2 = pg_time_range(db, t, f), b2 = pg_time_bounds(db, t, f);
  ASSERT_GT(r2.rows, 0);
  EXPECT_EQ(b2.first, r2.first);
  EXPECT_EQ(b2.last, r2.last);
  EXPECT_GE(*b2.first, *f.from);
  f.categories = {"no such offence"};
  const PgTimeRange none = pg_time_bounds(db, t, f);
  EXPECT_FALSE(none.first);
  EXPECT_FALSE(none.last);
}

}  // namespace
