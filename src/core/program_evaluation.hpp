#pragma once
// Program evaluation: did incidents fall where and when a program started, more than elsewhere?
//
// - Before/after with difference-in-differences: counts in equal windows (default 52 weeks)
//   before and after each treated sector's own rollout (rollouts are staggered), treated vs
//   comparison sectors (all non-program sectors, or a given list) over the same calendar windows,
//   and the rate ratio (T_after/T_before)/(C_after/C_before) with its Poisson 95 % interval,
//   log-scale SE = sqrt(1/Ta + 1/Tb + 1/Ca + 1/Cb).
// - Interrupted time series: segmented Poisson regression on the treated sectors' weekly (or
//   monthly) counts in the same windows, one row per sector and period relative to that sector's
//   rollout: sector intercepts, a calendar trend, level change and slope change at rollout, and
//   Fourier seasonality (sin/cos of 2 pi k t / 1 year, k = 1, 2; only for windows of 52 weeks or
//   more, as shorter spans cannot separate season from trend). Quasi-Poisson standard errors
//   (dispersion = max(1, Pearson chi2 / df)). Gives the counterfactual (pre-trend projected) with
//   a 95 % band.
// - Event study: every treated sector aligned at "periods since its rollout", pooled.
//
// Small counts are reported honestly: every estimate is an Estimate<T> that holds either a value
// or the reason there is none (zero cells, too-short pre-periods, no comparison sectors).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/aggregate.hpp"
#include "core/civil_time.hpp"
#include "core/incidents.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"

