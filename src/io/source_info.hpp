#pragma once
// Describes any GDAL vector source for `faro info`: layers, geometry type, feature count, CRS,
// extent, fields with types. No GDAL types in this header.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace faro::io {

struct FieldInfo {
  std::string name;
  std::string type;  // OGR type name, e.g. "String", "Integer64", "Date"
};

struct LayerInfo {
  std::string name;
  std::string geometry_type;   // e.g. "Point", "Multi Polygon", "Unknown (any)", "None"
  std::optional<int64_t> feature_count;  // nullopt when the driver cannot count without a full scan
  std::string srs;             // human name with authority, or "" when the layer has none
  std::string srs_wkt;
  std::optional<Box> extent;   // in the layer's own CRS
  std::vector<FieldInfo> fields;
  bool looks_like_points = false;    // point geometry, or a CSV with detectable coordinate columns
  bool looks_like_polygons = false;
};

struct SourceInfo {
  std::string source;  // redacted
  std::string driver;
  std::vector<LayerInfo> layers;
  std::vector<std::string> warnings;  // GDAL warnings raised while opening
};

// Throws DataError naming the source when GDAL cannot open it as a vector dataset.
SourceInfo describe_source(const std::string& source);

}  // namespace faro::io
