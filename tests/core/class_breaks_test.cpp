// Class breaks: quantile and equal interval by hand, natural breaks (Jenks) against an independent
// brute force (every partition enumerated in Python, values pasted below), ties, degenerate input,
// and the pooled path for many distinct values.
#include "core/class_breaks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/choropleth.hpp"

namespace faro {
namespace {

using V = std::vector<double>;

// 24 values in four loose clusters and a far outlier.
const V kClusters{4,  5,  9,  10, 12, 14, 15, 22, 23, 24, 25, 35,
                  36, 38, 41, 60, 61, 66, 70, 71, 72, 90, 95, 130};
// Counts with many ties (what sector counts look like).
const V kTies{0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 5, 8, 8, 9, 13, 21, 22, 40};

TEST(ClassBreaks, EqualIntervalSplitsTheRangeEvenly) {
  EXPECT_EQ(equal_interval_uppers(V{0, 3, 10}, 5), (V{2, 4, 6, 8, 10}));
  EXPECT_EQ(equal_interval_uppers(V{-4, 0, 4}, 2), (V{0, 4}));
  EXPECT_EQ(equal_interval_uppers(V{7, 7, 7}, 4), (V{7}));  // one value: one class
  EXPECT_TRUE(equal_interval_uppers(V{}, 4).empty());
}

TEST(ClassBreaks, QuantilesByNearestRank) {
  V ten;
  for (int i = 1; i <= 10; ++i) ten.push_back(i);
  EXPECT_EQ(quantile_uppers(ten, 5), (V{2, 4, 6, 8, 10}));
  EXPECT_EQ(quantile_uppers(kTies, 4), (V{0, 2, 9, 40}));  // ranks 5, 10, 15, 19 of 19
}

// Oracle: /usr/bin/python3, itertools.combinations over every cut of the sorted values, minimum of
// the summed squared deviations from each class mean (2026-11-29):
//   kClusters, 4 classes: SDCM 1610.190476, uppers [15, 41, 72, 130]
//   kClusters, 5 classes: SDCM  672.690476, uppers [15, 41, 72, 95, 130]
//   kTies,     3 classes: SDCM  196.0,      uppers [9, 22, 40]
//   kTies,     4 classes: SDCM   43.75,     uppers [5, 13, 22, 40]
TEST(ClassBreaks, JenksMatchesABruteForceOptimum) {
  EXPECT_EQ(jenks_uppers(kClusters, 4), (V{15, 41, 72, 130}));
  EXPECT_EQ(jenks_uppers(kClusters, 5), (V{15, 41, 72, 95, 130}));
  EXPECT_EQ(jenks_uppers(kTies, 3), (V{9, 22, 40}));
  EXPECT_EQ(jenks_uppers(kTies, 4), (V{5, 13, 22, 40}));
}

TEST(ClassBreaks, JenksFitBeatsQuantilesAndEqualIntervals) {
  const V j = jenks_uppers(kClusters, 4);
  const double gvf = goodness_of_variance_fit(kClusters, j);
  // SDAM of kClusters is 25 441.333 (python: sum((x - mean)**2)); GVF = 1 - SDCM / SDAM.
  EXPECT_NEAR(gvf, 1 - 1610.190476 / 25441.333333, 1e-6);
  EXPECT_GT(gvf, goodness_of_variance_fit(kClusters, quantile_uppers(kClusters, 4)));
  EXPECT_GT(gvf, goodness_of_variance_fit(kClusters, equal_interval_uppers(kClusters, 4)));
}

TEST(ClassBreaks, JenksWithFewerDistinctValuesThanClassesGivesOneClassEach) {
  EXPECT_EQ(jenks_uppers(V{1, 1, 2, 2, 2, 9}, 5), (V{1, 2, 9}));
  EXPECT_EQ(jenks_uppers(V{3}, 4), (V{3}));
  EXPECT_TRUE(jenks_uppers(V{}, 4).empty());
}

TEST(ClassBreaks, JenksOnManyDistinctValuesPoolsAndStillSeparatesClearClusters) {
  // 3 well separated clusters of 4000 values each (12 000 distinct): pooled to kJenksExactLimit
  // groups, the optimum still cuts exactly between the clusters.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  V v;
  for (double centre : {10.0, 100.0, 1000.0})
    for (int i = 0; i < 4000; ++i) v.push_back(centre + u(rng));
  std::sort(v.begin(), v.end());
  const V up = jenks_uppers(v, 3);
  ASSERT_EQ(up.size(), 3u);
  EXPECT_GT(up[0], 10.9);
  EXPECT_LT(up[0], 11.0);
  EXPECT_GT(up[1], 100.9);
  EXPECT_LT(up[1], 101.0);
  EXPECT_EQ(up[2], v.back());
}

TEST(ClassBreaks, ClassifyUsesTheChosenScale) {
  std::vector<std::optional<double>> values;
  for (double x : kClusters) values.push_back(x);
  const Choropleth j = classify(values, ChoroplethScale::jenks, ColormapName::ylorrd, 4);
  ASSERT_EQ(j.classes.size(), 4u);
  EXPECT_EQ(j.classes[1].lower, 22);  // the smallest value it holds (15 tops the first class)
  EXPECT_EQ(j.classes[1].upper, 41);
  EXPECT_EQ(j.colors[6], j.classes[0].color);  // 15 is the top of the first class
  EXPECT_EQ(j.colors[7], j.classes[1].color);  // 22
  const Choropleth e = classify(values, ChoroplethScale::equal_interval, ColormapName::ylorrd, 2);
  ASSERT_EQ(e.classes.size(), 2u);
  EXPECT_EQ(e.classes[0].upper, 67);  // (4 + 130) / 2
  EXPECT_EQ(parse_choropleth_scale("jenks"), ChoroplethScale::jenks);
  EXPECT_EQ(parse_choropleth_scale("equal"), ChoroplethScale::equal_interval);
  EXPECT_EQ(parse_choropleth_scale("quantile"), ChoroplethScale::quantile);
  EXPECT_EQ(parse_choropleth_scale("continuous"), ChoroplethScale::continuous);
  EXPECT_FALSE(parse_choropleth_scale("fisher").has_value());
}

}  // namespace
}  // namespace faro
