#pragma once
// Context layers for maps (borough boundaries, roads...): any OGR line or polygon layer, read as
// polylines in the working CRS. Drawn only; never used for counting, so attributes are not kept.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/load_report.hpp"

namespace faro::io {

struct ContextLine {
  std::vector<Vec2> points;  // working CRS metres; a closed line is stored open (no repeated end)
  bool closed = false;       // polygon rings
};

struct ContextLoadResult {
  std::vector<ContextLine> lines;
  LoadReport report;  // features with no line/polygon part, failed reprojection, empty geometry
};

// Reads every feature of the first layer (or `layer`) of `source`; polygon rings become closed
// lines, multi-geometries and collections are flattened, curves linearised, Z/M dropped. A source
// without a CRS is assumed to be EPSG:4326 (noted in the report). Throws DataError naming the
// source when it cannot be opened or has no usable lines at all.
ContextLoadResult load_context_lines(const std::string& source, const std::string& work_srs,
                                     const std::string& layer = "");

}  // namespace faro::io
