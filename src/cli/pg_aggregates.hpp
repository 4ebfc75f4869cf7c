#pragma once
// Commands on a PostGIS source that count in the database instead of pulling rows (issue 19,
// part 2): `faro brief` (its sector x week table) and `faro evaluate` (its sector x day table)
// ask the server for those tables (io::pg_sector_period_counts: the same half-open boundary rule
// and the same bins as core/aggregate.hpp) and for the data's time range (io::pg_time_range);
// no incident row leaves the database. `faro counts` does the same for its table
// (cli/cmd_counts.cpp).
//
// Where a command truly needs the rows, it still pulls them (load_pg_data):
// - a partner-safe brief: its ledger audit (core/publication_audit.hpp) reads every incident's
//   time, offence and sector, one by one;
// - a brief page (PDF/PNG): the map of the week, the near-repeat panel (the Knox test over two
//   years of points) and program goals read individual incidents;
// - an evaluation on a table with weights (the client sums weights; the server counts rows);
// - --sectors FILE (the server knows only the published sectors), and --pg-client.
#include <iosfwd>
#include <memory>

#include "cli/args.hpp"
#include "cli/data_args.hpp"
#include "core/aggregate.hpp"
#include "core/program_evaluation.hpp"
#include "core/weekly_brief.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_sql.hpp"

namespace faro::cli {

// True for a PG source (wants_pg_source) whose sectors are the published ones and without
// --pg-client: the commands may then count in the database.
bool pg_counts_in_database(const ParsedArgs& args);

// A PostGIS source opened for counting: sectors loaded (load_pg_frame), no incident rows.
struct PgAggregates {
  std::unique_ptr<io::PgConnection> db;
  io::pg_sql::Tables tables;
  io::pg_sql::Filter filter;  // the command line's --from/--to/--offence/--since
  LoadedData data;            // sectors, sources, filter; data.incidents empty
};
PgAggregates open_pg_aggregates(const ParsedArgs& args, std::ostream& err);

// Sector x period counts of the rows passing the command line's filter inside
// [from, to_exclusive), laid out over the bins of [from, to_exclusive) whatever the command
// line's dates (bins outside them are zero), as count_by_sector_and_period with those bounds.
SectorPeriodCounts pg_window_counts(PgAggregates& pg, BinKind kind, CivilSeconds from,
                                    CivilSeconds to_exclusive);

// The brief's counts and time range from the database (core/weekly_brief.hpp).
BriefCountSource pg_brief_count_source(PgAggregates& pg);
// The evaluation's day counts from the database (core/program_evaluation.hpp).
DayCountSource pg_day_count_source(PgAggregates& pg);

// "<source>: N incident rows fetched from the database" (io::pg_rows_fetched), for the log.
void report_pg_rows_fetched(const std::string& source, std::ostream& err);

}  // namespace faro::cli
