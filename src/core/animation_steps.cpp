#include "core/animation_steps.hpp"

#include <algorithm>
#include <utility>

namespace faro {
namespace {

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// The day `months` calendar months after `start`, on start's day of the month or the month's last
// day when it is shorter (anchored to `start`, so Jan 31 -> Feb 29 -> Mar 31, not Mar 29).
int64_t add_months(const CivilDate& start, int64_t months) {
  const int64_t index = static_cast<int64_t>(start.y) * 12 + (start.m - 1) + months;
  const int y = static_cast<int>(floor_div(index, 12));
  const int m = static_cast<int>(index - static_cast<int64_t>(y) * 12) + 1;
  const int d = std::min(start.d, days_in_month(y, m));
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

int64_t step_start_day(const CivilDate& first, int64_t first_day, AnimationStep step, int64_t k) {
  return step == AnimationStep::week ? first_day + 7 * k : add_months(first, k);
}

}  // namespace

std::optional<AnimationStep> parse_animation_step(std::string_view name) {
  if (name == "week") return AnimationStep::week;
  if (name == "month") return AnimationStep::month;
  return std::nullopt;
}

const char* to_string(AnimationStep step) { return step == AnimationStep::week ? "week" : "month"; }

AnimationPlan plan_animation(CivilSeconds from, CivilSeconds to_exclusive, AnimationStep step,
                             bool cumulative) {
  AnimationPlan plan;
  const int64_t first_day = days_of(from);
  const CivilDate first = civil_from_days(first_day);
  const CivilSeconds start = first_day * kSecondsPerDay;
  CivilSeconds reached = start;
  for (int64_t k = 0;; ++k) {
    const CivilSeconds a = step_start_day(first, first_day, step, k) * kSecondsPerDay;
    const CivilSeconds b = step_start_day(first, first_day, step, k + 1) * kSecondsPerDay;
    if (b > to_exclusive) break;
    plan.frames.push_back({a, b, cumulative ? start : a, b});
    reached = b;
    // Past the cap the caller refuses the plan; no need to enumerate decades of weeks.
    if (plan.frames.size() > kMaxAnimationFrames) break;
  }
  plan.left_from = reached;
  plan.left_to_exclusive = std::max(reached, to_exclusive);
  return plan;
}

std::pair<CivilSeconds, CivilSeconds> default_animation_period(CivilSeconds first, CivilSeconds last,
                                                               AnimationStep step) {
  const int64_t d0 = days_of(first), d1 = days_of(last);
  if (step == AnimationStep::week) {
    const int64_t monday = d0 - weekday_of_days(d0);
    const int64_t weeks = (d1 - monday) / 7 + 1;
    return {monday * kSecondsPerDay, (monday + 7 * weeks) * kSecondsPerDay};
  }
  const CivilDate a = civil_from_days(d0), b = civil_from_days(d1);
  const CivilDate month_start{a.y, a.m, 1};
  const int64_t months = (static_cast<int64_t>(b.y) * 12 + b.m) - (static_cast<int64_t>(a.y) * 12 + a.m) + 1;
  return {days_from_civil(a.y, a.m, 1) * kSecondsPerDay,
          add_months(month_start, months) * kSecondsPerDay};
}

}  // namespace faro
