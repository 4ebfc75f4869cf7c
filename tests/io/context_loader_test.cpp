// load_context_lines on a GeoJSON written here: a line, a polygon with a hole, a multi-line, a
// point (reported, not drawn) and a null geometry, read into EPSG:32614 (CDMX's UTM zone).
#include "io/context_loader.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "test_support.hpp"

namespace {

using faro::RowIssue;
using faro::io::load_context_lines;

const char* kFeatures = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
   "coordinates": [[-99.2, 19.4], [-99.15, 19.42], [-99.15, 19.42], [-99.1, 19.45]]}},
 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
   [[-99.2, 19.3], [-99.1, 19.3], [-99.1, 19.35], [-99.2, 19.35], [-99.2, 19.3]],
   [[-99.18, 19.31], [-99.17, 19.31], [-99.17, 19.32], [-99.18, 19.31]]]}},
 {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": [
   [[-99.0, 19.4], [-99.01, 19.41]], [[-99.02, 19.4], [-99.03, 19.41], [-99.04, 19.4]]]}},
 {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [-99.1, 19.4]}},
 {"type": "Feature", "properties": {}, "geometry": null}
]})";

TEST(ContextLoader, LinesAndRingsInWorkingCrs) {
  faro_test::TempDir dir;
  const std::string path = dir.write("context.geojson", kFeatures);
  const auto r = load_context_lines(path, "EPSG:32614");

  ASSERT_EQ(r.lines.size(), 5u);            // line, outer ring, hole, two parts of the multi-line
  EXPECT_EQ(r.lines[0].points.size(), 3u);  // the repeated vertex is dropped
  EXPECT_FALSE(r.lines[0].closed);
  EXPECT_EQ(r.lines[1].points.size(), 4u);  // closing vertex dropped, ring flagged closed
  EXPECT_TRUE(r.lines[1].closed);
  EXPECT_EQ(r.lines[2].points.size(), 3u);
  EXPECT_TRUE(r.lines[2].closed);
  EXPECT_EQ(r.lines[3].points.size(), 2u);
  EXPECT_EQ(r.lines[4].points.size(), 3u);
  EXPECT_FALSE(r.lines[4].closed);

  // (-99.2, 19.4) in UTM 14N, from PROJ's cs2cs: 479000.797 E, 2145099.705 N.
  EXPECT_NEAR(r.lines[0].points[0].x, 479000.797, 0.01);
  EXPECT_NEAR(r.lines[0].points[0].y, 2145099.705, 0.01);

  EXPECT_EQ(r.report.rows_read, 5);
  EXPECT_EQ(r.report.rows_loaded, 3);
  EXPECT_EQ(r.report.count(RowIssue::not_a_polygon), 1);
  EXPECT_EQ(r.report.count(RowIssue::empty_geometry), 1);
}

TEST(ContextLoader, OnlyPointsIsAnError) {
  faro_test::TempDir dir;
  const std::string path = dir.write("points.geojson", R"({"type": "FeatureCollection",
    "features": [{"type": "Feature", "properties": {},
    "geometry": {"type": "Point", "coordinates": [-99.1, 19.4]}}]})");
  EXPECT_THROW(load_context_lines(path, "EPSG:32614"), faro::DataError);
  EXPECT_THROW(load_context_lines(dir.file("missing.geojson"), "EPSG:32614"), faro::DataError);
}

}  // namespace
