#pragma once
// Map styles (core/map_style.hpp) as JSON: whole style files, single-layer preset files, and the
// "style" object of a project file. The format (README, "Map styles"):
//   {"faro_style": 1, "name": "weekly-meeting",
//    "layers": [{"id": "heatmap", "kind": "heatmap", "visible": true, "opacity": 0.8,
//                "heatmap": {"kernel": "quartic", "bandwidth_m": 600, "colormap": "inferno",
//                            "color_max": "auto"}}, ...],          // bottom to top
//    "furniture": {"title": "", "subtitle": "", "legend": true, "scale_bar": true,
//                  "north_arrow": true, "footer": true}}
// A layer carries "source" only when it is a basemap or context layer, and only its own kind's
// property object ("heatmap", "choropleth", "points", "line" for sectors/context, "labels",
// "hotspots", "grid", "basemap": {"greyscale": false, "dim": 0}; programs have none). A layer
// preset file is one layer object with a "faro_layer": 1 key. Missing keys take the kind's defaults (make_layer); an unknown key, a
// property object of another kind or a value of the wrong type is an error naming the file and
// the key's JSON path ("weekly.json: layers[2].heatmap.bandwith_m: unknown key"); then the style
// must pass style_problems(). Writing is atomic (io/atomic_file.hpp).
#include <string>
#include <string_view>

#include "core/errors.hpp"
#include "core/map_style.hpp"

namespace faro::io {

// A style or layer preset that cannot be used; the message names the file and the JSON path.
struct StyleError : DataError {
  using DataError::DataError;
};

// Style format version written as "faro_style" (MapStyle::kVersion) and layer preset version
// written as "faro_layer".
inline constexpr int kLayerPresetVersion = 1;

// Whole styles. `file` names the text in error messages.
std::string style_to_json(const MapStyle& style);
MapStyle style_from_json(std::string_view text, const std::string& file);
void write_style_file(const MapStyle& style, const std::string& path);
MapStyle read_style_file(const std::string& path);  // DataError when unreadable

// Single-layer presets (the Layers panel's "add layer from preset").
std::string layer_to_json(const StyleLayer& layer);
StyleLayer layer_from_json(std::string_view text, const std::string& file);
void write_layer_preset_file(const StyleLayer& layer, const std::string& path);
StyleLayer read_layer_preset_file(const std::string& path);

}  // namespace faro::io
