// Identify's read-back (io/incident_rows.hpp): every loaded incident keeps its source row
// (IncidentStore::source_rows, runs of consecutive rows), the incident cache keeps it, and reading that row back
// gives the source's own fields: in a CSV made here (blank lines, a quoted field over two lines,
// rejected rows, gzip), in an OGR source with --where, and in the 1.28 M-row FGJ file, whose `id`
// column is its row number (skipped when the shared data is absent).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <zlib.h>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
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

// Rows: 1 ok, 2 missing coordinates (rejected), blank line (not a row), 3 a note over two lines,
// 4 ok, 5 bad date (rejected), 6 ok.
constexpr const char* kCsv =
    "id,fecha,hora,delito,lat,lon,nota\n"
    "A1,2023-01-05,10:15,ROBO,19.40,-99.15,simple\n"
    "A2,2023-01-06,11:00,ROBO,,,sin coordenadas\n"
    "\n"
    "A3,2023-01-07,12:30,HOMICIDIO,19.41,-99.16,\"dos\nlíneas, con coma\"\n"
    "A4,2023-01-08,13:45,LESIONES,19.42,-99.17,\"comillas \"\"dobles\"\"\"\n"
    "A5,not-a-date,14:00,ROBO,19.43,-99.18,fecha mala\n"
    "A6,2023-01-10,23:59,FRAUDE,19.44,-99.19,última\n";

TEST_F(IncidentTest, CsvRowsReadBackAsTheSourceHasThem) {
  const std::string path = dir_.write("inc.csv", kCsv);
  const IncidentLoadResult r = load(path);
  ASSERT_EQ(r.store.size(), 4u);
  ASSERT_TRUE(r.store.has_source_rows());
  EXPECT_EQ(r.store.source_rows.expand(), (std::vector<uint32_t>{1, 3, 4, 6}));
  EXPECT_EQ(r.store.source_rows.run_count(), 3u);  // 1 | 3, 4 | 6

  IncidentRowReader reader(path, {});
  const std::vector<SourceRecord> back = reader.read({6, 3, 1, 4});
  ASSERT_EQ(back.size(), 4u);
  EXPECT_EQ(field(back[0], "id"), "A6");
  EXPECT_EQ(field(back[0], "nota"), "última");
  EXPECT_EQ(field(back[1], "id"), "A3");
  EXPECT_EQ(field(back[1], "nota"), "dos\nlíneas, con coma");
  EXPECT_EQ(field(back[1], "hora"), "12:30");
  EXPECT_EQ(field(back[2], "delito"), "ROBO");
  EXPECT_EQ(field(back[3], "nota"), "comillas \"dobles\"");
  EXPECT_EQ(back[0].fields.size(), 7u);  // every column, in source order
  EXPECT_EQ(back[0].fields.front().first, "id");
  // A row past the end is an error naming the file, not someone else's record.
  try {
    reader.read({99});
    ADD_FAILURE() << "row 99 read";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("inc.csv"), std::string::npos) << e.what();
  }
}

TEST_F(IncidentTest, RowsSurviveTheCacheAndGzip) {
  const std::string plain = dir_.write("inc.csv", kCsv);
  const std::string gz = dir_.file("inc2.csv.gz");
  gzFile f = gzopen(gz.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, kCsv, static_cast<unsigned>(std::string(kCsv).size()));
  gzclose(f);
  for (const std::string& path : {plain, gz}) {
    SCOPED_TRACE(path);
    const IncidentLoadResult cold = load(path);
    const IncidentLoadResult warm = load(path);
    EXPECT_EQ(warm.report.method, "cache");
    EXPECT_EQ(warm.store.source_rows, cold.store.source_rows);
    IncidentRowReader reader(path, {});
    EXPECT_EQ(field(reader.read({warm.store.source_row_of(2)}).front(), "id"), "A4");
  }
}

TEST_F(IncidentTest, OgrRowsFollowTheWhereFilter) {
  const std::string csv = dir_.write("inc.csv", kCsv);
  const std::string geojson = dir_.file("inc.geojson");
  ASSERT_TRUE(faro_test::translate(csv, geojson, {"-f", "GeoJSON"},
                                   {"X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat"}));
  IncidentSourceOptions o;
  o.where = "delito <> 'ROBO'";
  const IncidentLoadResult r = load(geojson, o);
  ASSERT_EQ(r.store.size(), 3u);  // HOMICIDIO, LESIONES, FRAUDE
  IncidentRowReader reader(geojson, o);
  for (size_t i = 0; i < r.store.size(); ++i) {
    const SourceRecord rec = reader.read({r.store.source_row_of(i)}).front();
    EXPECT_EQ(field(rec, "delito"), r.store.categories.name(r.store.category[i])) << i;
  }
  EXPECT_EQ(field(reader.read({r.store.source_row_of(2)}).front(), "id"), "A6");
}

// The real file: 1.28 M rows, gzip. Its `id` column is the row number, so a row read back must
// carry id == row, and the date, time and offence the store loaded.
TEST_F(IncidentTest, RealFgjRowsReadBackByRow) {
  FARO_REQUIRE_SHARED(path, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  IncidentSourceOptions o;
  o.category_field = "delito";
  const IncidentLoadResult r = load(path, o, "EPSG:32614");
  ASSERT_GT(r.store.size(), 1'000'000u);
  ASSERT_TRUE(r.store.has_source_rows());
  // The row index is runs (a few kB): the store stays within its 30-byte budget, sector included.
  EXPECT_LE(r.store.memory_bytes() + r.store.size() * sizeof(SectorCode), 30 * r.store.size());
  IncidentRowReader reader(path, o);
  using Clock = std::chrono::steady_clock;
  for (const size_t i : {r.store.size() - 3, r.store.size() / 2, size_t{7}, r.store.size() / 2 + 1}) {
    const uint32_t row = r.store.source_row_of(i);
    const auto t0 = Clock::now();
    const SourceRecord rec = reader.read({row}).front();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::printf("FGJ row %u (incident %zu): read back in %.1f ms\n", row, i, ms);
    EXPECT_EQ(field(rec, "id"), std::to_string(row));
    EXPECT_EQ(field(rec, "delito"), r.store.categories.name(r.store.category[i]));
    EXPECT_EQ(field(rec, "fecha_hecho"), format_date(r.store.t[i]));
  }
}

}  // namespace
}  // namespace faro::io
