#pragma once
// Options shared by every command that loads sectors and incidents (counts, and later render,
// evaluate, brief), and the one place that turns them into loaded, sector-assigned data.
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "core/aggregate.hpp"
#include "core/incidents.hpp"
#include "core/load_report.hpp"
#include "core/sectors.hpp"
#include "io/incident_loader.hpp"

namespace faro::cli {

std::vector<OptionSpec> data_options();    // --sectors, --incidents, field and CRS overrides
std::vector<OptionSpec> filter_options();  // --where, --offence, --from, --to

struct LoadedData {
  std::string sectors_source, incidents_source;
  bool synthetic = false;  // the demo city: label outputs "datos sintéticos"
  SectorSet sectors;
  LoadReport sectors_report;
  IncidentStore incidents;
  LoadReport incidents_report;
  IncidentFilter filter;  // --from/--to as a filter (rows outside were already dropped on load)
  // --offence: the canonical key of the offences kept (core/publication_audit.hpp
  // offence_filter_key; "" = every offence). Rows of other offences were dropped on load.
  std::string offence_filter;
  bool rows_dropped = false;  // --from/--to/--offence/--where dropped rows on load
};

// Incident source options from the data and filter options (--from/--to validated; --to made
// exclusive by adding one day). Throws UsageError.
io::IncidentSourceOptions incident_options_from_args(const ParsedArgs& args);

// Loads sectors and incidents named in `args` (the demo city when neither is given), reprojects to
// one working CRS, assigns every incident to its sector, and prints both load reports to `err`.
// Throws UsageError / DataError.
LoadedData load_data(const ParsedArgs& args, std::ostream& err);

// CSV field quoting (RFC 4180).
std::string csv_field(const std::string& s);

// --offence values: repeatable and comma-separated, trimmed, empty dropped.
std::vector<std::string> offence_names(const ParsedArgs& args);

}  // namespace faro::cli
