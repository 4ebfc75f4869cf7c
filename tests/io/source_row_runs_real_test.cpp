// The source rows as runs (core/source_row_runs.hpp) on the 1.28 M-row FGJ file, which has
// rejected rows (no coordinates, bad dates) and whose `id` column is its 1-based row number: the
// runs skip exactly the rejected rows (their gaps add up to rows read - rows loaded), every run's
// first and last incident reads back as the row with that id and that incident's date and
// offence, and keep_rows (the sector-less loader's extent cut) keeps them right. Skipped when the
// shared data is absent. LoadIdentityReal's checksum covers the expanded column, so it equals the
// explicit column's checksum printed before runs (same figure on main and here).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "core/civil_time.hpp"
#include "incident_test_util.hpp"
#include "io/incident_rows.hpp"

namespace faro::io {
namespace {

using faro_test::IncidentTest;

std::string field(const SourceRecord& r, const std::string& name) {
  for (const auto& [n, v] : r.fields)
    if (n == name) return v;
  return "<missing " + name + ">";
}

// Incident indices at both ends of every run, thinned to about `most` evenly over the runs.
std::vector<size_t> run_ends(const SourceRowRuns& rows, size_t most) {
  const auto& runs = rows.runs();
  const size_t step = std::max<size_t>(1, runs.size() / most);
  std::vector<size_t> out;
  for (size_t k = 0; k < runs.size(); k += step) {
    const size_t end = k + 1 < runs.size() ? runs[k + 1].first_index : rows.size();
    out.push_back(runs[k].first_index);
    out.push_back(end - 1);
  }
  return out;
}

void expect_rows_read_back(const IncidentStore& s, IncidentRowReader& reader,
                           const std::vector<size_t>& incidents) {
  std::vector<uint32_t> rows;
  for (size_t i : incidents) rows.push_back(s.source_row_of(i));
  const std::vector<SourceRecord> back = reader.read(rows);
  ASSERT_EQ(back.size(), rows.size());
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t i = incidents[k];
    EXPECT_EQ(field(back[k], "id"), std::to_string(rows[k])) << "incident " << i;
    EXPECT_EQ(field(back[k], "delito"), s.categories.name(s.category[i])) << "incident " << i;
    EXPECT_EQ(field(back[k], "fecha_hecho"), format_date(s.t[i])) << "incident " << i;
  }
}

TEST_F(IncidentTest, RealFgjSourceRowRunsSkipExactlyTheRejectedRows) {
  FARO_REQUIRE_SHARED(path, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  IncidentSourceOptions o;
  o.category_field = "delito";
  const IncidentLoadResult r = load(path, o, "EPSG:32614");
  const IncidentStore& s = r.store;
  ASSERT_GT(s.size(), 1'000'000u);
  ASSERT_TRUE(s.has_source_rows());
  const int64_t rejected = r.report.rows_read - r.report.rows_loaded;
  ASSERT_GT(rejected, 0) << "the file is meant to have rejected rows";
  // One source read in order: rows rise, and the gaps before, between and after the runs are the
  // rejected rows, no more and no fewer.
  const auto& runs = s.source_rows.runs();
  int64_t gaps = static_cast<int64_t>(runs.front().first_row) - 1;
  for (size_t k = 0; k + 1 < runs.size(); ++k) {
    const int64_t last = runs[k].first_row + (runs[k + 1].first_index - 1 - runs[k].first_index);
    ASSERT_GT(runs[k + 1].first_row, last) << "run " << k;
    gaps += runs[k + 1].first_row - last - 1;
  }
  gaps += r.report.rows_read - s.source_row_of(s.size() - 1);
  EXPECT_EQ(gaps, rejected);
  EXPECT_LE(runs.size(), static_cast<size_t>(rejected) + 1);
  std::printf("FGJ: %zu incidents, %lld rejected rows, %zu runs (%zu bytes; explicit column %zu)\n",
              s.size(), static_cast<long long>(rejected), runs.size(), s.source_rows.memory_bytes(),
              s.size() * sizeof(uint32_t));

  IncidentRowReader reader(path, o);
  expect_rows_read_back(s, reader, run_ends(s.source_rows, 500));

  // keep_rows: every other incident of the first 100 000 and all after; the kept rows still read
  // back as their incidents.
  std::vector<uint8_t> keep(s.size(), 1);
  for (size_t i = 0; i < 100'000; i += 2) keep[i] = 0;
  IncidentStore kept;
  kept.categories = s.categories;
  for (size_t i = 0; i < s.size(); ++i) {
    kept.push_back(s.x[i], s.y[i], s.t[i], s.category[i], s.flags[i]);
    kept.source_rows.push_back(s.source_row_of(i));
  }
  kept.keep_rows(keep);
  ASSERT_EQ(kept.size(), s.size() - 50'000);
  ASSERT_TRUE(kept.has_source_rows());
  for (size_t i = 0; i < kept.size(); ++i) {
    const size_t was = i < 50'000 ? 2 * i + 1 : i + 50'000;
    ASSERT_EQ(kept.source_row_of(i), s.source_row_of(was)) << i;
    ASSERT_EQ(kept.t[i], s.t[was]) << i;
  }
  expect_rows_read_back(kept, reader, {0, 1, 49'999, 50'000, kept.size() - 1});
}

}  // namespace
}  // namespace faro::io
