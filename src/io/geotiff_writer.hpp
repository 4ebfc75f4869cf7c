#pragma once
// Float32 GeoTIFF export of a density grid (GDAL GTiff driver), written atomically. The grid's
// top-left corner is (xmin, ymax), pixels are cell x -cell, the CRS is the session's working CRS,
// and there is no nodata value (0 is a real density). GDAL types stay out of this header.
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/kde.hpp"

namespace faro::io {

struct RasterMetadata {
  std::string units;        // band unit type, e.g. "incidents per km2"
  std::string description;  // band description, e.g. "gaussian KDE, bandwidth 400 m"
  std::vector<std::pair<std::string, std::string>> items;  // dataset metadata (FARO_* keys)
};

// Writes `values` (grid.cells() floats, row-major from the top-left) to `path` as a tiled,
// DEFLATE-compressed (floating-point predictor) GeoTIFF. Throws UsageError for a CRS that is not
// projected in metres or a size mismatch, DataError naming the file when writing fails. Nothing is
// left at `path` (or beside it) on failure.
void write_density_geotiff(const std::string& path, const GridSpec& grid,
                           std::span<const float> values, const std::string& srs,
                           const RasterMetadata& metadata);

// Throws UsageError (naming `what`, e.g. "--work-srs") unless `srs` is a projected CRS whose
// linear unit is the metre: densities per km² and bandwidths in metres need one.
void require_projected_metres(const std::string& srs, const std::string& what);

}  // namespace faro::io
