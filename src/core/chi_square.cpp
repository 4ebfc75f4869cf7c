#include "core/chi_square.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace faro {
namespace {

constexpr double kEpsilon = 1e-16;
constexpr int kMaxIterations = 100000;  // the series needs about sqrt(a) * 10 terms near x = a

// P(a, x) by its power series: e^-x x^a / Gamma(a + 1) * sum x^n / ((a + 1) ... (a + n)).
// Converges fast for x < a + 1.
double gamma_p_series(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int n = 1; n < kMaxIterations; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::abs(term) < std::abs(sum) * kEpsilon) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1: gives small tail
// probabilities directly, without the cancellation of 1 - P.
double gamma_q_continued_fraction(double a, double x) {
  constexpr double tiny = std::numeric_limits<double>::min() / kEpsilon;
  double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int i = 1; i < kMaxIterations; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1) < kEpsilon) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

void check(double a, double x) {
  if (!(a > 0) || !(x >= 0) || !std::isfinite(a))
    throw std::invalid_argument("incomplete gamma: needs a > 0 and x >= 0");
}

}  // namespace

double regularized_gamma_p(double a, double x) {
  check(a, x);
  if (x == 0) return 0;
  if (std::isinf(x)) return 1;
  return x < a + 1 ? gamma_p_series(a, x) : 1 - gamma_q_continued_fraction(a, x);
}

double regularized_gamma_q(double a, double x) {
  check(a, x);
  if (x == 0) return 1;
  if (std::isinf(x)) return 0;
  return x < a + 1 ? 1 - gamma_p_series(a, x) : gamma_q_continued_fraction(a, x);
}

double chi_square_survival(double x, double df) {
  if (!(df > 0)) throw std::invalid_argument("chi-square: degrees of freedom must be positive");
  if (std::isnan(x)) return x;
  if (x <= 0) return 1;
  return regularized_gamma_q(df / 2, x / 2);
}

}  // namespace faro
