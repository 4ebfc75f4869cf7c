#include "core/animation_steps.hpp"

#include <gtest/gtest.h>

namespace faro {
namespace {

CivilSeconds at(int y, int m, int d, int hh = 0) {
  return days_from_civil(y, m, d) * kSecondsPerDay + hh * 3600;
}

TEST(AnimationSteps, MonthsFromTheFirstAreCalendarMonths) {
  const AnimationPlan p =
      plan_animation(at(2024, 1, 1), at(2024, 4, 1), AnimationStep::month, false);
  ASSERT_EQ(p.frames.size(), 3u);
  EXPECT_EQ(p.frames[0].from, at(2024, 1, 1));
  EXPECT_EQ(p.frames[0].to_exclusive, at(2024, 2, 1));
  EXPECT_EQ(p.frames[1].from, at(2024, 2, 1));
  EXPECT_EQ(p.frames[1].to_exclusive, at(2024, 3, 1));  // leap February: 29 days
  EXPECT_EQ(p.frames[2].to_exclusive, at(2024, 4, 1));
  EXPECT_EQ(p.left_from, p.left_to_exclusive) << "nothing left over";
}

TEST(AnimationSteps, ARemainderShorterThanAStepIsNotAFrame) {
  // --to 2024-04-01 inclusive is 2024-04-02 exclusive: the lone 1 April is left over.
  const AnimationPlan p =
      plan_animation(at(2024, 1, 1), at(2024, 4, 2), AnimationStep::month, false);
  ASSERT_EQ(p.frames.size(), 3u);
  EXPECT_EQ(p.left_from, at(2024, 4, 1));
  EXPECT_EQ(p.left_to_exclusive, at(2024, 4, 2));
  EXPECT_TRUE(plan_animation(at(2024, 1, 1), at(2024, 1, 31), AnimationStep::month, false)
                  .frames.empty());
}

TEST(AnimationSteps, MonthEndsAreClampedAndAnchoredToTheFirstDay) {
  const AnimationPlan p =
      plan_animation(at(2023, 1, 31), at(2023, 5, 31), AnimationStep::month, false);
  ASSERT_EQ(p.frames.size(), 4u);
  EXPECT_EQ(p.frames[0].to_exclusive, at(2023, 2, 28));
  EXPECT_EQ(p.frames[1].to_exclusive, at(2023, 3, 31)) << "back to the 31st, not the 28th";
  EXPECT_EQ(p.frames[2].to_exclusive, at(2023, 4, 30));
  EXPECT_EQ(p.frames[3].to_exclusive, at(2023, 5, 31));
}

TEST(AnimationSteps, WeeksAreSevenDaysFromTheStartAcrossYears) {
  // 2024-01-01 .. 2024-04-01 is exactly 13 weeks (31 + 29 + 31 days).
  const AnimationPlan p = plan_animation(at(2024, 1, 1), at(2024, 4, 1), AnimationStep::week, false);
  ASSERT_EQ(p.frames.size(), 13u);
  for (size_t i = 0; i < p.frames.size(); ++i) {
    EXPECT_EQ(p.frames[i].from, at(2024, 1, 1) + static_cast<CivilSeconds>(7 * i) * kSecondsPerDay);
    EXPECT_EQ(p.frames[i].to_exclusive - p.frames[i].from, 7 * kSecondsPerDay);
  }
  const AnimationPlan y = plan_animation(at(2020, 12, 28), at(2021, 1, 11), AnimationStep::week, false);
  ASSERT_EQ(y.frames.size(), 2u);
  EXPECT_EQ(y.frames[1].from, at(2021, 1, 4));
}

TEST(AnimationSteps, TimeOfDayOfTheStartIsDropped) {
  const AnimationPlan p =
      plan_animation(at(2024, 1, 1, 13), at(2024, 1, 15), AnimationStep::week, false);
  ASSERT_EQ(p.frames.size(), 2u);
  EXPECT_EQ(p.frames[0].from, at(2024, 1, 1));
}

TEST(AnimationSteps, CumulativeFramesStartAtThePeriodStart) {
  const AnimationPlan p = plan_animation(at(2024, 1, 1), at(2024, 4, 1), AnimationStep::month, true);
  ASSERT_EQ(p.frames.size(), 3u);
  for (const AnimationFrame& f : p.frames) EXPECT_EQ(f.from, at(2024, 1, 1));
  EXPECT_EQ(p.frames[1].to_exclusive, at(2024, 3, 1));
  EXPECT_EQ(p.frames[2].step_from, at(2024, 3, 1)) << "the step itself is still the month";
  EXPECT_EQ(p.frames[2].to_exclusive, at(2024, 4, 1));
}

TEST(AnimationSteps, DefaultPeriodCoversTheDataInWholeSteps) {
  // Wednesday 2024-01-03 .. Tuesday 2024-01-16 -> Monday 2024-01-01 .. Monday 2024-01-22.
  auto [f, t] = default_animation_period(at(2024, 1, 3, 5), at(2024, 1, 16, 23), AnimationStep::week);
  EXPECT_EQ(f, at(2024, 1, 1));
  EXPECT_EQ(t, at(2024, 1, 22));
  EXPECT_EQ(plan_animation(f, t, AnimationStep::week, false).frames.size(), 3u);
  auto [mf, mt] =
      default_animation_period(at(2023, 11, 20), at(2024, 2, 3), AnimationStep::month);
  EXPECT_EQ(mf, at(2023, 11, 1));
  EXPECT_EQ(mt, at(2024, 3, 1));
  EXPECT_EQ(plan_animation(mf, mt, AnimationStep::month, false).frames.size(), 4u);
}

TEST(AnimationSteps, ParsesTheStepNames) {
  EXPECT_EQ(parse_animation_step("week"), AnimationStep::week);
  EXPECT_EQ(parse_animation_step("month"), AnimationStep::month);
  EXPECT_FALSE(parse_animation_step("day"));
  EXPECT_STREQ(to_string(AnimationStep::month), "month");
}

TEST(AnimationSteps, StopsCountingPastTheCap) {
  const AnimationPlan p = plan_animation(at(1900, 1, 1), at(2100, 1, 1), AnimationStep::week, false);
  EXPECT_EQ(p.frames.size(), kMaxAnimationFrames + 1);
}

}  // namespace
}  // namespace faro
