#include "core/civil_time.hpp"

#include <cstdio>

#include "core/errors.hpp"

namespace faro {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at s[pos]; advances pos.
bool read_fixed(std::string_view s, size_t& pos, int n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!is_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  pos += n;
  return true;
}

// Reads 1..max_n digits.
bool read_var(std::string_view s, size_t& pos, int max_n, int& out) {
  size_t start = pos;
  int v = 0;
  while (pos < s.size() && is_digit(s[pos]) && static_cast<int>(pos - start) < max_n) {
    v = v * 10 + (s[pos] - '0');
    ++pos;
  }
  if (pos == start) return false;
  out = v;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

bool is_valid_date(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int max_d = (m == 2 && leap) ? 29 : kDays[m - 1];
  return d <= max_d;
}

IsoWeek iso_week_of_days(int64_t days) {
  // The ISO week belongs to the year of its Thursday.
  const int wd = weekday_of_days(days);  // 0 = Monday
  const int64_t thursday = days - wd + 3;
  const int year = civil_from_days(thursday).y;
  const int64_t jan1 = days_from_civil(year, 1, 1);
  return {year, static_cast<int>((thursday - jan1) / 7 + 1)};
}

int64_t days_of_iso_week(int year, int week) {
  // Week 1 is the week holding January 4th.
  const int64_t jan4 = days_from_civil(year, 1, 4);
  const int64_t monday1 = jan4 - weekday_of_days(jan4);
  return monday1 + static_cast<int64_t>(week - 1) * 7;
}

DateParseStatus parse_time_of_day(std::string_view text, int& seconds_out) {
  std::string_view s = trim(text);
  if (s.empty()) return DateParseStatus::empty;
  size_t pos = 0;
  int h = 0, mi = 0, se = 0;
  if (!read_var(s, pos, 2, h) || pos >= s.size() || s[pos] != ':') return DateParseStatus::malformed;
  ++pos;
  if (!read_fixed(s, pos, 2, mi)) return DateParseStatus::malformed;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!read_fixed(s, pos, 2, se)) return DateParseStatus::malformed;
    // FGJ quirk "HH:MM:SS:00" and fractional seconds ".fff" are accepted and dropped.
    if (pos < s.size() && s[pos] == ':') {
      int dummy = 0;
      ++pos;
      if (!read_fixed(s, pos, 2, dummy)) return DateParseStatus::malformed;
    } else if (pos < s.size() && s[pos] == '.') {
      ++pos;
      while (pos < s.size() && is_digit(s[pos])) ++pos;
    }
  }
  // Trailing zone designators are tolerated; the wall-clock reading is kept.
  if (pos < s.size()) {
    std::string_view rest = s.substr(pos);
    if (!(rest == "Z" || rest[0] == '+' || rest[0] == '-')) return DateParseStatus::malformed;
  }
  if (h > 24 || mi > 59 || se > 60 || (h == 24 && (mi || se))) return DateParseStatus::out_of_range;
  seconds_out = h * 3600 + mi * 60 + std::min(se, 59);
  return DateParseStatus::ok;
}

DateParseStatus parse_datetime(std::string_view text, DateOrder order, CivilSeconds& out,
                               bool* has_time) {
  std::string_view s = trim(text);
  if (has_time) *has_time = false;
  if (s.empty()) return DateParseStatus::empty;
  size_t pos = 0;
  int y = 0, m = 0, d = 0;
  int a = 0;
  if (!read_var(s, pos, 4, a) || pos >= s.size()) return DateParseStatus::malformed;
  const char sep = s[pos];
  if (sep != '-' && sep != '/' && sep != '.') return DateParseStatus::malformed;
  if (pos == 4) {  // year first: YYYY-MM-DD or YYYY/MM/DD
    y = a;
    ++pos;
    if (!read_var(s, pos, 2, m) || pos >= s.size() || s[pos] != sep) return DateParseStatus::malformed;
    ++pos;
    if (!read_var(s, pos, 2, d)) return DateParseStatus::malformed;
  } else if (pos <= 2) {  // DD/MM/YYYY, DD-MM-YYYY or MM/DD/YYYY
    int b = 0;
    ++pos;
    if (!read_var(s, pos, 2, b) || pos >= s.size() || s[pos] != sep) return DateParseStatus::malformed;
    ++pos;
    size_t ystart = pos;
    if (!read_var(s, pos, 4, y) || pos - ystart != 4) return DateParseStatus::malformed;
    if (order == DateOrder::dmy) {
      d = a; m = b;
    } else {
      m = a; d = b;
    }
  } else {
    return DateParseStatus::malformed;
  }
  int tod = 0;
  if (pos < s.size()) {
    if (s[pos] != ' ' && s[pos] != 'T') return DateParseStatus::malformed;
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == 'T')) ++pos;
    if (pos < s.size()) {
      DateParseStatus ts = parse_time_of_day(s.substr(pos), tod);
      if (ts != DateParseStatus::ok) return ts == DateParseStatus::empty ? DateParseStatus::malformed : ts;
      if (has_time) *has_time = true;
    }
  }
  if (y < 1900 || y > 2100 || !is_valid_date(y, m, d)) return DateParseStatus::out_of_range;
  out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kSecondsPerDay + tod;
  return DateParseStatus::ok;
}

std::string format_date(CivilSeconds t) {
  const CivilDate c = civil_from_days(days_of(t));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

std::string format_datetime(CivilSeconds t) {
  const int sod = seconds_of_day(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", sod / 3600, (sod / 60) % 60, sod % 60);
  return format_date(t) + buf;
}

const char* to_string(DateParseStatus s) {
  switch (s) {
    case DateParseStatus::ok: return "ok";
    case DateParseStatus::empty: return "empty";
    case DateParseStatus::malformed: return "unparseable";
    case DateParseStatus::out_of_range: return "out of range";
  }
  return "?";
}

CivilSeconds parse_cli_date(std::string_view text, std::string_view what) {
  CivilSeconds t = 0;
  bool has_time = false;
  if (parse_datetime(text, DateOrder::dmy, t, &has_time) != DateParseStatus::ok || has_time)
    throw UsageError(std::string(what) + ": expected a date YYYY-MM-DD, got '" + std::string(text) + "'");
  return t;
}

}  // namespace faro
