// Comparative interrupted time series (issue 18, item 6): the segmented Poisson model of
// program_its.cpp fitted on the treated sectors and the comparison group together, so that a
// change at rollout time that both groups share (a city-wide drop, a new recording rule) is not
// taken for the program's effect.
//
// Rows: the aligned panel of core/aligned_panel.hpp (treated sectors' periods k = -nb .. nb - 1
// around their own rollout; comparison pseudo-units: the comparison group's total in the same
// calendar periods, offset log(comparison sectors)). Columns:
//   unit fixed effects;
//   trend (calendar years), post (k >= 0), slope (years since rollout, 0 before): common to both
//     groups, they absorb what changed for everyone at rollout time;
//   treated x post, treated x slope: the effect, the treated-minus-comparison change in level
//     (a rate ratio) and in slope (per year);
//   sin/cos of 2 pi k t / 1 year, k = 1, 2, when the windows are 52 weeks or more (as in
//     program_its.cpp: shorter spans cannot separate season from trend), common to both groups.
// Standard errors: quasi-Poisson with one dispersion per group (apply_group_dispersion): the
// comparison's big counts are more overdispersed than the treated sectors' and would otherwise
// widen the treated terms for nothing.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/aligned_panel.hpp"

namespace faro::eval_detail {
namespace {

constexpr double kDaysPerYear = 365.2425;  // seasonality period, as program_its.cpp
constexpr int kMinPeriodsPerSide = 6;      // as the ITS: fewer cannot separate trend from level

EvalWhy zero_comparison(EvalCell cell) {
  EvalWhy why{EvalReason::zero_cell};
  why.cell = cell;
  return why;
}

}  // namespace

Estimate<ComparativeItsResult> comparative_its(const DailyCounts& daily,
                                               const std::vector<TreatedSector>& treated,
                                               const std::vector<size_t>& comparison, EvalBin by,
                                               int window_weeks) {
  using E = Estimate<ComparativeItsResult>;
  const int nb = periods_per_side(by, window_weeks);
  if (nb < kMinPeriodsPerSide) {
    EvalWhy why{EvalReason::its_pre_period};
    why.by = by;
    why.periods = nb;
    why.min_periods = kMinPeriodsPerSide;
    return E::missing(std::move(why));
  }
  if (comparison.empty()) return E::missing(EvalReason::no_comparison);
  const AlignedPanel panel = align_panel(daily, treated, comparison, by, window_weeks);
  // A unit with no incident at all has an intercept of -infinity and says nothing about change.
  std::vector<const PanelUnit*> units;
  double before[2] = {0, 0}, after[2] = {0, 0};  // treated, comparison
  for (const PanelUnit& u : panel.units) {
    if (u.total() <= 0) continue;
    units.push_back(&u);
    for (int i = 0; i < 2 * nb; ++i) (i < nb ? before : after)[u.treated ? 0 : 1] += u.y[i];
  }
  if (before[0] + after[0] <= 0) return E::missing(EvalReason::its_no_incidents);
  if (before[0] <= 0) return E::missing(EvalReason::its_none_before);
  if (after[0] <= 0) return E::missing(EvalReason::its_none_after);
  if (before[1] <= 0) return E::missing(zero_comparison(EvalCell::comparison_before));
  if (after[1] <= 0) return E::missing(zero_comparison(EvalCell::comparison_after));

  const size_t nu = units.size();
  const size_t kTrend = nu, kLevel = nu + 1, kSlope = nu + 2;
  const size_t kTreatedLevel = nu + 3, kTreatedSlope = nu + 4, kSeason = nu + 5;
  const bool seasonality = window_weeks >= 52;
  PoissonDesign d;
  for (const PanelUnit* u : units)
    d.names.push_back(u->treated ? "sector " + std::to_string(u->sector) : "comparison");
  for (const char* n : {"trend", "post", "slope", "treated x post", "treated x slope", "sin1",
                        "cos1", "sin2", "cos2"})
    if (seasonality || d.names.size() < kSeason) d.names.push_back(n);
  d.cols = d.names.size();
  d.rows = nu * 2 * static_cast<size_t>(nb);
  d.x.assign(d.rows * d.cols, 0.0);
  // Calendar time centred on the treated sectors' mean rollout, for conditioning.
  double mean_rollout = 0, n_treated = 0;
  for (const PanelUnit* u : units)
    if (u->treated) mean_rollout += u->rollout_day, n_treated += 1;
  mean_rollout /= n_treated;  // >= 1: the treated sectors have incidents (checked above)
  std::vector<bool> treated_row;
  std::vector<double> row_weight;
  size_t row = 0;
  for (size_t s = 0; s < nu; ++s) {
    const PanelUnit& u = *units[s];
    const double tr = u.treated ? 1.0 : 0.0;
    for (int i = 0; i < 2 * nb; ++i, ++row) {
      const double mid = u.mid_day[i];
      const double trend = (mid - mean_rollout) / kDaysPerYear;
      const bool post = i >= nb;
      const double slope = post ? (mid - u.rollout_day) / kDaysPerYear : 0.0;
      d.y.push_back(u.fit_y(i));
      d.offset.push_back(u.fit_offset(i));
      row_weight.push_back(u.weight[i]);
      treated_row.push_back(u.treated);
      d.at(row, s) = 1;
      d.at(row, kTrend) = trend;
      d.at(row, kLevel) = post ? 1 : 0;
      d.at(row, kSlope) = slope;
      d.at(row, kTreatedLevel) = tr * (post ? 1 : 0);
      d.at(row, kTreatedSlope) = tr * slope;
      if (seasonality) set_seasonal_terms(d, row, kSeason, mid);
    }
  }
  const PoissonGlmResult res = fit_poisson_glm(d);
  if (!res) {
    EvalWhy why{EvalReason::its_fit_failed};
    why.detail = res.error;
    return E::missing(std::move(why));
  }
  PoissonGlmFit fit = *res.fit;
  const double poisson_var = fit.covariance[kTreatedLevel * d.cols + kTreatedLevel];
  apply_group_dispersion(d, treated_row, row_weight, fit);
  ComparativeItsResult r;
  r.level_change = coefficient_term(fit, kTreatedLevel);
  r.slope_change = coefficient_term(fit, kTreatedSlope);
  // As the DiD's: Var_quasi / Var_Poisson of the effect on the level (>= 1 by the floors).
  r.dispersion =
      poisson_var > 0 ? std::max(1.0, r.level_change.se * r.level_change.se / poisson_var) : 1.0;
  r.observations = d.rows;
  return {r, {}};
}

}  // namespace faro::eval_detail
