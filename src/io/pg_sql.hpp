#pragma once
// Every SQL statement Faro sends to a PostGIS source, in one place, so that they stay runnable
// unchanged on Citus (see README "PostGIS and Citus"): the incidents table is the one to
// distribute (by id), the sectors and programs tables are small reference tables, and every query
// over incidents either groups by the incident id first or aggregates in a way Citus can push down
// to the shards and merge (count/sum/min/max by bin).
//
// Tables, for a prefix P (`faro publish --table P`, default "faro"):
//   P_incidents(id bigint primary key, geom geometry(Point,SRID), t timestamp, has_time boolean,
//               category text, weight real, source_row integer, sector_idx integer)
//   P_sectors(idx integer primary key, name text, population double precision,
//             geom geometry(MultiPolygon,SRID), attributes jsonb)
//     (attributes: the source's other fields, [[name, value], ...] in source order, e.g. the
//     district the brief groups by)
//   P_programs(program text, sector text, start_date date, end_date date,
//              area geometry(MultiPolygon,SRID))
// SRID is the working CRS of the data (a projected CRS in metres, e.g. 32614 for CDMX), so the
// server computes on the same doubles as the client and no reprojection happens on either side.
// t is the civil (local wall-clock) time, as core/civil_time.hpp: a timestamp without time zone.
// sector_idx materialises the sector assignment (P_sectors.idx, -1 = in no sector, NULL = not
// assigned yet): `faro publish` fills it with the client's SectorIndex; rows inserted by other
// tools stay NULL until assign_missing_sectors() runs the spatial join for them, and the counts
// query runs the join on the fly for any row still NULL. Counting then costs one scan instead of a
// point-in-polygon test per row (bench/pg_scale_bench.cpp has the figures).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/geometry.hpp"
#include "core/time_bins.hpp"

namespace faro::io::pg_sql {

struct Tables {
  std::string incidents, sectors, programs;  // quoted identifiers
  int srid = 0;                              // of every geometry column (0 = not known yet)
};

struct Statement {
  std::string sql;
  std::vector<std::optional<std::string>> params;
};

// Which incidents a query covers: the CLI's --from/--to/--offence, the dashboard's window, an
// incremental refresh (after_id), a map extent (in the working CRS). All become SQL WHERE terms.
struct Filter {
  std::optional<CivilSeconds> from;          // inclusive
  std::optional<CivilSeconds> to_exclusive;  // exclusive
  std::vector<std::string> categories;       // empty = all
  std::optional<int64_t> after_id;           // only id > after_id
  std::optional<int64_t> up_to_id;           // only id <= up_to_id
  std::optional<Box> extent;                 // only points inside (closed box)
  // The dashboard's hour and weekday checklists, as core/session.hpp's FilterState: bit h = hour
  // h, bit 0 = Monday; a partial hour mask drops rows without a time of day (as the client does).
  uint32_t hour_mask = 0xFFFFFF;
  uint8_t weekday_mask = 0x7F;
  // Only rows whose sector_idx is listed (the sector subset; rows outside every sector, NULL,
  // never pass); nullopt = no subset.
  std::optional<std::vector<int32_t>> sectors;
};

// --- publish (DDL, COPY) ---
std::string drop_tables(const Tables& t);
std::string create_tables(const Tables& t, int srid);
std::string copy_incidents(const Tables& t);  // columns: id, geom (hex EWKB), t, has_time, category, weight, source_row, sector_idx
std::string copy_sectors(const Tables& t);    // idx, name, population, geom (EWKT), attributes
std::string copy_programs(const Tables& t);   // program, sector, start_date, end_date, area (EWKT)
std::string create_indexes(const Tables& t);
std::string analyze(const Tables& t);
std::string next_incident_id(const Tables& t);  // one row: max(id) + 1 (1 when empty)
// The boundary rule of core/polygon_index.hpp as a SQL function (created by publish).
std::string create_half_open_function();

// Sets sector_idx for the rows where it is NULL, with the spatial join (same rule as the counts).
std::string assign_missing_sectors(const Tables& t);

// --- reading ---
std::string table_srid();  // $1 = unquoted table name; one row: srid
std::string select_sectors(const Tables& t);
std::string select_programs(const Tables& t);
Statement select_incidents(const Tables& t, const Filter& f);  // id, x, y, t, has_time, category, weight, source_row
// Sector x period counts computed in the database: one row per (sector idx or NULL = outside,
// bin, count), plus nothing for empty cells. Bins follow core/time_bins.hpp bin_of exactly.
Statement sector_period_counts(const Tables& t, BinKind kind, const Filter& f);
// The matching rows' extent in time: one row min(t), max(t) (text; NULL when none), count(*),
// count(weight). A plain aggregate (pushed down to the shards on Citus).
Statement time_range(const Tables& t, const Filter& f);
// The matching rows' first and last time only: min(t), max(t) (text; NULL when none). Without a
// count PostgreSQL answers both from the t index (two index probes, no scan), so the dashboard's
// first map costs the same at 10 M rows as at 10 k. Pushed down to the shards on Citus.
Statement time_bounds(const Tables& t, const Filter& f);
// Rows per offence under the filter: category ('' for none), count; ordered by category.
Statement category_counts(const Tables& t, const Filter& f);
// The planner's estimate of the incidents table's rows: pg_class.reltuples (kept by ANALYZE,
// which `faro publish` runs, and by autovacuum), one catalogue lookup. $1 = the quoted table name.
// -1 when the table was never analysed; 0 on a Citus coordinator, whose shell table holds no rows
// (the caller then counts, bounded: bounded_count).
std::string row_estimate();
// count(*) of at most `limit` rows (a scan that stops there): the mode decision's exact fallback.
std::string bounded_count(const Tables& t, int64_t limit);
// Heatmap binning: counts per cell (ix, iy) with ix = floor((x - x0) / cell), iy likewise, for
// points in the filter's extent. Rows: ix, iy, count (and weight sum).
Statement grid_counts(const Tables& t, const Filter& f, double x0, double y0, double cell_m);
// Points for the visible extent, at most `limit` + 1 rows (the caller tells "more than limit").
Statement points(const Tables& t, const Filter& f, int64_t limit);
// Reconciliation: per month (year*12 + month-1): row count and an order-independent checksum of
// the rows (sum of a 32-bit hash of id, t, category and coordinates), and max(id).
Statement month_checksums(const Tables& t, const Filter& f);

}  // namespace faro::io::pg_sql
