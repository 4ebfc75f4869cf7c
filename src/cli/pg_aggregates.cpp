#include "cli/pg_aggregates.hpp"

#include <algorithm>
#include <ostream>

#include "cli/pg_data.hpp"
#include "core/time_bins.hpp"
#include "io/gdal_env.hpp"
#include "io/pg_source.hpp"

namespace faro::cli {

bool pg_counts_in_database(const ParsedArgs& args) {
  const auto sectors = args.get("sectors");
  return wants_pg_source(args) && (!sectors || io::is_pg_source(*sectors)) &&
         !args.has("pg-client");
}

PgAggregates open_pg_aggregates(const ParsedArgs& args, std::ostream& err) {
  PgAggregates pg;
  pg.filter = pg_filter_from_args(args);
  pg.db = std::make_unique<io::PgConnection>(*args.get("incidents"), pg_connection_options(args));
  pg.tables = io::require_pg_tables(*pg.db, args.get_or("table", "faro"));
  pg.data = load_pg_frame(args, *pg.db, pg.tables, pg.filter, err);
  return pg;
}

SectorPeriodCounts pg_window_counts(PgAggregates& pg, BinKind kind, CivilSeconds from,
                                    CivilSeconds to_exclusive) {
  const size_t sectors = pg.data.sectors.size();
  SectorPeriodCounts out;
  out.kind = kind;
  out.sectors = sectors;
  if (from >= to_exclusive) {
    out.first_bin = 0;
    out.bins = kind == BinKind::none ? 1 : 0;
    return out;
  }
  out.first_bin = bin_of(kind, from);
  out.bins = bin_of(kind, to_exclusive - 1) - out.first_bin + 1;
  out.counts.assign((sectors + 1) * static_cast<size_t>(out.bins), 0);
  // The window met with the command line's dates (the client path dropped rows outside those on
  // load): the server counts that intersection, with its own (narrower) bin span.
  io::pg_sql::Filter f = pg.filter;
  f.from = pg.filter.from ? std::max(*pg.filter.from, from) : from;
  f.to_exclusive = pg.filter.to_exclusive ? std::min(*pg.filter.to_exclusive, to_exclusive)
                                          : to_exclusive;
  if (*f.from >= *f.to_exclusive) return out;
  const SectorPeriodCounts c = io::pg_sector_period_counts(*pg.db, pg.tables, sectors, kind, f);
  for (size_t row = 0; row <= sectors; ++row)
    for (int64_t b = 0; b < c.bins; ++b) {
      const int64_t at = c.first_bin + b - out.first_bin;
      if (at >= 0 && at < out.bins) out.counts[row * out.bins + at] += c.at(row, b);
    }
  return out;
}

BriefCountSource pg_brief_count_source(PgAggregates& pg) {
  const io::PgTimeRange range = io::pg_time_range(*pg.db, pg.tables, pg.filter);
  BriefCountSource source;
  source.first_incident = range.first;
  source.last_incident = range.last;
  source.week_counts = [&pg](CivilSeconds from, CivilSeconds to_exclusive) {
    return pg_window_counts(pg, BinKind::week, from, to_exclusive);
  };
  return source;
}

DayCountSource pg_day_count_source(PgAggregates& pg) {
  return [&pg](int64_t first_day, int64_t end_day) {
    return pg_window_counts(pg, BinKind::day, first_day * kSecondsPerDay,
                            end_day * kSecondsPerDay);
  };
}

void report_pg_rows_fetched(const std::string& source, std::ostream& err) {
  err << io::redact_source(source) << ": " << io::pg_rows_fetched()
      << " incident rows fetched from the database\n";
}

}  // namespace faro::cli
