#include "ui/filter_edit.hpp"

#include <algorithm>
#include <cctype>

namespace faro::ui {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool digits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !s.empty();
}

}  // namespace

DateField parse_date_field(std::string_view text) {
  text = trim(text);
  if (text.empty()) return {DateFieldStatus::empty, 0};
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4), y) ||
      !digits(text.substr(5, 2), m) || !digits(text.substr(8, 2), d))
    return {DateFieldStatus::invalid, 0};
  if (y < 1900 || y > 2100 || !is_valid_date(y, m, d)) return {DateFieldStatus::invalid, 0};
  return {DateFieldStatus::ok,
          days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kSecondsPerDay};
}

DateRangeError apply_date_range(std::string_view from_text, std::string_view to_text,
                                FilterState& f) {
  const DateField from = parse_date_field(from_text);
  const DateField to = parse_date_field(to_text);
  if (from.status == DateFieldStatus::invalid) return DateRangeError::from_invalid;
  if (to.status == DateFieldStatus::invalid) return DateRangeError::to_invalid;
  if (from.status == DateFieldStatus::ok && to.status == DateFieldStatus::ok &&
      from.day_start > to.day_start)
    return DateRangeError::from_after_to;
  f.from = from.status == DateFieldStatus::ok ? std::optional<CivilSeconds>(from.day_start)
                                              : std::nullopt;
  f.to_exclusive = to.status == DateFieldStatus::ok
                       ? std::optional<CivilSeconds>(to.day_start + kSecondsPerDay)
                       : std::nullopt;
  return DateRangeError::none;
}

std::string from_field_text(const FilterState& f) {
  return f.from ? format_date(*f.from) : "";
}

std::string to_field_text(const FilterState& f) {
  return f.to_exclusive ? format_date(*f.to_exclusive - 1) : "";
}

bool category_enabled(const FilterState& f, std::string_view name) {
  return f.categories.empty() ||
         std::find(f.categories.begin(), f.categories.end(), name) != f.categories.end();
}

bool toggle_category(FilterState& f, const std::vector<std::string>& all, std::string_view name) {
  if (std::find(all.begin(), all.end(), name) == all.end()) return false;
  std::vector<std::string> enabled;
  for (const std::string& n : all)
    if (category_enabled(f, n)) enabled.push_back(n);
  const auto it = std::find(enabled.begin(), enabled.end(), name);
  if (it != enabled.end()) {
    if (enabled.size() == 1) return false;  // keep at least one category on
    enabled.erase(it);
  } else {
    enabled.emplace_back(name);
  }
  // Every shown category on = no category filter (also keeps categories that appear later on
  // a reload).
  if (enabled.size() == all.size()) enabled.clear();
  if (enabled == f.categories) return false;
  f.categories = std::move(enabled);
  return true;
}

bool hour_enabled(const FilterState& f, int hour) {
  return hour >= 0 && hour < 24 && (f.hour_mask >> hour) & 1u;
}

void toggle_hour(FilterState& f, int hour) {
  if (hour >= 0 && hour < 24) f.hour_mask ^= (1u << hour);
}

bool weekday_enabled(const FilterState& f, int weekday) {
  return weekday >= 0 && weekday < 7 && (f.weekday_mask >> weekday) & 1u;
}

void toggle_weekday(FilterState& f, int weekday) {
  if (weekday >= 0 && weekday < 7)
    f.weekday_mask = static_cast<uint8_t>(f.weekday_mask ^ (1u << weekday));
}

}  // namespace faro::ui
