#pragma once
// Time bins shared by the CLI and the UI: day, ISO week (Monday start), month, year, or none.
// A bin is an integer index, dense and ordered, so per-period counts are flat arrays.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.hpp"

namespace faro {

enum class BinKind { none, day, week, month, year };

std::optional<BinKind> parse_bin_kind(std::string_view s);  // "none|day|week|month|year"
const char* to_string(BinKind k);

// Index of the bin holding civil time t. day: days since 1970-01-01; week: Monday-start week count
// (week 0 starts Monday 1969-12-29); month: year*12 + month-1; year: calendar year; none: 0.
int64_t bin_of(BinKind k, CivilSeconds t);
// First second of bin b.
CivilSeconds bin_start(BinKind k, int64_t b);
// Labels: day 2024-02-13, week 2024-W07 (ISO year and week), month 2024-02, year 2024, none "all".
std::string bin_label(BinKind k, int64_t b);

}  // namespace faro
