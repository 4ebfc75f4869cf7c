// IncidentStore's source rows as runs (core/source_row_runs.hpp) hold exactly the explicit column
// they replaced: every row pushed is read back at its index, through keep_rows, append (a second
// source), the cache's from_runs, and the store's keep_rows with its other columns.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/incidents.hpp"
#include "core/source_row_runs.hpp"

namespace faro {
namespace {

SourceRowRuns runs_of(const std::vector<uint32_t>& rows) {
  SourceRowRuns r;
  for (uint32_t row : rows) r.push_back(row);
  return r;
}

// A load's column: rows rise by one with gaps (rejected rows), a restart at 1 (a second
// source), a row 0 (past uint32: not identifiable), a repeat, and the top of uint32 (no wrap).
const std::vector<uint32_t> kRows{1, 2, 3, 5, 6, 9, 10, 11, 12, 1, 2, 0, 0, 7, 7, 8, 4294967294u,
                                  4294967295u, 0, 1};

TEST(SourceRowRuns, ReadsBackEveryRowAtItsIndex) {
  const SourceRowRuns r = runs_of(kRows);
  ASSERT_EQ(r.size(), kRows.size());
  for (size_t i = 0; i < kRows.size(); ++i) EXPECT_EQ(r[i], kRows[i]) << i;
  EXPECT_EQ(r.expand(), kRows);
  // 1-3 | 5-6 | 9-12 | 1-2 | 0 | 0 | 7 | 7-8 | max-1, max | 0-1 (no wrap past max)
  EXPECT_EQ(r.run_count(), 10u);
  EXPECT_EQ(r.memory_bytes(), r.runs().capacity() * 8);
}

TEST(SourceRowRuns, AFileWithFewRejectionsIsAFewRuns) {
  // 100 000 rows, every 1 000th rejected: 100 runs (800 bytes) in place of 400 kB.
  SourceRowRuns r;
  std::vector<uint32_t> explicit_rows;
  for (uint32_t row = 1; row <= 100'000; ++row) {
    if (row % 1000 == 0) continue;
    r.push_back(row);
    explicit_rows.push_back(row);
  }
  EXPECT_EQ(r.run_count(), 100u);
  EXPECT_EQ(r.expand(), explicit_rows);
}

TEST(SourceRowRuns, KeepRowsKeepsTheRowsOfTheKeptIncidents) {
  for (unsigned pattern = 0; pattern < 64; ++pattern) {
    std::vector<uint8_t> keep(kRows.size());
    std::vector<uint32_t> expected;
    for (size_t i = 0; i < kRows.size(); ++i) {
      keep[i] = ((i * 7 + pattern) % 5 < pattern % 5) || (i == pattern % kRows.size());
      if (keep[i]) expected.push_back(kRows[i]);
    }
    SourceRowRuns r = runs_of(kRows);
    r.keep_rows(keep);
    EXPECT_EQ(r.expand(), expected) << pattern;
    EXPECT_EQ(r, runs_of(expected)) << pattern;  // canonical: merged where rows now follow
  }
  SourceRowRuns r = runs_of({4, 5, 7, 8});
  r.keep_rows(std::vector<bool>{true, false, false, true});
  EXPECT_EQ(r.expand(), (std::vector<uint32_t>{4, 8}));
  r.keep_rows(std::vector<bool>{false, false});
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(r.run_count(), 0u);
}

TEST(SourceRowRuns, AppendIsConcatenation) {
  const std::vector<uint32_t> a{1, 2, 4}, b{5, 6, 1, 2, 3};
  SourceRowRuns r = runs_of(a);
  r.append(runs_of(b));
  std::vector<uint32_t> both = a;
  both.insert(both.end(), b.begin(), b.end());
  EXPECT_EQ(r.expand(), both);
  EXPECT_EQ(r, runs_of(both));  // 4 and 5 merge: 1-2 | 4-6 | 1-3
  EXPECT_EQ(r.run_count(), 3u);
  SourceRowRuns empty;
  empty.append(runs_of(a));
  EXPECT_EQ(empty.expand(), a);
  r.append(SourceRowRuns{});
  EXPECT_EQ(r.expand(), both);
}

TEST(SourceRowRuns, FromRunsAcceptsOnlyRunsThatDescribeTheRows) {
  const SourceRowRuns r = runs_of(kRows);
  const auto back = SourceRowRuns::from_runs(r.runs(), r.size());
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, r);
  using Run = SourceRowRuns::Run;
  EXPECT_FALSE(SourceRowRuns::from_runs({{1, 5}}, 3));                   // not from index 0
  EXPECT_FALSE(SourceRowRuns::from_runs({{0, 5}, {0, 9}}, 3));           // not rising
  EXPECT_FALSE(SourceRowRuns::from_runs({{0, 5}, {3, 9}}, 3));           // past the rows
  EXPECT_FALSE(SourceRowRuns::from_runs({}, 2));                         // rows without runs
  EXPECT_FALSE(SourceRowRuns::from_runs(std::vector<Run>{{0, 1}}, 0));   // runs without rows
  EXPECT_TRUE(SourceRowRuns::from_runs({}, 0));
  // Runs that continue each other (not what push_back writes) merge into the canonical form.
  const auto merged = SourceRowRuns::from_runs({{0, 5}, {2, 7}}, 4);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->run_count(), 1u);
  EXPECT_EQ(merged->expand(), (std::vector<uint32_t>{5, 6, 7, 8}));
}

TEST(SourceRowRuns, StoreKeepRowsMovesRowsWithTheirIncidents) {
  IncidentStore s;
  for (size_t i = 0; i < kRows.size(); ++i) {
    s.push_back(1000.0 + i, 2000.0 - i, 100 * i, 0, 0);
    s.source_rows.push_back(kRows[i]);
  }
  s.sector.assign(s.size(), 0);
  for (size_t i = 0; i < s.size(); ++i) s.sector[i] = static_cast<SectorCode>(static_cast<int>(i % 3) - 1);
  ASSERT_TRUE(s.has_source_rows());
  std::vector<uint8_t> keep(s.size());
  for (size_t i = 0; i < keep.size(); ++i) keep[i] = i % 3 != 1;
  s.keep_rows(keep);
  ASSERT_TRUE(s.has_source_rows());
  for (size_t i = 0; i < s.size(); ++i) {
    const size_t was = static_cast<size_t>(s.x[i] - 1000.0);
    EXPECT_EQ(s.source_row_of(i), kRows[was]) << i;
    EXPECT_EQ(s.sector[i], static_cast<SectorCode>(static_cast<int>(was % 3) - 1)) << i;
  }
}

TEST(SourceRowRuns, TheModelHoldsUnderThirtyBytesAnIncidentWithItsSector) {
  IncidentStore s;
  const size_t n = 50'000;
  s.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    s.push_back(480000.0 + i, 2150000.0, 1'600'000'000 + i, 0, 0);
    s.source_rows.push_back(static_cast<uint32_t>(i + 1 + i / 997));  // a gap every 997 rows
  }
  s.sector.assign(n, 1);
  EXPECT_LE(s.memory_bytes(), 30 * n) << double(s.memory_bytes()) / n << " bytes per incident";
}

}  // namespace
}  // namespace faro
