#pragma once
// Context layers for maps (borough boundaries, colonias, roads...): any OGR line or polygon layer,
// read as polylines in the working CRS, and its polygons kept with a name (the label field) for
// labels by zoom and for naming what lies under the cursor. Never used for counting.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/context_areas.hpp"
#include "core/geometry.hpp"
#include "core/load_report.hpp"
#include "core/map_style.hpp"
#include "core/workspace.hpp"

namespace faro::io {

struct ContextLine {
  std::vector<Vec2> points;  // working CRS metres; a closed line is stored open (no repeated end)
  bool closed = false;       // polygon rings
};

struct ContextLoadResult {
  std::vector<ContextLine> lines;
  // The polygons named by `labels.field` (the field actually read, e.g. "NOMUT"); null when the
  // source has no polygons or no such field (the report says which).
  std::shared_ptr<const ContextAreas> areas;
  LoadReport report;  // features with no line/polygon part, failed reprojection, empty geometry
};

// Reads every feature of the first layer (or `layer`) of `source`; polygon rings become closed
// lines, multi-geometries and collections are flattened, curves linearised, Z/M dropped. A source
// without a CRS is assumed to be EPSG:4326 (noted in the report). Polygons are named by
// `labels.field` ("" = the first of name, nombre, nomgeo, nomut, nom_col, colonia, nomenclatura,
// cuadrante, alcaldia..., else the first text field starting with "nom"); a field that is
// given but missing is noted, not fatal (the lines still draw). Throws DataError naming the source
// when it cannot be opened or has no usable lines at all.
ContextLoadResult load_context(const std::string& source, const std::string& work_srs,
                               const LabelStyle& labels, const std::string& layer = "");

// The lines only (names detected, as load_context with a context layer's default labels).
ContextLoadResult load_context_lines(const std::string& source, const std::string& work_srs,
                                     const std::string& layer = "");

// Every context layer of `style` with a source of its own (visible or not: the Layers panel may
// show it later), loaded with that layer's label field, by its source as written. A relative
// source is looked for in `folders` in order ("" = the current folder), e.g. next to the sectors
// file as `faro render` does. Load reports are appended to `reports`; a relative source found
// nowhere (a preset's "alcaldias.geojson" over other data) is reported there and skipped (the
// layer draws nothing). Throws DataError naming a full path that does not exist (a --context
// file, a project's) or a source that cannot be read.
std::map<std::string, std::shared_ptr<const ContextLayerData>> load_style_context_layers(
    const MapStyle& style, const std::string& work_srs, const std::vector<std::string>& folders,
    std::vector<LoadReport>& reports);

// The built-in context preset (layers/context-*.json) whose source has the file name of `path`
// ("/data/colonias_iecm.gpkg" -> context-colonias), so a `--context` file of a known kind gets
// its line look, label field and zoom range; nullopt for any other file.
std::optional<StyleLayer> context_preset_for(const std::string& path);
// The preset's name without "context-" ("colonias"), or "" when none matches.
std::string context_kind_for(const std::string& path);

}  // namespace faro::io
