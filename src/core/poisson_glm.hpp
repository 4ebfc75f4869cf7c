#pragma once
// Poisson regression with a log link, fitted by iteratively reweighted least squares (IRLS), for
// the small dense designs of program evaluation (a few hundred to a few thousand rows, at most a
// few hundred columns). Matches R's glm(family = poisson) / statsmodels GLM(Poisson()):
//   log E[y_i] = offset_i + x_i' beta,   Var[y_i] = phi * E[y_i]
// with phi = 1 (Poisson) or phi = Pearson chi2 / (n - p) (quasi-Poisson, for overdispersed
// counts such as weekly shootings). Coefficient covariance = phi * (X' W X)^-1 at convergence
// (the inverse Fisher information), W = diag(mu).
//
// Failures are values, not exceptions: a fit that cannot be trusted (collinear design, counts that
// push a coefficient to -infinity, no convergence) returns a reason a person can read.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace faro {

// Design matrix, row-major: x[i * cols + j]. Column 0 is usually the intercept (all ones).
struct PoissonDesign {
  size_t rows = 0, cols = 0;
  std::vector<double> x;
  std::vector<double> y;           // counts (>= 0, need not be integers)
  std::vector<double> offset;      // log exposure; empty = all zero
  std::vector<std::string> names;  // column names, for messages and reports

  double& at(size_t i, size_t j) { return x[i * cols + j]; }
  double at(size_t i, size_t j) const { return x[i * cols + j]; }
};

struct PoissonGlmOptions {
  int max_iterations = 100;
  double tolerance = 1e-10;  // relative change of the deviance between iterations
  bool quasi = false;        // phi = Pearson chi2 / (n - p), as statsmodels scale="X2" (not
                             // floored at 1: callers decide whether underdispersion is kept)
};

struct PoissonGlmFit {
  std::vector<double> beta;        // coefficients, one per column
  std::vector<double> covariance;  // cols x cols, row-major, already multiplied by dispersion
  std::vector<double> mu;          // fitted means, one per row
  double deviance = 0;             // 2 sum [y log(y/mu) - (y - mu)]
  double pearson_chi2 = 0;         // sum (y - mu)^2 / mu
  double dispersion = 1;           // phi (1 unless quasi)
  size_t df_residual = 0;          // rows - cols
  int iterations = 0;

  double se(size_t j) const;  // standard error of beta[j]
  // Wald 95 % interval on the coefficient scale (beta +- 1.959964 se).
  double ci_low(size_t j) const;
  double ci_high(size_t j) const;
  // Variance of the linear combination g' beta.
  double variance_of(const std::vector<double>& g) const;
};

struct PoissonGlmResult {
  std::optional<PoissonGlmFit> fit;
  std::string error;  // why there is no fit (English; empty when fit is set)
  explicit operator bool() const { return fit.has_value(); }
};

PoissonGlmResult fit_poisson_glm(const PoissonDesign& design,
                                 const PoissonGlmOptions& options = {});

// z for a two-sided 95 % normal interval.
constexpr double kZ95 = 1.959963984540054;

}  // namespace faro
