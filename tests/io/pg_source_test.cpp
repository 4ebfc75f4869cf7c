// PostGIS as a source, against the real test server (FARO_TEST_PG; see tests/pg_test_support.hpp):
// `publish` round-trips the demo city bit-exactly, and everything the database computes (sector x
// period counts with the boundary rule, grid binning, extent points, incremental reads, month
// checksums) equals the client-side path on the same rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/aggregate.hpp"
#include "core/demo_city.hpp"
#include "core/polygon_index.hpp"
#include "io/data_loading.hpp"
#include "io/pg_publish.hpp"
#include "io/pg_source.hpp"
#include "pg_test_support.hpp"
#include "test_support.hpp"

namespace {

using namespace faro;
using namespace faro::io;

DemoCity small_demo() {
  DemoOptions o;
  o.sectors = 30;
  o.incidents = 4000;
  o.first_year = 2021;
  o.last_year = 2023;
  DemoCity city = generate_demo_city(o);
  SectorIndex(city.sectors).assign(city.incidents);
  return city;
}

void expect_counts_equal(const SectorPeriodCounts& server, const SectorPeriodCounts& client) {
  ASSERT_EQ(server.first_bin, client.first_bin);
  ASSERT_EQ(server.bins, client.bins);
  ASSERT_EQ(server.sectors, client.sectors);
  EXPECT_EQ(server.counts, client.counts);
  EXPECT_EQ(server.total(), client.total());
}

std::vector<uint8_t> category_mask(const IncidentStore& s, const std::vector<std::string>& names) {
  std::vector<uint8_t> mask(s.categories.size(), 0);
  for (const auto& n : names)
    if (auto c = s.categories.find(n)) mask[*c] = 1;
  return mask;
}

TEST(PgPublish, DemoCityRoundTripsExactly) {
  FARO_REQUIRE_PG(pg);
  const DemoCity city = small_demo();
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  const PgPublishResult r = publish_to_pg(pg, city.incidents, city.sectors, city.programs, opt);
  EXPECT_EQ(r.srid, 32614);
  EXPECT_EQ(r.incidents, city.incidents.size());
  EXPECT_EQ(r.sectors, city.sectors.size());

  PgConnection db(pg);
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  EXPECT_EQ(t.srid, 32614);
  const SectorSet sectors = load_pg_sectors(db, t);
  ASSERT_EQ(sectors.size(), city.sectors.size());
  for (size_t i = 0; i < sectors.size(); ++i) {
    EXPECT_EQ(sectors.sectors[i].name, city.sectors.sectors[i].name);
    ASSERT_EQ(sectors.sectors[i].shape.size(), city.sectors.sectors[i].shape.size());
    for (size_t p = 0; p < sectors.sectors[i].shape.size(); ++p)
      EXPECT_EQ(sectors.sectors[i].shape[p].outer, city.sectors.sectors[i].shape[p].outer) << i;
    EXPECT_EQ(sectors.sectors[i].population, city.sectors.sectors[i].population);
  }
  EXPECT_EQ(sectors.attribute_names, city.sectors.attribute_names);  // the brief's districts
  EXPECT_EQ(sectors.attributes, city.sectors.attributes);
  const std::vector<Program> programs = load_pg_programs(db, t);
  size_t rows = 0;
  for (const Program& p : programs) rows += p.sectors.size();
  EXPECT_EQ(rows, r.program_rows);
  EXPECT_EQ(programs.size(), city.programs.size());

  const PgIncidentBatch b = load_pg_incidents(db, t, {});
  const IncidentStore& s = b.store;
  ASSERT_EQ(s.size(), city.incidents.size());
  EXPECT_EQ(b.max_id, static_cast<int64_t>(s.size()));
  for (size_t i = 0; i < s.size(); ++i) {
    ASSERT_EQ(s.x[i], city.incidents.x[i]) << i;  // bit-exact: hex EWKB in, shortest-exact out
    ASSERT_EQ(s.y[i], city.incidents.y[i]) << i;
    ASSERT_EQ(s.t[i], city.incidents.t[i]) << i;
    ASSERT_EQ(s.flags[i], city.incidents.flags[i]) << i;
    ASSERT_EQ(s.categories.name(s.category[i]), city.incidents.categories.name(city.incidents.category[i]));
  }
  // The spatial index and SRID the issue asks for.
  int gist = 0;
  db.query("SELECT count(*) FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE '%gist%'",
           {opt.table + "_incidents"}, [&](const PgRow& row) { gist = std::stoi(*row[0]); });
  EXPECT_EQ(gist, 1);
}

TEST(PgServerSide, CountsEqualClientOnDemoCity) {
  FARO_REQUIRE_PG(pg);
  const DemoCity city = small_demo();
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, city.incidents, city.sectors, {}, opt);
  PgConnection db(pg);
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  // Three ways the server can know each row's sector: materialised by publish (the client's
  // assignment), the on-the-fly spatial join (rows with sector_idx NULL), and the join stored by
  // assign_missing_sectors. All must give the client's table.
  for (const char* step : {"published", "join", "assigned"}) {
    if (std::string(step) == "join") db.exec("UPDATE " + t.incidents + " SET sector_idx = NULL");
    if (std::string(step) == "assigned") db.exec(pg_sql::assign_missing_sectors(t));
    for (BinKind kind : {BinKind::none, BinKind::day, BinKind::week, BinKind::month, BinKind::year}) {
      SCOPED_TRACE(std::string(step) + " " + to_string(kind));
      expect_counts_equal(pg_sector_period_counts(db, t, city.sectors.size(), kind, {}),
                          count_by_sector_and_period(city.incidents, city.sectors.size(), kind, {}));
    }
  }
  // Dates and offences as SQL WHERE terms, against the client's filter.
  pg_sql::Filter f;
  f.from = days_from_civil(2022, 3, 1) * kSecondsPerDay;
  f.to_exclusive = days_from_civil(2022, 9, 1) * kSecondsPerDay;
  f.categories = {city.incidents.categories.name(1)};
  IncidentFilter cf;
  cf.from = f.from;
  cf.to_exclusive = f.to_exclusive;
  cf.categories = category_mask(city.incidents, f.categories);
  const SectorPeriodCounts server = pg_sector_period_counts(db, t, city.sectors.size(), BinKind::week, f);
  expect_counts_equal(server, count_by_sector_and_period(city.incidents, city.sectors.size(), BinKind::week, cf));
  EXPECT_GT(server.total(), 0);
}

