#include "io/program_polygon_loader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "incident_test_util.hpp"
#include "io/demo_writer.hpp"
#include "io/reproject.hpp"
#include "io/workspace_loader.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

// A 2x2 grid of 1 km square sectors in UTM 14N (EPSG:32614), near Mexico City:
//   C D      (y 1000..2000 m above the origin)
//   A B      (y 0..1000 m)
constexpr double kX0 = 480000, kY0 = 2140000;

SectorSet grid_sectors() {
  SectorSet set;
  set.work_srs = "EPSG:32614";
  const char* names[] = {"A", "B", "C", "D"};
  for (int i = 0; i < 4; ++i) {
    const double x = kX0 + 1000.0 * (i % 2), y = kY0 + 1000.0 * (i / 2);
    Sector s;
    s.name = names[i];
    s.shape = {Polygon{{{x, y}, {x + 1000, y}, {x + 1000, y + 1000}, {x, y + 1000}}, {}}};
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    set.sectors.push_back(std::move(s));
  }
  return set;
}

// A GeoJSON polygon ring in lon/lat for the working-CRS rectangle [x0,x1]x[y0,y1] (metres from
// the grid origin), densified so the reprojected edges stay within centimetres of straight lines.
// Uses Reprojector (PROJ via OGR's transformation) in the opposite direction to the loader.
std::string lonlat_ring(double x0, double y0, double x1, double y1) {
  std::vector<double> xs, ys;
  const int n = 10;
  auto edge = [&](double ax, double ay, double bx, double by) {
    for (int k = 0; k < n; ++k)
      xs.push_back(kX0 + ax + (bx - ax) * k / n), ys.push_back(kY0 + ay + (by - ay) * k / n);
  };
  edge(x0, y0, x1, y0), edge(x1, y0, x1, y1), edge(x1, y1, x0, y1), edge(x0, y1, x0, y0);
  xs.push_back(xs.front()), ys.push_back(ys.front());
  std::vector<int> ok(xs.size(), 1);
  Reprojector("EPSG:32614", "EPSG:4326").transform(xs.size(), xs.data(), ys.data(), ok.data());
  std::ostringstream s;
  s.precision(12);
  s << "[";
  for (size_t i = 0; i < xs.size(); ++i) s << (i ? "," : "") << "[" << xs[i] << "," << ys[i] << "]";
  s << "]";
  return s.str();
}

std::string lonlat_rect(double x0, double y0, double x1, double y1) {
  return R"({"type":"Polygon","coordinates":[)" + lonlat_ring(x0, y0, x1, y1) + "]}";
}

std::string feature(const std::string& props, const std::string& geometry) {
  return R"({"type":"Feature","properties":{)" + props + R"(},"geometry":)" + geometry + "}";
}

CivilSeconds day(int y, unsigned m, unsigned d) {
  return days_from_civil(y, m, d) * kSecondsPerDay;
}

std::string write_programs(faro_test::TempDir& tmp) {
  const std::string features[] = {
      // Alto: A and C (a strip over the left column, margins outside the grid)
      feature(R"("programa":"Alto","inicio":"2020-01-01","fin":null)",
              lonlat_rect(-50, -50, 1000, 2050)),
      // Alto again: B, later, with an end date
      feature(R"("programa":"Alto","inicio":"2021-03-15","fin":"2023-06-30")",
              lonlat_rect(1000, -50, 2050, 1000)),
      // Otro: D fully, C only 40 % (x 600..1000 of C), so C's pole (500, 1500) stays outside
      feature(R"("programa":"Otro","inicio":"2022-07-01","fin":null)",
              lonlat_rect(600, 1000, 2050, 2050)),
      // rejected: no name, bad date, no geometry
      feature(R"("programa":null,"inicio":"2020-01-01","fin":null)", lonlat_rect(0, 0, 10, 10)),
      feature(R"("programa":"Malo","inicio":"not-a-date","fin":null)", lonlat_rect(0, 0, 10, 10)),
      R"({"type":"Feature","properties":{"programa":"Vacio","inicio":"2020-01-01","fin":null},)"
      R"("geometry":null})",
  };
  std::string text = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < std::size(features); ++i) text += (i ? ",\n" : "\n") + features[i];
  text += "]}\n";
  return tmp.write("programs.geojson", text);
}