namespace faro {

enum class EvalBin { week, month };

// Why an estimate could not be made, or why a treated sector was left out. Core states the case
// and its numbers; core/evaluation_text.hpp words it in the reader's language.
enum class EvalReason {
  none,
  no_program_sectors,      // the program has no sectors
  windows_too_short,       // no treated sector has window_weeks on both sides (data_from..last)
  no_comparison,           // every sector is in a program
  zero_cell,               // no incidents in `cell`: the rate ratio is not finite
  its_pre_period,          // `periods` per side of rollout, the series needs `min_periods`
  its_no_incidents,        // no incidents in any treated sector within the windows
  its_none_before,         // no incidents in the treated sectors before rollout
  its_none_after,          // ... after rollout
  its_fit_failed,          // the Poisson GLM failed; `detail` is its message (English)
  event_study_no_periods,  // no treated sector has whole periods on both sides
  rollout_too_early,       // excluded sector: less than window_weeks of data before `date`
  rollout_too_late,        // excluded sector: less than window_weeks of data after `date`
  program_ended,           // excluded sector: the program ended on `date`, inside the window
  sc_no_donors,            // synthetic control: fewer than 2 donor sectors
  sc_flat_pre_period,      // synthetic control: no incidents in the pre-period (nothing to fit)
  ri_too_few_sets,         // randomization: fewer than 20 placebo sets (p cannot reach 0.05)
  pre_trend_too_few,       // event study: fewer than 2 pre-periods with counts to test
  spillover_no_ring,       // no comparison sector lies within the buffer of a treated sector
};
enum class EvalCell { treated_before, treated_after, comparison_before, comparison_after };

struct EvalWhy {
  EvalReason code = EvalReason::none;
  EvalCell cell = EvalCell::treated_before;  // zero_cell
  EvalBin by = EvalBin::week;                // its_pre_period: unit of `periods`
  int periods = 0, min_periods = 0;          // its_pre_period
  int window_weeks = 0;                      // windows_too_short, rollout_*, program_ended
  CivilSeconds date = 0;                     // rollout_* (the rollout), program_ended (the end)
  CivilSeconds data_first_day = 0, data_last_day = 0;  // windows_too_short
  std::string detail;                                  // its_fit_failed
};

template <class T>
struct Estimate {
  std::optional<T> value;
  EvalWhy why;  // why there is no value (code none when there is one)
  explicit operator bool() const { return value.has_value(); }
  static Estimate missing(EvalWhy why) { return {std::nullopt, std::move(why)}; }
  static Estimate missing(EvalReason code) { return missing(EvalWhy{code}); }
};

struct TreatedSector {
  size_t sector = 0;                // index into the SectorSet
  CivilSeconds rollout = 0;         // that sector's start date
  std::optional<CivilSeconds> end;  // program end there, if any (an after-window past it is
                                    // not "after the program started": the sector is excluded)
};

struct EvaluationRequest {
  std::string label;  // program name(s), for reports
  std::vector<TreatedSector> treated;
  std::vector<size_t> comparison;  // sector indices; never treated
  int window_weeks = 52;           // equal windows before and after rollout
  EvalBin by = EvalBin::week;      // ITS / event-study periods
  CivilSeconds data_from = 0;      // the period the data cover: [data_from, data_to)
  CivilSeconds data_to_exclusive = 0;
  // Spillover (apply_spillover_ring): comparison sectors near treated ones, each with the earliest
  // rollout among its treated neighbours; already removed from `comparison` when
  // ring_excluded (the default, not with --comparison).
  std::vector<TreatedSector> ring;
  double buffer_m = 0;
  bool ring_excluded = false;
  bool comparison_given = false;
  // Randomization inference: exact up to max_exact_sets placebo sets, else `draws` seeded draws.
  size_t max_exact_sets = 10000, draws = 10000;
  uint64_t seed = 20190101;
  bool robustness = true;  // false: DiD, ITS and event study only (quick previews)
};

// Builds a request from programs as loaded. `program_names` empty = every program pooled.
// `comparison_names` empty = every sector in no program (of all `programs`). A sector in several
// selected programs keeps its earliest rollout. Throws UsageError naming unknown programs
// (--program) or comparison sectors (unknown or treated), DataError when no program is loaded or
// a program names a sector that is not in the sectors layer (the programs file is wrong).
EvaluationRequest make_evaluation_request(const SectorSet& sectors,
                                          const std::vector<Program>& programs,
                                          const std::vector<std::string>& program_names,
                                          const std::vector<std::string>& comparison_names);

// Finds the comparison sectors within `buffer_m` metres of a treated sector (0 = touching,
// within 1 m) and, unless the comparison was given explicitly, removes them from the comparison
// group; they are evaluated as the spillover ring (core/evaluation_spillover.cpp). A negative
// buffer turns the ring off (`--buffer none`): the comparison group stays as it is.
void apply_spillover_ring(EvaluationRequest& request, const SectorSet& sectors, double buffer_m);

struct RateRatio {
  double rate_ratio = 1, ci_low = 1, ci_high = 1;
  double log_se = 0;  // SE of log(rate_ratio)
};

struct GroupWindowCounts {
  std::vector<size_t> sectors;   // sector indices in the group (treated: eligible ones only)
  double before = 0, after = 0;  // incidents in the before / after windows
  double rate_before = 0, rate_after = 0;  // per sector per week
};

struct DidResult {
  RateRatio did;             // (Ta/Tb)/(Ca/Cb), Poisson interval (as the issue specifies)
  RateRatio treated_change;  // Ta/Tb alone (before/after in the treated sectors)
  // Overdispersion-aware interval (quasi-Poisson): shootings cluster in time (follow-up
  // attacks within ~2 weeks), so counts vary more than Poisson and the plain interval is too
  // narrow. Each group's dispersion phi_g is the Pearson chi2 / df of its counts in blocks of
  // dispersion_block_weeks (4 weeks for windows of 16+ weeks, else 1) around the before and after
  // rates (statsmodels GLM Poisson, y ~ after, offset log(block length), scale='X2'), floored
  // at 1; then Var(log RR) = phi_T (1/Ta + 1/Tb) + phi_C (1/Ca + 1/Cb).
  // Blocks, not weeks: follow-ups fall in the next week as often as in the same one, and weekly
  // Pearson misses that (demo city, 60 seeds x 3 programs: 95 % intervals covered the true 0.70
  // in 91.7 % (Poisson), 92.2 % (weekly phi), 96.1 % (4-week phi) of cases).
  // Per group, not pooled: the comparison's big counts show its seasonality as "dispersion",
  // and with staggered rollouts its weeks are averages over the treated sectors' windows
  // (smoothed, underdispersed); a pooled phi would mix both into the treated variance.
  double dispersion = 1;  // effective: Var_robust / Var_Poisson of log RR (>= 1)
  double dispersion_treated = 1, dispersion_comparison = 1;  // Pearson chi2 / df, not floored
  int dispersion_block_weeks = 1;
  RateRatio did_robust;  // same ratio, SE = Poisson SE * sqrt(dispersion)
  // A cell (group x period) with fewer than 10 incidents: the interval is approximate, and the
  // reports say so (core/evaluation_text.hpp did_caution).
  bool small_counts = false;
  // The ratio the plain-words sentence states: did_robust when dispersion > 1, else did.
  const RateRatio& shown() const { return dispersion > 1 ? did_robust : did; }
};

struct ItsTerm {
  double estimate = 0, se = 0;  // log scale
  RateRatio ratio;              // exp(estimate) with its 95 % interval
};

struct ItsPoint {
  int64_t relative_bin = 0;  // periods since rollout (0 = the first period after)
  CivilSeconds start = 0;    // start of that period for the earliest-rolled-out sector
  double observed = 0, fitted = 0;
  double counterfactual = 0, cf_low = 0, cf_high = 0;  // no level/slope change, 95 % band
};

struct ItsResult {
  int bins_before = 0, bins_after = 0;  // periods per sector on each side of rollout
  size_t observations = 0;              // sector-period rows
  std::vector<size_t> sectors;          // sectors in the model
  ItsTerm trend;                        // per year, calendar time
  ItsTerm level_change;                 // immediate change at rollout
  ItsTerm slope_change;                 // change of trend after rollout, per year
  bool seasonality = true;              // Fourier terms used (windows of >= 52 weeks)
  double dispersion = 1;                // quasi-Poisson phi (>= 1) applied to the SEs
  double deviance = 0;
  std::vector<ItsPoint> series;  // pooled over sectors, by relative period
};

struct EventStudyPoint {
  int64_t relative_bin = 0;
  double treated_count = 0;
  double treated_rate = 0;     // per treated sector per period
  double comparison_rate = 0;  // per comparison sector per period, same calendar periods
  // Treated/comparison rate ratio in this period's bin relative to the reference bin (the one
  // ending with period -1; 8-week bins for 40+ week windows, see core/evaluation_event_study.cpp),
  // with a 95 % interval; absent in the reference bin itself and where a cell is empty.
  std::optional<RateRatio> ratio;
};

// Joint test that every pre-rollout event-study coefficient is zero (parallel pre-trends): a
// quasi-likelihood ratio, chi-square with df = the number of pre-rollout bins.
struct PreTrendTest {
  double chi2 = 0;
  int df = 0;
  double p_value = 1;
};

// Synthetic control (Abadie, Diamond & Hainmueller 2010; demeaned as Ferman & Pinto 2021, so a
// treated level above every donor can still be matched) on event time: the treated unit is the
// mean count per period over the treated sectors; donors are the comparison sectors; weights
// w >= 0, sum 1, minimise the squared pre-period differences (core/synthetic_control.hpp).
struct SyntheticControlPoint {
  int64_t relative_bin = 0;       // periods since rollout (0 = first period after)
  double treated = 0, synthetic = 0;  // mean count per treated sector, and its synthetic twin
};
struct SyntheticControlResult {
  std::vector<std::pair<size_t, double>> weights;  // donor sector, weight > 0; largest first
  size_t donors = 0;                                // donors offered
  int periods_before = 0, periods_after = 0;
  double pre_rmspe = 0, post_rmspe = 0;
  double rate_ratio = 1;   // sum of post treated / sum of post synthetic
  int placebo_rank = 1;    // rank of the treated post/pre RMSPE ratio, 1 = largest
  double placebo_p = 1;    // placebo_rank / (ranked placebos + 1); donors with no incidents
                           // before rollout have nothing to fit and are not ranked
  std::vector<SyntheticControlPoint> series;
};

// Randomization inference for the DiD: the same estimate for placebo sets of comparison sectors.
struct RandomizationResult {
  double p_value = 1;     // (1 + #{|log RR_placebo| >= |log RR|}) / (1 + n_placebos)
  size_t n_placebos = 0;
  size_t as_extreme = 0;  // placebo sets at least as extreme as the real one
  bool exact = false;     // every set enumerated (else seeded draws)
  uint64_t seed = 0;      // for the draws
};

// The DiD and the ITS with every rollout moved back by one window (no program then): a real
// effect should not appear there.
struct PlaceboInTime {
  int shift_weeks = 0;
  Estimate<DidResult> did;
  Estimate<ItsResult> its;
};

// Spillover: comparison sectors within `buffer_m` of a treated sector (0 = touching) are taken
// out of the comparison group and compared, as a ring with the neighbouring rollout, against the
// far comparison sectors (displacement > 1, diffusion of benefits < 1).
struct SpilloverResult {
  double buffer_m = 0;   // negative: no ring asked for (--buffer none)
  bool excluded = true;  // false when --comparison was given (ring kept in it, as asked)
  std::vector<size_t> ring;  // the comparison sectors near treated ones
  Estimate<DidResult> displacement;  // ring vs far comparison, before/after (never excluded
                                     // from the ring's own count: they are the ring)
};

// Comparative ITS: one segmented model on the treated and comparison series; the effect is the
// treated-minus-comparison change in level and in slope (core/comparative_its.hpp).
struct ComparativeItsResult {
  ItsTerm level_change;  // ratio of the treated level change to the comparison one
  ItsTerm slope_change;  // per year, treated minus comparison
  double dispersion = 1;
  size_t observations = 0;
};

struct SensitivityRow {
  int window_weeks = 0;
  size_t eligible = 0;  // treated sectors whose windows fit
  Estimate<DidResult> did;
};

// The stated rule (core/evaluation_verdict.hpp).
enum class Verdict { consistent_reduction, consistent_increase, inconclusive, not_estimable };
enum class VerdictCheck { did_interval, randomization, synthetic_control, pre_trend };
enum class CheckOutcome { supports, fails, missing };
struct VerdictItem {
  VerdictCheck check = VerdictCheck::did_interval;
  CheckOutcome outcome = CheckOutcome::missing;
  double value = 0, low = 0, high = 0;  // the number the check looked at (ratio, p, ...)
  double threshold = 0;                 // the p threshold it used, where it has one
};
struct VerdictResult {
  Verdict value = Verdict::not_estimable;
  // How to say an inconclusive result: some check points to an effect, or none does.
  bool some_signal = false;
  std::vector<VerdictItem> checks;  // in rule order
};

struct ProgramEvaluation {
  std::string label;
  int window_weeks = 52;
  EvalBin by = EvalBin::week;
  CivilSeconds data_from = 0, data_to_exclusive = 0;
  std::vector<TreatedSector> eligible;  // treated sectors whose windows fit inside the data
  std::vector<std::pair<size_t, EvalWhy>> excluded;  // treated sector, why it was left out
  // Window counts, known whenever some treated sector is eligible (even when the DiD is not).
  GroupWindowCounts treated, comparison;
  Estimate<DidResult> did;
  Estimate<ItsResult> its;
  Estimate<std::vector<EventStudyPoint>> event_study;
  // The reviewer's checks (issue 18); each may be missing with its reason.
  Estimate<PreTrendTest> pre_trend;
  Estimate<SyntheticControlResult> synthetic_control;
  Estimate<RandomizationResult> randomization;
  Estimate<PlaceboInTime> placebo_in_time;
  Estimate<ComparativeItsResult> comparative_its;
  SpilloverResult spillover;
  std::vector<SensitivityRow> sensitivity;  // DiD at 26, 52, 78 weeks
  VerdictResult verdict;
};

// Counts incidents that `filter` accepts (incidents must be assigned to sectors).
ProgramEvaluation evaluate_program(const IncidentStore& store, size_t sector_count,
                                   const IncidentFilter& filter, const EvaluationRequest& request);
// The same from per-sector daily counts made elsewhere (a PostGIS source counts in the database,
// cli/pg_aggregates.hpp): `day_counts(first_day, end_day)` returns BinKind::day counts with
// first_bin = first_day and end_day - first_day bins (days since 1970-01-01) of the incidents the
// evaluation covers; the "(outside)" row is ignored. Equal to the store overload on unweighted
// incidents.
using DayCountSource = std::function<SectorPeriodCounts(int64_t first_day, int64_t end_day)>;
ProgramEvaluation evaluate_program(const DayCountSource& day_counts, size_t sector_count,
                                   const EvaluationRequest& request);

// Pearson dispersion of one group's counts in the Poisson model with a before and an after rate:
// `weeks` holds 2W weekly counts, W before rollout then W after, summed in consecutive blocks of
// `block_weeks` within each half (the last block may be shorter; its expected count is
// proportional to its length). phi = sum over blocks of (y - expected)^2 / expected, divided by
// (blocks - 2). Returns 1 when a half has no incidents or fewer than 2 blocks.
double weekly_dispersion(const std::vector<double>& weeks, int block_weeks = 1);
// Block length used for a window: 4 weeks for windows of 16 weeks or more, else 1.
int dispersion_block_weeks(int window_weeks);
// The DiD rate ratio (ta/tb)/(ca/cb) with its Poisson 95 % interval, as evaluate_program states
// it (every count must be > 0); used by the goals' did_reduction_pct (core/program_goals.hpp).
RateRatio did_rate_ratio(double ta, double tb, double ca, double cb);
// Signed percent change of a rate ratio, rounded, with a true minus sign: "−31 %", "+5 %".
std::string percent_change_text(double rate_ratio);

}  // namespace faro
