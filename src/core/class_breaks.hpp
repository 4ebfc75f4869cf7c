#pragma once
// Class breaks for classed choropleths: quantile, equal interval and natural breaks (Jenks). Each
// function takes values sorted ascending (finite) and returns the ascending UPPER bound of each
// class; the last upper is the maximum, a value v falls in the first class whose upper >= v.
// Breaks that coincide are merged, so fewer classes than asked may come back (e.g. many zeros).
// Pure arithmetic: no geometry, no colours.
#include <span>
#include <vector>

namespace faro {

// Nearest-rank quantiles k / classes, k = 1..classes.
std::vector<double> quantile_uppers(std::span<const double> sorted, int classes);

// classes equal-width intervals from the minimum to the maximum.
std::vector<double> equal_interval_uppers(std::span<const double> sorted, int classes);

// Natural breaks: the partition of the sorted values into `classes` contiguous groups with the
// smallest total within-group sum of squared deviations (Jenks' goodness of variance fit), solved
// exactly by dynamic programming (Fisher 1958) over the distinct values weighted by their
// multiplicity, O(classes * d²) for d distinct values. Above kJenksExactLimit distinct values the
// values are first pooled into that many consecutive, equally populated groups (their means,
// weighted), so the result is then the exact optimum of the pooled data, not of the raw values.
inline constexpr size_t kJenksExactLimit = 3000;
std::vector<double> jenks_uppers(std::span<const double> sorted, int classes);

// Goodness of variance fit of a partition (1 = every class uniform), for reports and tests:
// 1 - SDCM / SDAM, SDAM = squared deviations from the array mean.
double goodness_of_variance_fit(std::span<const double> sorted, std::span<const double> uppers);

}  // namespace faro
