#pragma once
// Internal to io: the JSON-object half of map_style_json.cpp, shared with the project file code
// (a project's "style" is the same object without the version key). Keeps nlohmann out of the
// public headers.
#include <nlohmann/json.hpp>
#include <string>

#include "core/map_style.hpp"

namespace faro::io::style_json {

using json = nlohmann::ordered_json;

// Enum spellings as the CLI options spell them (the core parsers accept these).
inline constexpr const char* kMeasureNames[] = {"count", "per-km2", "per-10k", "change",
                                                "change-pct"};
inline constexpr const char* kScaleNames[] = {"quantile", "continuous", "equal", "jenks"};

// A float as the shortest decimal that reads back to the same float (0.8f -> 0.8, not
// 0.800000011920929), so hand-edited files stay readable.
double tidy(float f);

// The key of a kind's property object ("line" for sectors and context); nullptr when the kind has
// none (programs).
const char* property_key(LayerKind kind);
// Whether layers of `kind` carry a "source" (basemap, context).
bool has_source(LayerKind kind);

json layer_object(const StyleLayer& layer);
json style_object(const MapStyle& style);  // no "faro_style" key

// Reads a style object found at JSON path `where` ("" at the top level, "style" in a project)
// of `file`, rejecting unknown keys and wrong types, then checks style_problems(). Accepts and
// checks a "faro_style" key when `version_key` is true. Throws StyleError.
MapStyle read_style_object(const json& j, const std::string& file, const std::string& where,
                           bool version_key);

// Every layer's "source" mapped through `f` (project files store paths relative to themselves).
template <typename F>
void map_sources(MapStyle& style, F f) {
  for (StyleLayer& l : style.layers)
    if (!l.source.empty()) l.source = f(l.source);
}

}  // namespace faro::io::style_json
