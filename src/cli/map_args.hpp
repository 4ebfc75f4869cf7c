#pragma once
// What `faro render` and `faro animate` share around the one renderer: the image options (--kde,
// --width, --height, --lang), where relative layer sources are found, the layers with sources of
// their own (context lines, basemaps), the programs, the map's title and source line, and the
// protection report printed on stderr.
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/data_args.hpp"
#include "core/context_areas.hpp"
#include "core/map_style.hpp"
#include "core/programs.hpp"
#include "core/style_protection.hpp"
#include "render/map_scene.hpp"

namespace faro::cli {

// --NAME as a whole number of pixels in 1..16384, or `fallback` when absent. Throws UsageError.
int parse_pixels(const ParsedArgs& args, const std::string& name, int fallback);

// --kde, --width, --height (default 1920x1080) and --lang (for `command`'s messages).
render::MapSceneOptions scene_options(const ParsedArgs& args, const char* command);

// Where a relative layer source is looked for: next to the --style file, the current folder, next
// to the sectors file (the alcaldías preset finds alcaldias.geojson beside the CDMX sectors).
std::vector<std::string> source_folders(const ParsedArgs& args, const LoadedData& data);
std::string resolve_source(const std::string& source, const std::vector<std::string>& folders);

// Context layers of `style` with a source of their own, loaded and reprojected to `work_srs`, by
// layer id (load reports printed to `err`); their named polygons (area labels, by each layer's
// label field) into `areas` when given.
std::map<std::string, std::vector<render::LineStrip>> load_context_layers(
    const MapStyle& style, const std::vector<std::string>& folders, const std::string& work_srs,
    std::ostream& err,
    std::map<std::string, std::shared_ptr<const ContextAreas>>* areas = nullptr);

// Basemap layers' rasters, warped by GDAL into the view.
render::BasemapProvider basemap_provider(const std::string& work_srs,
                                         const std::vector<std::string>& folders);

// --programs (the demo's own programs for the demo city) when the style shows programs; a
// --programs given explicitly must load (load_programs_checked).
std::vector<Program> load_programs_arg(const ParsedArgs& args, const LoadedData& data,
                                       const MapStyle& style, std::ostream& err);

// Title ("Incidentes — <file name>"), source line and synthetic flag of a map of `data` into `o`.
// Sources are named by file name, never by path: outputs leave the analyst's machine.
void name_map(const LoadedData& data, render::MapSceneOptions& o);

// Prints what protection changed (or the internal stamp), in the map's language.
void report_protection(const ProtectedStyle& p, Language lang, std::ostream& err);

}  // namespace faro::cli