// Points exactly on shared edges and vertices: PostGIS alone would count them twice
// (ST_Intersects) or not at all (ST_Contains); the server must follow SectorIndex's half-open rule.
TEST(PgServerSide, BoundaryPointsFollowTheClientRule) {
  FARO_REQUIRE_PG(pg);
  SectorSet sectors;
  sectors.work_srs = "EPSG:32614";
  auto square = [](double x0, double y0, double x1, double y1) {
    Polygon p;
    p.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    return MultiPolygon{p};
  };
  const double X = 480000, Y = 2100000;
  sectors.sectors.push_back({"A", square(X, Y, X + 100, Y + 100), {}, 0, {}});
  sectors.sectors.push_back({"B", square(X + 100, Y, X + 200, Y + 100), {}, 0, {}});
  sectors.sectors.push_back({"C", square(X, Y + 100, X + 200, Y + 200), {}, 0, {}});
  // A slanted edge too: triangle D right of B, sharing B's... (x = X+200 edge) and a diagonal.
  Polygon tri;
  tri.outer = {{X + 200, Y}, {X + 300, Y}, {X + 200, Y + 100}};
  sectors.sectors.push_back({"D", {tri}, {}, 0, {}});
  IncidentStore s;
  s.work_srs = sectors.work_srs;
  const int64_t t0 = days_from_civil(2024, 1, 1) * kSecondsPerDay;
  const std::vector<Vec2> pts = {
      {X + 100, Y + 50},  {X + 50, Y + 100},  {X + 100, Y + 100}, {X, Y},         {X + 200, Y + 100},
      {X + 200, Y + 50},  {X + 250, Y + 50},  {X + 250, Y + 25},  {X + 300, Y},   {X + 50, Y + 50},
      {X + 150, Y + 150}, {X + 200, Y + 200}, {X - 1, Y + 50},    {X + 0.1, Y},   {X + 100, Y}};
  int k = 0;
  for (const Vec2& p : pts) s.push_back(p.x, p.y, t0 + (k++) * 86400 * 8, 0, 0);
  SectorIndex(sectors).assign(s);
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, s, sectors, {}, opt);
  PgConnection db(pg);
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  // One incident per week: the week x sector table says where each point went. The server's own
  // join decides (sector_idx cleared), on the fly and stored.
  db.exec("UPDATE " + t.incidents + " SET sector_idx = NULL");
  const SectorPeriodCounts client = count_by_sector_and_period(s, sectors.size(), BinKind::week, {});
  expect_counts_equal(pg_sector_period_counts(db, t, sectors.size(), BinKind::week, {}), client);
  db.exec(pg_sql::assign_missing_sectors(t));
  expect_counts_equal(pg_sector_period_counts(db, t, sectors.size(), BinKind::week, {}), client);
}

