// `faro goals` end to end on real CDMX data (the example programs file with goals for Alto al
// Fuego's sectors in Álvaro Obregón): the baseline and current counts, the change, the DiD and the
// rate match a direct count of the raw CSV rows assigned to sectors here (own CSV parsing,
// reprojection and polygon index, not the incident loader or the goal code); the partner-safe
// default, the PDF in both languages, and bad goals named in the error.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/polygon_index.hpp"
#include "io/reproject.hpp"
#include "io/sector_loader.hpp"
#include "test_support.hpp"

namespace {

constexpr const char* kSectors = "cdmx-cuadrantes/sectores_2023.geojson";
constexpr const char* kIncidents = "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv";
const std::string kExample = std::string(FARO_TEST_DATA) + "/goals/alto_al_fuego_cdmx.json";

struct Result {
  int code;
  std::string out;
};

Result faro_goals(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " goals " + args, &r.out);
  return r;
}

// RFC 4180 fields of one line (quotes doubled inside quoted fields; no newlines in these files).
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> f(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') f.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else f.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      f.emplace_back();
    } else if (c != '\r') {
      f.back() += c;
    }
  }
  return f;
}

std::vector<std::vector<std::string>> read_goal_rows(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') rows.push_back(split_csv(line));
  return rows;
}

// Incidents of `groups` per (year, sector name), counted straight from the raw CSV.
struct DirectCounts {
  std::map<std::pair<int, std::string>, int64_t> by_year_sector;
  double population(const faro::SectorSet& s, const std::set<std::string>& names) const {
    double p = 0;
    for (const auto& sec : s.sectors)
      if (names.count(sec.name)) p += sec.population.value_or(0);
    return p;
  }
  int64_t sum(int year, const std::set<std::string>& names, bool inside) const {
    int64_t n = 0;
    for (const auto& [key, c] : by_year_sector)
      if (key.first == year && names.count(key.second) == (inside ? 1u : 0u) && !key.second.empty())
        n += c;
    return n;
  }
};

DirectCounts count_directly(const std::string& csv, const faro::SectorSet& sectors,
                            const std::set<std::string>& groups) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split_csv(line);
  const auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t c_date = col("fecha_hecho"), c_group = col("grupo"), c_lat = col("latitud"),
               c_lon = col("longitud");
  std::vector<double> x, y;
  std::vector<int> year;
  while (std::getline(in, line)) {
    const auto f = split_csv(line);
    if (f.size() <= std::max({c_date, c_group, c_lat, c_lon}) || !groups.count(f[c_group]))
      continue;
    if (f[c_lat].empty() || f[c_lon].empty() || f[c_date].size() < 4) continue;
    x.push_back(std::stod(f[c_lon]));
    y.push_back(std::stod(f[c_lat]));
    year.push_back(std::stoi(f[c_date].substr(0, 4)));
  }
  const faro::io::Reprojector to_work("EPSG:4326", sectors.work_srs);
  std::vector<int> ok(x.size(), 1);
  to_work.transform(x.size(), x.data(), y.data(), ok.data());
  const faro::SectorIndex index(sectors);
  DirectCounts d;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!ok[i]) continue;
    const int32_t s = index.locate(x[i], y[i]);
    if (s >= 0) ++d.by_year_sector[{year[i], sectors.sectors[s].name}];
  }
  return d;
}

