#include "core/program_evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/poisson_glm.hpp"
#include "core/program_evaluation_detail.hpp"

namespace faro {
namespace {

constexpr double kSmallCell = 10;  // below this many incidents in a cell, say the CI is rough

RateRatio rate_ratio_from_log(double log_rr, double log_se) {
  return {std::exp(log_rr), std::exp(log_rr - kZ95 * log_se), std::exp(log_rr + kZ95 * log_se),
          log_se};
}

std::string join_names(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace

RateRatio did_rate_ratio(double ta, double tb, double ca, double cb) {
  return rate_ratio_from_log(std::log(ta / tb) - std::log(ca / cb),
                             std::sqrt(1 / ta + 1 / tb + 1 / ca + 1 / cb));
}

std::string percent_change_text(double rate_ratio) {
  const long pct = std::lround((rate_ratio - 1) * 100);
  if (pct == 0) return "0 %";
  return (pct < 0 ? "\u2212" : "+") + std::to_string(std::labs(pct)) + " %";
}

int dispersion_block_weeks(int window_weeks) {
  return window_weeks >= 16 ? 4 : 1;
}

double weekly_dispersion(const std::vector<double>& weeks, int block_weeks) {
  const size_t n = weeks.size(), half = n / 2;
  const size_t block = static_cast<size_t>(std::max(block_weeks, 1));
  if (n % 2 != 0 || half < 2 * block) return 1;
  double chi2 = 0;
  size_t blocks = 0;
  for (size_t part = 0; part < 2; ++part) {
    const size_t from = part * half, to = from + half;
    const double per_week = std::accumulate(weeks.begin() + from, weeks.begin() + to, 0.0) / half;
    if (per_week <= 0) return 1;  // an empty cell: the DiD itself is not estimated
    for (size_t b = from; b < to; b += block, ++blocks) {
      const size_t e = std::min(b + block, to);
      const double y = std::accumulate(weeks.begin() + b, weeks.begin() + e, 0.0);
      const double expected = per_week * static_cast<double>(e - b);
      chi2 += (y - expected) * (y - expected) / expected;
    }
  }
  return chi2 / static_cast<double>(blocks - 2);
}

EvaluationRequest make_evaluation_request(const SectorSet& sectors,
                                          const std::vector<Program>& programs,
                                          const std::vector<std::string>& program_names,
                                          const std::vector<std::string>& comparison_names) {
  if (programs.empty()) throw DataError("no programs loaded: nothing to evaluate");
  EvaluationRequest req;
  std::vector<const Program*> chosen;
  for (const std::string& name : program_names) {
    auto it = std::find_if(programs.begin(), programs.end(),
                           [&](const Program& p) { return p.name == name; });
    if (it == programs.end()) {
      std::vector<std::string> all;
      for (const Program& p : programs) all.push_back("'" + p.name + "'");
      throw UsageError("unknown program '" + name + "'; programs: " + join_names(all));
    }
    chosen.push_back(&*it);
  }
  if (chosen.empty())
    for (const Program& p : programs) chosen.push_back(&p);
  for (const Program* p : chosen) req.label += (req.label.empty() ? "" : " + ") + p->name;

  // A sector in several chosen programs is treated from its earliest rollout.
  std::map<size_t, TreatedSector> rollout;
  for (const Program* p : chosen) {
    for (const ProgramSector& ps : p->sectors) {
      const auto idx = sectors.find(ps.sector);
      if (!idx)
        throw DataError("program '" + p->name + "': sector '" + ps.sector +
                         "' is not in the sectors layer (check the spelling and --sector-field)");
      auto [it, added] = rollout.emplace(*idx, TreatedSector{*idx, ps.start, ps.end});
      if (!added && ps.start < it->second.rollout) it->second = {*idx, ps.start, ps.end};
    }
  }
  for (const auto& [s, t] : rollout) req.treated.push_back(t);

  // Any program sector (chosen or not) is excluded from the default comparison group.
  std::set<size_t> in_any_program;
  for (const Program& p : programs)
    for (const ProgramSector& ps : p.sectors)
      if (auto idx = sectors.find(ps.sector)) in_any_program.insert(*idx);
  if (comparison_names.empty()) {
    for (size_t s = 0; s < sectors.size(); ++s)
      if (!in_any_program.count(s)) req.comparison.push_back(s);
  } else {
    for (const std::string& name : comparison_names) {
      const auto idx = sectors.find(name);
      if (!idx) throw UsageError("--comparison: sector '" + name + "' is not in the sectors layer");
      if (rollout.count(*idx))
        throw UsageError("--comparison: sector '" + name + "' is treated by the program");
      req.comparison.push_back(*idx);
    }
    req.comparison_given = true;
    std::sort(req.comparison.begin(), req.comparison.end());
    req.comparison.erase(std::unique(req.comparison.begin(), req.comparison.end()),
                         req.comparison.end());
  }
  return req;
}

namespace {

// Window counts over each eligible treated sector's own windows. With staggered
// rollouts the comparison counts are the mean over treated sectors of the comparison group's
// counts in that sector's windows: one comparison window's worth of incidents, so the Poisson
// variance is not understated by counting the same comparison incidents several times.
// The same counts are also split into weeks relative to each sector's rollout (2W values, W
// before then W after), summed over treated sectors, for the dispersion of the weekly counts.
struct WeeklyGroupCounts {
  std::vector<double> treated, comparison;
};

void count_windows(const eval_detail::DailyCounts& daily, const std::vector<TreatedSector>& treated,
                   const std::vector<size_t>& comparison, int window_weeks, GroupWindowCounts& tr,
                   GroupWindowCounts& co, WeeklyGroupCounts& weekly) {
  const int64_t w = 7LL * window_weeks;
  weekly.treated.assign(2 * window_weeks, 0.0);
  weekly.comparison.assign(2 * window_weeks, 0.0);
  for (const TreatedSector& t : treated) {
    const int64_t r0 = days_of(t.rollout);
    tr.sectors.push_back(t.sector);
    tr.before += daily.sum(t.sector, r0 - w, r0);
    tr.after += daily.sum(t.sector, r0, r0 + w);
    co.before += daily.sum(comparison, r0 - w, r0) / treated.size();
    co.after += daily.sum(comparison, r0, r0 + w) / treated.size();
    for (int k = 0; k < 2 * window_weeks; ++k) {
      const int64_t from = r0 - w + 7LL * k;
      weekly.treated[k] += daily.sum(t.sector, from, from + 7);
      weekly.comparison[k] += daily.sum(comparison, from, from + 7) / treated.size();
    }
  }
  co.sectors = comparison;
  const double nt = treated.size(), nc = std::max<size_t>(comparison.size(), 1);
  tr.rate_before = tr.before / (nt * window_weeks);
  tr.rate_after = tr.after / (nt * window_weeks);
  co.rate_before = co.before / (nc * window_weeks);
  co.rate_after = co.after / (nc * window_weeks);
}

Estimate<DidResult> difference_in_differences(const GroupWindowCounts& tr,
                                              const GroupWindowCounts& co,
                                              const WeeklyGroupCounts& weekly) {
  using E = Estimate<DidResult>;
  if (co.sectors.empty()) return E::missing(EvalReason::no_comparison);
  DidResult r;
  const double ta = tr.after, tb = tr.before, ca = co.after, cb = co.before;
  if (ta <= 0 || tb <= 0 || ca <= 0 || cb <= 0) {
    EvalWhy why{EvalReason::zero_cell};
    why.cell = tb <= 0   ? EvalCell::treated_before
               : ta <= 0 ? EvalCell::treated_after
               : cb <= 0 ? EvalCell::comparison_before
                         : EvalCell::comparison_after;
    return E::missing(std::move(why));
  }
  const double log_rr = std::log(ta / tb) - std::log(ca / cb);
  r.did = rate_ratio_from_log(log_rr, std::sqrt(1 / ta + 1 / tb + 1 / ca + 1 / cb));
  r.treated_change = rate_ratio_from_log(std::log(ta / tb), std::sqrt(1 / ta + 1 / tb));
  const int block = dispersion_block_weeks(static_cast<int>(weekly.treated.size() / 2));
  r.dispersion_block_weeks = block;
  r.dispersion_treated = weekly_dispersion(weekly.treated, block);
  r.dispersion_comparison = weekly_dispersion(weekly.comparison, block);
  const double var_robust = std::max(1.0, r.dispersion_treated) * (1 / ta + 1 / tb) +
                            std::max(1.0, r.dispersion_comparison) * (1 / ca + 1 / cb);
  const bool widened = r.dispersion_treated > 1 || r.dispersion_comparison > 1;
  r.dispersion = widened ? var_robust / (r.did.log_se * r.did.log_se) : 1.0;
  r.did_robust = widened ? rate_ratio_from_log(log_rr, std::sqrt(var_robust)) : r.did;
  r.small_counts = std::min({ta, tb, ca, cb}) < kSmallCell;
  return {std::move(r), {}};
}

}  // namespace

namespace eval_detail {

std::vector<TreatedSector> eligible_sectors(const std::vector<TreatedSector>& treated,
                                            int window_weeks, int64_t first_day, int64_t end_day,
                                            std::vector<std::pair<size_t, EvalWhy>>* excluded) {
  const int64_t w = 7LL * window_weeks;
  const auto exclude = [&](size_t sector, EvalReason code, CivilSeconds date) {
    if (!excluded) return;
    EvalWhy why{code};
    why.window_weeks = window_weeks;
    why.date = date;
    excluded->emplace_back(sector, why);
  };
  std::vector<TreatedSector> eligible;
  for (const TreatedSector& t : treated) {
    const int64_t r0 = days_of(t.rollout);
    if (r0 - w < first_day)
      exclude(t.sector, EvalReason::rollout_too_early, t.rollout);
    else if (r0 + w > end_day)
      exclude(t.sector, EvalReason::rollout_too_late, t.rollout);
    else if (t.end && days_of(*t.end) < r0 + w)
      exclude(t.sector, EvalReason::program_ended, *t.end);
    else
      eligible.push_back(t);
  }
  return eligible;
}

Estimate<DidResult> did_estimate(const DailyCounts& daily,
                                 const std::vector<TreatedSector>& eligible,
                                 const std::vector<size_t>& comparison, int window_weeks,
                                 GroupWindowCounts* treated_out, GroupWindowCounts* comparison_out) {
  GroupWindowCounts tr, co;
  WeeklyGroupCounts weekly;
  count_windows(daily, eligible, comparison, window_weeks, tr, co, weekly);
  Estimate<DidResult> did = difference_in_differences(tr, co, weekly);
  if (treated_out) *treated_out = std::move(tr);
  if (comparison_out) *comparison_out = std::move(co);
  return did;
}

}  // namespace eval_detail

namespace {

ProgramEvaluation evaluate_with_counts(
    const std::function<eval_detail::DailyCounts(int64_t, int64_t)>& count_daily,
    const EvaluationRequest& req) {
  if (req.window_weeks < 4) throw UsageError("the evaluation window must be at least 4 weeks");
  if (req.data_to_exclusive <= req.data_from) throw UsageError("the data period is empty");
  ProgramEvaluation ev;
  ev.label = req.label;
  ev.window_weeks = req.window_weeks;
  ev.by = req.by;
  ev.data_from = req.data_from;
  ev.data_to_exclusive = req.data_to_exclusive;

  // Full days only: a partial first or last day would bias its window's count down.
  const int64_t first_day = days_of(req.data_from + kSecondsPerDay - 1);
  const int64_t end_day = days_of(req.data_to_exclusive);
  ev.eligible =
      eval_detail::eligible_sectors(req.treated, req.window_weeks, first_day, end_day, &ev.excluded);
  const auto missing_all = [&](const EvalWhy& why) {
    ev.did = Estimate<DidResult>::missing(why);
    ev.its = Estimate<ItsResult>::missing(why);
    ev.event_study = Estimate<std::vector<EventStudyPoint>>::missing(why);
    eval_detail::mark_checks_missing(ev, why);
    return ev;
  };
  if (req.treated.empty()) return missing_all(EvalWhy{EvalReason::no_program_sectors});
  if (ev.eligible.empty()) {
    EvalWhy why{EvalReason::windows_too_short};
    why.window_weeks = req.window_weeks;
    why.data_first_day = first_day * kSecondsPerDay;
    why.data_last_day = (end_day - 1) * kSecondsPerDay;
    return missing_all(why);
  }
  const eval_detail::DailyCounts daily = count_daily(first_day, end_day);
  ev.did = eval_detail::did_estimate(daily, ev.eligible, req.comparison, req.window_weeks,
                                     &ev.treated, &ev.comparison);
  ev.its = eval_detail::fit_interrupted_time_series(daily, ev.eligible, req.by, req.window_weeks);
  ev.event_study =
      eval_detail::event_study(daily, ev.eligible, req.comparison, req.by, req.window_weeks);
  eval_detail::run_checks(ev, daily, req);
  return ev;
}

}  // namespace

ProgramEvaluation evaluate_program(const IncidentStore& store, size_t sector_count,
                                   const IncidentFilter& filter, const EvaluationRequest& req) {
  return evaluate_with_counts(
      [&](int64_t first_day, int64_t end_day) {
        return eval_detail::count_daily(store, sector_count, filter, first_day, end_day);
      },
      req);
}

ProgramEvaluation evaluate_program(const DayCountSource& day_counts, size_t sector_count,
                                   const EvaluationRequest& req) {
  return evaluate_with_counts(
      [&](int64_t first_day, int64_t end_day) {
        SectorPeriodCounts c = day_counts(first_day, end_day);
        if (c.sectors != sector_count)
          throw InternalError("program evaluation: the day counts have another sector count");
        return eval_detail::daily_from_counts(c, first_day, end_day);
      },
      req);
}

}  // namespace faro
