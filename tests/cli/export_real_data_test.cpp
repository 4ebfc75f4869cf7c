// Partner-safe exports and maps on the real CDMX data (FGJ homicides and firearm injuries, police
// sectors 2023): a sector-month with 1-4 incidents is suppressed in CSV, GeoJSON and GeoPackage;
// no source coordinate reaches any file; the map of that month has no points, carries the
// protection footer, and its PNG holds no metadata chunk.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "export_test_util.hpp"

namespace {
using namespace export_test;

constexpr const char* kSectors = "cdmx-cuadrantes/sectores_2023.geojson";
constexpr const char* kIncidents = "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv";

// Latitude and longitude strings, exactly as the source CSV writes them, of rows whose date
// (second field) starts with `date_prefix`. They are the last two fields of each row.
std::vector<std::string> source_coordinates(const std::string& csv,
                                            const std::string& date_prefix) {
  std::vector<std::string> out;
  std::istringstream in(read_bytes(csv));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const size_t c1 = line.find(',');
    if (line.compare(c1 + 1, date_prefix.size(), date_prefix) != 0) continue;
    const size_t lon = line.rfind(','), lat = line.rfind(',', lon - 1);
    const std::string la = line.substr(lat + 1, lon - lat - 1), lo = line.substr(lon + 1);
    if (la.size() > 4 && lo.size() > 4) out.push_back(la), out.push_back(lo);
  }
  return out;
}

// PNG chunk types in file order.
std::vector<std::string> png_chunks(const std::string& bytes) {
  std::vector<std::string> out;
  for (size_t at = 8; at + 8 <= bytes.size();) {
    const uint32_t len = (uint8_t(bytes[at]) << 24) | (uint8_t(bytes[at + 1]) << 16) |
                         (uint8_t(bytes[at + 2]) << 8) | uint8_t(bytes[at + 3]);
    out.push_back(bytes.substr(at + 4, 4));
    at += 12 + len;
  }
  return out;
}

TEST(ExportRealData, CdmxSectorMonthWithFewIncidentsIsSuppressedInEveryFormat) {
  FARO_REQUIRE_SHARED(sectors, kSectors);
  FARO_REQUIRE_SHARED(incidents, kIncidents);
  faro_test::TempDir tmp;
  setenv("FARO_CACHE_DIR", tmp.path().c_str(), 1);
  const std::string data = "--sectors " + sectors + " --incidents " + incidents;
  const std::string filters = " --from 2024-01-01 --to 2024-06-30 --by month";
  const std::string ledger = " --ledger " + tmp.file("ledger.tsv");

  // The raw counts (internal) to find a sector-month with 1-4 incidents.
  const FaroRun internal =
      run_faro("export --internal " + data + filters + " -o " + tmp.file("raw.csv"));
  ASSERT_EQ(internal.code, 0) << internal.out;
  std::optional<Record> small;
  for (const Record& r : read_csv_records(tmp.file("raw.csv")))
    if (!small && r.count && *r.count >= 1 && *r.count <= 4 && r.unit[0] != '(' &&
        r.period != "total")
      small = r;
  ASSERT_TRUE(small) << "no sector-month with 1-4 incidents in 2024-01..06";
  std::cout << "sector-month with few incidents: " << small->unit << " " << small->period << " = "
            << *small->count << "\n";

  const std::vector<std::string> coords = source_coordinates(incidents, "2024-0");
  ASSERT_GT(coords.size(), 500u);
  ASSERT_EQ(run_faro("export " + data + " --from 2000-01-01 --to 2000-01-31" + ledger + "0 -o " +
                     tmp.file("empty.geojson"))
                .code,
            0);
  const std::string empty_geojson = read_bytes(tmp.file("empty.geojson"));

  for (const std::string ext : {"csv", "geojson", "gpkg"}) {
    SCOPED_TRACE(ext);
    const std::string out = tmp.file("safe." + ext);
    const FaroRun r = run_faro("export " + data + filters + ledger + " -o " + out);
    ASSERT_EQ(r.code, 0) << r.out;
    const std::vector<Record> recs =
        ext == "csv" ? read_csv_records(out) : read_vector_records(out);
    bool found = false;
    for (const Record& rec : recs) {
      if (rec.count) {
        EXPECT_FALSE(*rec.count >= 1 && *rec.count <= 4) << rec.unit << rec.period;
      }
      if (rec.unit == small->unit && rec.period == small->period) {
        found = true;
        EXPECT_TRUE(rec.suppressed);
        EXPECT_FALSE(rec.count.has_value());
      }
    }
    EXPECT_TRUE(found);
    const std::string bytes = read_bytes(out);
    // The CSV line: the common marker ("<5", or "s" when a complement had to be 5 or more).
    if (ext == "csv") {
      EXPECT_TRUE(bytes.find(small->unit + "," + small->period + ",<5,1\n") != std::string::npos ||
                  bytes.find(small->unit + "," + small->period + ",s,1\n") != std::string::npos);
    }
    size_t leaked = 0;
    for (const std::string& c : coords)
      if (bytes.find(c) != std::string::npos &&
          (ext != "geojson" || empty_geojson.find(c) == std::string::npos))
        ++leaked;
    EXPECT_EQ(leaked, 0u) << "source coordinates found in " << out;
  }

  // The map of that month: points requested but not drawn, footer present, no PNG metadata.
  const std::string month = small->period;  // e.g. 2024-03
  const std::string range = " --from " + month + "-01 --to " + month + "-28";
  const std::string safe_png = tmp.file("safe.png"), internal_png = tmp.file("internal.png");
  const std::string map_args =
      data + range + " --lang en --layers heatmap,sectors,points --width 800 --height 600 -o ";
  const FaroRun safe = run_faro("render " + map_args + safe_png);
  ASSERT_EQ(safe.code, 0) << safe.out;
  EXPECT_NE(safe.out.find("points layer removed"), std::string::npos) << safe.out;
  EXPECT_NE(safe.out.find("Protection: counts < 5 suppressed, bandwidth ≥ 500 m"),
            std::string::npos)
      << safe.out;
  const FaroRun raw = run_faro("render --internal " + map_args + internal_png);
  ASSERT_EQ(raw.code, 0) << raw.out;
  EXPECT_EQ(raw.out.find("points layer removed"), std::string::npos);
  for (const std::string& png : {safe_png, internal_png}) {
    const std::string bytes = read_bytes(png);
    const std::vector<std::string> chunks = png_chunks(bytes);
    for (const std::string& c : chunks)
      EXPECT_TRUE(c == "IHDR" || c == "IDAT" || c == "IEND") << "PNG chunk " << c << " in " << png;
    size_t leaked = 0;
    for (const std::string& c : coords) leaked += bytes.find(c) != std::string::npos;
    EXPECT_EQ(leaked, 0u);
  }
  EXPECT_NE(read_bytes(safe_png), read_bytes(internal_png));
  unsetenv("FARO_CACHE_DIR");
}

}  // namespace
