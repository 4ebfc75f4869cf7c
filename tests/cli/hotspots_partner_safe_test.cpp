// `faro hotspots` partner-safe by default (issue 7): counts 1..k-1 and their complements are
// written "<5", no z/p/trend statistic is published (see cli/hotspot_output.hpp for why), and the
// first line says which protection applied; `--internal` writes everything, stamped.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.hpp"

namespace {

int faro(const std::string& args, std::string* out) {
  return faro_test::run_command(std::string(FARO_BINARY) + " " + args, out);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Lines split on commas (unit names in the demo have no commas or quotes).
std::vector<std::vector<std::string>> rows_of(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string item;
    while (std::getline(ls, item, ',')) f.push_back(item);
    if (!line.empty() && line.back() == ',') f.push_back("");
    rows.push_back(f);
  }
  return rows;
}

TEST(HotspotsPartnerSafe, CsvPublishesNoCountFromOneToFourAndNoStatistics) {
  faro_test::TempDir tmp;
  const std::string safe = tmp.file("safe.csv"), internal = tmp.file("internal.csv");
  std::string log;
  // 600 m hexagons over the demo city: many cells with 1..4 incidents.
  ASSERT_EQ(faro("hotspots --unit hex --cell 600 --permutations 99 -o " + safe, &log), 0) << log;
  EXPECT_NE(log.find("partner-safe:"), std::string::npos) << log;
  ASSERT_EQ(
      faro("hotspots --internal --unit hex --cell 600 --permutations 99 -o " + internal, &log), 0)
      << log;
  const auto s = rows_of(slurp(safe)), i = rows_of(slurp(internal));
  ASSERT_EQ(s.size(), i.size());
  ASSERT_GT(s.size(), 100u);
  EXPECT_EQ(s[0][0].rfind("# Protección: conteos < 5 suprimidos", 0), 0u) << s[0][0];
  const std::string first_line = slurp(safe).substr(0, slurp(safe).find('\n'));
  EXPECT_NE(first_line.find("Protection: counts < 5 suppressed, unit: hexagon"), std::string::npos)
      << first_line;
  EXPECT_EQ(i[0][0].rfind("# USO INTERNO / INTERNAL USE", 0), 0u) << i[0][0];
  EXPECT_EQ(s[1], i[1]);  // same header
  size_t small = 0, hidden = 0;
  for (size_t r = 2; r < s.size(); ++r) {
    ASSERT_EQ(s[r][0], i[r][0]);
    const long long raw = std::stoll(i[r][1]);
    if (raw >= 1 && raw <= 4) ++small;
    if (s[r][1] == "<5") {
      ++hidden;
    } else {
      const long long published = std::stoll(s[r][1]);
      EXPECT_EQ(published, raw) << s[r][0];
      EXPECT_FALSE(published >= 1 && published <= 4) << s[r][0] << " publishes " << published;
    }
    EXPECT_EQ(s[r][2], "") << "gi_z published for " << s[r][0];
    EXPECT_EQ(s[r][3], "");
    EXPECT_EQ(s[r][4], "");
    EXPECT_EQ(s[r][7], "");
    EXPECT_EQ(s[r][5], i[r][5]);  // the class is kept
  }
  EXPECT_GT(small, 10u);     // the check is not vacuous
  EXPECT_GE(hidden, small);  // every small count hidden (plus complements, if any)
}

TEST(HotspotsPartnerSafe, GeoJsonHidesSmallCountsAsNull) {
  faro_test::TempDir tmp;
  const std::string gj = tmp.file("safe.geojson");
  std::string log;
  ASSERT_EQ(faro("hotspots --unit hex --cell 600 --permutations 99 -o " + gj, &log), 0) << log;
  const nlohmann::json doc = nlohmann::json::parse(slurp(gj));
  EXPECT_NE(doc["faro_notice"].get<std::string>().find("Protection"), std::string::npos);
  size_t suppressed = 0;
  for (const auto& f : doc["features"]) {
    const auto& p = f["properties"];
    EXPECT_TRUE(p["gi_z"].is_null());
    if (p["suppressed"].get<bool>()) {
      ++suppressed;
      EXPECT_TRUE(p["count"].is_null());
    } else {
      const double c = p["count"];
      EXPECT_FALSE(c >= 1 && c <= 4) << c;
    }
  }
  EXPECT_GT(suppressed, 10u);
}

}  // namespace
