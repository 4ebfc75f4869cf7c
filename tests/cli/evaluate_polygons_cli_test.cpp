// `faro evaluate --programs <polygon layer>`: programs drawn as polygons (no sector column) get
// their sectors from the polygons. Drawing the demo city's "Fase 1" sectors as polygons with the
// same rollout dates must give the same treated sectors and counts as the demo's rollout table.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/civil_time.hpp"
#include "core/demo_city.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;

std::string ring_json(const faro::Ring& ring) {
  std::ostringstream s;
  s.precision(12);
  s << "[";
  for (const faro::Vec2& v : ring) s << "[" << v.x << "," << v.y << "],";
  s << "[" << ring.front().x << "," << ring.front().y << "]]";  // GeoJSON rings are closed
  return s.str();
}

// The sectors of demo program `p` as GeoJSON features in the demo's CRS (EPSG:32614), one per
// sector with that sector's rollout date, plus one nameless feature the loader must reject.
std::string polygons_of(const faro::DemoCity& city, const faro::Program& p) {
  std::string text = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":)"
                     R"("urn:ogc:def:crs:EPSG::32614"}},"features":[)";
  for (const faro::ProgramSector& ps : p.sectors) {
    const faro::Sector& s = city.sectors.sectors[*city.sectors.find(ps.sector)];
    std::string polys;
    for (const faro::Polygon& poly : s.shape) {
      polys += (polys.empty() ? "[" : ",[") + ring_json(poly.outer);
      for (const faro::Ring& h : poly.holes) polys += "," + ring_json(h);
      polys += "]";
    }
    text += R"({"type":"Feature","properties":{"programa":"Poligonos","inicio":")" +
            faro::format_date(ps.start) +
            R"("},"geometry":{"type":"MultiPolygon","coordinates":[)" + polys + "]}},";
  }
  text += R"({"type":"Feature","properties":{"programa":null,"inicio":"2020-01-01"},)"
          R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})";
  return text;
}

json read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str(), nullptr, false);
}

TEST(EvaluatePolygonsCli, PolygonProgramMatchesTheSameRolloutTable) {
  const faro::DemoCity city = faro::generate_demo_city();
  const faro::Program& fase1 = city.programs.at(0);
  ASSERT_EQ(fase1.name, "Alto al Fuego - Fase 1");
  faro_test::TempDir tmp;
  const std::string polygons = tmp.write("polygons.geojson", polygons_of(city, fase1));

  std::string out_poly, out_table;
  const std::string a = tmp.file("poly.json"), b = tmp.file("table.json");
  ASSERT_EQ(faro_test::run_command(std::string(FARO_BINARY) + " evaluate --programs " + polygons +
                                       " --program Poligonos -o " + a,
                                   &out_poly),
            0)
      << out_poly;
  ASSERT_EQ(faro_test::run_command(
                std::string(FARO_BINARY) + " evaluate --program 'Alto al Fuego - Fase 1' -o " + b,
                &out_table),
            0)
      << out_table;
  // The nameless feature is reported, not silently dropped.
  EXPECT_NE(out_poly.find("malformed"), std::string::npos) << out_poly;

  const json jp = read_json(a), jt = read_json(b);
  ASSERT_FALSE(jp.is_discarded());
  ASSERT_FALSE(jt.is_discarded());
  EXPECT_EQ(jp["program"], "Poligonos");
  EXPECT_EQ(jp["treated"]["sectors"].size(), fase1.sectors.size());
  EXPECT_EQ(jp["treated"]["sectors"], jt["treated"]["sectors"]);
  EXPECT_EQ(jp["treated"]["before"], jt["treated"]["before"]);
  EXPECT_EQ(jp["treated"]["after"], jt["treated"]["after"]);
}

}  // namespace