TEST(GoalsCli, RealCdmxCountsMatchADirectCount) {
  FARO_REQUIRE_SHARED(sectors_path, kSectors);
  FARO_REQUIRE_SHARED(incidents_path, kIncidents);
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("goals.csv");
  const std::string data = "--sectors " + sectors_path + " --incidents " + incidents_path +
                           " --category-field grupo --programs '" + kExample + "' ";
  const Result r = faro_goals(data + "--internal --lang en -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto rows = read_goal_rows(csv);
  ASSERT_EQ(rows.size(), 4u) << r.out;
  EXPECT_EQ(rows[0], (std::vector<std::string>{"program", "indicator", "baseline", "current",
                                               "change_pct", "target", "progress_pct", "status"}));

  const faro::SectorSet sectors = faro::io::load_sectors(sectors_path, {}).sectors;
  const std::set<std::string> program = {"PLATEROS", "ALPES", "SANTA FE"};
  const DirectCounts both =
      count_directly(incidents_path, sectors, {"homicidio_doloso", "lesiones_arma_fuego"});
  const int64_t b = both.sum(2019, program, true), c = both.sum(2023, program, true);
  ASSERT_GT(b, 0);
  // reduction_pct: 2019 and 2023 both have 365 days, so the change is the count ratio.
  EXPECT_EQ(rows[1][1], "reduction_pct");
  EXPECT_EQ(std::stoll(rows[1][2]), b);
  EXPECT_EQ(std::stoll(rows[1][3]), c);
  EXPECT_NEAR(std::stod(rows[1][4]), (double(c) / b - 1) * 100, 0.051);
  const double reduction = (1 - double(c) / b) * 100;
  EXPECT_NEAR(std::stod(rows[1][6]), reduction / 30 * 100, 0.051);
  EXPECT_EQ(rows[1][7], reduction >= 30 ? "met" : "off_track");
  // did_reduction_pct: against every sector in no program.
  const int64_t cb = both.sum(2019, program, false), cc = both.sum(2023, program, false);
  const double rr = (double(c) / b) / (double(cc) / cb);
  EXPECT_EQ(std::stoll(rows[2][2]), b);
  EXPECT_NEAR(std::stod(rows[2][4]), (rr - 1) * 100, 0.051);
  // rate_per_10k_max: homicides in 2024 per 10,000 inhabitants of the three sectors.
  const DirectCounts homicides = count_directly(incidents_path, sectors, {"homicidio_doloso"});
  const double rate = homicides.sum(2024, program, true) / both.population(sectors, program) * 1e4;
  EXPECT_NEAR(std::stod(rows[3][3]), rate, 0.0051);
  EXPECT_EQ(rows[3][7], rate <= 1 ? "met" : "off_track");
  // The summary speaks the chosen language.
  EXPECT_NE(r.out.find("Reduction of incidents (target: -30 %)"), std::string::npos) << r.out;

  // Partner-safe by default: the notice comes first, these counts are large enough to print.
  const std::string safe = tmp.file("safe.csv");
  const Result s = faro_goals(data + "-o " + safe);
  ASSERT_EQ(s.code, 0) << s.out;
  std::ifstream first(safe);
  std::string notice;
  std::getline(first, notice);
  EXPECT_EQ(notice.rfind("# ", 0), 0u) << notice;
  EXPECT_EQ(read_goal_rows(safe)[1][2], rows[1][2]);

  // The PDF, one page per program, in both languages.
  for (const char* lang : {"es", "en"}) {
    const std::string pdf = tmp.file(std::string("goals_") + lang + ".pdf");
    const Result p = faro_goals(data + "--lang " + lang + " -o " + pdf);
    ASSERT_EQ(p.code, 0) << p.out;
    EXPECT_NE(p.out.find("1 pages"), std::string::npos) << p.out;
    std::ifstream in(pdf, std::ios::binary);
    std::string magic(4, '\0');
    in.read(magic.data(), 4);
    EXPECT_EQ(magic, "%PDF");
    std::string text;
    if (std::system("command -v pdftotext > /dev/null 2>&1") == 0 &&
        faro_test::run_command("pdftotext '" + pdf + "' -", &text) == 0) {
      EXPECT_NE(text.find(std::string(lang) == "es" ? "Metas del programa" : "Program goals"),
                std::string::npos)
          << text;
    }
  }

  // The weekly brief carries a goals line per program (status and progress).
  const std::string brief = tmp.file("brief.pdf");
  std::string brief_out;
  ASSERT_EQ(faro_test::run_command(std::string(FARO_BINARY) + " brief " + data +
                                       "--internal --week 2024-W52 --lang en -o " + brief,
                                   &brief_out),
            0)
      << brief_out;
  std::string text;
  if (std::system("command -v pdftotext > /dev/null 2>&1") == 0 &&
      faro_test::run_command("pdftotext '" + brief + "' -", &text) == 0) {
    EXPECT_NE(text.find("Goals · Alto al Fuego"), std::string::npos) << text;
  }
}

TEST(GoalsCli, OpenWindowAsOfAndBadGoals) {
  FARO_REQUIRE_SHARED(sectors_path, kSectors);
  FARO_REQUIRE_SHARED(incidents_path, kIncidents);
  faro_test::TempDir tmp;
  const std::string data = "--sectors " + sectors_path + " --incidents " + incidents_path +
                           " --category-field grupo ";
  // As of mid-2024 the 2024 window is open: on or off track, never met.
  const Result open = faro_goals(data + "--programs '" + kExample + "' --as-of 2024-06-30");
  ASSERT_EQ(open.code, 0) << open.out;
  const std::string last_row = open.out.substr(open.out.rfind("rate_per_10k_max"));
  EXPECT_TRUE(last_row.find("on_track") != std::string::npos ||
              last_row.find("off_track") != std::string::npos)
      << open.out;
  // A goal on a column the incidents were not loaded with, and an unknown indicator.
  const std::string bad = tmp.write("bad.json", R"({"programs": [{"name": "P",
    "sectors": [{"sector": "PLATEROS", "start": "2020-01-01"}],
    "goals": [{"indicator": "count_max", "where": "delito = 'X'", "from": "2023-01-01",
               "to": "2023-12-31", "target": 3}]}]})");
  const Result wrong_field = faro_goals(data + "--programs " + bad);
  EXPECT_EQ(wrong_field.code, 1) << wrong_field.out;
  EXPECT_NE(wrong_field.out.find("program 'P', goal 1, field 'where'"), std::string::npos)
      << wrong_field.out;
  const std::string unknown = tmp.write("unknown.json", R"({"programs": [{"name": "P",
    "sectors": [{"sector": "PLATEROS", "start": "2020-01-01"}],
    "goals": [{"indicator": "count_max", "from": "2023-01-01", "to": "2023-12-31",
               "target": 3}, {"indicator": "meta", "from": "2023-01-01", "to": "2023-12-31"}]}]})");
  const Result bad_indicator = faro_goals(data + "--programs " + unknown);
  EXPECT_EQ(bad_indicator.code, 1);
  EXPECT_NE(bad_indicator.out.find("program 'P', goal 2, field 'indicator'"), std::string::npos)
      << bad_indicator.out;
}

}  // namespace