TEST(ProgramPolygonLoader, AssignsSectorsCoveredByReprojectedPolygons) {
  faro_test::TempDir tmp;
  const std::string path = write_programs(tmp);
  const SectorSet sectors = grid_sectors();
  ASSERT_TRUE(is_program_polygon_layer(path));
  const ProgramLoadResult r = load_program_polygons(path, sectors);

  ASSERT_EQ(r.programs.size(), 2u);
  const Program& alto = r.programs[0];
  EXPECT_EQ(alto.name, "Alto");
  ASSERT_EQ(alto.sectors.size(), 3u);
  EXPECT_EQ(alto.sectors[0], (ProgramSector{"A", day(2020, 1, 1), std::nullopt}));
  EXPECT_EQ(alto.sectors[1], (ProgramSector{"C", day(2020, 1, 1), std::nullopt}));
  EXPECT_EQ(alto.sectors[2], (ProgramSector{"B", day(2021, 3, 15), day(2023, 6, 30)}));
  // Area in working metres: 1050 x 2100 + 1050 x 1050, exact up to the densified reprojection.
  ASSERT_EQ(alto.area.size(), 2u);
  EXPECT_NEAR(area(alto.area), 1050.0 * 2100 + 1050.0 * 1050, 5.0);
  EXPECT_NEAR(alto.area[0].outer[0].x, kX0 - 50, 0.01);
  EXPECT_NEAR(alto.area[0].outer[0].y, kY0 - 50, 0.01);

  const Program& otro = r.programs[1];
  EXPECT_EQ(otro.name, "Otro");
  ASSERT_EQ(otro.sectors.size(), 1u);
  EXPECT_EQ(otro.sectors[0], (ProgramSector{"D", day(2022, 7, 1), std::nullopt}));
  EXPECT_NEAR(area(otro.area), 1450.0 * 1050, 5.0);

  EXPECT_EQ(r.report.rows_read, 6);
  EXPECT_EQ(r.report.rows_loaded, 3);
  EXPECT_EQ(r.report.count(RowIssue::malformed_row), 1);
  EXPECT_EQ(r.report.count(RowIssue::unparseable_date), 1);
  EXPECT_EQ(r.report.count(RowIssue::empty_geometry), 1);
  EXPECT_EQ(r.report.rows_rejected(), 3);
}

TEST(ProgramPolygonLoader, EarliestStartWinsWhenFeaturesOverlap) {
  faro_test::TempDir tmp;
  const std::string text =
      std::string(R"({"type":"FeatureCollection","features":[)") +
      feature(R"("name":"P","start":"2022-01-01")", lonlat_rect(0, 0, 2000, 1000)) + "," +
      feature(R"("name":"P","start":"2021-01-01")", lonlat_rect(1000, 0, 2000, 2000)) + "]}";
  const ProgramLoadResult r = load_program_polygons(tmp.write("p.geojson", text), grid_sectors());
  ASSERT_EQ(r.programs.size(), 1u);
  ASSERT_EQ(r.programs[0].sectors.size(), 3u);  // A, B from the first; D from the second
  EXPECT_EQ(r.programs[0].sectors[0].start, day(2022, 1, 1));  // A
  EXPECT_EQ(r.programs[0].sectors[1].sector, "B");
  EXPECT_EQ(r.programs[0].sectors[1].start, day(2021, 1, 1));  // moved earlier by the second
  EXPECT_EQ(r.programs[0].sectors[2].sector, "D");
}

// The rule is > 50 % of the sector's area, not where its centre falls: A is covered 60 % by a
// square with a central hole (632.456^2 = 40 % of 1 km^2, holding A's centre); C 55 % by a strip
// that holds its centre, D 45 % by one that does not.
TEST(ProgramPolygonLoader, MoreThanHalfTheSectorAreaDecides) {
  faro_test::TempDir tmp;
  const double h = 1000 * std::sqrt(0.4) / 2;  // half side of the hole
  const std::string holed = R"({"type":"Polygon","coordinates":[)" + lonlat_ring(0, 0, 1000, 1000) +
                            "," + lonlat_ring(500 - h, 500 - h, 500 + h, 500 + h) + "]}";
  const std::string text =
      std::string(R"({"type":"FeatureCollection","features":[)") +
      feature(R"("name":"P","start":"2022-01-01")", holed) + "," +
      feature(R"("name":"Q","start":"2022-01-01")", lonlat_rect(0, 1000, 550, 2000)) + "," +
      feature(R"("name":"R","start":"2022-01-01")", lonlat_rect(1550, 1000, 2000, 2000)) + "]}";
  const ProgramLoadResult r = load_program_polygons(tmp.write("h.geojson", text), grid_sectors());
  ASSERT_EQ(r.programs.size(), 3u);
  ASSERT_EQ(r.programs[0].sectors.size(), 1u);
  EXPECT_EQ(r.programs[0].sectors[0].sector, "A");
  EXPECT_NEAR(area(r.programs[0].area), 600000.0, 5.0);
  ASSERT_EQ(r.programs[1].sectors.size(), 1u);
  EXPECT_EQ(r.programs[1].sectors[0].sector, "C");
  EXPECT_TRUE(r.programs[2].sectors.empty());
  EXPECT_EQ(r.report.rows_loaded, 3);
}

