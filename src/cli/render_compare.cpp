#include "cli/render_compare.hpp"

#include <ostream>

#include "core/errors.hpp"
#include "core/polygon_index.hpp"
#include "io/incident_loader.hpp"

namespace faro::cli {

std::vector<OptionSpec> compare_options() {
  return {
      {"compare-from", "DATE",
       "change maps: first day of the previous period (default: the period just before --from)"},
      {"compare-to", "DATE", "change maps: last day of the previous period (inclusive)"},
  };
}

PreviousPeriodData load_previous_period(const ParsedArgs& args, const LoadedData& data,
                                        std::ostream& err) {
  if (!data.filter.from || !data.filter.to_exclusive)
    throw UsageError("--choropleth change needs the period to compare: give --from and --to");
  const auto cf = args.get("compare-from"), ct = args.get("compare-to");
  if (cf.has_value() != ct.has_value())
    throw UsageError(
        "give both --compare-from and --compare-to, or neither (default: the "
        "equally long period just before --from)");
  PreviousPeriodData out;
  if (cf) {
    out.period.from = parse_cli_date(*cf, "--compare-from");
    out.period.to_exclusive = parse_cli_date(*ct, "--compare-to") + kSecondsPerDay;
    if (out.period.from >= out.period.to_exclusive)
      throw UsageError("--compare-from is after --compare-to");
  } else {
    out.period = previous_period({*data.filter.from, *data.filter.to_exclusive});
  }

  io::IncidentSourceOptions io_opts = incident_options_from_args(args);
  if (data.synthetic) io_opts.layer = "incidents";  // the demo GeoPackage, as load_data()
  io_opts.from = out.period.from;
  io_opts.to_exclusive = out.period.to_exclusive;
  io::IncidentLoadContext ctx;
  ctx.work_srs = data.sectors.work_srs;
  ctx.sectors_extent = data.sectors.extent();
  err << "Previous period " << format_date(out.period.from) << " \u2013 "
      << format_date(out.period.to_exclusive - kSecondsPerDay) << ":\n";
  io::IncidentLoadResult il = io::load_incidents(data.incidents_source, io_opts, ctx);
  err << il.report.to_text();
  out.incidents = std::move(il.store);
  SectorIndex index(data.sectors);
  index.assign(out.incidents);
  return out;
}

}  // namespace faro::cli
