#pragma once
// The first map of a live PostGIS source, from the server: on a large table, pulling every row
// takes tens of seconds (10 M rows: ~31 s), so the load step first asks the database for what a
// first map needs, which is small whatever the table's size:
//   - the sectors (<T>_sectors) and the programs (<T>_programs, or the session's programs file),
//   - the data's time range (min/max of t, from its btree index), for the heatmap's per-year unit,
//   - the heatmap grid's counts (io::pg_grid_counts: integer cell arithmetic in the working CRS,
//     the same cells as the client binning), for the grid the live map would request when framing
//     the sectors in the dashboard's window, under the source's filter and the session's dates
//     and offences.
// The density is then estimated from the counts (a point at each non-empty cell's centre, weighted
// by its count: the same binning the CPU estimator does internally, one cell coarser at most), so
// the map shows sectors and heatmap while the rows stream in. The app shows it as a snapshot with
// sectors and programs but no incidents, and replaces it whole when the rows arrive.
#include <cstdint>
#include <string>
#include <vector>

#include "app/density_worker.hpp"
#include "core/data_snapshot.hpp"
#include "core/programs.hpp"
#include "core/session.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_source.hpp"

namespace faro::app {

struct PgFirstMap {
  SnapshotPtr snapshot;        // sectors, programs, title, time range; no incidents
  std::vector<Program> programs;  // as read, before the session's program edits
  DensityResult heat;          // the heatmap drawn from the server's counts
  std::vector<double> counts;  // per cell of heat.grid (row 0 north, GridSpec order), weights summed
  int64_t rows = 0;            // incidents counted on the grid
  double query_ms = 0;         // the server's part: sectors, programs, time range, grid
};

// What the first map is asked for.
struct PgFirstMapRequest {
  std::string table;            // prefix written by `faro publish`
  io::pg_sql::Filter filter;    // the source's filter (--from/--to/--offence)
  int view_width = 1600, view_height = 900;  // the dashboard's window, pixels
  // false: no heatmap grid (server mode: the map's first view job bins it, app/pg_server_view.hpp)
  bool grid = true;
  // Server mode (no rows will come): the offence names for the checklist, from the server. Last,
  // so the positional initialisers above keep their meaning.
  bool categories = false;
};

// Programs of a PostGIS source: the session's programs files when it names any (assigned to
// `sectors` as the file loader does), else the programs `faro publish` wrote to <T>_programs.
std::vector<Program> pg_dashboard_programs(io::PgConnection& db, const io::pg_sql::Tables& t,
                                           const Session& session, const SectorSet& sectors);

// The source's filter narrowed by the session's dates, offences, hours, weekdays and (with
// `sectors`, the source's sectors in sector_idx order) sector subset: what the map will show.
io::pg_sql::Filter first_map_filter(io::pg_sql::Filter filter, const FilterState& session,
                                    const SectorSet* sectors = nullptr);

// The heatmap grid the live map requests when it frames `extent` in a width x height view.
GridSpec first_map_grid(const Box& extent, const KdeParams& params, int width, int height);

// io::GridCounts (row 0 south) as weights per cell of `grid` (row 0 north).
std::vector<double> north_up_weights(const io::GridCounts& counts, const GridSpec& grid);

// The client's binning of `rows` of `store` (all rows when null) on `grid`: the cell arithmetic of
// io::pg_sql::grid_counts (floor((x - x0) / cell) from the grid's lower-left corner), weights
// summed (1 per row without a weight). For tests and the benchmark.
std::vector<double> client_grid_weights(const IncidentStore& store,
                                        const std::vector<uint32_t>* rows, const GridSpec& grid);

// The density of the weighted cell centres on `grid`, with its automatic colour domain over `view`.
DensityResult density_from_cells(const GridSpec& grid, const std::vector<double>& weights,
                                 const KdeParams& params, const Box& view);

// Queries the server for the first map (throws io::PgError / DataError naming the source).
PgFirstMap query_pg_first_map(io::PgConnection& db, const PgFirstMapRequest& request,
                              const Session& session);

}  // namespace faro::app
