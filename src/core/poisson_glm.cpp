#include "core/poisson_glm.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace faro {
namespace {

// Cholesky factor L (lower, row-major) of the symmetric positive definite p x p matrix a, in place.
// Returns the index of the first column whose pivot is not clearly positive (the design is
// collinear there), or -1 on success. The threshold is relative to that column's own diagonal, so
// columns on very different scales (a 0/1 dummy next to a trend in years) are judged fairly.
long cholesky_in_place(std::vector<double>& a, size_t p) {
  for (size_t j = 0; j < p; ++j) {
    const double diag = a[j * p + j];
    double d = diag;
    for (size_t k = 0; k < j; ++k) d -= a[j * p + k] * a[j * p + k];
    if (!(d > 1e-11 * std::max(diag, std::numeric_limits<double>::min())))
      return static_cast<long>(j);
    const double l = std::sqrt(d);
    a[j * p + j] = l;
    for (size_t i = j + 1; i < p; ++i) {
      double s = a[i * p + j];
      for (size_t k = 0; k < j; ++k) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = s / l;
    }
  }
  return -1;
}

// Solves L L' x = b for x (L from cholesky_in_place).
std::vector<double> cholesky_solve(const std::vector<double>& l, size_t p, std::vector<double> b) {
  for (size_t i = 0; i < p; ++i) {
    for (size_t k = 0; k < i; ++k) b[i] -= l[i * p + k] * b[k];
    b[i] /= l[i * p + i];
  }
  for (size_t i = p; i-- > 0;) {
    for (size_t k = i + 1; k < p; ++k) b[i] -= l[k * p + i] * b[k];
    b[i] /= l[i * p + i];
  }
  return b;
}

double unit_deviance_sum(const std::vector<double>& y, const std::vector<double>& mu) {
  double d = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    const double ylogy = y[i] > 0 ? y[i] * std::log(y[i] / mu[i]) : 0.0;
    d += 2 * (ylogy - (y[i] - mu[i]));
  }
  return d;
}

std::string column_name(const PoissonDesign& d, size_t j) {
  return j < d.names.size() ? d.names[j] : "column " + std::to_string(j);
}

// Fills `xtwx` (p x p) and `xtwz` (p) for weights w and working response z.
void weighted_normal_equations(const PoissonDesign& d, const std::vector<double>& w,
                               const std::vector<double>& z, std::vector<double>& xtwx,
                               std::vector<double>& xtwz) {
  const size_t p = d.cols;
  std::fill(xtwx.begin(), xtwx.end(), 0.0);
  std::fill(xtwz.begin(), xtwz.end(), 0.0);
  for (size_t i = 0; i < d.rows; ++i) {
    const double* xi = &d.x[i * p];
    for (size_t a = 0; a < p; ++a) {
      if (xi[a] == 0) continue;  // designs are mostly dummies: skip the zeros
      const double wa = w[i] * xi[a];
      xtwz[a] += wa * z[i];
      for (size_t b = 0; b <= a; ++b) xtwx[a * p + b] += wa * xi[b];
    }
  }
  for (size_t a = 0; a < p; ++a)
    for (size_t b = a + 1; b < p; ++b) xtwx[a * p + b] = xtwx[b * p + a];
}

}  // namespace

double PoissonGlmFit::se(size_t j) const {
  const size_t p = beta.size();
  return std::sqrt(std::max(0.0, covariance[j * p + j]));
}
double PoissonGlmFit::ci_low(size_t j) const {
  return beta[j] - kZ95 * se(j);
}
double PoissonGlmFit::ci_high(size_t j) const {
  return beta[j] + kZ95 * se(j);
}

double PoissonGlmFit::variance_of(const std::vector<double>& g) const {
  const size_t p = beta.size();
  double v = 0;
  for (size_t a = 0; a < p; ++a)
    for (size_t b = 0; b < p; ++b) v += g[a] * covariance[a * p + b] * g[b];
  return std::max(0.0, v);
}

