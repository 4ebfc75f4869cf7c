#pragma once
// Programs drawn as intervention polygons: any OGR polygon layer (GeoJSON, GeoPackage, shapefile)
// with a name field (program|programa|name|nombre), a rollout date field
// (start|inicio|fecha_inicio|rollout) and optionally an end date (end|fin|fecha_fin), and NO sector
// column. Features with the same name form one program; Program::area holds all their
// polygons (not dissolved) reprojected to the working CRS.
//
// Which sectors a program covers: a sector belongs to a feature when more than half of the
// sector's area lies inside that feature's polygons (overlap computed by GEOS through OGR, in the
// working CRS). Where GEOS cannot intersect (an invalid program polygon, GDAL without GEOS), the
// test falls back to the sector's pole of inaccessibility (core/polylabel.hpp) lying inside.
// Overlap is judged per feature, not per program: a sector split 40/40 between two features of
// one program is not covered. A sector covered by several features of the same program gets the
// earliest start (and that feature's end).
//
// Rejected features, counted in the report by reason: no name (malformed_row, field "name"),
// missing/unparseable start or unparseable end (missing_date / unparseable_date), no polygonal
// part (empty_geometry or not_a_polygon), reprojection failure (reprojection_failed).
#include <string>

#include "core/sectors.hpp"
#include "io/program_loader.hpp"

namespace faro::io {

// True when `source` opens as a vector dataset whose first polygon layer has a program-name field
// and no sector column (so it is meant for load_program_polygons). Never throws; false when the
// source cannot be opened.
bool is_program_polygon_layer(const std::string& source);

// Reads program polygons from `source` and assigns `sectors` (already in the working CRS
// `work_srs`, e.g. "EPSG:32614" or WKT; empty = sectors.work_srs). A source layer with no CRS is
// taken as EPSG:4326 (noted in the report). Throws DataError naming the source when it cannot be
// opened or lacks the name/start fields.
ProgramLoadResult load_program_polygons(const std::string& source, const SectorSet& sectors,
                                        const std::string& work_srs = "");

// The loading path for front ends that have sectors: polygon layers without a sector column go to
// load_program_polygons(); everything else to load_programs_any() (JSON, CSV, rollout tables).
ProgramLoadResult load_programs_for_sectors(const std::string& source, const SectorSet& sectors);

}  // namespace faro::io
