#pragma once
// The testable pieces of the synthetic control (core/synthetic_control.cpp): the donor weights
// (least squares on the probability simplex) and the placebo ranking of Abadie, Diamond &
// Hainmueller (2010). The estimator itself is eval_detail::synthetic_control.
#include <cstddef>
#include <optional>
#include <vector>

namespace faro {

// Weights w_j >= 0 with sum 1 that minimise sum_k (target_k - sum_j w_j donors[j][k])^2; every
// donors[j] has target.size() values. Active-set method (Lawson & Hanson's NNLS adapted to the
// simplex): each face's least squares is solved by QR on the donors' differences, so the weights
// are exact to rounding when the minimiser is unique; when it is not (more donors than periods,
// or identical donors), one minimiser is returned. Empty when there are no donors.
std::vector<double> simplex_least_squares(const std::vector<std::vector<double>>& donors,
                                          const std::vector<double>& target);

// RMSPE below this (incidents per period) is an exact fit up to rounding: counts are whole
// numbers averaged over a few sectors, so a real gap is never this small.
constexpr double kExactFitRmspe = 1e-9;

// A unit's post/pre RMSPE ratio for the placebo ranking. An exact pre-period fit (pre RMSPE 0)
// gives +infinity when the post-period gap is not 0 (the donors matched it perfectly and then it
// departed: as extreme as can be) and no ratio when the post gap is 0 too (nothing to rank).
std::optional<double> rmspe_ratio(double pre_rmspe, double post_rmspe);

struct PlaceboRanking {
  int rank = 1;       // 1 + placebos whose ratio is >= the treated ratio (ties count against it)
  size_t ranked = 0;  // placebos with a ratio
  double p = 1;       // rank / (ranked + 1)
};
// Ranks the treated unit's ratio among the placebo ratios; placebos without one are left out.
PlaceboRanking rank_placebos(double treated_ratio,
                             const std::vector<std::optional<double>>& placebo_ratios);

}  // namespace faro
