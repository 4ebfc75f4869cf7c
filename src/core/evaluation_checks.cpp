// The checks a reviewer asks of a focused-deterrence evaluation, run after the DiD, ITS and event
// study of evaluate_program: event-study intervals and the pre-trend test, synthetic control,
// randomization inference, placebo in time, spillover, comparative ITS, window sensitivity; then
// the verdict (core/evaluation_verdict.hpp). Each lives in its own file; this one orders them.
#include <algorithm>
#include <cmath>

#include "core/evaluation_verdict.hpp"
#include "core/program_evaluation_detail.hpp"

namespace faro::eval_detail {
namespace {

// Windows of the sensitivity table: half a year, the default year, a year and a half.
constexpr int kSensitivityWindows[] = {26, 52, 78};

PlaceboInTime placebo_in_time(const DailyCounts& daily, const EvaluationRequest& req) {
  // Every rollout moved back by one window: the "after" window is then the real before window,
  // when nothing had started. Treated sectors whose shifted windows leave the data drop out.
  PlaceboInTime p;
  p.shift_weeks = req.window_weeks;
  const CivilSeconds shift = 7LL * req.window_weeks * kSecondsPerDay;
  std::vector<TreatedSector> shifted;
  for (TreatedSector t : req.treated) {
    t.rollout -= shift;
    t.end.reset();  // the shifted after-window ends at the real rollout, before any end
    shifted.push_back(t);
  }
  const std::vector<TreatedSector> eligible =
      eligible_sectors(shifted, req.window_weeks, daily.first_day, daily.end_day, nullptr);
  if (eligible.empty()) {
    EvalWhy why{EvalReason::windows_too_short};
    why.window_weeks = req.window_weeks;
    why.data_first_day = daily.first_day * kSecondsPerDay;
    why.data_last_day = (daily.end_day - 1) * kSecondsPerDay;
    p.did = Estimate<DidResult>::missing(why);
    p.its = Estimate<ItsResult>::missing(why);
    return p;
  }
  p.did = did_estimate(daily, eligible, req.comparison, req.window_weeks);
  p.its = fit_interrupted_time_series(daily, eligible, req.by, req.window_weeks);
  return p;
}

SpilloverResult spillover(const DailyCounts& daily, const EvaluationRequest& req) {
  SpilloverResult s;
  s.buffer_m = req.buffer_m;
  s.excluded = req.ring_excluded;
  for (const TreatedSector& t : req.ring) s.ring.push_back(t.sector);
  if (req.ring.empty()) {
    if (req.buffer_m < 0) s.excluded = false;
    s.displacement = Estimate<DidResult>::missing(EvalReason::spillover_no_ring);
    return s;
  }
  // Far comparison: the comparison group without the ring (already so when the ring was excluded).
  std::vector<size_t> far;
  for (size_t c : req.comparison)
    if (std::find(s.ring.begin(), s.ring.end(), c) == s.ring.end()) far.push_back(c);
  const std::vector<TreatedSector> eligible =
      eligible_sectors(req.ring, req.window_weeks, daily.first_day, daily.end_day, nullptr);
  if (eligible.empty()) {
    EvalWhy why{EvalReason::windows_too_short};
    why.window_weeks = req.window_weeks;
    why.data_first_day = daily.first_day * kSecondsPerDay;
    why.data_last_day = (daily.end_day - 1) * kSecondsPerDay;
    s.displacement = Estimate<DidResult>::missing(why);
    return s;
  }
  s.displacement = did_estimate(daily, eligible, far, req.window_weeks);
  return s;
}

}  // namespace

void mark_checks_missing(ProgramEvaluation& ev, const EvalWhy& why) {
  ev.pre_trend = Estimate<PreTrendTest>::missing(why);
  ev.synthetic_control = Estimate<SyntheticControlResult>::missing(why);
  ev.randomization = Estimate<RandomizationResult>::missing(why);
  ev.placebo_in_time = Estimate<PlaceboInTime>::missing(why);
  ev.comparative_its = Estimate<ComparativeItsResult>::missing(why);
  ev.spillover.displacement = Estimate<DidResult>::missing(why);
  ev.verdict = decide_verdict(ev);
}

void run_checks(ProgramEvaluation& ev, const DailyCounts& daily, const EvaluationRequest& req) {
  if (!req.robustness) {  // a quick preview: the verdict needs the checks, so none is given
    mark_checks_missing(ev, EvalWhy{EvalReason::none});
    return;
  }
  ev.spillover = spillover(daily, req);
  if (ev.event_study)
    ev.pre_trend = event_study_intervals(daily, ev.eligible, req.comparison, req.by,
                                         req.window_weeks, *ev.event_study.value);
  else
    ev.pre_trend = Estimate<PreTrendTest>::missing(ev.event_study.why);
  ev.synthetic_control =
      synthetic_control(daily, ev.eligible, req.comparison, req.by, req.window_weeks);
  if (ev.did)
    ev.randomization = randomization_inference(daily, ev.eligible, req.comparison, req.window_weeks,
                                               std::log(ev.did.value->did.rate_ratio),
                                               req.max_exact_sets, req.draws, req.seed);
  else
    ev.randomization = Estimate<RandomizationResult>::missing(ev.did.why);
  ev.placebo_in_time = {placebo_in_time(daily, req), {}};
  ev.comparative_its =
      comparative_its(daily, ev.eligible, req.comparison, req.by, req.window_weeks);
  for (int w : kSensitivityWindows) {
    SensitivityRow row;
    row.window_weeks = w;
    const std::vector<TreatedSector> eligible =
        eligible_sectors(req.treated, w, daily.first_day, daily.end_day, nullptr);
    row.eligible = eligible.size();
    if (eligible.empty()) {
      EvalWhy why{EvalReason::windows_too_short};
      why.window_weeks = w;
      why.data_first_day = daily.first_day * kSecondsPerDay;
      why.data_last_day = (daily.end_day - 1) * kSecondsPerDay;
      row.did = Estimate<DidResult>::missing(why);
    } else {
      row.did = did_estimate(daily, eligible, req.comparison, w);
    }
    ev.sensitivity.push_back(std::move(row));
  }
  ev.verdict = decide_verdict(ev);
}

}  // namespace faro::eval_detail
