#pragma once
// `faro dashboard` opens data and draws a map from the same flags as `faro render` (--sectors,
// --incidents and their field/CRS overrides, --programs, --where, --from/--to, --style, --layers,
// --basemap, --context and the layer overrides), parsed by the same functions, so a map can be
// opened and scripted (--frames N --screenshot) without a project file. With --project the flags
// apply on top of the project's session.
#include <vector>

#include "cli/args.hpp"
#include "core/session.hpp"

namespace faro::cli {

// The options above (without --no-cache: the dashboard's loader always uses the cache, and
// without --lang, which the dashboard lists itself).
std::vector<OptionSpec> dashboard_session_options();

// Whether any of those options was given.
bool has_dashboard_session_flags(const ParsedArgs& args);

// `session` (a project's, or a fresh one) with the command line's data, filter and style:
// --sectors/--incidents replace its sectors and incidents (paths made absolute), incident field
// flags and --where apply to its incident sources, --from/--to set the filter's period,
// --programs and --context add sources (the context files drawn by one visible context layer),
// and the style flags edit its style as `faro render` edits one (--basemap: greyed, dimmed, under
// everything). Throws UsageError (naming the flag) for a half-given pair or a bad value.
Session dashboard_session_from_args(const ParsedArgs& args, Session session);

}  // namespace faro::cli
