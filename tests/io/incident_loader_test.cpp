// load_incidents on well-formed sources: column detection, CSV dialects, date orders, the three
// read paths giving the same store, the columnar cache, --where and --from/--to, and real data.
#include <filesystem>
#include <fstream>
#include <map>

#include <cpl_vsi.h>

#include "core/errors.hpp"
#include "incident_test_util.hpp"

namespace {
namespace fs = std::filesystem;
using faro::RowIssue;
using faro::io::IncidentSourceOptions;
using faro_test::category_of;
using faro_test::has_note_containing;
using faro_test::year_of;

class IncidentLoaderTest : public faro_test::IncidentTest {};

faro::CivilSeconds civil(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0) {
  return faro::days_from_civil(y, m, d) * faro::kSecondsPerDay + hh * 3600 + mm * 60 + ss;
}

// ---- column detection ---------------------------------------------------------------------

struct PairCase {
  const char* x;
  const char* y;
};

class CoordinatePairTest : public faro_test::IncidentTest,
                           public ::testing::WithParamInterface<PairCase> {};

TEST_P(CoordinatePairTest, DetectsPairByName) {
  const PairCase p = GetParam();
  const std::string csv = std::string("fecha,") + p.y + "," + p.x + ",delito\n" +
                          "2021-03-04,19.5,-99.25,ROBO\n2021-03-05,19.25,-99.5,LESIONES\n";
  const auto r = load(dir_.write("pairs.csv", csv));
  ASSERT_EQ(r.store.size(), 2u) << r.report.to_text();
  EXPECT_DOUBLE_EQ(r.store.x[0], -99.25);  // work CRS EPSG:4326: identity, traditional order
  EXPECT_DOUBLE_EQ(r.store.y[0], 19.5);
  EXPECT_EQ(r.store.t[1], civil(2021, 3, 5));
  EXPECT_TRUE(has_note_containing(r.report, std::string("x=") + p.x + " y=" + p.y))
      << r.report.to_text();
}

INSTANTIATE_TEST_SUITE_P(Names, CoordinatePairTest,
                         ::testing::Values(PairCase{"longitud", "latitud"}, PairCase{"lon", "lat"},
                                           PairCase{"lng", "lat"}, PairCase{"long", "lat"},
                                           PairCase{"x", "y"}, PairCase{"LONGITUD", "Latitud"},
                                           PairCase{"Lng", "LAT"}));

TEST_F(IncidentLoaderTest, DetectsDateTimeCategoryAndIdColumns) {
  const auto r = load(dir_.write("cols.csv",
                                 "folio,occurred_on,hora,categoria,lat,lon,extra\n"
                                 "A-1,2020-05-06,13:45:10,ROBO,19.4,-99.1,zz\n"));
  ASSERT_EQ(r.store.size(), 1u);
  EXPECT_TRUE(
      has_note_containing(r.report, "date=occurred_on time=hora category=categoria id=folio"))
      << r.report.to_text();
  EXPECT_EQ(r.store.t[0], civil(2020, 5, 6, 13, 45, 10));
  EXPECT_EQ(r.store.flags[0] & faro::kHasTimeOfDay, faro::kHasTimeOfDay);
  EXPECT_EQ(category_of(r.store, 0), "ROBO");
  EXPECT_EQ(r.store.category_field, "categoria");
  EXPECT_TRUE(has_note_containing(r.report, "CRS assumed EPSG:4326"));
  EXPECT_EQ(r.report.method, "csv-fast");
}

TEST_F(IncidentLoaderTest, OptionsOverrideDetection) {
  IncidentSourceOptions o;
  o.x_field = "px";
  o.y_field = "py";
  o.date_field = "cuando";
  o.category_field = "que";
  const auto r =
      load(dir_.write("o.csv", "px,py,cuando,que,fecha\n-99.2,19.3,2022-01-02,X,garbage\n"), o);
  ASSERT_EQ(r.store.size(), 1u) << r.report.to_text();
  EXPECT_EQ(r.store.t[0], civil(2022, 1, 2));
  EXPECT_EQ(category_of(r.store, 0), "X");
  o.date_field = "nope";
  try {
    load(dir_.file("o.csv"), o);
    FAIL() << "expected DataError";
  } catch (const faro::DataError& e) {
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("o.csv"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("cuando"), std::string::npos)
        << "lists fields: " << e.what();
  }
}

// ---- CSV dialects ---------------------------------------------------------------------------

TEST_F(IncidentLoaderTest, QuotedFieldsWithDelimitersQuotesAndNewlines) {
  const auto r = load(dir_.write("q.csv",
                                 "id,fecha,delito,lat,lon\n"
                                 "1,2020-01-01,\"ROBO, CON \"\"VIOLENCIA\"\"\",19.1,-99.1\n"
                                 "2,2020-01-02,\"LINEA UNO\nLINEA DOS\",19.2,-99.2\n"
                                 "3,\"2020-01-03\",PLAIN,\"19.3\",\"-99.3\"\n"));
  ASSERT_EQ(r.store.size(), 3u) << r.report.to_text();
  EXPECT_EQ(category_of(r.store, 0), "ROBO, CON \"VIOLENCIA\"");
  EXPECT_EQ(category_of(r.store, 1), "LINEA UNO\nLINEA DOS");
  EXPECT_DOUBLE_EQ(r.store.y[2], 19.3);
  EXPECT_EQ(r.report.rows_read, 3);
  EXPECT_EQ(r.report.rows_rejected(), 0);
}

TEST_F(IncidentLoaderTest, CrlfAndBomAndNoFinalNewline) {
  const auto r = load(dir_.write("crlf.csv",
                                 "\xEF\xBB\xBFid,fecha_hecho,hora_hecho,latitud,longitud\r\n"
                                 "1,2020-01-01,10:00:00,19.1,-99.1\r\n"
                                 "2,2020-01-02,11:30:00,19.2,-99.2"));
  ASSERT_EQ(r.store.size(), 2u) << r.report.to_text();
  EXPECT_TRUE(
      has_note_containing(r.report, "x=longitud y=latitud date=fecha_hecho time=hora_hecho id=id"));
  EXPECT_EQ(r.store.t[0], civil(2020, 1, 1, 10));
  EXPECT_EQ(r.store.t[1], civil(2020, 1, 2, 11, 30));
  EXPECT_DOUBLE_EQ(r.store.x[1], -99.2);
}

TEST_F(IncidentLoaderTest, SemicolonDelimiterWithDecimalCommas) {
  const auto r = load(dir_.write("semi.csv",
                                 "fecha;delito;lat;lon\n"
                                 "2020-01-01;ROBO;19,25;-99,5\n"
                                 "2020-01-02;\"A; B\";19.5;-99.25\n"));
  ASSERT_EQ(r.store.size(), 2u) << r.report.to_text();
  EXPECT_DOUBLE_EQ(r.store.y[0], 19.25);
  EXPECT_DOUBLE_EQ(r.store.x[0], -99.5);
  EXPECT_EQ(category_of(r.store, 1), "A; B");
  EXPECT_TRUE(has_note_containing(r.report, "delimiter: ;"));
}

TEST_F(IncidentLoaderTest, TabDelimitedFile) {
  const auto r =
      load(dir_.write("t.tsv", "date\tcrime\tlat\tlng\n2019-07-08\tTHEFT\t39.9\t-75.1\n"));
  ASSERT_EQ(r.store.size(), 1u) << r.report.to_text();
  EXPECT_EQ(category_of(r.store, 0), "THEFT");
}

// Writes `contents` through GDAL's virtual file layer (/vsigzip/, /vsizip/ writing).
void vsi_write(const std::string& vsi_path, const std::string& contents) {
  VSILFILE* f = VSIFOpenL(vsi_path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << vsi_path;
  ASSERT_EQ(VSIFWriteL(contents.data(), 1, contents.size(), f), contents.size());
  VSIFCloseL(f);
}

TEST_F(IncidentLoaderTest, CompressedAndArchivedCsvReadThroughVsi) {
  const std::string csv =
      "id,fecha,delito,lat,lon\n1,2020-01-01,ROBO,19.1,-99.1\n2,2020-01-02,X,19.2,-99.2\n";
  const auto plain = load(dir_.write("v.csv", csv));
  vsi_write("/vsigzip/" + dir_.file("v.csv.gz"), csv);
  vsi_write("/vsizip/" + dir_.file("v.zip") + "/inner/v.csv", csv);
  const auto gz = load(dir_.file("v.csv.gz"));  // plain path: /vsigzip/ added
  const auto zip = load("/vsizip/" + dir_.file("v.zip") + "/inner/v.csv");
  for (const auto* r : {&gz, &zip}) {
    EXPECT_EQ(r->report.method, "csv-fast");
    EXPECT_EQ(r->store.x, plain.store.x);
    EXPECT_EQ(r->store.t, plain.store.t);
    EXPECT_EQ(r->store.category, plain.store.category);
  }
  EXPECT_EQ(load("/vsizip/" + dir_.file("v.zip") + "/inner/v.csv").report.method, "cache");
}

TEST_F(IncidentLoaderTest, WeightColumnIsReadAndBadWeightsCounted) {
  IncidentSourceOptions o;
  o.weight_field = "victimas";
  const auto r = load(dir_.write("wt.csv",
                                 "fecha,victimas,lat,lon\n2020-01-01,2,19,-99\n"
                                 "2020-01-02,1.5,19,-99\n2020-01-03,dos,19,-99\n"),
                      o);
  ASSERT_EQ(r.store.size(), 2u);
  ASSERT_EQ(r.store.weight.size(), 2u);
  EXPECT_FLOAT_EQ(r.store.weight[0], 2.0f);
  EXPECT_FLOAT_EQ(r.store.weight[1], 1.5f);
  const auto& m = r.report.tally(RowIssue::malformed_row);
  ASSERT_EQ(m.count, 1);
  EXPECT_EQ(m.examples[0].field, "victimas");
  EXPECT_EQ(m.examples[0].row, 3);
}

// ---- dates ----------------------------------------------------------------------------------

TEST_F(IncidentLoaderTest, SlashDatesAreDayFirstUnlessMdy) {
  const std::string path =
      dir_.write("d.csv", "fecha,lat,lon\n03/04/2020,19.1,-99.1\n25/12/2021,19.1,-99.1\n");
  const auto dmy = load(path);
  ASSERT_EQ(dmy.store.size(), 2u);
  EXPECT_EQ(dmy.store.t[0], civil(2020, 4, 3));
  EXPECT_EQ(dmy.store.t[1], civil(2021, 12, 25));

  IncidentSourceOptions o;
  o.date_order = faro::DateOrder::mdy;
  const auto mdy = load(path, o);
  ASSERT_EQ(mdy.store.size(), 1u) << mdy.report.to_text();
  EXPECT_EQ(mdy.store.t[0], civil(2020, 3, 4));
  // 25/12/2021 read month-first is month 25: rejected with row and field named.
  const auto& bad = mdy.report.tally(RowIssue::date_out_of_range);
  ASSERT_EQ(bad.count, 1);
  EXPECT_EQ(bad.examples[0].row, 2);
  EXPECT_EQ(bad.examples[0].field, "fecha");
  EXPECT_EQ(bad.examples[0].value, "25/12/2021");
}

TEST_F(IncidentLoaderTest, IsoDateTimeWithTAndZone) {
  const auto r = load(dir_.write("iso.csv",
                                 "datetime,lat,lon\n2020-02-03T04:05:06Z\n"
                                 "2020-02-03T04:05:06Z,19.1,-99.1\n"
                                 "2021-06-07T23:59:59.250-05:00,19.1,-99.1\n"
                                 "2021-06-08,19.1,-99.1\n"));
  // Row 1 has one field: malformed (counted, not dropped silently).
  EXPECT_EQ(r.report.count(RowIssue::malformed_row), 1);
  ASSERT_EQ(r.store.size(), 3u) << r.report.to_text();
  EXPECT_EQ(r.store.t[0], civil(2020, 2, 3, 4, 5, 6));  // wall clock kept, zone dropped
  EXPECT_EQ(r.store.t[1], civil(2021, 6, 7, 23, 59, 59));
  EXPECT_TRUE(r.store.flags[0] & faro::kHasTimeOfDay);
  EXPECT_FALSE(r.store.flags[2] & faro::kHasTimeOfDay);
  EXPECT_EQ(r.report.count(RowIssue::missing_time), 1);
}

TEST_F(IncidentLoaderTest, FromToFiltersAreCounted) {
  IncidentSourceOptions o;
  o.from = civil(2020, 1, 2);
  o.to_exclusive = civil(2020, 1, 4);
  const auto r =
      load(dir_.write("ft.csv",
                      "fecha,hora,lat,lon\n2020-01-01,23:59:59,19,-99\n2020-01-02,00:00:00,19,-99\n"
                      "2020-01-03,23:59:59,19,-99\n2020-01-04,00:00:00,19,-99\n"),
           o);
  EXPECT_EQ(r.store.size(), 2u);
  EXPECT_EQ(r.report.count(RowIssue::filtered_by_date), 2);
  EXPECT_EQ(r.report.rows_loaded + r.report.rows_rejected(), r.report.rows_read);
  EXPECT_EQ(r.report.tally(RowIssue::filtered_by_date).examples[0].row, 1);
}

// ---- same data through the three read paths ------------------------------------------------

TEST_F(IncidentLoaderTest, CsvGeoJsonAndGeoPackageGiveTheSameStore) {
  std::string csv = "id,fecha_hecho,hora_hecho,delito,latitud,longitud\n";
  const char* kinds[] = {"ROBO", "HOMICIDIO", "LESIONES"};
  for (int i = 0; i < 60; ++i) {
    char line[160];
    std::snprintf(line, sizeof line, "%d,2021-%02d-%02d,%02d:%02d:00,%s,%.5f,%.5f\n", i + 1,
                  1 + i % 12, 1 + i % 28, i % 24, (i * 7) % 60, kinds[i % 3], 19.2 + i * 0.003,
                  -99.3 + i * 0.004);
    csv += line;
  }
  const std::string csv_path = dir_.write("same.csv", csv);
  const std::vector<std::string> oo = {"X_POSSIBLE_NAMES=longitud", "Y_POSSIBLE_NAMES=latitud",
                                       "AUTODETECT_TYPE=YES"};
  const std::string geojson = dir_.file("same.geojson");
  const std::string gpkg = dir_.file("same.gpkg");
  ASSERT_TRUE(
      faro_test::translate(csv_path, geojson, {"-f", "GeoJSON", "-a_srs", "EPSG:4326"}, oo));
  ASSERT_TRUE(faro_test::translate(csv_path, gpkg, {"-f", "GPKG", "-a_srs", "EPSG:4326"}, oo));

  const auto a = load(csv_path, {}, "EPSG:32614");
  const auto b = load(geojson, {}, "EPSG:32614");
  const auto c = load(gpkg, {}, "EPSG:32614");
  EXPECT_EQ(a.report.method, "csv-fast");
  EXPECT_EQ(b.report.method, "features");
  EXPECT_EQ(c.report.method, "arrow");
  for (const auto* r : {&a, &b, &c}) {
    ASSERT_EQ(r->store.size(), 60u) << r->report.to_text();
    for (size_t i = 0; i < 60; ++i) {
      EXPECT_NEAR(r->store.x[i], a.store.x[i], 1e-6) << r->report.method << " row " << i;
      EXPECT_NEAR(r->store.y[i], a.store.y[i], 1e-6) << r->report.method << " row " << i;
      EXPECT_EQ(r->store.t[i], a.store.t[i]) << r->report.method << " row " << i;
      EXPECT_EQ(r->store.flags[i], a.store.flags[i]) << r->report.method << " row " << i;
      EXPECT_EQ(category_of(r->store, i), category_of(a.store, i)) << r->report.method;
    }
  }
  EXPECT_EQ(a.store.t[5], civil(2021, 6, 6, 5, 35));
  EXPECT_GT(a.store.x[0], 400000);  // UTM 14N eastings
}

// ---- cache ----------------------------------------------------------------------------------

TEST_F(IncidentLoaderTest, CacheHitIsIdenticalAndChangesInvalidateIt) {
  const std::string path =
      dir_.write("c.csv",
                 "id,fecha,hora,delito,lat,lon\n1,2020-01-01,01:00,ROBO,19.1,-99.1\n"
                 "2,2020-01-02,,HOMICIDIO,19.2,-99.2\n3,bad,,X,19.3,-99.3\n");
  const auto cold = load(path, {}, "EPSG:32614");
  const auto warm = load(path, {}, "EPSG:32614");
  EXPECT_EQ(cold.report.method, "csv-fast");
  EXPECT_EQ(warm.report.method, "cache");
  EXPECT_EQ(warm.store.x, cold.store.x);
  EXPECT_EQ(warm.store.y, cold.store.y);
  EXPECT_EQ(warm.store.t, cold.store.t);
  EXPECT_EQ(warm.store.category, cold.store.category);
  EXPECT_EQ(warm.store.flags, cold.store.flags);
  EXPECT_EQ(warm.store.categories.names(), cold.store.categories.names());
  EXPECT_EQ(warm.store.work_srs, "EPSG:32614");
  EXPECT_EQ(warm.report.rows_read, 3);
  EXPECT_EQ(warm.report.count(RowIssue::unparseable_date), 1);
  EXPECT_EQ(warm.report.tally(RowIssue::unparseable_date).examples[0].row, 3);
  EXPECT_EQ(warm.report.count(RowIssue::missing_time), 1);
  // The cold read's notes come back as the same keys and arguments (worded when shown), followed
  // by the cache's own note.
  ASSERT_EQ(warm.report.notes.size(), cold.report.notes.size() + 1);
  for (size_t i = 0; i < cold.report.notes.size(); ++i)
    EXPECT_EQ(warm.report.notes[i], cold.report.notes[i]) << i;
  EXPECT_EQ(warm.report.notes.back().key, faro::Msg::load_note_from_cache);
  EXPECT_NE(faro::format_note(warm.report.notes.back(), faro::Language::es).find("caché"), std::string::npos);
  // Nothing written next to the source; the entry is in the cache directory.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()), fs::directory_iterator()), 1);
  EXPECT_GE(
      std::distance(fs::directory_iterator(cache_.path() / "incidents"), fs::directory_iterator()),
      1);

  // Different options → a different entry (not a stale hit).
  IncidentSourceOptions mdy;
  mdy.date_order = faro::DateOrder::mdy;
  EXPECT_EQ(load(path, mdy, "EPSG:32614").report.method, "csv-fast");
  EXPECT_EQ(load(path, {}, "EPSG:4326").report.method, "csv-fast");
  IncidentSourceOptions no_cache;
  no_cache.use_cache = false;
  EXPECT_EQ(load(path, no_cache, "EPSG:32614").report.method, "csv-fast");

  // Size change: appended row.
  { std::ofstream(path, std::ios::app) << "4,2020-01-04,,ROBO,19.4,-99.4\n"; }
  const auto grown = load(path, {}, "EPSG:32614");
  EXPECT_EQ(grown.report.method, "csv-fast");
  EXPECT_EQ(grown.store.size(), 3u);
  EXPECT_EQ(load(path, {}, "EPSG:32614").report.method, "cache");

  // Same size, new content and mtime.
  std::string text;
  {
    std::ifstream in(path);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  text.replace(text.find("19.4"), 4, "19.5");
  dir_.write("c.csv", text);
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
  const auto edited = load(path, {}, "EPSG:32614");
  EXPECT_EQ(edited.report.method, "csv-fast");
  EXPECT_NE(edited.store.y.back(), grown.store.y.back());
}

TEST_F(IncidentLoaderTest, CorruptCacheEntryIsIgnored) {
  const std::string path =
      dir_.write("k.csv", "fecha,lat,lon\n2020-01-01,19.1,-99.1\n2020-01-02,19.2,-99.2\n");
  const auto cold = load(path);
  ASSERT_EQ(load(path).report.method, "cache");
  for (const auto& e : fs::directory_iterator(cache_.path() / "incidents")) {
    // Flip a byte inside the columns; then truncate another copy.
    std::fstream f(e.path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(e.path()) / 2));
    f.put('\x7f');
  }
  const auto again = load(path);
  EXPECT_EQ(again.report.method, "csv-fast");
  EXPECT_EQ(again.store.y, cold.store.y);
  for (const auto& e : fs::directory_iterator(cache_.path() / "incidents"))
    fs::resize_file(e.path(), 40);
  EXPECT_EQ(load(path).report.method, "csv-fast");
  EXPECT_EQ(load(path).report.method, "cache");
}

// ---- --where --------------------------------------------------------------------------------

TEST_F(IncidentLoaderTest, WhereIsEvaluatedByGdal) {
  const std::string path =
      dir_.write("w.csv",
                 "id,fecha,anio,delito,lat,lon\n1,2020-01-01,2020,ROBO,19.1,-99.1\n"
                 "2,2021-01-02,2021,HOMICIDIO,19.2,-99.2\n3,2022-01-03,2022,ROBO,19.3,-99.3\n");
  IncidentSourceOptions o;
  o.where = "delito = 'ROBO'";
  const auto r = load(path, o);
  EXPECT_EQ(r.report.method, "features");  // GDAL's CSV driver, not the fast path
  ASSERT_EQ(r.store.size(), 2u) << r.report.to_text();
  EXPECT_DOUBLE_EQ(r.store.y[1], 19.3);
  EXPECT_EQ(r.store.t[1], civil(2022, 1, 3));
  o.where = "anio >= 2021";  // numbers compare as numbers
  EXPECT_EQ(load(path, o).store.size(), 2u);

  const std::string gpkg = dir_.file("w.gpkg");
  ASSERT_TRUE(faro_test::translate(
      path, gpkg, {"-f", "GPKG", "-a_srs", "EPSG:4326"},
      {"X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat", "AUTODETECT_TYPE=YES"}));
  o.where = "delito = 'HOMICIDIO'";
  const auto g = load(gpkg, o);
  ASSERT_EQ(g.store.size(), 1u) << g.report.to_text();
  EXPECT_EQ(g.store.t[0], civil(2021, 1, 2));

  o.where = "no_such_field = 3";
  EXPECT_THROW(load(path, o), faro::DataError);
}

// ---- real data (skipped with a message when ../shared/data is absent) ------------------------

std::map<int, int> per_year(const faro::IncidentStore& s) {
  std::map<int, int> m;
  for (const int64_t t : s.t) ++m[year_of(t)];
  return m;
}

TEST_F(IncidentLoaderTest, RealFgjHomicidesCsvAndGeoJsonAgree) {
  FARO_REQUIRE_SHARED(csv, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  FARO_REQUIRE_SHARED(geojson, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.geojson");
  const auto a = load(csv, {}, "EPSG:32614");
  ASSERT_EQ(a.store.size(), 11850u) << a.report.to_text();
  const std::map<int, int> expected{{2019, 2815}, {2020, 2195}, {2021, 1821},
                                    {2022, 1690}, {2023, 1643}, {2024, 1686}};
  EXPECT_EQ(per_year(a.store), expected);
  const auto b = load(geojson, {}, "EPSG:32614");
  EXPECT_EQ(b.report.method, "features");
  ASSERT_EQ(b.store.size(), 11850u) << b.report.to_text();
  EXPECT_EQ(b.store.t, a.store.t);
  // The GeoJSON was written with 7 decimals (~1 cm), the CSV keeps full precision.
  for (size_t i = 0; i < a.store.size(); i += 97) {
    EXPECT_NEAR(b.store.x[i], a.store.x[i], 0.02);
    EXPECT_NEAR(b.store.y[i], a.store.y[i], 0.02);
    EXPECT_EQ(category_of(b.store, i), category_of(a.store, i));
  }
}

TEST_F(IncidentLoaderTest, RealFgjAllOffencesGzipSlowish) {
  FARO_REQUIRE_SHARED(gz, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  IncidentSourceOptions o;
  o.use_cache = false;  // really inflate and parse
  const auto r = load("/vsigzip/" + gz, o, "EPSG:32614");
  EXPECT_EQ(r.report.method, "csv-fast");
  EXPECT_EQ(r.report.rows_read, 1282913);
  EXPECT_EQ(r.store.size(), 1282913u) << r.report.to_text();
  EXPECT_LE(r.store.memory_bytes(), 40 * r.store.size());
}

TEST_F(IncidentLoaderTest, RealPhillyShootingsCountsRowsWithoutCoordinates) {
  FARO_REQUIRE_SHARED(csv, "philly-shootings/shootings.csv");
  const auto r = load(csv, {}, "EPSG:32618");
  EXPECT_TRUE(has_note_containing(r.report, "x=lng y=lat date=date_ time=time"))
      << r.report.to_text();
  EXPECT_EQ(r.report.rows_read, 7055);
  EXPECT_EQ(r.report.count(RowIssue::missing_coordinates), 80);
  EXPECT_EQ(r.report.rows_loaded + r.report.rows_rejected(), r.report.rows_read);
  EXPECT_EQ(r.report.rows_loaded, static_cast<int64_t>(r.store.size()));
  EXPECT_EQ(r.store.size(), 7055u - 80u);
}

}  // namespace
