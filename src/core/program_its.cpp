// Interrupted time series (segmented Poisson regression) and event study for program evaluation,
// plus the per-sector daily counts both share. See program_evaluation.hpp for the model.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/poisson_glm.hpp"
#include "core/program_evaluation_detail.hpp"

namespace faro::eval_detail {
namespace {

constexpr double kDaysPerYear = 365.2425;  // seasonality period: 52.18 weeks
constexpr double kTwoPi = 6.283185307179586;
constexpr int kMinPeriodsPerSide = 6;  // fewer pre-periods cannot separate trend from level

int64_t days_in_month(int64_t y, int m) {
  return days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - days_from_civil(y, m, 1);
}

ItsTerm term(const PoissonGlmFit& fit, size_t j) {
  ItsTerm t;
  t.estimate = fit.beta[j];
  t.se = fit.se(j);
  t.ratio = {std::exp(t.estimate), std::exp(t.estimate - kZ95 * t.se),
             std::exp(t.estimate + kZ95 * t.se), t.se};
  return t;
}

}  // namespace

double DailyCounts::sum(size_t s, int64_t from_day, int64_t to_day) const {
  const int64_t a = std::clamp(from_day, first_day, end_day) - first_day;
  const int64_t b = std::clamp(to_day, first_day, end_day) - first_day;
  if (b <= a) return 0;
  const size_t row = s * static_cast<size_t>(days() + 1);
  return prefix[row + b] - prefix[row + a];
}

double DailyCounts::sum(const std::vector<size_t>& ss, int64_t from_day, int64_t to_day) const {
  double total = 0;
  for (size_t s : ss) total += sum(s, from_day, to_day);
  return total;
}

DailyCounts count_daily(const IncidentStore& store, size_t sector_count,
                        const IncidentFilter& filter, int64_t first_day, int64_t end_day) {
  if (store.sector.size() != store.size())
    throw InternalError("program evaluation: incidents not assigned to sectors");
  DailyCounts d;
  d.first_day = first_day;
  d.end_day = std::max(first_day, end_day);
  d.sectors = sector_count;
  const size_t stride = static_cast<size_t>(d.days() + 1);
  d.prefix.assign(sector_count * stride, 0.0);
  for (size_t i = 0; i < store.size(); ++i) {
    const int32_t s = store.sector[i];
    if (s < 0 || static_cast<size_t>(s) >= sector_count || !filter.accepts(store, i)) continue;
    const int64_t day = days_of(store.t[i]);
    if (day < d.first_day || day >= d.end_day) continue;
    d.prefix[s * stride + (day - d.first_day) + 1] += store.weight.empty() ? 1.0 : store.weight[i];
  }
  for (size_t s = 0; s < sector_count; ++s)
    for (size_t k = 1; k < stride; ++k) d.prefix[s * stride + k] += d.prefix[s * stride + k - 1];
  return d;
}

DailyCounts daily_from_counts(const SectorPeriodCounts& counts, int64_t first_day, int64_t end_day) {
  if (counts.kind != BinKind::day)
    throw InternalError("program evaluation: day counts expected");
  DailyCounts d;
  d.first_day = first_day;
  d.end_day = std::max(first_day, end_day);
  d.sectors = counts.sectors;
  const size_t stride = static_cast<size_t>(d.days() + 1);
  d.prefix.assign(d.sectors * stride, 0.0);
  for (size_t s = 0; s < d.sectors; ++s) {
    for (int64_t b = 0; b < counts.bins; ++b) {
      const int64_t day = counts.first_bin + b;
      if (day < d.first_day || day >= d.end_day) continue;
      d.prefix[s * stride + (day - d.first_day) + 1] += static_cast<double>(counts.at(s, b));
    }
    for (size_t k = 1; k < stride; ++k) d.prefix[s * stride + k] += d.prefix[s * stride + k - 1];
  }
  return d;
}

int64_t period_start_day(EvalBin by, int64_t rollout_day, int64_t k) {
  if (by == EvalBin::week) return rollout_day + 7 * k;
  const CivilDate c = civil_from_days(rollout_day);
  const int64_t m0 = static_cast<int64_t>(c.m - 1) + k;
  const int64_t y = c.y + floor_div(m0, 12);
  const int m = static_cast<int>(m0 - floor_div(m0, 12) * 12) + 1;
  const int64_t d = std::min<int64_t>(c.d, days_in_month(y, m));
  return days_from_civil(y, m, static_cast<unsigned>(d));
}

int periods_per_side(EvalBin by, int window_weeks) {
  if (by == EvalBin::week) return window_weeks;
  return static_cast<int>(std::lround(window_weeks * 7 / (kDaysPerYear / 12)));
}

double nominal_period_days(EvalBin by) {
  return by == EvalBin::week ? 7.0 : kDaysPerYear / 12;
}

void set_seasonal_terms(PoissonDesign& d, size_t row, size_t first_col, double mid_day) {
  const double season = kTwoPi * mid_day / kDaysPerYear;
  d.at(row, first_col) = std::sin(season);
  d.at(row, first_col + 1) = std::cos(season);
  d.at(row, first_col + 2) = std::sin(2 * season);
  d.at(row, first_col + 3) = std::cos(2 * season);
}

Estimate<ItsResult> fit_interrupted_time_series(const DailyCounts& daily,
                                                const std::vector<TreatedSector>& treated,
                                                EvalBin by, int window_weeks) {
  using E = Estimate<ItsResult>;
  const int nb = periods_per_side(by, window_weeks);
  if (nb < kMinPeriodsPerSide) {
    EvalWhy why{EvalReason::its_pre_period};
    why.by = by;
    why.periods = nb;
    why.min_periods = kMinPeriodsPerSide;
    return E::missing(std::move(why));
  }
  // Sectors whose periods fit in the data and that have any incident (a sector with none has an
  // intercept of -infinity and says nothing about change).
  ItsResult r;
  r.bins_before = r.bins_after = nb;
  double pre_total = 0, post_total = 0;
  std::vector<TreatedSector> used;
  for (const TreatedSector& t : treated) {
    const int64_t r0 = days_of(t.rollout);
    const int64_t a = period_start_day(by, r0, -nb), b = period_start_day(by, r0, nb);
    if (a < daily.first_day || b > daily.end_day) continue;
    const double pre = daily.sum(t.sector, a, r0), post = daily.sum(t.sector, r0, b);
    if (pre + post <= 0) continue;
    pre_total += pre;
    post_total += post;
    used.push_back(t);
    r.sectors.push_back(t.sector);
  }
  if (used.empty()) return E::missing(EvalReason::its_no_incidents);
  if (pre_total <= 0 || post_total <= 0)
    return E::missing(pre_total <= 0 ? EvalReason::its_none_before : EvalReason::its_none_after);

  // Columns: one intercept per sector, then trend, level, slope, and sin1, cos1, sin2, cos2 when
  // the windows span at least two years in all: over a shorter span the yearly harmonics and the
  // trend are nearly collinear and the slope estimates become meaningless.
  const size_t ns = used.size(), kTrend = ns, kLevel = ns + 1, kSlope = ns + 2;
  r.seasonality = window_weeks >= 52;
  PoissonDesign d;
  d.cols = ns + (r.seasonality ? 7 : 3);
  d.rows = ns * 2 * nb;
  d.x.assign(d.rows * d.cols, 0.0);
  for (size_t s = 0; s < ns; ++s) d.names.push_back("sector " + std::to_string(used[s].sector));
  for (const char* n : {"trend", "level_change", "slope_change", "sin1", "cos1", "sin2", "cos2"})
    if (d.names.size() < d.cols) d.names.push_back(n);
  int64_t mean_rollout = 0;
  for (const TreatedSector& t : used) mean_rollout += days_of(t.rollout);
  mean_rollout /= static_cast<int64_t>(ns);
  size_t i = 0;
  for (size_t s = 0; s < ns; ++s) {
    const int64_t r0 = days_of(used[s].rollout);
    for (int64_t k = -nb; k < nb; ++k, ++i) {
      const int64_t a = period_start_day(by, r0, k), b = period_start_day(by, r0, k + 1);
      const double mid = (a + b) / 2.0;
      d.y.push_back(daily.sum(used[s].sector, a, b));
      d.offset.push_back(std::log((b - a) / nominal_period_days(by)));
      d.at(i, s) = 1;
      d.at(i, kTrend) = (mid - mean_rollout) / kDaysPerYear;  // years, centred for conditioning
      if (k >= 0) {
        d.at(i, kLevel) = 1;
        d.at(i, kSlope) = (mid - r0) / kDaysPerYear;  // years since this sector's rollout
      }
      if (r.seasonality) set_seasonal_terms(d, i, ns + 3, mid);
    }
  }
  const PoissonGlmResult res = fit_poisson_glm(d);
  if (!res) {
    EvalWhy why{EvalReason::its_fit_failed};
    why.detail = res.error;
    return E::missing(std::move(why));
  }
  PoissonGlmFit fit = *res.fit;
  // Weekly shooting counts are overdispersed: inflate the covariance by phi, never deflate.
  const double phi = std::max(1.0, fit.pearson_chi2 / static_cast<double>(fit.df_residual));
  for (double& c : fit.covariance) c *= phi;
  r.dispersion = phi;
  r.deviance = fit.deviance;
  r.observations = d.rows;
  r.trend = term(fit, kTrend);
  r.level_change = term(fit, kLevel);
  r.slope_change = term(fit, kSlope);

  // Pooled series by relative period, with the counterfactual: the same fit with the level and
  // slope terms removed, and a delta-method band on the log of the pooled counterfactual.
  const int64_t first_rollout =
      days_of(std::min_element(used.begin(), used.end(), [](auto& a, auto& b) {
                return a.rollout < b.rollout;
              })->rollout);
  for (int64_t k = -nb; k < nb; ++k) {
    ItsPoint pt;
    pt.relative_bin = k;
    pt.start = period_start_day(by, first_rollout, k) * kSecondsPerDay;
    std::vector<double> grad(d.cols, 0.0);
    for (size_t s = 0; s < ns; ++s) {
      const size_t row = s * 2 * nb + static_cast<size_t>(k + nb);
      pt.observed += d.y[row];
      pt.fitted += fit.mu[row];
      const double cf =
          fit.mu[row] *
          std::exp(-(fit.beta[kLevel] * d.at(row, kLevel) + fit.beta[kSlope] * d.at(row, kSlope)));
      pt.counterfactual += cf;
      for (size_t j = 0; j < d.cols; ++j)
        if (j != kLevel && j != kSlope) grad[j] += cf * d.at(row, j);
    }
    for (double& g : grad) g /= pt.counterfactual;
    const double sd = std::sqrt(fit.variance_of(grad));
    pt.cf_low = pt.counterfactual * std::exp(-kZ95 * sd);
    pt.cf_high = pt.counterfactual * std::exp(kZ95 * sd);
    r.series.push_back(pt);
  }
  return {std::move(r), {}};
}

Estimate<std::vector<EventStudyPoint>> event_study(const DailyCounts& daily,
                                                   const std::vector<TreatedSector>& treated,
                                                   const std::vector<size_t>& comparison,
                                                   EvalBin by, int window_weeks) {
  const int nb = periods_per_side(by, window_weeks);
  std::vector<TreatedSector> fit;
  for (const TreatedSector& t : treated) {
    const int64_t r0 = days_of(t.rollout);
    if (period_start_day(by, r0, -nb) >= daily.first_day &&
        period_start_day(by, r0, nb) <= daily.end_day)
      fit.push_back(t);
  }
  if (fit.empty() || nb < 1)
    return Estimate<std::vector<EventStudyPoint>>::missing(EvalReason::event_study_no_periods);
  std::vector<EventStudyPoint> out;
  const double nt = fit.size(), nc = comparison.size();
  for (int64_t k = -nb; k < nb; ++k) {
    EventStudyPoint p;
    p.relative_bin = k;
    double comp = 0;
    for (const TreatedSector& t : fit) {
      const int64_t r0 = days_of(t.rollout);
      const int64_t a = period_start_day(by, r0, k), b = period_start_day(by, r0, k + 1);
      p.treated_count += daily.sum(t.sector, a, b);
      comp += daily.sum(comparison, a, b);
    }
    p.treated_rate = p.treated_count / nt;
    p.comparison_rate = nc > 0 ? comp / (nt * nc) : 0.0;
    out.push_back(p);
  }
  return {std::move(out), {}};
}

}  // namespace faro::eval_detail
