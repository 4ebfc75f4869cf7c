#pragma once
// `faro render`'s map style: a style file or built-in name (--style), a project's style
// (--project), or the analyst style (the dashboard's default) with the older per-layer flags
// applied on top (--layers, --bandwidth, --kernel, --color-max, --colormap, --choropleth, --classes,
// --scale, --basemap, --context), so every render draws a MapStyle through the one renderer.
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "core/map_style.hpp"
#include "core/session.hpp"
#include "core/style_protection.hpp"

namespace faro::cli {

std::vector<OptionSpec> style_options();  // --style, --layers and the per-layer overrides

// The style the arguments ask for, starting from `base` (a project's style, or empty for
// --style / the default). Throws UsageError for a bad value (naming the option) and DataError for
// an unreadable style file.
MapStyle style_from_args(const ParsedArgs& args, MapStyle base);

// Each protection change as a sentence in `language` (what `faro render` prints on stderr).
std::string describe_change(const StyleChange& change, Language language);

}  // namespace faro::cli
