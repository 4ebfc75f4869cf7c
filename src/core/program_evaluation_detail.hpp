#pragma once
// Internals shared by program_evaluation.cpp (windows, DiD) and program_its.cpp (interrupted
// time series, event study). Not part of the public API.
#include <cstdint>
#include <vector>

#include "core/program_evaluation.hpp"

namespace faro {
struct PoissonDesign;
}

namespace faro::eval_detail {

// Daily counts per sector over days [first_day, end_day), stored as prefix sums so any window
// sum is O(1). Days are civil days (days since 1970-01-01).
struct DailyCounts {
  int64_t first_day = 0, end_day = 0;
  size_t sectors = 0;
  std::vector<double> prefix;  // sectors x (days + 1)

  int64_t days() const { return end_day - first_day; }
  // Incidents in sector s on days [from_day, to_day), clamped to the covered range.
  double sum(size_t s, int64_t from_day, int64_t to_day) const;
  // Sum over several sectors.
  double sum(const std::vector<size_t>& ss, int64_t from_day, int64_t to_day) const;
};

DailyCounts count_daily(const IncidentStore& store, size_t sector_count,
                        const IncidentFilter& filter, int64_t first_day, int64_t end_day);

// The same table from per-sector day counts (BinKind::day; days outside them count zero).
DailyCounts daily_from_counts(const SectorPeriodCounts& counts, int64_t first_day, int64_t end_day);

// First day of period k relative to a rollout on `rollout_day` (k = 0: the first period after).
// Weeks are 7-day periods aligned on the rollout day (not ISO weeks), so no period straddles it;
// months are calendar months from the rollout's day of month (clamped at month ends).
int64_t period_start_day(EvalBin by, int64_t rollout_day, int64_t k);
// Periods on each side of rollout for a window of `window_weeks` (months: rounded to whole months).
int periods_per_side(EvalBin by, int window_weeks);
// Mean period length in days, for the exposure offset of uneven months.
double nominal_period_days(EvalBin by);

// Yearly seasonality of the ITS designs: sin/cos of 2 pi t / 1 year and of twice that, in four
// columns from `first_col`, for a period whose middle is `mid_day` (civil days).
void set_seasonal_terms(PoissonDesign& d, size_t row, size_t first_col, double mid_day);

Estimate<ItsResult> fit_interrupted_time_series(const DailyCounts& daily,
                                                const std::vector<TreatedSector>& treated,
                                                EvalBin by, int window_weeks);

Estimate<std::vector<EventStudyPoint>> event_study(const DailyCounts& daily,
                                                   const std::vector<TreatedSector>& treated,
                                                   const std::vector<size_t>& comparison,
                                                   EvalBin by, int window_weeks);

// Treated sectors whose before and after windows of `window_weeks` fit in days
// [first_day, end_day) (and whose program has not ended inside the after window); the others are
// appended to `excluded` (when given) with the reason.
std::vector<TreatedSector> eligible_sectors(const std::vector<TreatedSector>& treated,
                                            int window_weeks, int64_t first_day, int64_t end_day,
                                            std::vector<std::pair<size_t, EvalWhy>>* excluded);

// The DiD of evaluate_program for these (eligible) treated sectors and comparison sectors, with
// the window counts when asked for.
Estimate<DidResult> did_estimate(const DailyCounts& daily,
                                 const std::vector<TreatedSector>& eligible,
                                 const std::vector<size_t>& comparison, int window_weeks,
                                 GroupWindowCounts* treated_out = nullptr,
                                 GroupWindowCounts* comparison_out = nullptr);

// core/evaluation_checks.cpp: runs the checks below on an evaluation whose DiD, ITS and event
// study are done (skipped when !request.robustness), then the verdict.
void run_checks(ProgramEvaluation& ev, const DailyCounts& daily, const EvaluationRequest& request);
// Every check missing for `why` (nothing could be counted), verdict not_estimable.
void mark_checks_missing(ProgramEvaluation& ev, const EvalWhy& why);

// --- The reviewer's checks (issue 18), each in its own file. ---

// core/evaluation_event_study.cpp: fills `points[k].ratio` (treated/comparison rate ratio of
// period k relative to period -1, 95 % interval) and returns the joint Wald test of the pre-period
// ratios (parallel pre-trends).
Estimate<PreTrendTest> event_study_intervals(const DailyCounts& daily,
                                             const std::vector<TreatedSector>& treated,
                                             const std::vector<size_t>& comparison, EvalBin by,
                                             int window_weeks,
                                             std::vector<EventStudyPoint>& points);

// core/synthetic_control.cpp: treated = mean per treated sector on event time; donors = the
// comparison sectors, each aligned on the treated sectors' rollouts (mean over them).
Estimate<SyntheticControlResult> synthetic_control(const DailyCounts& daily,
                                                   const std::vector<TreatedSector>& treated,
                                                   const std::vector<size_t>& donors, EvalBin by,
                                                   int window_weeks);

// core/randomization_inference.cpp: the DiD's log rate ratio, computed as evaluate_program does
// (comparison = mean over treated sectors of the comparison counts in that sector's windows), for
// placebo sets of treated.size() comparison sectors taking the treated rollout dates.
Estimate<RandomizationResult> randomization_inference(const DailyCounts& daily,
                                                      const std::vector<TreatedSector>& treated,
                                                      const std::vector<size_t>& comparison,
                                                      int window_weeks, double observed_log_rr,
                                                      size_t max_exact_sets, size_t draws,
                                                      uint64_t seed);

// core/comparative_its.cpp: segmented Poisson model on treated and comparison series together.
Estimate<ComparativeItsResult> comparative_its(const DailyCounts& daily,
                                               const std::vector<TreatedSector>& treated,
                                               const std::vector<size_t>& comparison, EvalBin by,
                                               int window_weeks);

}  // namespace faro::eval_detail