TEST(PgServerSide, GridPointsAndIncrementalReadsEqualClient) {
  FARO_REQUIRE_PG(pg);
  DemoCity city = small_demo();
  const size_t half = city.incidents.size() / 2;
  IncidentStore first, second;
  first.work_srs = second.work_srs = city.incidents.work_srs;
  for (size_t i = 0; i < city.incidents.size(); ++i) {
    const auto& c = city.incidents;
    const uint16_t code = (i < half ? first : second).categories.intern(c.categories.name(c.category[i]));
    (i < half ? first : second).push_back(c.x[i], c.y[i], c.t[i], code, c.flags[i]);
  }
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, first, city.sectors, {}, opt);
  PgConnection db(pg);
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  const auto before = pg_month_checksums(db, t, {});
  const PgIncidentBatch a = load_pg_incidents(db, t, {});
  ASSERT_EQ(a.store.size(), half);

  // A daily feed: --append, then read only what is newer than what we hold.
  opt.append = true;
  const PgPublishResult r2 = publish_to_pg(pg, second, city.sectors, {}, opt);
  EXPECT_EQ(r2.first_id, a.max_id + 1);
  pg_sql::Filter since;
  since.after_id = a.max_id;
  const PgIncidentBatch b = load_pg_incidents(db, t, since);
  ASSERT_EQ(b.store.size(), second.size());
  for (size_t i = 0; i < b.store.size(); ++i) ASSERT_EQ(b.store.x[i], second.x[i]);
  const auto after = pg_month_checksums(db, t, {});
  std::vector<int64_t> expect_changed;
  for (size_t i = 0; i < second.size(); ++i) expect_changed.push_back(bin_of(BinKind::month, second.t[i]));
  std::sort(expect_changed.begin(), expect_changed.end());
  expect_changed.erase(std::unique(expect_changed.begin(), expect_changed.end()), expect_changed.end());
  EXPECT_EQ(changed_months(before, after), expect_changed);
  // A correction (one row's category) changes exactly its month.
  int64_t month = 0;
  db.query("UPDATE " + t.incidents + " SET category = 'corrected' WHERE id = 7 RETURNING " +
               "(extract(year FROM t)::bigint * 12 + extract(month FROM t)::bigint - 1)",
           {}, [&](const PgRow& row) { month = std::stoll(*row[0]); });
  EXPECT_EQ(changed_months(after, pg_month_checksums(db, t, {})), std::vector<int64_t>{month});

  // Server-side grid binning over an extent equals the same integer cell arithmetic on the client.
  const IncidentStore& all = city.incidents;
  const Box ext = all.extent();
  const double cell = 250, x0 = ext.xmin + 333, y0 = ext.ymin + 111;
  const int nx = 40, ny = 30;
  const GridCounts g = pg_grid_counts(db, t, {}, x0, y0, cell, nx, ny);
  std::vector<int64_t> expect(static_cast<size_t>(nx) * ny, 0);
  for (size_t i = 0; i < all.size(); ++i) {
    const double fx = std::floor((all.x[i] - x0) / cell), fy = std::floor((all.y[i] - y0) / cell);
    if (fx < 0 || fy < 0 || fx >= nx || fy >= ny) continue;
    ++expect[static_cast<size_t>(fy) * nx + static_cast<size_t>(fx)];
  }
  EXPECT_EQ(g.count, expect);

  // Points only for the visible extent, and only below the limit.
  const Box view{ext.xmin + ext.width() * 0.3, ext.ymin + ext.height() * 0.3,
                 ext.xmin + ext.width() * 0.6, ext.ymin + ext.height() * 0.6};
  size_t inside = 0;
  for (size_t i = 0; i < all.size(); ++i) inside += view.contains(all.x[i], all.y[i]);
  ASSERT_GT(inside, 10u);
  pg_sql::Filter vf;
  vf.extent = view;
  const PgPoints p = pg_points(db, t, vf, 1'000'000);
  EXPECT_EQ(p.x.size(), inside);
  EXPECT_FALSE(p.truncated);
  const PgPoints few = pg_points(db, t, vf, 10);
  EXPECT_EQ(few.x.size(), 10u);
  EXPECT_TRUE(few.truncated);
}

// The real FGJ homicides (CDMX, 2019-2024) on the 2023 police sectors: the same weekly table from
// the database as from the client.
TEST(PgServerSide, FgjHomicidesWeeklyCountsEqualClient) {
  FARO_REQUIRE_PG(pg);
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  SectorIncidentSources src;
  src.sectors = sectors;
  src.incidents = incidents;
  src.incident_options.use_cache = false;
  const SectorIncidentData d = load_sectors_and_incidents(src);
  ASSERT_GT(d.incidents.size(), 10000u);
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, d.incidents, d.sectors, {}, opt);
  PgConnection db(pg);
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  const SectorPeriodCounts server = pg_sector_period_counts(db, t, d.sectors.size(), BinKind::week, {});
  const SectorPeriodCounts client = count_by_sector_and_period(d.incidents, d.sectors.size(), BinKind::week, {});
  expect_counts_equal(server, client);
  EXPECT_EQ(server.total(), static_cast<int64_t>(d.incidents.size()));
  // The server's spatial join on the real sectors (not the materialised client assignment).
  db.exec("UPDATE " + t.incidents + " SET sector_idx = NULL");
  expect_counts_equal(pg_sector_period_counts(db, t, d.sectors.size(), BinKind::week, {}), client);
}

}  // namespace
