#pragma once
// Reading a PostGIS source written by `faro publish` (layout in io/pg_sql.hpp), with the heavy work
// done by the database: filters become SQL WHERE terms, sector x period counts are a spatial join
// in the server, heatmap grids are binned there, and points come only for an extent and below a
// limit. Every result equals what the client computes from the same rows (tests/io/pg_*_test).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/aggregate.hpp"
#include "core/incidents.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_sql.hpp"

namespace faro::io {

// Quoted names of <prefix>_incidents/_sectors/_programs; srid from the incidents table (0 when it
// does not exist yet).
pg_sql::Tables pg_tables(PgConnection& db, const std::string& prefix);
int table_srid(PgConnection& db, const std::string& prefix);

// The same, throwing DataError naming the source when the tables are missing.
pg_sql::Tables require_pg_tables(PgConnection& db, const std::string& prefix);

SectorSet load_pg_sectors(PgConnection& db, const pg_sql::Tables& t);
std::vector<Program> load_pg_programs(PgConnection& db, const pg_sql::Tables& t);

struct PgIncidentBatch {
  IncidentStore store;   // x, y, t, category, flags, weight (when any row has one), source_rows
  std::vector<int64_t> ids;  // the table's id of each row, in store order (ascending)
  int64_t max_id = 0;        // highest id read (0 when none)
};
// Rows passing `filter`, ordered by id, streamed (single-row mode) so memory stays flat.
PgIncidentBatch load_pg_incidents(PgConnection& db, const pg_sql::Tables& t,
                                  const pg_sql::Filter& filter);

// Sector x period counts in the database, in the client's dense layout (core/aggregate.hpp): same
// rows (sectors then "(outside)"), same period span rule (the filter's dates when both are set,
// else the matching rows' own range).
SectorPeriodCounts pg_sector_period_counts(PgConnection& db, const pg_sql::Tables& t,
                                           size_t sector_count, BinKind kind,
                                           const pg_sql::Filter& filter);

// The matching rows' time extent and size, without fetching them (the brief's last complete
// week, the evaluation's data period).
struct PgTimeRange {
  std::optional<CivilSeconds> first, last;  // nullopt when no row matches
  int64_t rows = 0;
  int64_t weighted_rows = 0;  // rows with a weight (the client then sums weights, not rows)
};
PgTimeRange pg_time_range(PgConnection& db, const pg_sql::Tables& t, const pg_sql::Filter& filter);

// The matching rows' first and last time, without a count (pg_sql::time_bounds: two index probes).
// `rows` stays 0.
PgTimeRange pg_time_bounds(PgConnection& db, const pg_sql::Tables& t, const pg_sql::Filter& filter);

// Rows per offence under `filter`, counted in the server (no incident row fetched), ordered by
// name; "" stands for rows without a category. Server mode's offence checklist.
std::vector<std::pair<std::string, int64_t>> pg_category_counts(PgConnection& db,
                                                                const pg_sql::Tables& t,
                                                                const pg_sql::Filter& filter);

// How many rows the incidents table holds, cheaply, for the dashboard's choice between pulling
// every row and working in the server (app/pg_server_view.hpp): the planner's estimate
// (pg_class.reltuples) when it has one; else (never analysed, or a Citus coordinator's shell
// table) an exact count that stops after `cap` rows, so it never scans more than `cap`.
struct PgRowCount {
  int64_t rows = 0;
  bool estimated = true;  // false: counted (then rows <= cap)
};
PgRowCount pg_row_count(PgConnection& db, const pg_sql::Tables& t, int64_t cap);

// Incident rows this process has fetched from PostGIS sources (load_pg_incidents, pg_points): the
// commands report it, so a test (and a person) can see that a server-side path pulled none.
int64_t pg_rows_fetched();

// Server-side heatmap binning: nx x ny cells of cell_m metres from (x0, y0) (the lower-left
// corner), row-major from the bottom row; points outside the grid are not counted.
struct GridCounts {
  int nx = 0, ny = 0;
  std::vector<int64_t> count;
  std::vector<double> weight;
};
GridCounts pg_grid_counts(PgConnection& db, const pg_sql::Tables& t, pg_sql::Filter filter,
                          double x0, double y0, double cell_m, int nx, int ny);


// Points for the visible extent: at most `limit`; `truncated` says there were more (the map then
// shows the heatmap only and says so).
struct PgPoints {
  std::vector<double> x, y;
  std::vector<int64_t> ids;
  std::vector<std::string> categories;  // "" where NULL
  bool truncated = false;
};
PgPoints pg_points(PgConnection& db, const pg_sql::Tables& t, const pg_sql::Filter& filter,
                   int64_t limit);

// Per month (year*12 + month-1): row count and checksum (io/pg_sql.hpp month_checksums).
struct MonthChecksum {
  int64_t rows = 0, checksum = 0, max_id = 0;
  friend bool operator==(const MonthChecksum&, const MonthChecksum&) = default;
};
std::map<int64_t, MonthChecksum> pg_month_checksums(PgConnection& db, const pg_sql::Tables& t,
                                                    const pg_sql::Filter& filter);
// Months whose rows changed between two snapshots (added, deleted or corrected rows).
std::vector<int64_t> changed_months(const std::map<int64_t, MonthChecksum>& before,
                                    const std::map<int64_t, MonthChecksum>& after);

}  // namespace faro::io
