#pragma once
// The built-in map styles and layer presets: the JSON files under layers/ (README, "Map styles"),
// embedded into the binary at build time so `faro` needs no install step to find them. Whole
// styles live in layers/styles/, single-layer presets in layers/, and example projects in
// layers/projects/. A user's own files are read with the same strict reader
// (io/map_style_json.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "core/map_style.hpp"
#include "core/session.hpp"

namespace faro::io {

// Layer presets by name ("heatmap", "choropleth-change", "context-alcaldias", ...), sorted.
std::vector<std::string> layer_preset_names();
// The preset `name`. Throws UsageError listing the names when there is none.
StyleLayer layer_preset(std::string_view name);

// Whole styles by name ("analyst", "partner-presentation", "weekly-meeting"), sorted.
std::vector<std::string> style_names();
// The built-in style `name`. Throws UsageError listing the names when there is none.
MapStyle builtin_style(std::string_view name);
// The dashboard's starting style: builtin_style("analyst").
MapStyle default_style();
// A built-in style name, or else the path of a user's style file (`faro render --style`).
// Throws UsageError when it is neither a built-in name nor an existing file, StyleError/DataError
// when the file is bad.
MapStyle load_style(const std::string& name_or_path);

// Example projects by name ("demo-city"), and one of them as a Session (sources resolved against
// nothing: a project with no sources is the demo city). Throws UsageError for an unknown name.
std::vector<std::string> builtin_project_names();
Session builtin_project(std::string_view name);

}  // namespace faro::io
