#include "core/weekly_brief_flags.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/gi_star.hpp"
#include "core/messages.hpp"

namespace faro {
namespace {

// The mean of the four periods before is the baseline's count: the period is one of five.
constexpr double kReferencePeriods = 4.0;

double log_binomial_pmf(int64_t k, int64_t n, double p) {
  const double kd = static_cast<double>(k), nd = static_cast<double>(n);
  return std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) + kd * std::log(p) +
         (nd - kd) * std::log1p(-p);
}

// Sums the pmf from k away from the mode (k above the mode going up, below it going down), so
// the terms only shrink and the sum stops once they no longer matter.
double binomial_tail_from(int64_t k, int64_t n, double p, bool upward) {
  double term = std::exp(log_binomial_pmf(k, n, p)), sum = 0;
  const double odds = p / (1 - p);
  for (int64_t i = k;;) {
    sum += term;
    if (term == 0 || term < 1e-17 * sum) break;  // past the mode the terms only shrink
    if (upward) {
      if (i == n) break;
      term *= static_cast<double>(n - i) / static_cast<double>(i + 1) * odds;  // pmf(i+1)
      ++i;
    } else {
      if (i == 0) break;
      term *= static_cast<double>(i) / static_cast<double>(n - i + 1) / odds;  // pmf(i-1)
      --i;
    }
  }
  return std::min(1.0, sum);
}

int64_t binomial_mode(int64_t n, double p) {
  return static_cast<int64_t>(std::floor(static_cast<double>(n + 1) * p));
}

}  // namespace

double binomial_upper_tail(int64_t k, int64_t n, double p) {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // At or below the mode the tail is at least about one half: its complement is the accurate
  // side (and summing upward from a far-below-mode k could start from an underflowed term).
  if (k <= binomial_mode(n, p)) return std::max(0.0, 1 - binomial_lower_tail(k - 1, n, p));
  return binomial_tail_from(k, n, p, true);
}

double binomial_lower_tail(int64_t k, int64_t n, double p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  if (k >= binomial_mode(n, p)) return std::max(0.0, 1 - binomial_upper_tail(k + 1, n, p));
  return binomial_tail_from(k, n, p, false);
}

TwoCountTest two_count_poisson_test(int64_t current, int64_t reference, double current_share) {
  TwoCountTest t;
  const int64_t n = current + reference;
  if (n <= 0) return t;
  t.p_up = binomial_upper_tail(current, n, current_share);
  t.p_down = binomial_lower_tail(current, n, current_share);
  t.p_two = std::min(1.0, 2 * std::min(t.p_up, t.p_down));
  return t;
}

BriefBaseline seasonal_baseline(IsoWeek week, int span_weeks, int64_t first_data_bin,
                                const AreaWeekCount& area) {
  BriefBaseline b;
  const int64_t n = std::max(1, span_weeks);
  const int64_t h = kSeasonHalfWidthWeeks;
  const int64_t reference_weeks = static_cast<int64_t>(kReferencePeriods) * n;
  for (int k = 1; k <= kSeasonYears; ++k) {
    const int year = week.year - k;
    const int64_t last = week_bin_of({year, std::min(week.week, iso_weeks_in_year(year))});
    // Reference: the 4 periods before that year's period; season: the period and h weeks
    // either side. The reference starts first; an older year starts earlier still.
    const int64_t reference_first = last - n + 1 - reference_weeks;
    if (reference_first < first_data_bin) break;
    b.season_incidents += area(last - n + 1 - h, last + h);
    b.reference_incidents += area(reference_first, last - n);
    ++b.years;
  }
  if (b.years == 0) return b;  // short history: factor 1
  if (b.season_incidents < kMinSeasonalIncidents ||
      b.reference_incidents < kMinSeasonalIncidents) {
    b.fallback = BaselineFallback::few_incidents;
    return b;
  }
  // Rates per week, so the season window's extra 2h weeks do not count as a rise.
  const double season_rate = static_cast<double>(b.season_incidents) /
                             static_cast<double>(b.years * (n + 2 * h));
  const double reference_rate = static_cast<double>(b.reference_incidents) /
                                static_cast<double>(b.years * reference_weeks);
  b.factor = season_rate / reference_rate;
  b.fallback = BaselineFallback::none;
  return b;
}

void flag_brief_rows(std::vector<BriefRow>& rows, BriefRow& all, BriefBaseline& baseline) {
  const double factor = baseline.factor;
  const double share = factor / (factor + kReferencePeriods);  // the period's part of the 5
  std::vector<BriefRow*> tested;
  std::vector<double> p;
  const auto test = [&](BriefRow& r) {
    r.expected = factor * r.mean_prev4;
    r.z = change_z(r.week, r.expected);
    r.pct_change.reset();
    if (r.expected > 0) r.pct_change = 100.0 * (r.week - r.expected) / r.expected;
    r.flag = BriefFlag::none;
    const int64_t reference = std::llround(kReferencePeriods * r.mean_prev4);
    r.p_value = two_count_poisson_test(r.week, reference, share).p_two;
    if (r.week + reference > 0) {
      tested.push_back(&r);
      p.push_back(r.p_value);
    }
  };
  for (BriefRow& r : rows) test(r);
  test(all);
  const std::vector<double> adjusted = benjamini_hochberg(p);
  baseline.tests = static_cast<int>(tested.size());
  baseline.flagged = 0;
  for (size_t i = 0; i < tested.size(); ++i) {
    if (!(adjusted[i] <= baseline.fdr)) continue;
    BriefRow& r = *tested[i];
    if (static_cast<double>(r.week) > r.expected)
      r.flag = r.mean_prev4 > 0 ? BriefFlag::up : BriefFlag::new_;
    else if (static_cast<double>(r.week) < r.expected)
      r.flag = BriefFlag::down;
    baseline.flagged += r.flag != BriefFlag::none;
  }
}

std::string brief_baseline_text(const WeeklyBrief& brief, Language language) {
  const BriefBaseline& b = brief.baseline;
  const bool period = brief.span_weeks > 1;
  if (b.seasonal()) {
    char factor[32], years[32];
    std::snprintf(factor, sizeof factor, "%.2f", b.factor);
    const int newest = brief.week.year - 1, oldest = brief.week.year - b.years;
    if (oldest == newest)
      std::snprintf(years, sizeof years, "%d", newest);
    else
      std::snprintf(years, sizeof years, "%d\u2013%d", oldest, newest);  // en dash
    return tr_format(language, period ? Msg::brief_method_period : Msg::brief_method, factor,
                     years);
  }
  const std::string why =
      b.fallback == BaselineFallback::few_incidents
          ? tr_format(language, Msg::brief_no_season_few, static_cast<int>(kMinSeasonalIncidents))
          : std::string(tr(Msg::brief_no_season_short, language));
  return tr_format(language, Msg::brief_method_no_season, why.c_str(),
                   tr(period ? Msg::brief_baseline_period : Msg::brief_baseline, language),
                   tr(period ? Msg::brief_unit_period_word : Msg::brief_unit_week_word, language));
}

std::string brief_flags_text(const WeeklyBrief& brief, Language language, bool partner_safe) {
  const BriefBaseline& b = brief.baseline;
  if (partner_safe) return tr(Msg::brief_method_test_partner, language);
  char chance[32];
  std::snprintf(chance, sizeof chance, "%.1f", b.expected_chance_flags());
  return tr_format(language, Msg::brief_method_test, b.tests, b.flagged, chance);
}

}  // namespace faro
