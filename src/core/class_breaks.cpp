#include "core/class_breaks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace faro {
namespace {

// Appends b unless it repeats the previous upper (merged breaks).
void push_upper(std::vector<double>& uppers, double b) {
  if (uppers.empty() || b > uppers.back()) uppers.push_back(b);
}

// One item of the Jenks dynamic programme: a distinct value (or a pool of consecutive values),
// its multiplicity and the largest raw value it stands for (what a class upper reports).
struct Item {
  double mean = 0, weight = 0, max = 0;
};

std::vector<Item> jenks_items(std::span<const double> sorted) {
  std::vector<Item> items;
  for (double v : sorted) {
    if (!items.empty() && items.back().max == v) {
      items.back().weight += 1;
    } else {
      items.push_back({v, 1, v});
    }
  }
  if (items.size() <= kJenksExactLimit) return items;
  // Pool by rank into kJenksExactLimit groups of (almost) equal size.
  std::vector<Item> pooled(kJenksExactLimit);
  const size_t n = sorted.size();
  for (size_t g = 0; g < kJenksExactLimit; ++g) {
    const size_t a = g * n / kJenksExactLimit, b = (g + 1) * n / kJenksExactLimit;
    double sum = 0;
    for (size_t i = a; i < b; ++i) sum += sorted[i];
    pooled[g] = {b > a ? sum / (b - a) : sorted[a], static_cast<double>(b - a), sorted[b - 1]};
  }
  return pooled;
}

}  // namespace

std::vector<double> quantile_uppers(std::span<const double> sorted, int classes) {
  std::vector<double> uppers;
  if (sorted.empty()) return uppers;
  classes = std::max(classes, 1);
  for (int k = 1; k <= classes; ++k) {
    const size_t rank = static_cast<size_t>(
        std::ceil(static_cast<double>(k) / classes * static_cast<double>(sorted.size())));
    push_upper(uppers, sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1]);
  }
  uppers.back() = sorted.back();
  return uppers;
}

std::vector<double> equal_interval_uppers(std::span<const double> sorted, int classes) {
  std::vector<double> uppers;
  if (sorted.empty()) return uppers;
  classes = std::max(classes, 1);
  const double lo = sorted.front(), hi = sorted.back();
  for (int k = 1; k < classes; ++k) push_upper(uppers, lo + (hi - lo) * k / classes);
  push_upper(uppers, hi);
  uppers.back() = hi;  // exactly the maximum, whatever the rounding of the last step
  return uppers;
}

std::vector<double> jenks_uppers(std::span<const double> sorted, int classes) {
  std::vector<double> uppers;
  if (sorted.empty()) return uppers;
  const std::vector<Item> items = jenks_items(sorted);
  const size_t d = items.size();
  const size_t k = std::clamp<size_t>(static_cast<size_t>(std::max(classes, 1)), 1, d);
  if (k == d) {
    for (const Item& it : items) uppers.push_back(it.max);
    return uppers;
  }
  // Weighted prefix sums of values shifted by their mean (less cancellation in S2 - S1² / W).
  double shift = 0, total = 0;
  for (const Item& it : items) shift += it.mean * it.weight, total += it.weight;
  shift /= total;
  std::vector<double> w(d + 1, 0), s1(d + 1, 0), s2(d + 1, 0);
  for (size_t i = 0; i < d; ++i) {
    const double x = items[i].mean - shift;
    w[i + 1] = w[i] + items[i].weight;
    s1[i + 1] = s1[i] + items[i].weight * x;
    s2[i + 1] = s2[i] + items[i].weight * x * x;
  }
  // Squared deviations of items [a, b) from their weighted mean.
  const auto ssd = [&](size_t a, size_t b) {
    const double ww = w[b] - w[a], sum = s1[b] - s1[a];
    return std::max(0.0, (s2[b] - s2[a]) - sum * sum / ww);
  };
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // cost[j] = best total for the first j items in c classes; from[c][j] = start of the last class.
  std::vector<double> cost(d + 1, kInf), next(d + 1, kInf);
  std::vector<std::vector<uint32_t>> from(k + 1, std::vector<uint32_t>(d + 1, 0));
  for (size_t j = 1; j <= d; ++j) cost[j] = ssd(0, j);
  for (size_t c = 2; c <= k; ++c) {
    std::fill(next.begin(), next.end(), kInf);
    for (size_t j = c; j <= d - (k - c); ++j) {
      double best = kInf;
      uint32_t best_i = static_cast<uint32_t>(c - 1);
      for (size_t i = c - 1; i < j; ++i) {
        const double v = cost[i] + ssd(i, j);
        if (v < best) best = v, best_i = static_cast<uint32_t>(i);
      }
      next[j] = best;
      from[c][j] = best_i;
    }
    std::swap(cost, next);
  }
  // Walk back from the last item: each class ends just before the next class's start.
  std::vector<size_t> ends(k);
  size_t j = d;
  for (size_t c = k; c >= 1; --c) {
    ends[c - 1] = j;
    if (c > 1) j = from[c][j];
  }
  for (size_t end : ends) push_upper(uppers, items[end - 1].max);
  return uppers;
}

double goodness_of_variance_fit(std::span<const double> sorted, std::span<const double> uppers) {
  if (sorted.empty()) return 1;
  double mean = 0;
  for (double v : sorted) mean += v;
  mean /= static_cast<double>(sorted.size());
  double sdam = 0, sdcm = 0;
  for (double v : sorted) sdam += (v - mean) * (v - mean);
  size_t start = 0;
  for (double upper : uppers) {
    size_t end = start;
    while (end < sorted.size() && sorted[end] <= upper) ++end;
    if (end > start) {
      double m = 0;
      for (size_t i = start; i < end; ++i) m += sorted[i];
      m /= static_cast<double>(end - start);
      for (size_t i = start; i < end; ++i) sdcm += (sorted[i] - m) * (sorted[i] - m);
    }
    start = end;
  }
  return sdam > 0 ? 1 - sdcm / sdam : 1;
}

}  // namespace faro
