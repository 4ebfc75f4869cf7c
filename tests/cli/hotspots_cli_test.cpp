// `faro hotspots` and `faro knox` end to end: the demo city (CSV, GeoJSON, PNG, emerging), usage
// errors, and the real CDMX cuadrantes against an independent GDAL/GEOS + numpy computation.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result faro(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " " + args, &r.out);
  return r;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Plain CSV (names without commas or quotes, as in these outputs): rows of fields, header first;
// the "# notice" first line is skipped.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(slurp(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string item;
    while (std::getline(ls, item, ',')) f.push_back(item);
    if (!line.empty() && line.back() == ',') f.push_back("");
    rows.push_back(f);
  }
  return rows;
}

TEST(HotspotsCli, DemoCsvIsConsistent) {
  faro_test::TempDir tmp;
  const std::string a = tmp.file("a.csv"), b = tmp.file("b.csv");
  Result r = faro("hotspots --internal -o " + a);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("demo city"), std::string::npos) << r.out;
  const auto rows = read_csv(a);
  ASSERT_GT(rows.size(), 10u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"unit", "count", "gi_z", "p", "p_fdr", "class",
                                               "gi_bin", "p_norm", "p_method"}));
  // 70 demo sectors: 200 x 70 = 14000 permutations, chosen so that FDR can reach 99 %.
  EXPECT_EQ(rows[1][8], "permutation 14000");
  EXPECT_NE(r.out.find("p: permutation 14000, chosen for 70 units"), std::string::npos) << r.out;
  const std::map<std::string, int> bins{{"hot 99%", 3},         {"hot 95%", 2},   {"hot 90%", 1},
                                        {"not significant", 0}, {"cold 90%", -1}, {"cold 95%", -2},
                                        {"cold 99%", -3}};
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& f = rows[i];
    ASSERT_EQ(f.size(), 9u) << i;
    const double z = std::stod(f[2]), p = std::stod(f[3]), p_fdr = std::stod(f[4]);
    EXPECT_GT(p, 0.0);
    EXPECT_LE(p, 1.0);
    EXPECT_GE(p_fdr + 1e-12, p);  // BH never lowers a p
    // Class from the FDR-corrected p and the sign of z (ArcGIS Gi_Bin).
    const int level = p_fdr < 0.01 ? 3 : p_fdr < 0.05 ? 2 : p_fdr < 0.10 ? 1 : 0;
    EXPECT_EQ(bins.at(f[5]), z > 0 ? level : -level) << f[0];
    EXPECT_EQ(std::stoi(f[6]), bins.at(f[5]));
  }
  // Same seed, same file; another seed changes the permutation p-values only.
  ASSERT_EQ(faro("hotspots --internal -o " + b).code, 0);
  EXPECT_EQ(slurp(a), slurp(b));
  ASSERT_EQ(faro("hotspots --internal --seed 7 -o " + b).code, 0);
  EXPECT_NE(slurp(a), slurp(b));
  EXPECT_EQ(read_csv(b)[1][2], rows[1][2]);  // z does not depend on the seed
}

TEST(HotspotsCli, DemoHexEmergingGeoJsonAndPng) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("hex.csv"), gj = tmp.file("hex.geojson"),
                    png = tmp.file("hex.png");
  Result r = faro(
      "hotspots --internal --unit hex --cell 600 --emerging --by month --permutations 199 -o " +
      csv);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("hexagons of 600 m"), std::string::npos) << r.out;
  const auto rows = read_csv(csv);
  ASSERT_GT(rows.size(), 100u);
  ASSERT_EQ(rows[0].size(), 12u);
  EXPECT_EQ(rows[0][8], "emerging");
  EXPECT_EQ(rows[0][11], "p_method");
  EXPECT_EQ(rows[1][11], "permutation 199");  // the user's number, kept
  // ...with a warning: 199 permutations cannot reach 99 % over this many hexagons.
  EXPECT_NE(r.out.find("warning: with 199 permutations"), std::string::npos) << r.out;
  const std::set<std::string> patterns{
      "No Pattern Detected",   "New Hot Spot",          "Consecutive Hot Spot",
      "Intensifying Hot Spot", "Persistent Hot Spot",   "Diminishing Hot Spot",
      "Sporadic Hot Spot",     "Oscillating Hot Spot",  "Historical Hot Spot",
      "New Cold Spot",         "Consecutive Cold Spot", "Intensifying Cold Spot",
      "Persistent Cold Spot",  "Diminishing Cold Spot", "Sporadic Cold Spot",
      "Oscillating Cold Spot", "Historical Cold Spot"};
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_TRUE(patterns.count(rows[i][8])) << rows[i][8];

  r = faro(
      "hotspots --internal --unit grid --cell 800 --neighbours distance:1200 --permutations 99 "
      "-o " +
      gj);
  ASSERT_EQ(r.code, 0) << r.out;
  const nlohmann::json doc = nlohmann::json::parse(slurp(gj));
  ASSERT_EQ(doc["type"], "FeatureCollection");
  ASSERT_GT(doc["features"].size(), 10u);
  for (const auto& f : doc["features"]) {
    const auto& ring = f["geometry"]["coordinates"][0][0];
    ASSERT_EQ(ring.size(), 5u);  // closed square
    const double lon = ring[0][0], lat = ring[0][1];
    EXPECT_GT(lon, -180);
    EXPECT_LT(lon, 180);
    EXPECT_GT(lat, -90);
    EXPECT_LT(lat, 90);
    EXPECT_TRUE(f["properties"].contains("gi_z"));
    EXPECT_EQ(f["properties"]["p_method"], "permutation 99");
  }

  r = faro("hotspots --permutations 99 --width 800 --height 600 -o " + png);
  ASSERT_EQ(r.code, 0) << r.out;
  faro::io::ensure_gdal();
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(png.c_str(), GA_ReadOnly));
  ASSERT_NE(ds, nullptr);
  EXPECT_EQ(ds->GetRasterXSize(), 800);
  EXPECT_EQ(ds->GetRasterYSize(), 600);
  GDALClose(ds);
}

