// PostGIS scale ladder (issue 19): sector x week counts computed in the database against pulling
// every row to the client (stream, assign with SectorIndex, count), on
//   - the 1.28 M FGJ rows (all offences, CDMX 2019-2024) published with io::publish_to_pg, and
//   - a synthetic 10 M-row table generated in the server (generate_series; uniform points over the
//     sectors' extent, uniform times 2019-2024) against the same sectors,
// plus the server-side heatmap grid for the whole extent (the data of a first map). Three ways to
// count: the spatial join on the fly, the sector materialised once (assign_missing_sectors) and
// then a plain scan, and pulling every row to the client.
// Needs a server: FARO_BENCH_PG (or FARO_TEST_PG) = "PG:...", e.g. from scripts/pg-test-cluster.sh.
// Tables persist (bench_fgj_*, bench_syn_*) so later runs skip the setup; FARO_BENCH_ROWS changes
// the synthetic size (default 10000000); FARO_BENCH_SKIP_FGJ=1 measures the synthetic table only.
// Prints one line per measurement (wall s) and
// the 1-minute load average, since the machine is shared. Single runs except where marked.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "core/aggregate.hpp"
#include "core/polygon_index.hpp"
#include "io/data_loading.hpp"
#include "io/pg_publish.hpp"
#include "io/pg_source.hpp"

