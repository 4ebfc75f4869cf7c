#include "core/program_goals.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include "core/aggregate.hpp"
#include "core/errors.hpp"
#include "core/time_bins.hpp"

namespace faro {
namespace {

constexpr const char* kStatusIds[] = {"met", "on_track", "off_track", "not_estimable"};
constexpr const char* kReasonIds[] = {"",           "no_sectors",    "no_population",
                                      "outside_data", "not_started", "zero_baseline",
                                      "no_comparison", "zero_comparison", "hidden_small_count"};

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

std::string goal_label(const std::string& program, size_t goal_index) {
  return "program '" + program + "', goal " + std::to_string(goal_index + 1);
}

// Daily counts of the goal's incidents over days [first_day, end_day), for the program's sectors
// and for the comparison sectors (in no program), as prefix sums.
struct GoalDaily {
  int64_t first_day = 0, end_day = 0;
  std::vector<int64_t> treated, comparison;  // prefix sums, days + 1 entries

  int64_t sum(const std::vector<int64_t>& prefix, int64_t from_day, int64_t to_day) const {
    from_day = std::clamp(from_day, first_day, end_day);
    to_day = std::clamp(to_day, first_day, end_day);
    return prefix[to_day - first_day] - prefix[from_day - first_day];
  }
};

GoalDaily count_daily(const IncidentStore& store, const std::vector<uint8_t>& categories,
                      const std::vector<uint8_t>& in_program, const std::vector<uint8_t>& in_any,
                      int64_t first_day, int64_t end_day) {
  GoalDaily d{first_day, end_day, {}, {}};
  const size_t days = static_cast<size_t>(std::max<int64_t>(end_day - first_day, 0));
  std::vector<int64_t> tr(days, 0), co(days, 0);
  IncidentFilter filter;
  filter.from = first_day * kSecondsPerDay;
  filter.to_exclusive = end_day * kSecondsPerDay;
  filter.categories = categories;
  for (size_t i = 0; i < store.size(); ++i) {
    if (!filter.accepts(store, i)) continue;
    const int32_t s = i < store.sector.size() ? store.sector[i] : kNoSector;
    if (s < 0 || static_cast<size_t>(s) >= in_program.size()) continue;
    const size_t day = static_cast<size_t>(days_of(store.t[i]) - first_day);
    const int64_t w = store.weight.empty() ? 1 : static_cast<int64_t>(store.weight[i]);
    if (in_program[s]) tr[day] += w;
    else if (!in_any[s]) co[day] += w;
  }
  d.treated.assign(days + 1, 0);
  d.comparison.assign(days + 1, 0);
  std::partial_sum(tr.begin(), tr.end(), d.treated.begin() + 1);
  std::partial_sum(co.begin(), co.end(), d.comparison.begin() + 1);
  return d;
}

bool is_hidden_count(int64_t n, const DisclosurePolicy& policy) {
  if (!policy.partner_safe) return false;
  return (n > 0 && n < policy.k) || (n == 0 && !policy.show_zeros);
}

// Monthly counts over the goal's span up to `counted_end_day`, protected as a one-row table.
GoalTimeline monthly_timeline(const GoalDaily& d, int64_t first_day, int64_t end_day,
                              const DisclosurePolicy& policy) {
  GoalTimeline tl;
  if (end_day <= first_day) return tl;
  const int64_t m0 = bin_of(BinKind::month, first_day * kSecondsPerDay);
  const int64_t m1 = bin_of(BinKind::month, (end_day - 1) * kSecondsPerDay);
  for (int64_t m = m0; m <= m1; ++m) {
    const int64_t from = std::max(first_day, days_of(bin_start(BinKind::month, m)));
    const int64_t to = std::min(end_day, days_of(bin_start(BinKind::month, m + 1)));
    tl.months.push_back(m);
    tl.counts.push_back(d.sum(d.treated, from, to));
  }
  const ProtectedTable t = protect_table(tl.counts, 1, tl.counts.size(), policy);
  for (size_t c = 0; c < tl.counts.size(); ++c) tl.hidden.push_back(t.is_hidden(0, c) ? 1 : 0);
  return tl;
}

bool month_overlaps(int64_t month, const std::optional<GoalWindow>& w) {
  if (!w) return false;
  const int64_t a = days_of(bin_start(BinKind::month, month));
  const int64_t b = days_of(bin_start(BinKind::month, month + 1));
  return a < days_of(w->to_exclusive) && b > days_of(w->from);
}

// The window counts are sums of months, so a region of months (inside the baseline, inside the
// current window, outside both) whose count is published must not hold exactly one hidden month:
// the region's count minus its printed months would give it. A second month is hidden in such a
// region (the smallest, zeros first); false when the region has no other month to hide (then the
// caller hides the window counts instead).
bool protect_regions(GoalTimeline& tl, const std::optional<GoalWindow>& baseline,
                     const GoalWindow& current) {
  std::vector<int> region(tl.months.size());
  for (size_t i = 0; i < tl.months.size(); ++i)
    region[i] = (month_overlaps(tl.months[i], baseline) ? 1 : 0) |
                (month_overlaps(tl.months[i], current) ? 2 : 0);
  bool ok = true;
  for (int r = 0; r < 4; ++r) {
    size_t hidden = 0;
    std::optional<size_t> smallest;
    for (size_t i = 0; i < tl.months.size(); ++i) {
      if (region[i] != r) continue;
      if (tl.hidden[i]) ++hidden;
      else if (!smallest || tl.counts[i] < tl.counts[*smallest]) smallest = i;
    }
    if (hidden != 1) continue;
    if (smallest) tl.hidden[*smallest] = 1;
    else ok = false;
  }
  return ok;
}

double months_in(int64_t days) { return static_cast<double>(days) / (365.2425 / 12); }

GoalResult not_estimable(GoalResult r, GoalReason why) {
  r.status = GoalStatus::not_estimable;
  r.reason = why;
  r.baseline.reset();
  r.current.reset();
  r.change_pct.reset();
  r.progress_pct.reset();
  r.did.reset();
  return r;
}

// Status from the achieved value (projected when open) against the target.
GoalStatus judge(bool reached, bool open) {
  if (open) return reached ? GoalStatus::on_track : GoalStatus::off_track;
  return reached ? GoalStatus::met : GoalStatus::off_track;
}

struct GoalContext {
  const IncidentStore& store;
  const SectorSet& sectors;
  const std::vector<uint8_t>& in_any;
  int64_t data_first_day, data_end_day, as_of_day;
  const DisclosurePolicy& policy;
};

GoalResult compute_goal(const GoalContext& cx, const Program& p, size_t index,
                        const std::vector<uint8_t>& in_program, size_t found,
                        double population, bool population_known) {
  const ProgramGoal& g = p.goals[index];
  GoalResult r;
  r.program = p.name;
  r.goal_index = index;
  r.goal = g;
  r.sectors_found = found;
  r.population = population;
  const std::vector<uint8_t> mask = goal_category_mask(cx.store, g.where, p.name, index);
  if (found == 0) return not_estimable(std::move(r), GoalReason::no_sectors);

  const int64_t cur_from = days_of(g.current.from), cur_to = days_of(g.current.to_exclusive);
  const int64_t counted_to = std::min({cur_to, cx.as_of_day, cx.data_end_day});
  r.counted_to = counted_to * kSecondsPerDay;
  r.open = counted_to < cur_to;
  int64_t span_from = cur_from, span_to = cur_to;
  if (g.baseline) {
    span_from = std::min(span_from, days_of(g.baseline->from));
    span_to = std::max(span_to, days_of(g.baseline->to_exclusive));
  }
  const GoalDaily d = count_daily(cx.store, mask, in_program, cx.in_any, span_from, span_to);
  // The timeline runs to the end of what is counted (never past as_of or the data).
  const int64_t timeline_end = std::min(span_to, std::max(counted_to, span_from));
  r.timeline = monthly_timeline(d, span_from, timeline_end, cx.policy);

  const bool baseline_outside =
      g.baseline && (days_of(g.baseline->from) < cx.data_first_day ||
                     days_of(g.baseline->to_exclusive) > cx.data_end_day);
  if (baseline_outside || cur_from < cx.data_first_day)
    return not_estimable(std::move(r), GoalReason::outside_data);
  if (counted_to <= cur_from) return not_estimable(std::move(r), GoalReason::not_started);
  r.elapsed_share = static_cast<double>(counted_to - cur_from) / static_cast<double>(cur_to - cur_from);

  r.current_count = d.sum(d.treated, cur_from, counted_to);
  const double cur_days = static_cast<double>(counted_to - cur_from);
  const double projected = static_cast<double>(r.current_count) / r.elapsed_share;
  std::optional<double> base_per_day;
  if (g.baseline) {
    r.baseline_count = d.sum(d.treated, days_of(g.baseline->from), days_of(g.baseline->to_exclusive));
    base_per_day = static_cast<double>(r.baseline_count) / static_cast<double>(g.baseline->days());
    r.timeline.baseline_per_month = *base_per_day * (365.2425 / 12);
  }

  // Partner-safe: the counts first, then everything computed from them.
  bool hidden = is_hidden_count(r.current_count, cx.policy) ||
                (g.baseline && is_hidden_count(r.baseline_count, cx.policy));
  if (cx.policy.partner_safe && !protect_regions(r.timeline, g.baseline, g.current)) hidden = true;
  const double window_months = months_in(cur_to - cur_from);

  switch (g.indicator) {
    case GoalIndicator::reduction_pct: {
      r.baseline = static_cast<double>(r.baseline_count);
      r.current = static_cast<double>(r.current_count);
      r.timeline.target_per_month = *r.timeline.baseline_per_month * (1 - g.target / 100);
      if (r.baseline_count == 0) return not_estimable(std::move(r), GoalReason::zero_baseline);
      r.change_pct = (r.current_count / cur_days / *base_per_day - 1) * 100;
      const double reduction = -*r.change_pct;
      if (g.target > 0) r.progress_pct = reduction / g.target * 100;
      r.status = judge(reduction >= g.target, r.open);
      break;
    }
    case GoalIndicator::did_reduction_pct: {
      r.baseline = static_cast<double>(r.baseline_count);
      r.current = static_cast<double>(r.current_count);
      r.timeline.target_per_month = *r.timeline.baseline_per_month * (1 - g.target / 100);
      const bool any_comparison = std::any_of(
          cx.in_any.begin(), cx.in_any.end(), [](uint8_t v) { return v == 0; });
      if (!any_comparison) return not_estimable(std::move(r), GoalReason::no_comparison);
      if (r.baseline_count == 0 || r.current_count == 0)
        return not_estimable(std::move(r), GoalReason::zero_baseline);
      const double cb = static_cast<double>(
          d.sum(d.comparison, days_of(g.baseline->from), days_of(g.baseline->to_exclusive)));
      const double ca = static_cast<double>(d.sum(d.comparison, cur_from, counted_to));
      if (cb <= 0 || ca <= 0) return not_estimable(std::move(r), GoalReason::zero_comparison);
      r.did = did_rate_ratio(static_cast<double>(r.current_count),
                             static_cast<double>(r.baseline_count), ca, cb);
      r.change_pct = (r.did->rate_ratio - 1) * 100;
      const double reduction = -*r.change_pct;
      if (g.target > 0) r.progress_pct = reduction / g.target * 100;
      r.status = judge(reduction >= g.target, r.open);
      break;
    }
    case GoalIndicator::count_max:
    case GoalIndicator::rate_per_10k_max: {
      const bool rate = g.indicator == GoalIndicator::rate_per_10k_max;
      if (rate && (!population_known || population <= 0))
        return not_estimable(std::move(r), GoalReason::no_population);
      const double per = rate ? 1e4 / population : 1.0;  // count -> value of the indicator
      r.current = r.current_count * per;
      const double projected_value = projected * per;
      r.timeline.target_per_month = g.target / per / window_months;
      if (g.baseline) {
        // The baseline on the current window's length, so windows of unequal length compare.
        const double base_value = *base_per_day * static_cast<double>(cur_to - cur_from) * per;
        r.baseline = r.baseline_count * per;
        if (base_value > 0) r.change_pct = (projected_value / base_value - 1) * 100;
        if (base_value > g.target)
          r.progress_pct = (base_value - projected_value) / (base_value - g.target) * 100;
      }
      // In an open window a count already past the target cannot come back under it.
      const bool reached = projected_value <= g.target && r.current_count * per <= g.target;
      r.status = judge(reached, r.open);
      break;
    }
  }
  if (hidden) return not_estimable(std::move(r), GoalReason::hidden_small_count);
  return r;
}

}  // namespace

const char* goal_status_id(GoalStatus s) { return kStatusIds[static_cast<int>(s)]; }
const char* goal_reason_id(GoalReason r) { return kReasonIds[static_cast<int>(r)]; }

std::vector<uint8_t> goal_category_mask(const IncidentStore& store, const GoalWhere& where,
                                        const std::string& program, size_t goal_index) {
  if (where.all()) return {};
  if (!iequals(where.field, store.category_field))
    throw DataError(goal_label(program, goal_index) + ", field 'where': the filter names column '" +
                    where.field + "' but the incidents' category column is '" +
                    (store.category_field.empty() ? std::string("(none)") : store.category_field) +
                    "' (load the incidents with --category-field " + where.field + ")");
  std::vector<uint8_t> mask(store.categories.size(), 0);
  for (const std::string& v : where.values) {
    const auto code = store.categories.find(v);
    if (!code)
      throw DataError(goal_label(program, goal_index) + ", field 'where': no incident has " +
                      where.field + " = '" + v + "'");
    mask[*code] = 1;
  }
  return mask;
}

std::vector<GoalResult> compute_program_goals(const IncidentStore& store, const SectorSet& sectors,
                                              const std::vector<Program>& programs,
                                              std::optional<CivilSeconds> as_of,
                                              const DisclosurePolicy& policy) {
  std::vector<GoalResult> out;
  const auto tmin = store.min_time(), tmax = store.max_time();
  // The data cover whole months from the first incident's month to the last incident's day.
  const int64_t first_day =
      tmin ? days_of(bin_start(BinKind::month, bin_of(BinKind::month, *tmin))) : 0;
  const int64_t end_day = tmax ? days_of(*tmax) + 1 : 0;
  const int64_t as_of_day = as_of ? days_of(*as_of) : end_day;
  std::vector<uint8_t> in_any(sectors.size(), 0);
  for (const Program& p : programs)
    for (const ProgramSector& ps : p.sectors)
      if (auto s = sectors.find(ps.sector)) in_any[*s] = 1;
  const GoalContext cx{store, sectors, in_any, first_day, end_day, as_of_day, policy};
  for (const Program& p : programs) {
    if (p.goals.empty()) continue;
    std::vector<uint8_t> in_program(sectors.size(), 0);
    size_t found = 0;
    double population = 0;
    bool population_known = true;
    for (const ProgramSector& ps : p.sectors) {
      const auto s = sectors.find(ps.sector);
      if (!s || in_program[*s]) continue;
      in_program[*s] = 1;
      ++found;
      const auto& pop = sectors.sectors[*s].population;
      if (pop) population += *pop;
      else population_known = false;
    }
    for (size_t k = 0; k < p.goals.size(); ++k)
      out.push_back(compute_goal(cx, p, k, in_program, found, population, population_known));
  }
  return out;
}

}  // namespace faro