TEST(ProgramPolygonLoader, RolloutTablesAndMissingFieldsAreNotPolygonLayers) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.write("p.csv", "program,sector,start\nAlto,A,2020-01-01\n");
  EXPECT_FALSE(is_program_polygon_layer(csv));
  EXPECT_FALSE(is_program_polygon_layer(demo_geopackage_path()));
  EXPECT_FALSE(is_program_polygon_layer((tmp.path() / "missing.geojson").string()));
  // The dispatcher sends the CSV to the rollout-table reader.
  const ProgramLoadResult r = load_programs_for_sectors(csv, grid_sectors());
  ASSERT_EQ(r.programs.size(), 1u);
  EXPECT_EQ(r.programs[0].sectors[0].sector, "A");

  const std::string no_date =
      tmp.write("n.geojson", std::string(R"({"type":"FeatureCollection","features":[)") +
                                 feature(R"("name":"P")", lonlat_rect(0, 0, 10, 10)) + "]}");
  EXPECT_FALSE(is_program_polygon_layer(no_date));
  EXPECT_THROW(load_program_polygons(no_date, grid_sectors()), DataError);
}

// A project whose programs source is a polygon layer: load_workspace assigns the sectors after
// loading them (two 0.05 degree squares in EPSG:4326, worked in UTM 14N).
using ProgramPolygonWorkspace = faro_test::IncidentTest;  // private FARO_CACHE_DIR

TEST_F(ProgramPolygonWorkspace, LoadWorkspaceUsesProgramPolygons) {
  faro_test::TempDir tmp;
  auto square = [](const char* name, double x0, double x1) {
    std::ostringstream s;
    s << R"({"type":"Feature","properties":{"nombre":")" << name
      << R"("},"geometry":{"type":"Polygon","coordinates":[[[)" << x0 << ",19.35],[" << x1
      << ",19.35],[" << x1 << ",19.40],[" << x0 << ",19.40],[" << x0 << ",19.35]]]}}";
    return s.str();
  };
  Session session;
  SourceSpec sectors, incidents, programs;
  sectors.role = SourceSpec::Role::sectors;
  sectors.path = tmp.write("sectores.geojson", R"({"type":"FeatureCollection","features":[)" +
                                                   square("Poniente", -99.20, -99.15) + "," +
                                                   square("Oriente", -99.15, -99.10) + "]}");
  incidents.role = SourceSpec::Role::incidents;
  incidents.path = tmp.write("incidentes.csv",
                             "id,fecha_hecho,delito,latitud,longitud\n"
                             "1,2021-01-05,HOMICIDIO,19.37,-99.18\n");
  programs.role = SourceSpec::Role::programs;
  // Covers Poniente and 10 % of Oriente (-99.15 to -99.145).
  programs.path = tmp.write(
      "programas.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
      R"({"programa":"Alto al Fuego","inicio":"2021-03-01"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[[[-99.21,19.34],[-99.145,19.34],[-99.145,19.41],[-99.21,19.41],)"
      R"([-99.21,19.34]]]}}]})");
  session.sources = {sectors, incidents, programs};
  const Workspace ws = load_workspace(session);
  ASSERT_EQ(ws.programs.size(), 1u);
  const Program& p = ws.programs[0];
  EXPECT_EQ(p.name, "Alto al Fuego");
  ASSERT_EQ(p.sectors.size(), 1u);
  EXPECT_EQ(p.sectors[0], (ProgramSector{"Poniente", day(2021, 3, 1), std::nullopt}));
  ASSERT_FALSE(p.area.empty());
  // In the working CRS (UTM 14N metres), not degrees: about 6.8 km x 7.8 km. Reference: the
  // polygon through `ogr2ogr -t_srs EPSG:32614` and the shoelace formula in Python.
  EXPECT_NEAR(area(p.area), 52870574.1, 1.0);
}

}  // namespace
}  // namespace faro::io
