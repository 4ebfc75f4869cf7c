#include "core/weekly_brief.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/time_bins.hpp"
#include "core/weekly_brief_flags.hpp"

namespace faro {
namespace {

int64_t sum_bins(const SectorPeriodCounts& c, size_t row, int64_t from_bin, int64_t to_bin) {
  int64_t s = 0;
  for (int64_t b = std::max(from_bin, c.first_bin); b <= to_bin; ++b) {
    const int64_t off = b - c.first_bin;
    if (off >= 0 && off < c.bins) s += c.at(row, off);
  }
  return s;
}

}  // namespace

std::optional<IsoWeek> parse_iso_week(std::string_view text) {
  if (text.size() < 6 || text.size() > 8) return std::nullopt;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    year = year * 10 + (text[i] - '0');
  }
  size_t p = 4;
  if (text[p] == '-') ++p;
  if (p >= text.size() || (text[p] != 'W' && text[p] != 'w')) return std::nullopt;
  ++p;
  const size_t digits = text.size() - p;
  if (digits < 1 || digits > 2) return std::nullopt;
  int week = 0;
  for (; p < text.size(); ++p) {
    if (text[p] < '0' || text[p] > '9') return std::nullopt;
    week = week * 10 + (text[p] - '0');
  }
  if (year < 1900 || year > 2100 || week < 1 || week > iso_weeks_in_year(year)) return std::nullopt;
  return IsoWeek{year, week};
}

std::string format_iso_week(IsoWeek w) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
  return buf;
}

int iso_weeks_in_year(int iso_year) {
  // December 28 always lies in the last ISO week of its year.
  return iso_week_of_days(days_from_civil(iso_year, 12, 28)).week;
}

int64_t week_bin_of(IsoWeek w) {
  return bin_of(BinKind::week, days_of_iso_week(w.year, w.week) * kSecondsPerDay);
}

IsoWeek iso_week_of_bin(int64_t bin) {
  return iso_week_of_days(days_of(bin_start(BinKind::week, bin)));
}

BriefCountSource brief_count_source(const IncidentStore& store, size_t sector_count,
                                    const IncidentFilter& filter) {
  BriefCountSource source;
  source.first_incident = store.min_time();
  source.last_incident = store.max_time();
  source.week_counts = [&store, sector_count, filter](CivilSeconds from, CivilSeconds to) {
    IncidentFilter f = filter;
    f.from = from;
    f.to_exclusive = to;
    return count_by_sector_and_period(store, sector_count, BinKind::week, f);
  };
  return source;
}

void check_week_in_data(const IncidentStore& store, IsoWeek week, Language language) {
  BriefCountSource source;
  source.first_incident = store.min_time();
  source.last_incident = store.max_time();
  check_week_in_data(source, week, language);
}

void check_week_in_data(const BriefCountSource& source, IsoWeek week, Language language) {
  const auto first = source.first_incident, last = source.last_incident;
  if (!first || !last)
    throw DataError(tr_format(language, Msg::brief_week_outside_data,
                              format_iso_week(week).c_str(), "-", "-"));
  const CivilSeconds monday = bin_start(BinKind::week, week_bin_of(week));
  const CivilSeconds next_monday = monday + 7 * kSecondsPerDay;
  if (next_monday <= days_of(*first) * kSecondsPerDay || monday > *last)
    throw DataError(tr_format(language, Msg::brief_week_outside_data,
                              format_iso_week(week).c_str(), format_date(*first).c_str(),
                              format_date(*last).c_str()));
}

std::optional<IsoWeek> last_complete_week(const IncidentStore& store) {
  BriefCountSource source;
  source.last_incident = store.max_time();
  return last_complete_week(source);
}

std::optional<IsoWeek> last_complete_week(const BriefCountSource& source) {
  const auto t = source.last_incident;
  if (!t) return std::nullopt;
  const int64_t days = days_of(*t);
  const bool sunday = weekday_of_days(days) == 6;
  return iso_week_of_bin(bin_of(BinKind::week, *t) - (sunday ? 0 : 1));
}

