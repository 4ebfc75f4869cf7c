// faro publish: loads sectors, incidents (with the usual data and filter options) and programs,
// then writes them into PostGIS tables with COPY in one transaction (io/pg_publish.hpp), so a unit
// can move from files to a shared database with one command. --append adds incidents only (a daily
// feed); their ids continue after the table's highest, which is what `--since` reads.
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "core/errors.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_publish.hpp"
#include "io/program_polygon_loader.hpp"

namespace faro::cli {
namespace {

CommandSpec publish_spec() {
  CommandSpec spec{"publish",
                   "--to PG:CONNINFO [--table NAME] [--append] [--programs P] --sectors S "
                   "--incidents I [data options] [--where SQL] [--offence NAME]",
                   "Writes incidents, sectors and programs into PostGIS: tables NAME_incidents,\n"
                   "NAME_sectors and NAME_programs (default NAME: faro) in the working CRS (its\n"
                   "EPSG code is the SRID), with GiST indexes, in one transaction: on any error\n"
                   "the database is left as it was. Replaces those tables unless --append, which\n"
                   "adds the incidents after the existing ones (new ids; sectors and programs kept).\n"
                   "Other commands then read it with --incidents PG:CONNINFO [--table NAME].\n"
                   "With no sources, publishes the demo city and its programs."};
  spec.options.push_back({"to", "PG:CONNINFO", "target database, e.g. \"PG:host=db dbname=faro user=unit\""});
  spec.options.push_back({"append", "", "add the incidents to existing tables instead of replacing them"});
  spec.options.push_back({"programs", "SOURCE", "programs to publish (default: the demo city's; none for other data)"});
  for (auto& o : data_options()) spec.options.push_back(o);
  // --to names the database here, so the date window options are left out (publish everything;
  // readers filter by date in the database).
  for (auto& o : filter_options())
    if (o.name != "from" && o.name != "to") spec.options.push_back(o);
  return spec;
}

}  // namespace

int cmd_publish(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = publish_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  const auto target = args.get("to");
  if (!target || !io::is_pg_source(*target)) throw UsageError("faro publish: --to PG:CONNINFO is required");
  io::PgPublishOptions options;
  options.table = args.get_or("table", "faro");
  options.append = args.has("append");
  if (options.append && args.has("programs"))
    throw UsageError("faro publish: --append adds incidents only; publish programs without --append");

  ParsedArgs data_args = args;
  data_args.erase("to");  // the target, not a --to date for load_data
  LoadedData data = load_data(data_args, err);
  std::vector<Program> programs;
  if (!options.append) {
    if (auto p = args.get("programs")) {
      io::ProgramLoadResult pl = io::load_programs_for_sectors(*p, data.sectors);
      err << pl.report.to_text();
      programs = std::move(pl.programs);
    } else if (data.synthetic) {
      programs = io::load_programs_for_sectors(data.sectors_source, data.sectors).programs;
    }
  }
  const io::PgPublishResult r =
      io::publish_to_pg(*target, data.incidents, data.sectors, programs, options);
  err << "published to " << io::PgConnection::redact(*target) << ": " << r.incidents
      << " incidents (ids " << r.first_id << ".." << r.last_id << ")";
  if (!options.append)
    err << ", " << r.sectors << " sectors, " << r.program_rows << " program-sector rows";
  err << " in " << options.table << "_* (SRID " << r.srid << ")\n";
  return kExitOk;
}

}  // namespace faro::cli