TEST(HotspotsCli, UsageErrors) {
  EXPECT_EQ(faro("hotspots --unit blocks -o x.csv").code, 2);
  EXPECT_EQ(faro("hotspots --neighbours knn:5 -o x.csv").code, 2);
  EXPECT_EQ(faro("hotspots -o x.txt").code, 2);
  EXPECT_EQ(faro("hotspots --permutations -3 -o x.csv").code, 2);
  EXPECT_EQ(faro("hotspots").code, 2);  // -o required
  EXPECT_EQ(faro("knox --distance-bands 200,100").code, 2);
  EXPECT_EQ(faro("knox --time-bands 7,x").code, 2);
  const Result help = faro("hotspots --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--neighbours"), std::string::npos);
}

TEST(KnoxCli, DemoTable) {
  faro_test::TempDir tmp;
  const std::string out = tmp.file("knox.csv");
  Result r = faro("knox --permutations 49 --distance-bands 150,300 --time-bands 7,21 -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto rows = read_csv(out);
  ASSERT_EQ(rows.size(), 1u + 2 * 3);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"distance_band", "time_band", "observed", "expected",
                                               "ratio", "p"}));
  EXPECT_EQ(rows[1][0], "0-150m");
  EXPECT_EQ(rows[1][1], "0-7d");
  EXPECT_EQ(rows[2][1], "8-21d");
  EXPECT_EQ(rows[3][1], ">21d");
  EXPECT_EQ(rows[4][0], "150-300m");
  for (size_t i = 1; i < rows.size(); ++i) {
    const double obs = std::stod(rows[i][2]), exp = std::stod(rows[i][3]);
    EXPECT_NEAR(std::stod(rows[i][4]), obs / exp, 1e-5 * obs / exp + 1e-9);
    const double p = std::stod(rows[i][5]);
    EXPECT_GE(p, 1.0 / 50 - 1e-12);  // (1 + k) / (49 + 1)
    EXPECT_LE(p, 1.0);
  }
}

TEST(HotspotsCli, CdmxCuadrantesMatchGdalGeosOracle) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/cuadrantes_population_2023.shp");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string out = tmp.file("cdmx.csv");
  Result r = faro("hotspots --internal --sectors " + sectors + " --incidents " + incidents +
                  " --sector-field Nomenclatu -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  // 2573 contiguity pairs = 6.07556 neighbours on average over 847 cuadrantes.
  EXPECT_NE(r.out.find("847 sectors, queen contiguity (1 m tolerance), 6.07556 neighbours"),
            std::string::npos)
      << r.out;
  const auto rows = read_csv(out);
  ASSERT_EQ(rows.size(), 848u);
  std::map<std::string, std::pair<double, double>> by_name;  // count, z
  double total = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    by_name[rows[i][0]] = {std::stod(rows[i][1]), std::stod(rows[i][2])};
    total += std::stod(rows[i][1]);
  }
  // scripts/oracle_hotspots_cdmx.py (python3-gdal: cuadrantes to EPSG:32614, neighbours = GEOS
  // distance <= 1 m, points counted with GEOS Contains, Gi* with numpy): 2573 pairs, 11825
  // incidents inside cuadrantes, and these z-scores (the 5 highest and 3 lowest).
  EXPECT_EQ(total, 11825);
  const std::vector<std::tuple<std::string, double, double>> oracle = {
      {"P-1.4.3", 53, 7.284763921},  {"P-1.2.6", 87, 6.895307835}, {"O-1.9.7", 66, 6.673852370},
      {"P-1.2.4", 69, 6.209346447},  {"C-1.6.5", 36, 6.191805992}, {"S-1.1.5", 1, -2.557069736},
      {"S-2.1.10", 3, -2.562968997}, {"S-1.2.10", 1, -2.608488225}};
  for (const auto& [name, count, z] : oracle) {
    ASSERT_TRUE(by_name.count(name)) << name;
    EXPECT_EQ(by_name[name].first, count) << name;
    EXPECT_NEAR(by_name[name].second, z, 5e-5 * std::abs(z)) << name;  // CSV has 6 digits
  }
}

}  // namespace
