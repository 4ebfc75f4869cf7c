// `faro hotspots` maps (issue 15): the emerging PNG draws the emerging patterns with their own
// legend (it used to be pixel-identical to the Gi* PNG), in Spanish and English; and on real data
// (CDMX 2024, 1 km hexagons, ~900 cells) the permutations chosen from the number of units let the
// FDR correction reach the 99 % class, where the fixed 999 permutations found nothing.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "core/emerging_hotspots.hpp"
#include "io/gdal_env.hpp"
#include "render/hotspot_layer.hpp"
#include "render/style_fills.hpp"
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

struct Image {
  int w = 0, h = 0;
  std::vector<uint8_t> rgb;  // 3 bytes a pixel
  size_t count(faro::render::Rgba8 c) const {
    size_t n = 0;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3)
      n += rgb[i] == c.r && rgb[i + 1] == c.g && rgb[i + 2] == c.b;
    return n;
  }
};

Image read_png(const std::string& path) {
  faro::io::ensure_gdal();
  Image img;
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly));
  if (!ds) return img;
  img.w = ds->GetRasterXSize();
  img.h = ds->GetRasterYSize();
  img.rgb.resize(static_cast<size_t>(img.w) * img.h * 3);
  for (int b = 1; b <= 3; ++b)
    if (ds->GetRasterBand(b)->RasterIO(GF_Read, 0, 0, img.w, img.h, img.rgb.data() + b - 1, img.w,
                                       img.h, GDT_Byte, 3, img.w * 3) != CE_None)
      img.rgb.clear();
  GDALClose(ds);
  return img;
}

// The CSV's rows as fields (header included, "#" lines skipped).
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string item;
    while (std::getline(ls, item, ',')) f.push_back(item);
    rows.push_back(f);
  }
  return rows;
}

faro::EmergingPattern pattern_named(const std::string& name) {
  for (int p = 0; p < 17; ++p)
    if (name == faro::to_string(static_cast<faro::EmergingPattern>(p)))
      return static_cast<faro::EmergingPattern>(p);
  ADD_FAILURE() << "unknown pattern " << name;
  return faro::EmergingPattern::none;
}

TEST(HotspotsEmergingPng, DrawsTheEmergingPatternsWithTheirOwnLegend) {
  faro_test::TempDir tmp;
  const std::string common = "hotspots --internal --unit hex --cell 800 --from 2022-01-01 --to "
                             "2023-12-31 --width 1000 --height 800 ";
  for (const char* lang : {"es", "en"}) {
    SCOPED_TRACE(lang);
    const std::string gi = tmp.file(std::string("gi_") + lang + ".png");
    const std::string em = tmp.file(std::string("em_") + lang + ".png");
    const std::string csv = tmp.file(std::string("em_") + lang + ".csv");
    Result r = faro(common + "--lang " + lang + " -o " + gi);
    ASSERT_EQ(r.code, 0) << r.out;
    r = faro(common + "--lang " + lang + " --emerging -o " + em);
    ASSERT_EQ(r.code, 0) << r.out;
    r = faro(common + "--lang " + lang + " --emerging -o " + csv);
    ASSERT_EQ(r.code, 0) << r.out;
    if (const char* keep = std::getenv("FARO_CLI_TEST_KEEP")) {
      std::ifstream a(gi, std::ios::binary), b(em, std::ios::binary);
      std::ofstream(std::string(keep) + "/hotspots_gi_" + lang + ".png", std::ios::binary) << a.rdbuf();
      std::ofstream(std::string(keep) + "/hotspots_emerging_" + lang + ".png", std::ios::binary)
          << b.rdbuf();
    }
    const Image a = read_png(gi), b = read_png(em);
    ASSERT_EQ(a.w, 1000);
    ASSERT_EQ(b.w, 1000);
    ASSERT_EQ(a.rgb.size(), b.rgb.size());
    size_t differ = 0;
    for (size_t i = 0; i < a.rgb.size(); i += 3)
      differ += a.rgb[i] != b.rgb[i] || a.rgb[i + 1] != b.rgb[i + 1] || a.rgb[i + 2] != b.rgb[i + 2];
    EXPECT_GT(differ, 1000u) << "the emerging map looks like the Gi* map";
    // Every pattern the CSV gives a unit is drawn in its own colour (cells and legend swatch), a
    // colour the Gi* map does not use.
    const auto rows = read_csv(csv);
    ASSERT_GT(rows.size(), 10u);
    ASSERT_EQ(rows[0][8], "emerging");
    std::set<std::string> names;
    for (size_t i = 1; i < rows.size(); ++i) names.insert(rows[i][8]);
    size_t patterns = 0;
    for (const std::string& name : names) {
      const faro::EmergingPattern p = pattern_named(name);
      if (p == faro::EmergingPattern::none) continue;
      ++patterns;
      const faro::render::Rgba8 c = faro::render::emerging_fill(p);
      EXPECT_GT(b.count(c), 20u) << name;
      EXPECT_EQ(a.count(c), 0u) << name;
    }
    EXPECT_GE(patterns, 1u) << "the demo city shows no emerging pattern at all";
    // The Gi* map has the Gi* classes (its 99 % hot colour), the emerging one none of them.
    EXPECT_EQ(b.count(faro::render::gi_bin_fill(3)), 0u);
  }
}

TEST(HotspotsEmergingPng, RealDataOneKmHexagonsOf2024ReachNinetyNinePercent) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string base = "hotspots --internal --sectors " + sectors + " --incidents " +
                           incidents + " --unit hex --cell 1000 --from 2024-01-01 --to 2024-12-31 ";
  const auto count_hot99 = [](const std::vector<std::vector<std::string>>& rows) {
    size_t n = 0;
    for (size_t i = 1; i < rows.size(); ++i) n += rows[i][5] == "hot 99%";
    return n;
  };
  // The fixed 999 permutations (the old default): the smallest p, 0.002, times ~900 cells.
  const std::string fixed = tmp.file("fixed.csv");
  Result r = faro(base + "--permutations 999 -o " + fixed);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("warning: with 999 permutations"), std::string::npos) << r.out;
  const auto fixed_rows = read_csv(fixed);
  const size_t cells = fixed_rows.size() - 1;
  EXPECT_GT(cells, 500u);
  EXPECT_EQ(count_hot99(fixed_rows), 0u);
  // The rule: chosen from the number of cells.
  const std::string chosen = tmp.file("chosen.csv");
  r = faro(base + "-o " + chosen);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto rows = read_csv(chosen);
  ASSERT_EQ(rows.size() - 1, cells);
  const size_t hot99 = count_hot99(rows);
  std::printf("CDMX 2024, 1 km hexagons: %zu cells, p_method '%s', %zu hot at 99 %%\n%s", cells,
              rows[1].back().c_str(), hot99, r.out.c_str());
  EXPECT_GE(hot99, 1u);
  EXPECT_EQ(rows[1].back(), "analytic (checked with 9999 permutations)");
}

}  // namespace
