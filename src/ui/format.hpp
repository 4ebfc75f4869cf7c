#pragma once
// Number, distance and date formatting for the UI. Mexican Spanish and English share the number
// convention (comma thousands, point decimals: "12,345.6"), so only words differ by language.
#include <cstdint>
#include <string>

#include "core/civil_time.hpp"

namespace faro::ui {

// "12,345", "-1,234", "999".
std::string format_count(int64_t n);
// About 3 significant digits for legends, trailing zeros dropped, integers grouped from 1000:
// "0.0421", "1.25", "5", "12.5", "125", "1,250".
std::string format_value(double v);
// A distance in metres as "500 m" or "2 km" / "1.5 km".
std::string format_distance(double metres);
// Inclusive date range for titles: "2019-01-01 – 2024-12-31" from [from, to_exclusive).
std::string format_date_range(CivilSeconds from, CivilSeconds to_exclusive);

}  // namespace faro::ui
