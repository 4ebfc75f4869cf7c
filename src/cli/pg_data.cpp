#include "cli/pg_data.hpp"

#include <ostream>

#include "cli/data_args.hpp"
#include "core/errors.hpp"
#include "core/polygon_index.hpp"
#include "core/publication_audit.hpp"
#include "io/gdal_env.hpp"
#include "io/pg_source.hpp"
#include "io/sector_loader.hpp"

namespace faro::cli {

std::vector<OptionSpec> pg_options() {
  return {
      {"table", "NAME", "PostGIS source: table prefix written by `faro publish` (default: faro)"},
      {"since", "ID", "PostGIS source: only incidents with id > ID (incremental refresh)"},
      {"pg-timeout", "MS", "PostGIS source: statement timeout in milliseconds (default: none)"},
      {"pg-client", "",
       "PostGIS source: pull the matching rows and aggregate on this machine instead of in the "
       "database (for comparison; the results are the same)"},
  };
}

bool wants_pg_source(const ParsedArgs& args) {
  // --incidents-layer names any OGR layer of the database: that stays GDAL's generic PG reading,
  // as before; without it the tables are those `faro publish` writes.
  auto i = args.get("incidents");
  return i && io::is_pg_source(*i) && !args.has("incidents-layer");
}

io::PgOptions pg_connection_options(const ParsedArgs& args) {
  io::PgOptions o;
  if (auto ms = args.get("pg-timeout")) {
    try {
      o.statement_timeout_ms = std::stoi(*ms);
    } catch (const std::exception&) {
      o.statement_timeout_ms = -1;
    }
    if (o.statement_timeout_ms <= 0) throw UsageError("--pg-timeout must be a positive number of milliseconds");
  }
  return o;
}

io::pg_sql::Filter pg_filter_from_args(const ParsedArgs& args) {
  if (args.has("where"))
    throw UsageError("--where is an OGR SQL filter for file sources; with a PG: source use "
                     "--offence, --from and --to (they run in the database)");
  const io::IncidentSourceOptions o = incident_options_from_args(args);
  io::pg_sql::Filter f;
  f.from = o.from;
  f.to_exclusive = o.to_exclusive;
  f.categories = offence_names(args);
  if (auto s = args.get("since")) {
    try {
      f.after_id = std::stoll(*s);
    } catch (const std::exception&) {
      throw UsageError("--since must be an incident id (an integer)");
    }
  }
  return f;
}

LoadedData load_pg_frame(const ParsedArgs& args, io::PgConnection& db,
                         const io::pg_sql::Tables& tables, const io::pg_sql::Filter& filter,
                         std::ostream& err) {
  const std::string prefix = args.get_or("table", "faro");
  LoadedData d;
  d.incidents_source = db.redacted_source();
  if (auto s = args.get("sectors"); s && !io::is_pg_source(*s)) {
    io::SectorSourceOptions so;
    so.name_field = args.get_or("sector-field", "");
    so.layer = args.get_or("sectors-layer", "");
    io::SectorLoadResult sl = io::load_sectors(*s, so, "EPSG:" + std::to_string(tables.srid));
    d.sectors = std::move(sl.sectors);
    d.sectors_report = std::move(sl.report);
    d.sectors_source = *s;
  } else {
    d.sectors = io::load_pg_sectors(db, tables);
    d.sectors_source = db.redacted_source();
    d.sectors_report.source = d.sectors_source;
    d.sectors_report.layer = prefix + "_sectors";
    d.sectors_report.method = "postgis";
    d.sectors_report.rows_read = d.sectors_report.rows_loaded = static_cast<int64_t>(d.sectors.size());
  }
  err << d.sectors_report.to_text();
  d.incidents.work_srs = "EPSG:" + std::to_string(tables.srid);
  d.incidents.category_field = "category";
  d.filter.from = filter.from;
  d.filter.to_exclusive = filter.to_exclusive;
  if (!filter.categories.empty()) d.offence_filter = offence_filter_key("category", filter.categories);
  d.rows_dropped = filter.from || filter.to_exclusive || !filter.categories.empty() || filter.after_id;
  return d;
}

LoadedData load_pg_data(const ParsedArgs& args, std::ostream& err) {
  const std::string prefix = args.get_or("table", "faro");
  const io::pg_sql::Filter filter = pg_filter_from_args(args);
  io::PgConnection db(*args.get("incidents"), pg_connection_options(args));
  const io::pg_sql::Tables tables = io::require_pg_tables(db, prefix);
  LoadedData d = load_pg_frame(args, db, tables, filter, err);

  io::PgIncidentBatch batch = io::load_pg_incidents(db, tables, filter);
  d.incidents = std::move(batch.store);
  SectorIndex(d.sectors).assign(d.incidents);
  d.incidents_report.source = d.incidents_source;
  d.incidents_report.layer = prefix + "_incidents";
  d.incidents_report.method = "postgis";
  d.incidents_report.rows_read = d.incidents_report.rows_loaded = static_cast<int64_t>(d.incidents.size());
  d.incidents_report.note(Msg::load_note_db_filter,
                         {std::to_string(batch.max_id), std::to_string(batch.max_id)});
  err << d.incidents_report.to_text();
  return d;
}

std::vector<Program> load_pg_programs_for(const ParsedArgs& args) {
  io::PgConnection db(*args.get("incidents"), pg_connection_options(args));
  return io::load_pg_programs(db, io::require_pg_tables(db, args.get_or("table", "faro")));
}

}  // namespace faro::cli