const char* to_string(BriefFlag f) {
  switch (f) {
    case BriefFlag::none:
      return "";
    case BriefFlag::up:
      return "up";
    case BriefFlag::down:
      return "down";
    case BriefFlag::new_:
      return "new";
  }
  return "";
}

double change_z(int64_t current, double baseline) {
  return 2.0 * (std::sqrt(static_cast<double>(current)) - std::sqrt(std::max(0.0, baseline)));
}

double poisson_lower_tail(int64_t k, double rate) {
  if (k < 0) return 0;
  if (rate <= 0) return 1;
  // Sum pmf(k), pmf(k-1), ... downwards from the log-space pmf(k); terms shrink once i < rate.
  const double log_pk = k * std::log(rate) - rate - std::lgamma(static_cast<double>(k) + 1);
  double term = std::exp(log_pk), sum = 0;
  for (int64_t i = k; i >= 0; --i) {
    sum += term;
    if (i < rate && term < 1e-17 * sum) break;
    term *= static_cast<double>(i) / rate;  // pmf(i-1) = pmf(i) * i / rate
  }
  return std::min(1.0, sum);
}

double poisson_upper_tail(int64_t k, double rate) {
  if (k <= 0) return 1;
  if (rate <= 0) return 0;
  const double log_pk = k * std::log(rate) - rate - std::lgamma(static_cast<double>(k) + 1);
  double term = std::exp(log_pk), sum = 0;
  for (int64_t i = k;; ++i) {
    sum += term;
    if (i > rate && term < 1e-17 * sum) break;
    if (i > k + 100000) break;                  // far beyond any weekly count
    term *= rate / static_cast<double>(i + 1);  // pmf(i+1) = pmf(i) * rate / (i+1)
  }
  return std::min(1.0, sum);
}

BriefUnits sector_units(const SectorSet& sectors) {
  BriefUnits u;
  for (size_t s = 0; s < sectors.size(); ++s) {
    u.names.push_back(sectors.sectors[s].name);
    u.of_sector.push_back(static_cast<int32_t>(s));
  }
  return u;
}

BriefUnits group_units(const SectorSet& sectors, size_t attribute) {
  BriefUnits u;
  if (attribute < sectors.attribute_names.size()) u.group_field = sectors.attribute_names[attribute];
  std::vector<std::string> value(sectors.size());
  for (size_t s = 0; s < sectors.size(); ++s)
    if (s < sectors.attributes.size() && attribute < sectors.attributes[s].size())
      value[s] = sectors.attributes[s][attribute];
  u.names = value;
  std::sort(u.names.begin(), u.names.end());
  u.names.erase(std::unique(u.names.begin(), u.names.end()), u.names.end());
  if (!u.names.empty() && u.names.front().empty()) u.names.erase(u.names.begin());
  for (const std::string& v : value) {
    const auto it = std::lower_bound(u.names.begin(), u.names.end(), v);
    u.of_sector.push_back(!v.empty() && it != u.names.end() && *it == v
                              ? static_cast<int32_t>(it - u.names.begin())
                              : -1);
  }
  return u;
}

WeeklyBrief compute_weekly_brief(const IncidentStore& store, const SectorSet& sectors,
                                 const IncidentFilter& filter, IsoWeek week) {
  return compute_weekly_brief(store, sectors, sector_units(sectors), filter, week, 1);
}

WeeklyBrief compute_weekly_brief(const IncidentStore& store, const SectorSet& sectors,
                                 const BriefUnits& units, const IncidentFilter& filter,
                                 IsoWeek week, int span_weeks) {
  return compute_weekly_brief(brief_count_source(store, sectors.size(), filter), sectors, units,
                              week, span_weeks);
}

