// CpuKde::compute_rows (the heatmap of the filtered rows, read through the row indices) against
// compute() on the same rows gathered into columns of their own: the binned path must give the
// very same floats (same doubles in, same arithmetic, same summation order), on every binning
// variant (one thread, per-thread grids for small grids, row bands for large ones), with and
// without weights; the splat path the same values too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/errors.hpp"
#include "core/kde.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

struct Columns {
  std::vector<double> x, y;
  std::vector<float> w;
  PointSet view() const { return PointSet{x, y, w}; }
  Columns gather(const std::vector<uint32_t>& rows) const {
    Columns g;
    for (uint32_t r : rows) {
      g.x.push_back(x[r]);
      g.y.push_back(y[r]);
      if (!w.empty()) g.w.push_back(w[r]);
    }
    return g;
  }
};

GridSpec grid_of(double cell, int nx, int ny) {
  GridSpec g;
  g.xmin = 480000;  // UTM-like magnitudes: the doubles' rounding is what it is in real data
  g.ymax = 2150000;
  g.cell = cell;
  g.nx = nx;
  g.ny = ny;
  return g;
}

// Two clusters plus a background reaching past the grid on every side (some points fall outside
// the padded grid and are skipped: the skip must agree too).
Columns points_over(const GridSpec& g, uint64_t seed, size_t n, bool weighted) {
  Random rng(seed);
  Columns c;
  const Box e = g.extent();
  for (size_t i = 0; i < n; ++i) {
    const uint64_t k = rng.below(3);
    if (k == 0) {
      c.x.push_back(rng.normal(e.xmin + 0.3 * e.width(), 0.05 * e.width()));
      c.y.push_back(rng.normal(e.ymin + 0.6 * e.height(), 0.05 * e.height()));
    } else if (k == 1) {
      c.x.push_back(rng.normal(e.xmin + 0.7 * e.width(), 0.02 * e.width()));
      c.y.push_back(rng.normal(e.ymin + 0.3 * e.height(), 0.02 * e.height()));
    } else {
      c.x.push_back(rng.uniform(e.xmin - 0.3 * e.width(), e.xmax + 0.3 * e.width()));
      c.y.push_back(rng.uniform(e.ymin - 0.3 * e.height(), e.ymax + 0.3 * e.height()));
    }
    if (weighted) c.w.push_back(static_cast<float>(0.5 + rng.below(4)));
  }
  return c;
}

// Every other row of a random pattern, ascending (as a filter gives them).
std::vector<uint32_t> some_rows(size_t n, uint64_t seed) {
  Random rng(seed);
  std::vector<uint32_t> rows;
  for (size_t i = 0; i < n; ++i)
    if (rng.below(5) < 3) rows.push_back(static_cast<uint32_t>(i));
  return rows;
}

void expect_rows_match_gathered(const GridSpec& g, const Columns& c,
                                const std::vector<uint32_t>& rows, CpuKde::Path path,
                                unsigned threads) {
  const Columns gathered = c.gather(rows);
  for (KdeKernel k : {KdeKernel::gaussian, KdeKernel::quartic}) {
    SCOPED_TRACE(std::string(kde_kernel_name(k)) + " threads " + std::to_string(threads));
    const KdeParams params{k, 8 * g.cell, 0};
    CpuKde::Options o;
    o.threads = threads;
    o.path = path;
    CpuKde from_rows(o), from_copy(o);
    const std::vector<float> got = from_rows.compute_rows(c.view(), rows, g, params);
    const std::vector<float> want = from_copy.compute(gathered.view(), g, params);
    EXPECT_EQ(from_rows.last_plan().path, from_copy.last_plan().path);
    ASSERT_EQ(got.size(), want.size());
    EXPECT_EQ(got, want);  // bit for bit
    EXPECT_GT(*std::max_element(got.begin(), got.end()), 0.0f);  // the case is not empty
  }
}

TEST(KdeRowsSelection, BinnedFromRowsEqualsBinnedFromGatheredPoints) {
  // 60 k points: enough for several binning threads (one per 20 k points).
  const GridSpec small = grid_of(20, 200, 150);  // padded grid < 128 k nodes: per-thread grids
  const GridSpec large = grid_of(20, 600, 400);  // > 128 k nodes: row bands
  for (bool weighted : {false, true}) {
    SCOPED_TRACE(weighted ? "weighted" : "unweighted");
    for (const GridSpec& g : {small, large}) {
      const Columns c = points_over(g, 11, 60000, weighted);
      const std::vector<uint32_t> rows = some_rows(c.x.size(), 12);
      ASSERT_GT(rows.size(), 30000u);
      for (unsigned threads : {1u, 2u, 3u})
        expect_rows_match_gathered(g, c, rows, CpuKde::Path::binned, threads);
    }
  }
}

TEST(KdeRowsSelection, EveryRowAndRepeatedRowsEqualTheGatheredCopy) {
  const GridSpec g = grid_of(20, 600, 400);
  const Columns c = points_over(g, 21, 50000, false);
  std::vector<uint32_t> every(c.x.size());
  for (size_t i = 0; i < every.size(); ++i) every[i] = static_cast<uint32_t>(i);
  expect_rows_match_gathered(g, c, every, CpuKde::Path::binned, 2);
  every.resize(every.size() / 3);  // the first third, in order (read without the index)
  expect_rows_match_gathered(g, c, every, CpuKde::Path::binned, 2);
  // Not ascending, with repeats: a row listed twice counts twice, as in the gathered copy.
  std::vector<uint32_t> shuffled = some_rows(c.x.size(), 22);
  std::reverse(shuffled.begin(), shuffled.end());
  shuffled.insert(shuffled.end(), shuffled.begin(), shuffled.begin() + 1000);
  expect_rows_match_gathered(g, c, shuffled, CpuKde::Path::binned, 2);
}

TEST(KdeRowsSelection, SplatFromRowsEqualsSplatFromGatheredPoints) {
  const GridSpec g = grid_of(20, 120, 90);
  const Columns c = points_over(g, 31, 3000, true);
  expect_rows_match_gathered(g, c, some_rows(c.x.size(), 32), CpuKde::Path::splat, 2);
}

TEST(KdeRowsSelection, NoRowsGiveZerosAndABadRowIsRefused) {
  const GridSpec g = grid_of(20, 100, 80);
  const Columns c = points_over(g, 41, 1000, false);
  CpuKde kde;
  const std::vector<float> none = kde.compute_rows(c.view(), {}, g, KdeParams{});
  ASSERT_EQ(none.size(), g.cells());
  EXPECT_TRUE(std::all_of(none.begin(), none.end(), [](float v) { return v == 0.0f; }));
  const std::vector<uint32_t> bad = {0, 5, static_cast<uint32_t>(c.x.size())};
  EXPECT_THROW(kde.compute_rows(c.view(), bad, g, KdeParams{}), UsageError);
}

}  // namespace
}  // namespace faro
