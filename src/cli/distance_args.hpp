#pragma once
// Distances and extents on the command line. Distances are metres everywhere: "400" and "400m" are
// both 400 m ("0.4km" is accepted too). Extents are "xmin,ymin,xmax,ymax" in the working CRS.
#include <string>
#include <string_view>

#include "core/geometry.hpp"

namespace faro::cli {

// Positive, finite distance in metres. Throws UsageError naming `option` (e.g. "--bandwidth").
double parse_distance_m(std::string_view text, std::string_view option);

// Four comma-separated numbers with xmin < xmax and ymin < ymax. Throws UsageError naming `option`.
Box parse_extent(std::string_view text, std::string_view option);

}  // namespace faro::cli
