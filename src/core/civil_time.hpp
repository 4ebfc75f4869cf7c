#pragma once
// Calendar arithmetic on integer "civil seconds": seconds since 1970-01-01T00:00:00 counted in the
// source's own local wall-clock time, with no time zone and no DST shifts. Incident reports are
// recorded in local time, and every bin (day, ISO week, month) is a local-calendar bin, so no
// conversion is ever applied. Never a float epoch.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faro {

using CivilSeconds = int64_t;
constexpr int64_t kSecondsPerDay = 86400;

// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
constexpr int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct CivilDate {
  int y = 1970;
  int m = 1;
  int d = 1;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

CivilDate civil_from_days(int64_t days);

inline int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
inline int64_t days_of(CivilSeconds t) { return floor_div(t, kSecondsPerDay); }
inline int seconds_of_day(CivilSeconds t) { return static_cast<int>(t - days_of(t) * kSecondsPerDay); }
// 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
inline int weekday_of_days(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

bool is_valid_date(int y, int m, int d);

struct IsoWeek {
  int year = 0;  // ISO week-numbering year (may differ from the calendar year near Jan 1)
  int week = 0;  // 1..53
};
IsoWeek iso_week_of_days(int64_t days);
// Monday of ISO week `week` of ISO year `year`, as days since 1970-01-01.
int64_t days_of_iso_week(int year, int week);

// Day-first (Mexican convention, the default for slashes) or month-first (US files).
enum class DateOrder { dmy, mdy };

enum class DateParseStatus { ok, empty, malformed, out_of_range };

// Accepts YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm] (zone dropped:
// the wall-clock reading is kept), YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY per `order`, each optionally
// followed by a time. Years 1900..2100 only; anything else is out_of_range.
DateParseStatus parse_datetime(std::string_view text, DateOrder order, CivilSeconds& out,
                               bool* has_time = nullptr);
// HH:MM[:SS][.fff] or HH:MM:SS:00 (FGJ's quirk); returns seconds since midnight.
DateParseStatus parse_time_of_day(std::string_view text, int& seconds_out);

std::string format_date(CivilSeconds t);      // YYYY-MM-DD
std::string format_datetime(CivilSeconds t);  // YYYY-MM-DD HH:MM:SS
const char* to_string(DateParseStatus s);

// Parses a CLI date bound (YYYY-MM-DD). Throws UsageError with `what` named on failure.
CivilSeconds parse_cli_date(std::string_view text, std::string_view what);

}  // namespace faro
