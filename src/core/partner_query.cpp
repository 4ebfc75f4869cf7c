#include "core/partner_query.hpp"

#include <set>
#include <vector>

namespace faro {
namespace {

bool is_monday(int64_t day) { return weekday_of_days(day) == 0; }
bool is_month_start(int64_t day) { return civil_from_days(day).d == 1; }
bool is_year_start(int64_t day) {
  const CivilDate d = civil_from_days(day);
  return d.m == 1 && d.d == 1;
}

// Offence values of a filter key on `field`; false when the key is on another field.
bool filter_values(const std::string& key, const std::string& field, std::set<std::string>& out) {
  if (key.empty()) return true;
  const size_t eq = key.find('=');
  if (eq == std::string::npos || key.substr(0, eq) != field) return false;
  size_t start = eq + 1;
  for (;;) {
    const size_t bar = key.find('|', start);
    out.insert(key.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) return true;
    start = bar + 1;
  }
}

}  // namespace

std::optional<Msg> partner_window_problem(std::optional<CivilSeconds> from,
                                          std::optional<CivilSeconds> to_exclusive, BinKind by) {
  // Dates from the command line and the dashboard are whole days; a time inside a day is not a
  // whole period either.
  auto whole_day = [](std::optional<CivilSeconds> t) { return !t || *t % kSecondsPerDay == 0; };
  auto ok = [&](bool (*starts)(int64_t)) {
    return (!from || starts(days_of(*from))) && (!to_exclusive || starts(days_of(*to_exclusive)));
  };
  if (!whole_day(from) || !whole_day(to_exclusive)) return Msg::partner_window_any;
  switch (by) {
    case BinKind::week:
      return ok(is_monday) ? std::nullopt : std::optional(Msg::partner_window_weeks);
    case BinKind::month:
      return ok(is_month_start) ? std::nullopt : std::optional(Msg::partner_window_months);
    case BinKind::year:
      return ok(is_year_start) ? std::nullopt : std::optional(Msg::partner_window_years);
    case BinKind::day:
    case BinKind::none:
      break;
  }
  return ok(is_monday) || ok(is_month_start) ? std::nullopt
                                              : std::optional(Msg::partner_window_any);
}

std::string partner_window_text(Msg problem, Language lang, std::optional<CivilSeconds> from,
                                std::optional<CivilSeconds> to_exclusive) {
  const std::string a = from ? format_date(*from) : std::string("…");
  const std::string b = to_exclusive ? format_date(*to_exclusive - kSecondsPerDay) : std::string("…");
  return tr_format(lang, problem, a.c_str(), b.c_str());
}

std::optional<int64_t> map_difference(const LedgerMap& a, const LedgerMap& b,
                                      const AuditIncidents& inc) {
  std::set<std::string> va, vb;
  if (!filter_values(a.filter, inc.category_field, va) ||
      !filter_values(b.filter, inc.category_field, vb))
    return std::nullopt;
  std::vector<uint8_t> in_a(inc.category_names.size(), 0), in_b(inc.category_names.size(), 0);
  for (size_t c = 0; c < inc.category_names.size(); ++c) {
    in_a[c] = a.filter.empty() || va.count(inc.category_names[c]);
    in_b[c] = b.filter.empty() || vb.count(inc.category_names[c]);
  }
  int64_t diff = 0;
  for (size_t i = 0; i < inc.t.size(); ++i) {
    const int64_t day = days_of(inc.t[i]);
    const uint16_t code = i < inc.category.size() ? inc.category[i] : 0;
    const bool ia = day >= a.first_day && day < a.end_day && code < in_a.size() && in_a[code];
    const bool ib = day >= b.first_day && day < b.end_day && code < in_b.size() && in_b[code];
    diff += ia != ib;
  }
  return diff;
}

std::optional<MapConflict> map_conflict(const DisclosureLedger& ledger, const LedgerMap& candidate,
                                        const AuditIncidents& incidents, int k) {
  for (const LedgerMap& m : ledger.maps) {
    const std::optional<int64_t> d = map_difference(m, candidate, incidents);
    if (d && *d > 0 && *d < k) return MapConflict{m, *d};
  }
  return std::nullopt;
}

std::string map_conflict_text(const MapConflict& c, int k, Language lang) {
  const std::string a = format_date(c.earlier.first_day * kSecondsPerDay);
  const std::string b = format_date((c.earlier.end_day - 1) * kSecondsPerDay);
  return tr_format(lang, Msg::partner_map_too_close, a.c_str(), b.c_str(),
                   static_cast<long long>(c.difference), k, k);
}

}  // namespace faro
