#include "ui/format.hpp"

#include <cmath>
#include <cstdio>

namespace faro::ui {

std::string format_count(int64_t n) {
  const bool negative = n < 0;
  const std::string digits = std::to_string(negative ? -(n + 1) + 1ull : static_cast<uint64_t>(n));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string format_value(double v) {
  if (!std::isfinite(v)) return "–";
  const double a = std::fabs(v);
  char buf[64];
  if (a >= 1000) return format_count(static_cast<int64_t>(std::llround(v)));
  if (a >= 100 || a == 0)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else if (a >= 10)
    std::snprintf(buf, sizeof buf, "%.1f", v);
  else if (a >= 1)
    std::snprintf(buf, sizeof buf, "%.2f", v);
  else
    std::snprintf(buf, sizeof buf, "%.3g", v);
  // Round values read as such: "5", "10", "2.5" rather than "5.00", "10.0", "2.50".
  std::string s = buf;
  if (s.find('.') != std::string::npos && s.find('e') == std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string format_distance(double metres) {
  char buf[64];
  if (metres >= 1000) {
    const double km = metres / 1000;
    if (std::fabs(km - std::round(km)) < 1e-9)
      std::snprintf(buf, sizeof buf, "%.0f km", km);
    else
      std::snprintf(buf, sizeof buf, "%g km", km);
  } else {
    std::snprintf(buf, sizeof buf, "%g m", metres);
  }
  return buf;
}

std::string format_date_range(CivilSeconds from, CivilSeconds to_exclusive) {
  // The last day shown is the day before the exclusive end (a whole-day range).
  const CivilSeconds last = to_exclusive > from ? to_exclusive - 1 : from;
  return format_date(from) + " – " + format_date(last);
}

}  // namespace faro::ui