WeeklyBrief compute_weekly_brief(const BriefCountSource& source, const SectorSet& sectors,
                                 const BriefUnits& units, IsoWeek week, int span_weeks) {
  if (week.week < 1 || week.week > iso_weeks_in_year(week.year))
    throw std::invalid_argument("compute_weekly_brief: no such ISO week " + format_iso_week(week));
  if (span_weeks < 1 || units.of_sector.size() != sectors.size())
    throw std::invalid_argument("compute_weekly_brief: bad period or units");
  const int64_t n = span_weeks;
  WeeklyBrief out;
  out.week = week;
  out.span_weeks = span_weeks;
  out.group_field = units.group_field;
  out.unit_of_sector = units.of_sector;
  const int64_t sel = week_bin_of(week);
  out.week_start = bin_start(BinKind::week, sel - n + 1);
  out.week_end_exclusive = bin_start(BinKind::week, sel + 1);

  // Last year's comparison weeks: the same week number, or its last week when it has no week 53.
  const IsoWeek last_year{week.year - 1, std::min(week.week, iso_weeks_in_year(week.year - 1))};
  const int64_t ly_sel = week_bin_of(last_year);
  const int64_t ytd_first = week_bin_of({week.year, 1});
  const int64_t ly_ytd_first = week_bin_of({week.year - 1, 1});
  out.sel_bin = sel, out.ly_sel_bin = ly_sel;
  out.ytd_first_bin = ytd_first, out.ly_ytd_first_bin = ly_ytd_first;
  // Timeline: a year of weeks, and never fewer periods than the sparkline (whose "(all)" values
  // are the timeline's last bars).
  const int64_t periods = std::max<int64_t>(WeeklyBrief::kSparklineWeeks,
                                            (WeeklyBrief::kTimelineWeeks + n - 1) / n);

  // One dense count table over every week the brief looks at, per sector; back to the seasonal
  // factor's oldest window (weekly_brief_flags.hpp): the 5 periods ending with the same week
  // kSeasonYears years before.
  const int oldest_year = week.year - kSeasonYears;
  const int64_t oldest_season =
      week_bin_of({oldest_year, std::min(week.week, iso_weeks_in_year(oldest_year))}) - 5 * n + 1;
  const int64_t first = std::min(
      {sel - periods * n + 1, ly_ytd_first, ly_sel - n + 1, sel - 5 * n, oldest_season});
  const SectorPeriodCounts c = source.week_counts(bin_start(BinKind::week, first),
                                                  out.week_end_exclusive);
  if (c.kind != BinKind::week || c.first_bin != first || c.sectors != sectors.size() ||
      c.bins != sel + 1 - first)
    throw std::logic_error("compute_weekly_brief: the count source gave another table shape");

  // Period p (0 = the selected one) covers weeks sel - (p+1)n + 1 .. sel - pn.
  const auto fill = [&](BriefRow& r, const auto& sum) {
    const auto period = [&](int64_t p) { return sum(sel - (p + 1) * n + 1, sel - p * n); };
    r.week = period(0);
    r.prev_week = period(1);
    r.mean_prev4 = static_cast<double>(sum(sel - 5 * n + 1, sel - n)) / 4.0;
    r.same_week_last_year = sum(ly_sel - n + 1, ly_sel);
    r.ytd = sum(ytd_first, sel);
    r.ytd_last_year = sum(ly_ytd_first, ly_sel);
    // expected, z, p_value, flag and pct_change: flag_brief_rows below, once every row is in.
    for (int64_t p = WeeklyBrief::kSparklineWeeks - 1; p >= 0; --p)
      r.sparkline.push_back(period(p));
  };

  std::vector<std::vector<size_t>> members(units.names.size());
  std::vector<size_t> outside{c.outside_row()};
  for (size_t s = 0; s < sectors.size(); ++s) {
    const int32_t u = units.of_sector[s];
    if (u >= 0 && static_cast<size_t>(u) < members.size())
      members[u].push_back(s);
    else
      outside.push_back(s);
  }
  const auto rows_sum = [&](const std::vector<size_t>& rows, int64_t a, int64_t b) {
    int64_t t = 0;
    for (size_t row : rows) t += sum_bins(c, row, a, b);
    return t;
  };
  out.rows.resize(units.names.size());
  for (size_t u = 0; u < units.names.size(); ++u) {
    BriefRow& r = out.rows[u];
    r.sector = units.names[u];
    r.sector_index = static_cast<int32_t>(u);
    fill(r, [&](int64_t a, int64_t b) { return rows_sum(members[u], a, b); });
  }
  // "(all)": units plus the outside rows, i.e. every filtered incident in the loaded area.
  out.all.sector = "(all)";
  const auto all_sum = [&](int64_t a, int64_t b) {
    int64_t t = 0;
    for (size_t row = 0; row <= sectors.size(); ++row) t += sum_bins(c, row, a, b);
    return t;
  };
  fill(out.all, all_sum);
  out.outside_week = rows_sum(outside, sel - n + 1, sel);
  // The flags: the 4-period mean scaled by the whole area's seasonal factor, tested against
  // chance over every unit and "(all)" together (weekly_brief_flags.hpp).
  const auto first_incident = source.first_incident;
  const int64_t first_data_bin = first_incident ? bin_of(BinKind::week, *first_incident)
                                                : std::numeric_limits<int64_t>::max();
  out.baseline = seasonal_baseline(week, span_weeks, first_data_bin, all_sum);
  flag_brief_rows(out.rows, out.all, out.baseline);
  out.timeline_first_bin = sel - periods * n + 1;
  for (int64_t p = periods - 1; p >= 0; --p)
    out.timeline.push_back(all_sum(sel - (p + 1) * n + 1, sel - p * n));
  return out;
}

