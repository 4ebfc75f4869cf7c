// Chi-square survival against closed forms (df = 1, 2, 3, 4 and the finite sum of even df) and
// the tabulated 5 % critical values.
#include "core/chi_square.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace faro {
namespace {

// Survival of chi-square with even df = 2m: e^{-x/2} sum_{j<m} (x/2)^j / j!.
double even_df_survival(double x, int df) {
  double term = 1, sum = 0;
  for (int j = 0; j < df / 2; ++j) {
    if (j > 0) term *= (x / 2) / j;
    sum += term;
  }
  return std::exp(-x / 2) * sum;
}

TEST(ChiSquare, MatchesClosedFormsForSmallDegreesOfFreedom) {
  for (double x : {1e-6, 0.01, 0.3, 1.0, 2.5, 3.0, 4.0, 7.7, 15.0, 40.0, 90.0}) {
    SCOPED_TRACE(x);
    const double df1 = std::erfc(std::sqrt(x / 2));
    const double df2 = std::exp(-x / 2);
    const double df3 = std::erfc(std::sqrt(x / 2)) + std::sqrt(2 * x / M_PI) * std::exp(-x / 2);
    const double df4 = std::exp(-x / 2) * (1 + x / 2);
    EXPECT_NEAR(chi_square_survival(x, 1), df1, 1e-13 * std::max(df1, 1e-300) + 1e-300);
    EXPECT_NEAR(chi_square_survival(x, 2), df2, 1e-13 * df2);
    EXPECT_NEAR(chi_square_survival(x, 3), df3, 1e-12 * df3);
    EXPECT_NEAR(chi_square_survival(x, 4), df4, 1e-12 * df4);
  }
}

TEST(ChiSquare, MatchesTheFiniteSumForManyDegreesOfFreedom) {
  // Both sides of the switch between series (x < df/2 + 1) and continued fraction, and far tails.
  for (int df : {10, 50, 120}) {
    for (double x : {0.5 * df, df - 2.0, df + 1.0, df + 3.0, 1.5 * df, 3.0 * df}) {
      SCOPED_TRACE(::testing::Message() << "df " << df << " x " << x);
      const double expected = even_df_survival(x, df);
      EXPECT_NEAR(chi_square_survival(x, df), expected, 1e-11 * expected);
    }
  }
}

TEST(ChiSquare, TabulatedFivePercentCriticalValues) {
  // Printed tables give three decimals; the density there is below 0.03, so p is 0.05 to 1e-4.
  EXPECT_NEAR(chi_square_survival(3.841, 1), 0.05, 1e-4);
  EXPECT_NEAR(chi_square_survival(5.991, 2), 0.05, 1e-4);
  EXPECT_NEAR(chi_square_survival(18.307, 10), 0.05, 1e-4);
  EXPECT_NEAR(chi_square_survival(67.505, 50), 0.05, 1e-4);
  // And the 1 % ones: 6.635 (1), 23.209 (10).
  EXPECT_NEAR(chi_square_survival(6.635, 1), 0.01, 1e-4);
  EXPECT_NEAR(chi_square_survival(23.209, 10), 0.01, 1e-4);
}

TEST(ChiSquare, LowerAndUpperGammaAddUpAndEdgesAreExact) {
  for (double a : {0.5, 1.0, 6.0, 25.5})
    for (double x : {0.1, a, a + 1, 3 * a + 2})
      EXPECT_NEAR(regularized_gamma_p(a, x) + regularized_gamma_q(a, x), 1.0, 1e-14);
  EXPECT_EQ(chi_square_survival(0, 5), 1.0);
  EXPECT_EQ(chi_square_survival(-3, 5), 1.0);
  EXPECT_EQ(chi_square_survival(INFINITY, 5), 0.0);
  EXPECT_THROW(chi_square_survival(1, 0), std::invalid_argument);
  EXPECT_THROW(regularized_gamma_q(-1, 1), std::invalid_argument);
}

}  // namespace
}  // namespace faro
