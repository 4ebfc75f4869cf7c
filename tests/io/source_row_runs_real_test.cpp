// The source rows as runs (core/source_row_runs.hpp) on real FGJ data, whose `id` column is the
// 1-based row number. The real files reject no row, so rejections are made here: a copy of the
// homicide file (11 850 rows) with the coordinates of every 97th row blanked and the date of every
// 211th row broken. The rows the store keeps must then be exactly the undamaged ids (the explicit
// column the store held before runs), through the cache and keep_rows, and read back as
// themselves. The 1.28 M-row file (no rejections) is one run. LoadIdentityReal's checksum covers
// the expanded column, so it prints the explicit column's figure from before runs (6975c163...).
// Skipped when the shared data is absent.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

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

// Columns: id,fecha_hecho,hora_hecho,anio,trimestre,delito,grupo,arma_fuego,alcaldia_hecho,
// colonia,latitud,longitud (no quoted commas in this file). Returns the damaged file's text and
// fills `kept_rows` with the rows a loader must keep.
std::string damaged_copy(const std::string& path, std::vector<uint32_t>& kept_rows) {
  std::ifstream in(path);
  std::string line, out;
  std::getline(in, line);
  out += line + "\n";
  for (uint32_t row = 1; std::getline(in, line); ++row) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (line.back() == ',') f.emplace_back();
    EXPECT_EQ(f.size(), 12u) << "row " << row;
    if (row % 97 == 0) f[10] = f[11] = "";       // no coordinates: rejected
    else if (row % 211 == 0) f[1] = "sin-fecha";  // bad date: rejected
    else kept_rows.push_back(row);
    for (size_t k = 0; k < f.size(); ++k) out += (k ? "," : "") + f[k];
    out += "\n";
  }
  return out;
}

TEST_F(IncidentTest, RealFgjRowsWithRejectionsAreTheExplicitColumn) {
  FARO_REQUIRE_SHARED(src, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  std::vector<uint32_t> expected;
  const std::string path = dir_.write("homicidios_danados.csv", damaged_copy(src, expected));
  ASSERT_GT(expected.size(), 11'000u);
  IncidentSourceOptions o;
  o.category_field = "delito";
  const IncidentLoadResult cold = load(path, o, "EPSG:32614");
  ASSERT_EQ(cold.report.rows_read - cold.report.rows_loaded,
            static_cast<int64_t>(11'850 - expected.size()));
  const IncidentStore& s = cold.store;
  ASSERT_TRUE(s.has_source_rows());
  EXPECT_EQ(s.source_rows.expand(), expected);
  // One run per stretch between rejected rows, 8 bytes each.
  size_t stretches = 1;
  for (size_t i = 1; i < expected.size(); ++i) stretches += expected[i] != expected[i - 1] + 1;
  EXPECT_EQ(s.source_rows.run_count(), stretches);
  std::printf("FGJ homicides with %zu rejected rows: %zu runs, %zu bytes (explicit column %zu)\n",
              11'850 - expected.size(), s.source_rows.run_count(), s.source_rows.memory_bytes(),
              s.size() * sizeof(uint32_t));

  const IncidentLoadResult warm = load(path, o, "EPSG:32614");
  EXPECT_EQ(warm.report.method, "cache");
  EXPECT_EQ(warm.store.source_rows, s.source_rows);

  IncidentRowReader reader(path, o);
  const std::vector<size_t> probe{0, 95, 96, 207, 5'000, s.size() - 1};
  std::vector<uint32_t> rows;
  for (size_t i : probe) rows.push_back(s.source_row_of(i));
  const std::vector<SourceRecord> back = reader.read(rows);
  for (size_t k = 0; k < probe.size(); ++k) {
    EXPECT_EQ(field(back[k], "id"), std::to_string(expected[probe[k]]));
    EXPECT_EQ(field(back[k], "delito"), s.categories.name(s.category[probe[k]]));
    EXPECT_EQ(field(back[k], "fecha_hecho"), format_date(s.t[probe[k]]));
  }

  // keep_rows (the sector-less loader's extent cut, --where on a copy): the kept incidents keep
  // their rows. Keep the incidents whose row is odd.
  IncidentStore cut = warm.store;
  std::vector<uint8_t> keep(cut.size());
  std::vector<uint32_t> odd;
  for (size_t i = 0; i < keep.size(); ++i)
    if ((keep[i] = expected[i] % 2)) odd.push_back(expected[i]);
  cut.keep_rows(keep);
  ASSERT_TRUE(cut.has_source_rows());
  EXPECT_EQ(cut.source_rows.expand(), odd);
}

TEST_F(IncidentTest, RealFgjWholeFileIsOneRun) {
  FARO_REQUIRE_SHARED(path, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  IncidentSourceOptions o;
  o.use_cache = false;
  const IncidentLoadResult r = load(path, o, "EPSG:32614");
  ASSERT_GT(r.store.size(), 1'000'000u);
  ASSERT_EQ(r.report.rows_read, r.report.rows_loaded);  // the file rejects no row
  ASSERT_TRUE(r.store.has_source_rows());
  EXPECT_EQ(r.store.source_rows.run_count(), 1u);
  EXPECT_EQ(r.store.source_row_of(0), 1u);
  EXPECT_EQ(r.store.source_row_of(r.store.size() - 1), r.store.size());
}

}  // namespace
}  // namespace faro::io