IncidentStore week_incidents(const IncidentStore& store, const IncidentFilter& filter,
                             const WeeklyBrief& brief) {
  IncidentFilter f = filter;
  f.from = brief.week_start;
  f.to_exclusive = brief.week_end_exclusive;
  IncidentStore out;
  out.categories = store.categories;
  out.category_field = store.category_field;
  out.work_srs = store.work_srs;
  const bool weighted = !store.weight.empty();
  const bool assigned = store.sector.size() == store.size();
  for (size_t i = 0; i < store.size(); ++i) {
    if (!f.accepts(store, i)) continue;
    out.push_back(store.x[i], store.y[i], store.t[i], store.category[i], store.flags[i],
                  weighted ? store.weight[i] : 1.0f);
    if (assigned) out.sector.push_back(store.sector[i]);
  }
  return out;
}

std::vector<RolloutMarker> rollout_markers(const std::vector<Program>& programs,
                                           const WeeklyBrief& brief) {
  std::vector<RolloutMarker> out;
  const int64_t n = static_cast<int64_t>(brief.timeline.size());
  for (const Program& p : programs) {
    std::vector<int> per_week(static_cast<size_t>(n), 0);
    for (const ProgramSector& s : p.sectors) {
      const int64_t weeks = bin_of(BinKind::week, s.start) - brief.timeline_first_bin;
      const int64_t off = weeks >= 0 ? weeks / brief.span_weeks : -1;
      if (off >= 0 && off < n) ++per_week[static_cast<size_t>(off)];
    }
    for (int64_t w = 0; w < n; ++w)
      if (per_week[static_cast<size_t>(w)] > 0)
        out.push_back({static_cast<int>(w), p.name, per_week[static_cast<size_t>(w)]});
  }
  std::sort(out.begin(), out.end(), [](const RolloutMarker& a, const RolloutMarker& b) {
    return a.week_offset != b.week_offset ? a.week_offset < b.week_offset : a.program < b.program;
  });
  return out;
}

}  // namespace faro
