#pragma once
// The previous period of a change choropleth (`faro render --choropleth change|change-pct`): its
// bounds (--compare-from/--compare-to, or the equally long period just before --from..--to) and
// its incidents, loaded with the same source, fields and --where as the current period and
// assigned to the same sectors.
#include <iosfwd>
#include <vector>

#include "cli/args.hpp"
#include "cli/data_args.hpp"
#include "core/choropleth_change.hpp"

namespace faro::cli {

std::vector<OptionSpec> compare_options();  // --compare-from, --compare-to

struct PreviousPeriodData {
  Period period;
  IncidentStore incidents;
};

// Throws UsageError when the current period is not bounded (--from and --to are required) or
// only one of --compare-from/--compare-to is given; DataError from loading.
PreviousPeriodData load_previous_period(const ParsedArgs& args, const LoadedData& data,
                                        std::ostream& err);

}  // namespace faro::cli
