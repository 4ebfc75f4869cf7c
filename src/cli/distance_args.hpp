#pragma once
// Distances and extents on the command line. Distances are metres everywhere: "400" and "400m" are
// both 400 m ("0.4km" is accepted too). Extents are "xmin,ymin,xmax,ymax" in the working CRS.
#include <string>
#include <string_view>

#include "core/geometry.hpp"

namespace faro::cli {

// The stated range of every distance a person types (metres): nothing a city map needs is below
// a metre or above a thousand kilometres, and both ends keep grid and kernel sizes well inside
// int (no float->int overflow downstream).
constexpr double kMinDistanceM = 1;
constexpr double kMaxDistanceM = 1'000'000;

// Finite distance in metres within [min_m, max_m]. Throws UsageError naming `option` (e.g.
// "--bandwidth") and the range.
double parse_distance_m(std::string_view text, std::string_view option,
                        double min_m = kMinDistanceM, double max_m = kMaxDistanceM);

// Four comma-separated numbers with xmin < xmax and ymin < ymax. Throws UsageError naming `option`.
Box parse_extent(std::string_view text, std::string_view option);

}  // namespace faro::cli