namespace {

using namespace faro;
using namespace faro::io;
using Clock = std::chrono::steady_clock;

double seconds_of(const std::function<void()>& f) {
  const auto t0 = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median_of_3(const std::function<void()>& f) {
  std::vector<double> s = {seconds_of(f), seconds_of(f), seconds_of(f)};
  std::sort(s.begin(), s.end());
  return s[1];
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one;
}

bool has_table(PgConnection& db, const std::string& prefix) { return table_srid(db, prefix) != 0; }

void setup_fgj(const std::string& pg, PgConnection& db) {
  if (has_table(db, "bench_fgj")) return;
  SectorIncidentSources src;
  src.sectors = std::string(FARO_SHARED_DATA) + "/cdmx-cuadrantes/sectores_2023.geojson";
  src.incidents = std::string(FARO_SHARED_DATA) + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";
  SectorIncidentData d;
  const double load_s = seconds_of([&] { d = load_sectors_and_incidents(src); });
  PgPublishOptions opt;
  opt.table = "bench_fgj";
  const double pub_s = seconds_of([&] { publish_to_pg(pg, d.incidents, d.sectors, {}, opt); });
  std::printf("setup fgj: %zu rows loaded from CSV in %.1f s, published (COPY + indexes) in %.1f s\n",
              d.incidents.size(), load_s, pub_s);
}

void setup_synthetic(PgConnection& db, long rows) {
  if (has_table(db, "bench_syn")) return;
  const double s = seconds_of([&] {
    db.exec("DROP TABLE IF EXISTS bench_syn_incidents, bench_syn_sectors, bench_syn_programs");
    db.exec("CREATE TABLE bench_syn_sectors AS SELECT * FROM bench_fgj_sectors");
    db.exec("CREATE TABLE bench_syn_programs AS SELECT * FROM bench_fgj_programs");
    db.exec("ALTER TABLE bench_syn_sectors ADD PRIMARY KEY (idx)");
    db.exec("CREATE INDEX ON bench_syn_sectors USING gist (geom)");
    // Same layout as publish writes; points uniform over the sectors' extent, times over 6 years.
    db.exec("CREATE TABLE bench_syn_incidents (LIKE bench_fgj_incidents INCLUDING DEFAULTS)");
    db.exec("INSERT INTO bench_syn_incidents (id, geom, t, has_time, category) "
            "SELECT g, ST_SetSRID(ST_MakePoint(e.xmin + random() * (e.xmax - e.xmin), "
            "e.ymin + random() * (e.ymax - e.ymin)), ST_SRID(e.box)), "
            "TIMESTAMP '2019-01-01' + random() * INTERVAL '2191 days', true, "
            "(ARRAY['robo', 'lesiones', 'homicidio', 'fraude'])[1 + (g % 4)] "
            "FROM (SELECT ST_Extent(geom)::geometry AS box, ST_XMin(ST_Extent(geom)) AS xmin, "
            "ST_XMax(ST_Extent(geom)) AS xmax, ST_YMin(ST_Extent(geom)) AS ymin, "
            "ST_YMax(ST_Extent(geom)) AS ymax FROM bench_fgj_sectors) AS e, "
            "generate_series(1, " + std::to_string(rows) + ") AS g");
    db.exec("ALTER TABLE bench_syn_incidents ADD PRIMARY KEY (id)");
    db.exec("CREATE INDEX ON bench_syn_incidents USING gist (geom)");
    db.exec("CREATE INDEX ON bench_syn_incidents (t)");
    db.exec("ANALYZE bench_syn_incidents; ANALYZE bench_syn_sectors");
  });
  std::printf("setup synthetic: %ld rows generated in the server (with indexes) in %.1f s\n", rows, s);
}

// The 10 M table: assigning every row in the server (an UPDATE through the join) takes longer than
// this shared machine allows, so here: the first map (grid binning over the whole extent), sector x
// week counts by the on-the-fly join for one month (the date filter runs in the database), and
// pulling all rows to the client.
void measure_large(PgConnection& db, const pg_sql::Tables& t, const SectorSet& sectors) {
  const Box e = sectors.extent();
  const double cell = 100;
  const int nx = static_cast<int>((e.xmax - e.xmin) / cell) + 1, ny = static_cast<int>((e.ymax - e.ymin) / cell) + 1;
  const double grid_s = seconds_of([&] { pg_grid_counts(db, t, {}, e.xmin, e.ymin, cell, nx, ny); });
  std::printf("  first map data: %d x %d grid of 100 m cells binned in the database: %.2f s (load %s)\n",
              nx, ny, grid_s, load_average().c_str());
  pg_sql::Filter month;
  month.from = days_from_civil(2024, 3, 1) * kSecondsPerDay;
  month.to_exclusive = days_from_civil(2024, 4, 1) * kSecondsPerDay;
  SectorPeriodCounts server, client;
  const double month_s = seconds_of([&] { server = pg_sector_period_counts(db, t, sectors.size(), BinKind::week, month); });
  std::printf("  sector x week counts for March 2024 (%lld rows), join on the fly in the database: %.2f s (load %s)\n",
              static_cast<long long>(server.total()), month_s, load_average().c_str());
  double pull_s = 0;
  size_t pulled = 0;
  const double client_s = seconds_of([&] {
    PgIncidentBatch b;
    pull_s = seconds_of([&] { b = load_pg_incidents(db, t, {}); });
    pulled = b.store.size();
    SectorIndex(sectors).assign(b.store);
    IncidentFilter f;
    f.from = month.from;
    f.to_exclusive = month.to_exclusive;
    client = count_by_sector_and_period(b.store, sectors.size(), BinKind::week, f);
  });
  std::printf("  pull all %zu rows to the client + assign + count: %.2f s (pull %.2f; load %s); "
              "March tables equal: %s\n", pulled, client_s, pull_s, load_average().c_str(),
              server.counts == client.counts ? "yes" : "NO");
}

void measure(PgConnection& db, const std::string& prefix, bool small) {
  const pg_sql::Tables t = require_pg_tables(db, prefix);
  // Tables from an older layout (or generated in the server) may lack the materialised sector.
  db.exec("ALTER TABLE " + t.incidents + " ADD COLUMN IF NOT EXISTS sector_idx integer");
  db.exec("ALTER TABLE " + t.sectors + " ADD COLUMN IF NOT EXISTS attributes jsonb");
  const SectorSet sectors = load_pg_sectors(db, t);
  long rows = 0;
  db.query("SELECT count(*) FROM " + t.incidents, {}, [&](const PgRow& r) { rows = std::stol(*r[0]); });
  std::printf("%s: %ld rows, %zu sectors\n", prefix.c_str(), rows, sectors.size());
  if (!small) {
    measure_large(db, t, sectors);
    return;
  }
  db.exec("UPDATE " + t.incidents + " SET sector_idx = NULL");
  db.exec("VACUUM ANALYZE " + t.incidents);
  SectorPeriodCounts join, stored, client;
  if (small) {  // the on-the-fly join: minutes at 10 M rows on this machine, so only here
    const double s = seconds_of([&] { join = pg_sector_period_counts(db, t, sectors.size(), BinKind::week, {}); });
    std::printf("  sector x week counts, spatial join on the fly in the database: %.2f s (load %s)\n",
                s, load_average().c_str());
  }
  const double assign_s = seconds_of([&] { db.exec(pg_sql::assign_missing_sectors(t)); });
  db.exec("VACUUM ANALYZE " + t.incidents);
  std::printf("  assign every row's sector in the database once (UPDATE with the join): %.2f s (load %s)\n",
              assign_s, load_average().c_str());
  const double stored_s = median_of_3([&] {
    stored = pg_sector_period_counts(db, t, sectors.size(), BinKind::week, {});
  });
  std::printf("  sector x week counts in the database, sector materialised: %.2f s (median of 3, load %s)\n",
              stored_s, load_average().c_str());
  if (small) {
    double pull_s = 0, assign_client_s = 0;
    const double client_s = seconds_of([&] {
      PgIncidentBatch b;
      pull_s = seconds_of([&] { b = load_pg_incidents(db, t, {}); });
      assign_client_s = seconds_of([&] {
        SectorIndex(sectors).assign(b.store);
        client = count_by_sector_and_period(b.store, sectors.size(), BinKind::week, {});
      });
    });
    std::printf("  pull all rows to the client + assign + count: %.2f s (pull %.2f, assign+count %.2f; "
                "load %s); tables equal (join, stored, client): %s\n",
                client_s, pull_s, assign_client_s, load_average().c_str(),
                join.counts == client.counts && stored.counts == client.counts ? "yes" : "NO");
  }
  const Box e = sectors.extent();
  const double cell = 100;
  const int nx = static_cast<int>((e.xmax - e.xmin) / cell) + 1, ny = static_cast<int>((e.ymax - e.ymin) / cell) + 1;
  const double grid_s = seconds_of([&] { pg_grid_counts(db, t, {}, e.xmin, e.ymin, cell, nx, ny); });
  std::printf("  first map data: %d x %d grid of 100 m cells binned in the database: %.2f s (load %s)\n",
              nx, ny, grid_s, load_average().c_str());
}

}  // namespace

int main() {
  const char* pg = std::getenv("FARO_BENCH_PG");
  if (!pg) pg = std::getenv("FARO_TEST_PG");
  if (!pg) {
    std::fprintf(stderr, "pg_scale_bench: set FARO_BENCH_PG (or FARO_TEST_PG) to a PG: source\n");
    return 2;
  }
  const long rows = std::getenv("FARO_BENCH_ROWS") ? std::atol(std::getenv("FARO_BENCH_ROWS")) : 10000000;
  try {
    PgConnection db(pg);
    setup_fgj(pg, db);
    if (!std::getenv("FARO_BENCH_SKIP_FGJ")) measure(db, "bench_fgj", true);
    setup_synthetic(db, rows);
    measure(db, "bench_syn", false);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pg_scale_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
