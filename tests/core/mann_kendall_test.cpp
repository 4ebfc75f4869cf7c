// Mann-Kendall trend test against a textbook case and brute-force Python values
// (scripts/oracle_hotspots.py: itertools pair sums, numpy.unique tie counts, math.erfc).
#include <gtest/gtest.h>

#include <cmath>

#include "core/mann_kendall.hpp"

namespace faro {
namespace {

TEST(MannKendall, StrictlyIncreasingFiveValues) {
  // Textbook: n = 5, all 10 pairs concordant: S = 10, Var = 5*4*15/18 = 16.667,
  // z = 9/sqrt(16.667) = 2.2045, p = 0.0275.
  const MannKendall r = mann_kendall(std::vector<double>{1, 2, 3, 4, 5});
  EXPECT_EQ(r.s, 10);
  EXPECT_NEAR(r.variance, 16.666666666666668, 1e-12);
  EXPECT_NEAR(r.z, 2.2045407685048604, 1e-12);
  EXPECT_NEAR(r.p, 0.027486336111510353, 1e-12);
  EXPECT_DOUBLE_EQ(r.tau, 1.0);
}

TEST(MannKendall, TiesReduceTheVariance) {
  // Four tie pairs (3,3), (1,1), (0,0), (2,2): Var = (10*9*25 - 4*2*1*9)/18 = 121.
  const MannKendall r = mann_kendall(std::vector<double>{5, 3, 3, 4, 1, 1, 2, 0, 0, 2});
  EXPECT_EQ(r.s, -25);
  EXPECT_NEAR(r.variance, 121.0, 1e-12);
  EXPECT_NEAR(r.z, -2.1818181818181817, 1e-12);
  EXPECT_NEAR(r.p, 0.029122954152385055, 1e-12);
}

TEST(MannKendall, NoisyUpwardSeries) {
  const MannKendall r =
      mann_kendall(std::vector<double>{1.2, 0.8, 2.5, 2.5, 3.1, 2.9, 4.0, 3.3, 4.0, 5.2, 4.8, 6.1});
  EXPECT_EQ(r.s, 56);
  EXPECT_NEAR(r.variance, 210.66666666666666, 1e-9);
  EXPECT_NEAR(r.z, 3.789350500440659, 1e-12);
  EXPECT_NEAR(r.p, 0.00015104167743936332, 1e-14);
}

TEST(MannKendall, ShortFlatAndNanSeries) {
  EXPECT_EQ(mann_kendall(std::vector<double>{1, 2}).p, 1.0);
  const MannKendall flat = mann_kendall(std::vector<double>{3, 3, 3, 3});
  EXPECT_EQ(flat.s, 0);
  EXPECT_EQ(flat.z, 0);
  EXPECT_EQ(flat.p, 1.0);
  const MannKendall gaps = mann_kendall(std::vector<double>{1, NAN, 2, 3, NAN, 4, 5});
  EXPECT_EQ(gaps.n, 5);
  EXPECT_EQ(gaps.s, 10);
}

}  // namespace
}  // namespace faro
