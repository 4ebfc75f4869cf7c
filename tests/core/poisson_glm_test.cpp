// Poisson GLM by IRLS against statsmodels on fixed inputs, plus the failures it must report.
#include "core/poisson_glm.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace faro {
namespace {

// 24 counts with exposure, columns: intercept, t = i/12, step g = (i >= 12), sin(2 pi i / 12).
// Reference values produced once with statsmodels 0.13.5 (Debian python3-statsmodels):
//   X = column_stack([ones, t, g, sin(2*pi*arange(24)/12)])
//   m = sm.GLM(y, X, family=sm.families.Poisson(), offset=log(exposure)).fit(tol=1e-12)
//   m.params, m.bse, m.deviance, m.pearson_chi2
//   mq = ...fit(scale='X2', tol=1e-12)  ->  mq.bse, mq.scale   (quasi-Poisson)
PoissonDesign reference_design() {
  const double y[] = {3, 5, 2, 8, 6, 4, 9, 7, 12, 5, 3, 0, 1, 4, 2, 6, 11, 7, 3, 2, 8, 10, 4, 6};
  const double exposure[] = {1, 1, 2, 2, 1, 1, 3, 2, 2, 1, 1, 1,
                             2, 2, 1, 1, 3, 2, 1, 1, 2, 2, 1, 2};
  PoissonDesign d;
  d.rows = 24;
  d.cols = 4;
  d.names = {"intercept", "t", "g", "sin"};
  d.x.resize(d.rows * d.cols);
  for (size_t i = 0; i < d.rows; ++i) {
    d.at(i, 0) = 1;
    d.at(i, 1) = i / 12.0;
    d.at(i, 2) = i >= 12 ? 1 : 0;
    d.at(i, 3) = std::sin(2 * M_PI * i / 12.0);
    d.y.push_back(y[i]);
    d.offset.push_back(std::log(exposure[i]));
  }
  return d;
}

TEST(PoissonGlm, MatchesStatsmodelsCoefficientsAndStandardErrors) {
  const PoissonGlmResult r = fit_poisson_glm(reference_design());
  ASSERT_TRUE(r) << r.error;
  const double beta[] = {0.969395655742, 0.638077204264, -0.743911463005, 0.086212525498};
  const double se[] = {0.276298954181, 0.517354417348, 0.548738229814, 0.199304471375};
  for (size_t j = 0; j < 4; ++j) {
    EXPECT_NEAR(r.fit->beta[j], beta[j], 1e-8) << j;
    EXPECT_NEAR(r.fit->se(j), se[j], 1e-8) << j;
  }
  EXPECT_NEAR(r.fit->deviance, 29.494987893988785, 1e-8);
  EXPECT_NEAR(r.fit->pearson_chi2, 24.081881843727274, 1e-7);
  EXPECT_DOUBLE_EQ(r.fit->dispersion, 1.0);
  EXPECT_EQ(r.fit->df_residual, 20u);
  // Wald interval on the coefficient scale.
  EXPECT_NEAR(r.fit->ci_low(2), -0.743911463005 - kZ95 * 0.548738229814, 1e-8);
  EXPECT_NEAR(r.fit->ci_high(2), -0.743911463005 + kZ95 * 0.548738229814, 1e-8);
}

TEST(PoissonGlm, QuasiPoissonScalesStandardErrorsByPearsonDispersion) {
  PoissonGlmOptions o;
  o.quasi = true;
  const PoissonGlmResult r = fit_poisson_glm(reference_design(), o);
  ASSERT_TRUE(r) << r.error;
  EXPECT_NEAR(r.fit->dispersion, 1.2040940921863617, 1e-8);
  const double se[] = {0.303186216785, 0.567699320462, 0.602137161162, 0.21869923049};
  for (size_t j = 0; j < 4; ++j) EXPECT_NEAR(r.fit->se(j), se[j], 1e-8) << j;
  EXPECT_NEAR(r.fit->beta[2], -0.743911463005, 1e-8);  // the point estimates do not change
}

TEST(PoissonGlm, InterceptOnlyIsTheLogOfTheMeanRate) {
  PoissonDesign d;
  d.rows = 4;
  d.cols = 1;
  d.x = {1, 1, 1, 1};
  d.y = {2, 4, 6, 0};
  d.offset = {0, 0, std::log(2.0), 0};  // exposure 1, 1, 2, 1: total 5 units, 12 events
  const PoissonGlmResult r = fit_poisson_glm(d);
  ASSERT_TRUE(r) << r.error;
  EXPECT_NEAR(r.fit->beta[0], std::log(12.0 / 5.0), 1e-10);
  EXPECT_NEAR(r.fit->se(0), std::sqrt(1.0 / 12.0), 1e-8);  // Var(log rate) = 1 / events
}

TEST(PoissonGlm, CollinearDesignIsAnErrorNamingTheColumn) {
  PoissonDesign d = reference_design();
  for (size_t i = 0; i < d.rows; ++i) d.at(i, 3) = 2 * d.at(i, 1);  // "sin" := 2 t
  const PoissonGlmResult r = fit_poisson_glm(d);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error.find("collinear"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("'sin'"), std::string::npos) << r.error;
}

TEST(PoissonGlm, SeparationByAllZeroGroupIsAnError) {
  PoissonDesign d = reference_design();
  for (size_t i = 12; i < d.rows; ++i) d.y[i] = 0;  // no events at all after the step
  const PoissonGlmResult r = fit_poisson_glm(d);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error.find("numerically zero"), std::string::npos) << r.error;
}

TEST(PoissonGlm, AllZeroCountsAndTooFewRowsAreErrors) {
  PoissonDesign d = reference_design();
  std::fill(d.y.begin(), d.y.end(), 0.0);
  EXPECT_NE(fit_poisson_glm(d).error.find("every count is zero"), std::string::npos);
  PoissonDesign small;
  small.rows = 2;
  small.cols = 2;
  small.x = {1, 0, 1, 1};
  small.y = {1, 2};
  EXPECT_NE(fit_poisson_glm(small).error.find("more data"), std::string::npos);
  PoissonDesign negative = reference_design();
  negative.y[3] = -1;
  EXPECT_FALSE(fit_poisson_glm(negative));
}

}  // namespace
}  // namespace faro
