#pragma once
// The CLI's side of a PostGIS source (`--incidents PG:...`, tables written by `faro publish`): the
// filter options become SQL WHERE terms, sectors come from <table>_sectors (unless --sectors names
// a file), and `faro counts` asks the database for the sector x period table instead of pulling
// rows. Every command that calls load_data() (brief, evaluate, export, render, ...) reads a PG
// source through here.
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/data_args.hpp"
#include "core/programs.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_sql.hpp"

namespace faro::cli {

std::vector<OptionSpec> pg_options();  // --table, --since, --pg-timeout, --pg-client

// True when --incidents is a PG: connection string and no --incidents-layer names another table
// (which GDAL's PG driver then reads like any OGR layer, as before).
bool wants_pg_source(const ParsedArgs& args);

io::PgOptions pg_connection_options(const ParsedArgs& args);
// --from/--to/--offence/--since as the server-side filter. Throws UsageError for --where (OGR SQL
// on file sources' own columns; a published table has its own column names).
io::pg_sql::Filter pg_filter_from_args(const ParsedArgs& args);

// What load_pg_data loads but the incidents: sectors (published, or the --sectors file), the
// sources' names and the filter; `incidents` empty (its CRS and category field set). For the
// commands that count in the database (cli/pg_aggregates.hpp).
LoadedData load_pg_frame(const ParsedArgs& args, io::PgConnection& db,
                         const io::pg_sql::Tables& tables, const io::pg_sql::Filter& filter,
                         std::ostream& err);

// load_data() for a PG source: rows passing the filter, streamed; sectors assigned on the client
// with SectorIndex (the same rule the server's join uses).
LoadedData load_pg_data(const ParsedArgs& args, std::ostream& err);

// The programs published with the data (<table>_programs), for `faro evaluate` on a PG source.
std::vector<Program> load_pg_programs_for(const ParsedArgs& args);

}  // namespace faro::cli
