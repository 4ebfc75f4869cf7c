#include "core/time_bins.hpp"

#include <cstdio>

namespace faro {

std::optional<BinKind> parse_bin_kind(std::string_view s) {
  if (s == "none") return BinKind::none;
  if (s == "day") return BinKind::day;
  if (s == "week") return BinKind::week;
  if (s == "month") return BinKind::month;
  if (s == "year") return BinKind::year;
  return std::nullopt;
}

const char* to_string(BinKind k) {
  switch (k) {
    case BinKind::none: return "none";
    case BinKind::day: return "day";
    case BinKind::week: return "week";
    case BinKind::month: return "month";
    case BinKind::year: return "year";
  }
  return "?";
}

int64_t bin_of(BinKind k, CivilSeconds t) {
  const int64_t days = days_of(t);
  switch (k) {
    case BinKind::none: return 0;
    case BinKind::day: return days;
    // 1970-01-01 is a Thursday, so Monday-start weeks begin at day -3.
    case BinKind::week: return floor_div(days + 3, 7);
    case BinKind::month: {
      const CivilDate c = civil_from_days(days);
      return static_cast<int64_t>(c.y) * 12 + (c.m - 1);
    }
    case BinKind::year: return civil_from_days(days).y;
  }
  return 0;
}

CivilSeconds bin_start(BinKind k, int64_t b) {
  switch (k) {
    case BinKind::none: return 0;
    case BinKind::day: return b * kSecondsPerDay;
    case BinKind::week: return (b * 7 - 3) * kSecondsPerDay;
    case BinKind::month:
      return days_from_civil(floor_div(b, 12), static_cast<unsigned>(b - floor_div(b, 12) * 12 + 1), 1) *
             kSecondsPerDay;
    case BinKind::year: return days_from_civil(b, 1, 1) * kSecondsPerDay;
  }
  return 0;
}

std::string bin_label(BinKind k, int64_t b) {
  char buf[32];
  switch (k) {
    case BinKind::none: return "all";
    case BinKind::day: return format_date(b * kSecondsPerDay);
    case BinKind::week: {
      const IsoWeek w = iso_week_of_days(b * 7 - 3);
      std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
      return buf;
    }
    case BinKind::month:
      std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(floor_div(b, 12)),
                    static_cast<int>(b - floor_div(b, 12) * 12 + 1));
      return buf;
    case BinKind::year: std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(b)); return buf;
  }
  return "?";
}

}  // namespace faro
