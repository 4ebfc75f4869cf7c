// Auto colour domain (a high percentile of the non-zero cells, not the max) and quantisation.
#include "core/color_domain.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.hpp"

namespace faro {
namespace {

TEST(ColorDomain, PercentileOfNonZeroCellsIgnoresZerosAndNaN) {
  std::vector<float> v(1000, 0.0f);                             // empty countryside
  for (int i = 1; i <= 100; ++i) v[i] = static_cast<float>(i);  // 100 non-zero cells: 1..100
  v[500] = NAN;
  // Nearest rank: ceil(p/100 * 100)-th smallest.
  EXPECT_EQ(nonzero_percentile(v, 99), 99.0f);
  EXPECT_EQ(nonzero_percentile(v, 50), 50.0f);
  EXPECT_EQ(nonzero_percentile(v, 100), 100.0f);
  EXPECT_EQ(nonzero_percentile(v, 0.5), 1.0f);
  EXPECT_EQ(nonzero_percentile(std::vector<float>(10, 0.0f), 99), 0.0f);
  EXPECT_THROW(nonzero_percentile(v, 0), UsageError);
  EXPECT_THROW(nonzero_percentile(v, 101), UsageError);
}

TEST(ColorDomain, AutoMaxIsNotOwnedByOneHotSpot) {
  // 10,000 ordinary cells and one stacked address 50x hotter: the max would flatten the map.
  std::vector<float> v(10001);
  for (int i = 0; i < 10000; ++i) v[i] = 1.0f + static_cast<float>(i % 100) / 100.0f;  // 1..1.99
  v[10000] = 100.0f;
  const ColorDomain d = resolve_color_domain({}, v);
  EXPECT_FALSE(d.locked);
  EXPECT_EQ(d.min, 0.0f);
  // Rank ceil(0.99 x 10001) = 9901: past the 9,900 cells at 1.00..1.98, so 1.99 (not 100).
  EXPECT_NEAR(d.max, 1.99f, 1e-6);
  EXPECT_DOUBLE_EQ(saturated_fraction(v, d), 1.0 / 10001);  // only the hot spot
  // Every cell zero: a non-empty scale anyway.
  EXPECT_EQ(resolve_color_domain({}, std::vector<float>(5, 0.0f)).max, 1.0f);
}

TEST(ColorDomain, LockedDomainIsKept) {
  ColorDomain locked;
  locked.locked = true;
  locked.min = 0;
  locked.max = 25;
  const std::vector<float> v = {0, 1, 1000};
  const ColorDomain d = resolve_color_domain(locked, v);
  EXPECT_EQ(d.max, 25.0f);
  locked.max = 0;
  EXPECT_THROW(resolve_color_domain(locked, v), UsageError);
}

TEST(ColorDomain, QuantisationReservesLevelZeroAndSaturates) {
  ColorDomain d;
  d.min = 0;
  d.max = 10;
  EXPECT_EQ(quantize_level(0.0f, d, 11), 0);
  EXPECT_EQ(quantize_level(-1.0f, d, 11), 0);
  EXPECT_EQ(quantize_level(NAN, d, 11), 0);
  EXPECT_EQ(quantize_level(0.001f, d, 11), 1);
  EXPECT_EQ(quantize_level(5.0f, d, 11), 6);
  EXPECT_EQ(quantize_level(9.99f, d, 11), 10);
  EXPECT_EQ(quantize_level(10.0f, d, 11), 10);
  EXPECT_EQ(quantize_level(1e9f, d, 11), 10);
  const std::vector<float> breaks = level_breaks(d, 11);
  ASSERT_EQ(breaks.size(), 11u);
  EXPECT_EQ(breaks[1], 0.0f);
  EXPECT_EQ(breaks[6], 5.0f);
  // Each level's lower break maps to that level.
  for (int k = 2; k < 11; ++k) EXPECT_EQ(quantize_level(breaks[k] + 1e-4f, d, 11), k) << k;
  const std::vector<uint8_t> q = quantize(std::vector<float>{0, 2.5f, 20}, d, 256);
  EXPECT_EQ(q, (std::vector<uint8_t>{0, 64, 255}));
  EXPECT_THROW(quantize(std::vector<float>{1}, d, 1), UsageError);
}

}  // namespace
}  // namespace faro
