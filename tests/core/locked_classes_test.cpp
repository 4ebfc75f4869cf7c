// Classes locked over an animation's frames (core/locked_classes.hpp): made from every frame's
// values pooled, the same classes (and so the same legend) whatever one frame holds, and a value
// coloured as classify() would colour it on those classes.
#include "core/locked_classes.hpp"

#include <gtest/gtest.h>

namespace faro {
namespace {

std::vector<std::optional<double>> opt(std::initializer_list<double> v) {
  return {v.begin(), v.end()};
}

TEST(LockedClasses, PooledClassesColourEveryFrameAlike) {
  const std::vector<double> pooled = {0, 5, 6, 9, 12, 20, 0, 7, 30, 41};
  const LockedClasses locked = lock_classes(pooled, ChoroplethScale::quantile, 3);
  ASSERT_EQ(locked.size(), 3u);
  // The classes classify() makes of the pooled values.
  std::vector<std::optional<double>> all(pooled.begin(), pooled.end());
  const Choropleth direct = classify(all, ChoroplethScale::quantile, ColormapName::ylorrd, 3);
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_DOUBLE_EQ(locked[k].first, direct.classes[k].lower);
    EXPECT_DOUBLE_EQ(locked[k].second, direct.classes[k].upper);
  }
  // One frame (only small values) keeps every class, and 41 is the top class's colour.
  const Choropleth small =
      classify_locked(opt({0, 5, 6}), locked, ChoroplethScale::quantile, ColormapName::ylorrd);
  const Choropleth large =
      classify_locked(opt({41, 0}), locked, ChoroplethScale::quantile, ColormapName::ylorrd);
  ASSERT_EQ(small.classes.size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(small.classes[k].color, direct.classes[k].color) << k;
    EXPECT_DOUBLE_EQ(small.classes[k].upper, large.classes[k].upper);
  }
  EXPECT_EQ(large.colors[0], direct.classes[2].color);
  EXPECT_EQ(large.colors[1], small.colors[0]);  // 0 alike in both frames
  EXPECT_DOUBLE_EQ(small.vmax, 41);
  // A value above the pooled maximum (not from these frames) stays in the top class; none: grey.
  const Choropleth odd = classify_locked({99.0, std::nullopt}, locked, ChoroplethScale::quantile,
                                         ColormapName::ylorrd);
  EXPECT_EQ(odd.colors[0], direct.classes[2].color);
  EXPECT_EQ(odd.colors[1], kNoDataColor);
}

TEST(LockedClasses, ContinuousLocksTheMaximumAndNothingLocksNothing) {
  const LockedClasses locked = lock_classes(std::vector<double>{2, 8, 10},
                                            ChoroplethScale::continuous, 5);
  ASSERT_EQ(locked.size(), 1u);
  EXPECT_DOUBLE_EQ(locked[0].second, 10);
  const Choropleth c =
      classify_locked(opt({5}), locked, ChoroplethScale::continuous, ColormapName::ylorrd);
  EXPECT_EQ(c.colors[0], colormap_sample(ColormapName::ylorrd, 0.5));
  EXPECT_TRUE(lock_classes(std::vector<double>{}, ChoroplethScale::quantile, 5).empty());
}

}  // namespace
}  // namespace faro
