#pragma once
// Chi-square tail probabilities for Wald tests (the event study's joint pre-trend test), through
// the regularized incomplete gamma functions: P(chi2_df > x) = Q(df / 2, x / 2).
// Series and Lentz continued fraction as in Numerical Recipes (Press et al., 3rd ed., 6.2);
// relative accuracy about 1e-14 for the degrees of freedom a test here can have (1 to a few
// hundred).

namespace faro {

// Regularized lower and upper incomplete gamma functions, a > 0, x >= 0; P + Q = 1.
double regularized_gamma_p(double a, double x);
double regularized_gamma_q(double a, double x);

// P(X > x) for X ~ chi-square with `df` > 0 degrees of freedom (1 for x <= 0).
double chi_square_survival(double x, double df);

}  // namespace faro
