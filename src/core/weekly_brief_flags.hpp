#pragma once
// The weekly brief's change flags (core/weekly_brief.hpp): when is a unit's week unusual enough
// to put in front of the Monday meeting, with 72 sectors tested every week and a city whose
// counts move with the season.
//
// 1. Season. A unit's expected count for the period is its mean of the four periods before
//    (mean_prev4) times one whole-area seasonal factor F:
//      F = whole-area incidents per week in the same ISO weeks (the period's weeks and one week
//          either side) of the previous one or two years
//        / whole-area incidents per week in the 4 periods before those weeks, same years.
//    So F says how the city moved, in earlier years, from the four periods before this one to
//    this one: the dip of the New Year weeks, the Holy Week, the December rise. "Same ISO week" is
//    the week number (W53 -> the year's last week), as the brief's "same week last year".
//    One factor for every unit rather than each unit's own: a sector's seasonality at a few
//    incidents a week is noise, and a per-unit factor would print unpublished past counts in a
//    partner brief. With expected = F x mean_prev4, z and the flag reveal nothing that week and
//    mean_prev4 do not, which is what the protection assumes (core/brief_disclosure.hpp hides
//    them whenever either is hidden); F is a ratio of large whole-area sums, printed on the page.
//    F = 1 (the 4-period mean alone) when the data do not cover both windows of even the previous
//    year (short history), or when the earlier years' windows hold fewer than
//    kMinSeasonalIncidents whole-area incidents each (few incidents); BriefBaseline says which,
//    and the page says so.
// 2. Test. With no change, the period's count ~ Poisson(F mu) and the 4 periods before ~
//    Poisson(4 mu) (mu unknown), so given their sum N the period's count ~ Binomial(N, F/(F+4)):
//    an exact test of two Poisson counts that carries the uncertainty of the 4-period mean. A
//    plug-in Poisson test at rate F x mean_prev4 does not, and on CDMX homicides (72 sectors,
//    about 0.5 a week each) it flags 4 sectors a week even on data simulated with no change at
//    all, mostly sectors whose 4 weeks before happened to be empty. Two-sided p = 2 x the smaller
//    tail, capped at 1.
// 3. Multiplicity. Benjamini-Hochberg at 10 % over the period's tests: every unit with at least
//    one incident in the period or the 4 before (with none there is nothing to test: p = 1 for
//    any outcome), and "(all)". On average at most 10 % of the flags are chance (the false
//    discovery rate); when nothing changed anywhere, a week shows any flag with probability at
//    most 10 %.
// Flag: up when the count is above the expected, down when below; new = up after four periods
// without any incident (expected 0).
#include <cstdint>
#include <functional>
#include <vector>

#include <string>

#include "core/civil_time.hpp"
#include "core/language.hpp"
#include "core/weekly_brief.hpp"

namespace faro {

constexpr int kSeasonYears = 2;             // earlier years in the seasonal factor, at most
constexpr int kSeasonHalfWidthWeeks = 1;    // weeks either side of the period in those years
constexpr int64_t kMinSeasonalIncidents = 20;  // in each of the factor's two sums

// Whole-area incidents (the brief's filter applied) in week bins from_bin..to_bin inclusive.
using AreaWeekCount = std::function<int64_t(int64_t from_bin, int64_t to_bin)>;

// The seasonal factor of the period of `span_weeks` weeks ending with `week`. `first_data_bin`:
// the week bin of the data's first incident (earlier windows are not covered). Fills fallback,
// years, factor, season_incidents and reference_incidents.
BriefBaseline seasonal_baseline(IsoWeek week, int span_weeks, int64_t first_data_bin,
                                const AreaWeekCount& area);

// Exact binomial tails: P(X >= k) and P(X <= k) for X ~ Binomial(n, p).
double binomial_upper_tail(int64_t k, int64_t n, double p);
double binomial_lower_tail(int64_t k, int64_t n, double p);

struct TwoCountTest {
  double p_up = 1;    // P(current this large or larger | no change)
  double p_down = 1;  // P(current this small or smaller | no change)
  double p_two = 1;   // min(1, 2 min(p_up, p_down))
};
// current ~ Poisson(a mu), reference ~ Poisson(b mu): given N = current + reference, current ~
// Binomial(N, current_share) with current_share = a / (a + b). N = 0: every p is 1.
TwoCountTest two_count_poisson_test(int64_t current, int64_t reference, double current_share);

// The brief's rule over rows whose week and mean_prev4 are filled: sets expected, z, p_value,
// flag and pct_change of every row and of `all`, and baseline.tests / flagged. `baseline`'s
// factor must be set (seasonal_baseline).
void flag_brief_rows(std::vector<BriefRow>& rows, BriefRow& all, BriefBaseline& baseline);

// The method in words (the page's footer, the log): the expected count, with the seasonal factor
// and its years or why there is none ...
std::string brief_baseline_text(const WeeklyBrief& brief, Language language);
// ... and the test with its multiplicity control. Internal: the number of tests, of flags and of
// flags expected by chance. Partner-safe: without them, since the flags of rows whose change is
// hidden count in them (core/brief_disclosure.hpp).
std::string brief_flags_text(const WeeklyBrief& brief, Language language, bool partner_safe);

}  // namespace faro