PoissonGlmResult fit_poisson_glm(const PoissonDesign& d, const PoissonGlmOptions& options) {
  PoissonGlmResult out;
  const size_t n = d.rows, p = d.cols;
  if (p == 0 || d.x.size() != n * p || d.y.size() != n ||
      (!d.offset.empty() && d.offset.size() != n)) {
    out.error = "Poisson model: inconsistent design sizes";
    return out;
  }
  if (n <= p) {
    out.error = "Poisson model: " + std::to_string(n) + " observations for " + std::to_string(p) +
                " coefficients; more data are needed";
    return out;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!(d.y[i] >= 0) || !std::isfinite(d.y[i])) {
      out.error = "Poisson model: count " + std::to_string(i) + " is negative or not a number";
      return out;
    }
  }
  const double ybar = std::accumulate(d.y.begin(), d.y.end(), 0.0) / n;
  if (ybar <= 0) {
    out.error = "Poisson model: every count is zero; there is nothing to estimate";
    return out;
  }
  auto off = [&](size_t i) { return d.offset.empty() ? 0.0 : d.offset[i]; };

  // Start as statsmodels does: mu = (y + mean(y)) / 2, so log(mu) is finite even where y = 0.
  std::vector<double> mu(n), eta(n), w(n), z(n), xtwx(p * p), xtwz(p), beta(p, 0.0);
  for (size_t i = 0; i < n; ++i) {
    mu[i] = (d.y[i] + ybar) / 2;
    eta[i] = std::log(mu[i]);
  }
  double dev = unit_deviance_sum(d.y, mu);
  bool converged = false;
  int it = 0;
  for (; it < options.max_iterations && !converged; ++it) {
    for (size_t i = 0; i < n; ++i) {
      w[i] = mu[i];
      z[i] = eta[i] - off(i) + (d.y[i] - mu[i]) / mu[i];
    }
    weighted_normal_equations(d, w, z, xtwx, xtwz);
    const long bad = cholesky_in_place(xtwx, p);
    if (bad >= 0) {
      out.error = "Poisson model: the design is collinear or empty at '" + column_name(d, bad) +
                  "' (it repeats other terms, or the rows it needs have no weight)";
      return out;
    }
    std::vector<double> next = cholesky_solve(xtwx, p, xtwz);
    // Newton steps on the canonical link rarely overshoot; halve them when they do.
    double new_dev = std::numeric_limits<double>::infinity();
    for (int half = 0; half < 30; ++half) {
      for (size_t i = 0; i < n; ++i) {
        double e = off(i);
        for (size_t j = 0; j < p; ++j) e += d.x[i * p + j] * next[j];
        eta[i] = std::min(e, 700.0);  // exp overflow guard; such fits are rejected below anyway
        mu[i] = std::exp(eta[i]);
      }
      new_dev = unit_deviance_sum(d.y, mu);
      if (std::isfinite(new_dev) && (it == 0 || new_dev <= dev * (1 + 1e-9) + 1e-9)) break;
      for (size_t j = 0; j < p; ++j) next[j] = (next[j] + beta[j]) / 2;
    }
    converged = std::abs(new_dev - dev) <= options.tolerance * (std::abs(new_dev) + 0.1);
    dev = new_dev;
    beta = std::move(next);
  }
  if (!converged) {
    out.error = "Poisson model did not converge in " + std::to_string(options.max_iterations) +
                " iterations";
    return out;
  }
  // Separation: a group of rows with only zero counts drives its coefficient to -infinity; IRLS
  // then "converges" with fitted means that are numerically zero. Report it instead of a number.
  for (size_t i = 0; i < n; ++i) {
    if (mu[i] < 1e-8 * std::max(1.0, ybar)) {
      size_t worst = 0;
      for (size_t j = 1; j < p; ++j)
        if (std::abs(beta[j]) > std::abs(beta[worst])) worst = j;
      out.error =
          "Poisson model: fitted rates are numerically zero (a group of rows has only zero "
          "counts, so the estimate for '" +
          column_name(d, worst) + "' diverges)";
      return out;
    }
  }

  PoissonGlmFit fit;
  fit.iterations = it;
  fit.deviance = dev;
  fit.df_residual = n - p;
  for (size_t i = 0; i < n; ++i) fit.pearson_chi2 += (d.y[i] - mu[i]) * (d.y[i] - mu[i]) / mu[i];
  fit.dispersion = options.quasi ? fit.pearson_chi2 / static_cast<double>(fit.df_residual) : 1.0;
  // Fisher information at the solution, X' diag(mu) X, inverted column by column.
  std::fill(z.begin(), z.end(), 0.0);
  weighted_normal_equations(d, mu, z, xtwx, xtwz);
  if (const long bad = cholesky_in_place(xtwx, p); bad >= 0) {
    out.error = "Poisson model: information matrix is singular at '" + column_name(d, bad) + "'";
    return out;
  }
  fit.covariance.assign(p * p, 0.0);
  for (size_t j = 0; j < p; ++j) {
    std::vector<double> e(p, 0.0);
    e[j] = 1;
    const std::vector<double> col = cholesky_solve(xtwx, p, e);
    for (size_t i = 0; i < p; ++i) fit.covariance[i * p + j] = col[i] * fit.dispersion;
  }
  fit.beta = std::move(beta);
  fit.mu = std::move(mu);
  out.fit = std::move(fit);
  return out;
}

}  // namespace faro
