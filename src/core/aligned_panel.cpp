#include "core/aligned_panel.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace faro::eval_detail {
namespace {

// Dense p x p product a * b (row-major).
std::vector<double> multiply(const std::vector<double>& a, const std::vector<double>& b, size_t p) {
  std::vector<double> c(p * p, 0.0);
  for (size_t i = 0; i < p; ++i)
    for (size_t k = 0; k < p; ++k) {
      const double aik = a[i * p + k];
      if (aik == 0) continue;
      for (size_t j = 0; j < p; ++j) c[i * p + j] += aik * b[k * p + j];
    }
  return c;
}

}  // namespace

double PanelUnit::total() const {
  return std::accumulate(y.begin(), y.end(), 0.0);
}

double PanelUnit::fit_offset(size_t i) const {
  return offset[i] + std::log(weight[i]);
}

AlignedPanel align_panel(const DailyCounts& daily, const std::vector<TreatedSector>& treated,
                         const std::vector<size_t>& comparison, EvalBin by, int window_weeks) {
  AlignedPanel panel;
  const int nb = periods_per_side(by, window_weeks);
  panel.periods_per_side = nb;
  panel.comparison_sectors = comparison.size();
  if (nb < 1) return panel;
  auto fill = [&](PanelUnit& u, double sectors, auto&& count) {
    for (int64_t k = -nb; k < nb; ++k) {
      const int64_t a = period_start_day(by, u.rollout_day, k);
      const int64_t b = period_start_day(by, u.rollout_day, k + 1);
      u.y.push_back(count(a, b));
      u.offset.push_back(std::log(sectors * (b - a) / nominal_period_days(by)));
      u.mid_day.push_back((a + b) / 2.0);
      u.weight.push_back(1.0);
    }
  };
  std::vector<int64_t> rollouts;
  for (const TreatedSector& t : treated) {
    PanelUnit u;
    u.treated = true;
    u.sector = t.sector;
    u.rollout_day = days_of(t.rollout);
    if (period_start_day(by, u.rollout_day, -nb) < daily.first_day ||
        period_start_day(by, u.rollout_day, nb) > daily.end_day)
      continue;
    fill(u, 1.0, [&](int64_t a, int64_t b) { return daily.sum(t.sector, a, b); });
    rollouts.push_back(u.rollout_day);
    panel.units.push_back(std::move(u));
  }
  panel.treated_units = panel.units.size();
  if (comparison.empty()) return panel;
  std::sort(rollouts.begin(), rollouts.end());
  rollouts.erase(std::unique(rollouts.begin(), rollouts.end()), rollouts.end());
  for (int64_t r0 : rollouts) {
    PanelUnit u;
    u.rollout_day = r0;
    fill(u, static_cast<double>(comparison.size()),
         [&](int64_t a, int64_t b) { return daily.sum(comparison, a, b); });
    panel.units.push_back(std::move(u));
  }
  // Pseudo-units whose windows overlap share their comparison incidents: weight each period by
  // 1 / the number of windows covering its middle day.
  const size_t first_comparison = panel.treated_units;
  for (size_t j = first_comparison; j < panel.units.size(); ++j) {
    PanelUnit& u = panel.units[j];
    for (size_t i = 0; i < u.y.size(); ++i) {
      int covering = 0;
      for (int64_t r0 : rollouts)
        covering += period_start_day(by, r0, -nb) <= u.mid_day[i] &&
                    u.mid_day[i] < period_start_day(by, r0, nb);
      u.weight[i] = 1.0 / std::max(1, covering);
    }
  }
  return panel;
}

GroupDispersion apply_group_dispersion(const PoissonDesign& d, const std::vector<bool>& treated_row,
                                       const std::vector<double>& row_weight, PoissonGlmFit& fit,
                                       bool comparison_own) {
  const size_t p = d.cols;
  const std::vector<double>& inverse = fit.covariance;  // (X' W X)^-1: a plain Poisson fit
  std::vector<double> info_t(p * p, 0.0), info_c(p * p, 0.0);
  double pearson[2] = {0, 0}, rows[2] = {0, 0}, leverage[2] = {0, 0};
  std::vector<size_t> nz;
  for (size_t i = 0; i < d.rows; ++i) {
    nz.clear();
    for (size_t j = 0; j < p; ++j)
      if (d.at(i, j) != 0) nz.push_back(j);
    const int g = treated_row[i] ? 0 : 1;
    const double mu = fit.mu[i];
    std::vector<double>& info = g == 0 ? info_t : info_c;
    double h = 0;
    for (size_t a : nz)
      for (size_t b : nz) {
        const double xx = d.at(i, a) * d.at(i, b);
        h += xx * inverse[a * p + b];
        info[a * p + b] += mu * xx;
      }
    leverage[g] += mu * h;
    pearson[g] += (d.y[i] - mu) * (d.y[i] - mu) / mu;
    rows[g] += row_weight[i];
  }
  // A group whose rows are nearly saturated by the model (residual df under a quarter of its
  // rows: the event study's comparison, whose event-time effects fit it almost exactly) has a
  // Pearson chi2 that says how its overlapping pseudo-units disagree, not how dispersed its
  // counts are: it borrows the other group's phi. Neither: both take the pooled one.
  double df[2], phi[2];
  bool estimable[2];
  for (int g = 0; g < 2; ++g) {
    df[g] = std::max(0.0, rows[g] - leverage[g]);
    estimable[g] = df[g] >= std::max(1.0, rows[g] / 4) && (g == 0 || comparison_own);
    phi[g] = estimable[g] ? std::max(1.0, pearson[g] / df[g]) : 1.0;
  }
  if (!estimable[0] && !estimable[1]) {
    const double pooled_df = df[0] + df[1];
    phi[0] = phi[1] = pooled_df > 0.5 ? std::max(1.0, (pearson[0] + pearson[1]) / pooled_df) : 1.0;
  } else if (!estimable[0] || !estimable[1]) {
    const int from = estimable[0] ? 0 : 1;
    phi[1 - from] = phi[from];
  }
  std::vector<double> middle(p * p);
  for (size_t k = 0; k < p * p; ++k) middle[k] = phi[0] * info_t[k] + phi[1] * info_c[k];
  fit.covariance = multiply(multiply(inverse, middle, p), inverse, p);
  return {phi[0], phi[1]};
}

ItsTerm coefficient_term(const PoissonGlmFit& fit, size_t j) {
  ItsTerm t;
  t.estimate = fit.beta[j];
  t.se = fit.se(j);
  t.ratio = {std::exp(t.estimate), std::exp(t.estimate - kZ95 * t.se),
             std::exp(t.estimate + kZ95 * t.se), t.se};
  return t;
}

}  // namespace faro::eval_detail
