#include "ui/format.hpp"

#include <cmath>
#include <algorithm>
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

namespace {

// Decimals giving about 3 significant digits, never more than 6.
int decimals_for(double v) {
  const double a = std::fabs(v);
  if (a >= 100 || a == 0) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  const int leading_zeros = static_cast<int>(std::floor(-std::log10(a)));  // 0.04 -> 1
  return std::min(6, leading_zeros + 3);
}

}  // namespace

std::string format_value(double v) {
  if (!std::isfinite(v)) return "–";
  if (std::fabs(v) >= 1000) return format_count(static_cast<int64_t>(std::llround(v)));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals_for(v), v);
  // Round values read as such: "5", "10", "2.5" rather than "5.00", "10.0", "2.50".
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

const char* decimals_format(double v) {
  static const char* const kFormats[] = {"%.0f", "%.1f", "%.2f", "%.3f",
                                         "%.4f", "%.5f", "%.6f"};
  return std::isfinite(v) ? kFormats[decimals_for(v)] : "%.0f";
}

std::string format_distance(double metres) {
  if (std::fabs(metres) >= 1000) return format_value(metres / 1000) + " km";
  return format_value(metres) + " m";
}

std::string format_date_range(CivilSeconds from, CivilSeconds to_exclusive) {
  // The last day shown is the day before the exclusive end (a whole-day range).
  const CivilSeconds last = to_exclusive > from ? to_exclusive - 1 : from;
  return format_date(from) + " – " + format_date(last);
}

}  // namespace faro::ui
