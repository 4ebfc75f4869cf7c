#pragma once
// The data shared by the event study with intervals (core/evaluation_event_study.cpp) and the
// comparative ITS (core/comparative_its.cpp): treated sectors' periods aligned on each sector's
// own rollout, with the comparison group's counts in the same calendar periods; and the
// quasi-Poisson covariance with one dispersion per group that both use. Not part of the public
// API.
#include <cstdint>
#include <vector>

#include "core/poisson_glm.hpp"
#include "core/program_evaluation_detail.hpp"

namespace faro::eval_detail {

// One series of 2 nb periods, k = -nb .. nb - 1 (index k + nb), aligned on `rollout_day`.
struct PanelUnit {
  bool treated = false;
  size_t sector = 0;        // treated: the sector (comparison units pool every comparison sector)
  int64_t rollout_day = 0;  // civil day the periods are aligned on
  std::vector<double> y;    // incidents in the period
  std::vector<double> offset;   // log exposure: log(sectors * period days / nominal period days)
  std::vector<double> mid_day;  // middle of the period, civil days (for trends and seasons)
  // Weight of each period's row in the fit: 1 for treated sectors; for a comparison pseudo-unit,
  // 1 / the number of pseudo-units whose windows cover the period's middle. Staggered rollouts
  // give pseudo-units that overlap in calendar time, so the same comparison incidents enter the
  // fit several times; unweighted, three rollouts three weeks apart would count the comparison
  // group nearly three times and understate its variance about threefold.
  std::vector<double> weight;
  double total() const;
  // What the Poisson fit sees for period i: counts and exposure scaled by the weight. The Poisson
  // log-likelihood of (w y, w mu) is w times that of (y, mu) plus a constant, so this is the
  // weighted fit (fit_poisson_glm takes counts that need not be integers).
  double fit_y(size_t i) const { return weight[i] * y[i]; }
  double fit_offset(size_t i) const;
};

struct AlignedPanel {
  int periods_per_side = 0;
  std::vector<PanelUnit> units;  // treated sectors first, then the comparison pseudo-units
  size_t treated_units = 0;
  size_t comparison_sectors = 0;
};

// Treated sectors whose 2 nb periods fit in the counted days, and one comparison pseudo-unit per
// distinct rollout day among them: the total count over `comparison` in that alignment's periods,
// with the number of comparison sectors in its offset. Treated sectors sharing a rollout share one
// pseudo-unit: a copy per sector would count the same comparison incidents several times and make
// the comparison look more precise than it is.
AlignedPanel align_panel(const DailyCounts& daily, const std::vector<TreatedSector>& treated,
                         const std::vector<size_t>& comparison, EvalBin by, int window_weeks);

// Quasi-Poisson dispersion of each group (treated rows, comparison rows).
struct GroupDispersion {
  double treated = 1, comparison = 1;  // Pearson chi2 / residual df of the group, floored at 1
};

// Replaces `fit.covariance` (a Poisson fit, dispersion 1) by the quasi-Poisson covariance with
// one dispersion per group: I^-1 (phi_T I_T + phi_C I_C) I^-1, where I_g is the information of
// group g's rows. phi_g = max(1, Pearson chi2 of g / (rows of g - their leverage)), the residual
// degrees of freedom split by the hat matrix; a group left with under a quarter of its rows as
// residual df takes the other group's phi (see the .cpp). `row_weight` holds each row's weight
// (PanelUnit:: weight): the design's rows are the scaled ones of PanelUnit::fit_y, the Pearson chi2
// and the information are then already weighted, and a group's rows count as the sum of their
// weights. Why per group: the comparison pseudo-units hold counts tens of times larger than the
// treated sectors', and their Pearson chi2 mostly measures unmodelled calendar seasons (staggered
// rollouts) and the extra-Poisson variance of big counts; one pooled phi would carry that into
// the treated coefficients (the DiD's dispersion keeps the groups apart for the same reason).
// `comparison_own`: false makes the comparison take the treated phi whatever its rows say (the
// event study: its event-time effects fit a single comparison series exactly, and with staggered
// rollouts what is left of the pseudo-units' Pearson chi2 is how their calendar seasons disagree
// in event time, 3 to 4 times the Poisson variance in simulations with no overdispersion at all).
GroupDispersion apply_group_dispersion(const PoissonDesign& design,
                                       const std::vector<bool>& treated_row,
                                       const std::vector<double>& row_weight, PoissonGlmFit& fit,
                                       bool comparison_own = true);

// exp(beta_j) with its 95 % interval, from the (already quasi) covariance.
ItsTerm coefficient_term(const PoissonGlmFit& fit, size_t j);

}  // namespace faro::eval_detail
