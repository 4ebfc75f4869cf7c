#pragma once
// The partner's side of the disclosure attacks (issue 14): what a partner holds after receiving
// outputs, and what they can solve for. Independent of Faro's audit (dense elimination here).
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/civil_time.hpp"

namespace disclosure_oracle {

// What a partner holds: per unit, published (first day, end day, value) intervals.
using Published = std::map<std::string, std::vector<std::tuple<int64_t, int64_t, long long>>>;

// Per unit, the partner's best attack without cross-unit sums: any run of day atoms whose count
// the published intervals determine (dense elimination over the atoms). Returns the runs that
// come out as 1..4.
inline std::vector<std::string> recovered_small_counts(const Published& p) {
  std::vector<std::string> found;
  for (const auto& [unit, intervals] : p) {
    std::set<int64_t> ends;
    for (const auto& [a, b, v] : intervals) ends.insert(a), ends.insert(b);
    const std::vector<int64_t> e(ends.begin(), ends.end());
    const size_t n = e.size() - 1;
    if (n < 2) continue;
    // Rows: [indicator over atoms | value].
    std::vector<std::vector<double>> m;
    for (const auto& [a, b, v] : intervals) {
      std::vector<double> row(n + 1, 0);
      for (size_t i = 0; i < n; ++i) row[i] = e[i] >= a && e[i + 1] <= b ? 1 : 0;
      row[n] = static_cast<double>(v);
      m.push_back(row);
    }
    // Reduced row echelon form.
    size_t r = 0;
    for (size_t c = 0; c < n && r < m.size(); ++c) {
      size_t best = r;
      for (size_t i = r; i < m.size(); ++i)
        if (std::fabs(m[i][c]) > std::fabs(m[best][c])) best = i;
      if (std::fabs(m[best][c]) < 1e-9) continue;
      std::swap(m[r], m[best]);
      const double piv = m[r][c];
      for (double& x : m[r]) x /= piv;
      for (size_t i = 0; i < m.size(); ++i)
        if (i != r && std::fabs(m[i][c]) > 1e-12) {
          const double f = m[i][c];
          for (size_t j = 0; j <= n; ++j) m[i][j] -= f * m[r][j];
        }
      ++r;
    }
    // A run of atoms [i, j) is determined when its indicator is a combination of the rows:
    // project it onto the row space through the pivots.
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j <= n; ++j) {
        std::vector<double> v(n, 0), rest(n, 0);
        for (size_t k = i; k < j; ++k) v[k] = 1;
        rest = v;
        double value = 0;
        for (size_t row = 0; row < r; ++row) {
          size_t pc = 0;
          while (pc < n && std::fabs(m[row][pc]) < 1e-9) ++pc;
          const double f = rest[pc];
          if (std::fabs(f) < 1e-12) continue;
          for (size_t k = 0; k < n; ++k) rest[k] -= f * m[row][k];
          value += f * m[row][n];
        }
        bool zero = true;
        for (double x : rest) zero = zero && std::fabs(x) < 1e-6;
        const long long rounded = std::llround(value);
        if (zero && rounded >= 1 && rounded <= 4)
          found.push_back(unit + " " + faro::format_date(e[i] * faro::kSecondsPerDay) + ".." +
                          faro::format_date((e[j] - 1) * faro::kSecondsPerDay) + " = " +
                          std::to_string(rounded));
      }
  }
  return found;
}


}  // namespace disclosure_oracle
