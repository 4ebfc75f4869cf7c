#pragma once
// Number, distance and date formatting for the UI. Mexican Spanish and English share the number
// convention (comma thousands, point decimals: "12,345.6"): it is what Mexican agencies publish
// (INEGI, SESNSP, the FGJ CDMX open data), so only words differ by language. No UI number is
// ever written in scientific notation: densities of 0.0004 or 1,130,000 read as such.
#include <cstdint>
#include <string>

#include "core/civil_time.hpp"

namespace faro::ui {

// "12,345", "-1,234", "999".
std::string format_count(int64_t n);
// About 3 significant digits for legends, trailing zeros dropped, integers grouped from 1000:
// "0.0421", "1.25", "5", "12.5", "125", "1,250", "1,130,000"; tiny values keep 3 significant
// digits down to 0.000001 ("0.000123"), smaller ones read "0".
std::string format_value(double v);
// The printf format with the decimals format_value would use for `v` ("%.0f", "%.1f", "%.2f",
// "%.4f"...), for ImGui's drag and slider widgets, which take a format string.
const char* decimals_format(double v);
// A distance in metres as "500 m" or "2 km" / "1.5 km".
std::string format_distance(double metres);
// Inclusive date range for titles: "2019-01-01 – 2024-12-31" from [from, to_exclusive).
std::string format_date_range(CivilSeconds from, CivilSeconds to_exclusive);

}  // namespace faro::ui
