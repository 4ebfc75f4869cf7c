// faro counts: incidents per sector and period as CSV (sector,period,count), zeros included,
// plus an "(outside)" row for incidents in no sector.
#include <iostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/pg_data.hpp"
#include "core/aggregate.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/pg_source.hpp"

namespace faro::cli {
namespace {

CommandSpec counts_spec() {
  CommandSpec spec{"counts",
                   "--sectors S --incidents I [--sector-field F] [--where SQL] [--from DATE --to DATE] "
                   "[--by none|day|week|month|year] [-o FILE]",
                   "Counts incidents per sector (and per period) as CSV: sector,period,count.\n"
                   "Every sector and every period in the range gets a row, zeros included; incidents\n"
                   "in no sector are counted in a final '(outside)' row. Weeks are ISO weeks (Monday\n"
                   "start, written 2024-W07); months 2024-02; years 2024; days 2024-02-13; with\n"
                   "--by none the period is 'all'. The period range is --from..--to when given, else\n"
                   "the data's. Load reports go to stderr. With no sources, uses the demo city.\n"
                   "With --incidents PG:... (tables from `faro publish`) and no --sectors file, the\n"
                   "counting runs in the database (a spatial join with the same boundary rule);\n"
                   "only the table comes back."};
  for (auto& o : data_options()) spec.options.push_back(o);
  for (auto& o : filter_options()) spec.options.push_back(o);
  spec.options.push_back({"by", "PERIOD", "none (default), day, week, month or year"});
  spec.options.push_back({"o", "FILE", "write the CSV to FILE (atomically) instead of stdout"});
  return spec;
}

}  // namespace

int cmd_counts(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = counts_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  const auto kind = parse_bin_kind(args.get_or("by", "none"));
  if (!kind) throw UsageError("--by must be one of none, day, week, month, year");

  LoadedData data;
  SectorPeriodCounts counts;
  const auto sectors_arg = args.get("sectors");
  if (wants_pg_source(args) && (!sectors_arg || io::is_pg_source(*sectors_arg))) {
    // Server side: the rows never leave the database; only (sector, period, count) cells do.
    const io::pg_sql::Filter filter = pg_filter_from_args(args);
    io::PgConnection db(*args.get("incidents"), pg_connection_options(args));
    const io::pg_sql::Tables tables = io::require_pg_tables(db, args.get_or("table", "faro"));
    data.sectors = io::load_pg_sectors(db, tables);
    counts = io::pg_sector_period_counts(db, tables, data.sectors.size(), *kind, filter);
    err << db.redacted_source() << ": counted in the database, " << counts.total()
        << " incidents in " << data.sectors.size() << " sectors\n";
  } else {
    data = load_data(args, err);
    counts = count_by_sector_and_period(data.incidents, data.sectors.size(), *kind, data.filter);
  }

  std::ostringstream csv;
  csv << "sector,period,count\n";
  for (size_t row = 0; row <= counts.sectors; ++row) {
    const std::string name =
        row == counts.outside_row() ? std::string("(outside)") : data.sectors.sectors[row].name;
    for (int64_t b = 0; b < counts.bins; ++b)
      csv << csv_field(name) << ',' << bin_label(*kind, counts.first_bin + b) << ','
          << counts.at(row, b) << '\n';
  }
  if (auto path = args.get("o")) {
    io::write_file_atomically(*path, csv.str());
    err << "wrote " << *path << ": " << data.sectors.size() << " sectors x " << counts.bins
        << " periods, " << counts.total() << " incidents (" << counts.row_total(counts.outside_row())
        << " outside every sector)\n";
  } else {
    out << csv.str();
  }
  return kExitOk;
}

}  // namespace faro::cli
