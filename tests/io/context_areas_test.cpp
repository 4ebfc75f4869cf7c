// Context areas (core/context_areas.hpp) as io/context_loader.hpp loads them: polygons named by the
// label field (given, preset, or detected), the point lookup the live map's hover uses, the
// presets a --context file of a known kind takes, and the real IECM colonias: a point inside a
// colonia (GDAL's own point-on-surface, reprojected here) is named after that colonia.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include "core/context_areas.hpp"
#include "core/errors.hpp"
#include "io/context_loader.hpp"
#include "io/gdal_env.hpp"
#include "io/map_style_json.hpp"
#include "io/workspace_loader.hpp"
#include "io/reproject.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

// Two squares side by side (0.01° each) named in `NOMUT`, a hole in the second, and a line.
const char* kAreas = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"CVE": "01", "NOMUT": "ROMA NORTE I"}, "geometry": {"type":
   "Polygon", "coordinates": [[[-99.17, 19.41], [-99.16, 19.41], [-99.16, 19.42], [-99.17, 19.42],
   [-99.17, 19.41]]]}},
 {"type": "Feature", "properties": {"CVE": "02", "NOMUT": "CONDESA"}, "geometry": {"type":
   "Polygon", "coordinates": [[[-99.16, 19.41], [-99.15, 19.41], [-99.15, 19.42], [-99.16, 19.42],
   [-99.16, 19.41]], [[-99.157, 19.413], [-99.153, 19.413], [-99.153, 19.417], [-99.157, 19.417],
   [-99.157, 19.413]]]}},
 {"type": "Feature", "properties": {"CVE": "03", "NOMUT": "CALLE"}, "geometry": {"type":
   "LineString", "coordinates": [[-99.17, 19.40], [-99.15, 19.40]]}}
]})";

Vec2 utm(double lon, double lat) {
  Reprojector r("EPSG:4326", "EPSG:32614");
  double x = lon, y = lat;
  int ok = 0;
  r.transform(1, &x, &y, &ok);
  return {x, y};
}

std::string name_at(const ContextLoadResult& r, Vec2 p) {
  const auto hits = areas_at({r.areas}, p);
  return hits.empty() ? "" : hits.front().name();
}

TEST(ContextAreas, PolygonsNamedByTheDetectedFieldAndFoundByPoint) {
  faro_test::TempDir dir;
  const std::string path = dir.write("colonias.geojson", kAreas);
  const ContextLoadResult r = load_context_lines(path, "EPSG:32614");
  ASSERT_TRUE(r.areas);
  EXPECT_EQ(r.areas->labels.field, "NOMUT");  // detected: a name-like field
  ASSERT_EQ(r.areas->areas.size(), 2u);       // the line is drawn, not an area
  ASSERT_EQ(r.areas->anchors.size(), 2u);
  EXPECT_EQ(name_at(r, utm(-99.165, 19.415)), "ROMA NORTE I");
  EXPECT_EQ(name_at(r, utm(-99.151, 19.411)), "CONDESA");
  EXPECT_EQ(name_at(r, utm(-99.155, 19.415)), "");  // in CONDESA's hole
  EXPECT_EQ(name_at(r, utm(-99.10, 19.415)), "");   // outside both
  // Each label anchor lies inside its own area.
  for (size_t i = 0; i < 2; ++i)
    EXPECT_EQ(name_at(r, r.areas->anchors[i]), r.areas->areas.sectors[i].name);
}

TEST(ContextAreas, AGivenFieldWinsAndAMissingOneIsNoted) {
  faro_test::TempDir dir;
  const std::string path = dir.write("c.geojson", kAreas);
  LabelStyle labels = make_layer(LayerKind::context).labels;
  labels.field = "cve";  // case-insensitive
  const ContextLoadResult r = load_context(path, "EPSG:32614", labels);
  ASSERT_TRUE(r.areas);
  EXPECT_EQ(name_at(r, utm(-99.165, 19.415)), "01");
  labels.field = "nope";
  const ContextLoadResult none = load_context(path, "EPSG:32614", labels);
  EXPECT_FALSE(none.areas);
  EXPECT_FALSE(none.lines.empty());  // the lines still draw
  EXPECT_NE(none.report.to_text().find("nope"), std::string::npos);
}

TEST(ContextAreas, KnownFilesTakeTheirPresets) {
  const auto colonias = context_preset_for("/any/where/colonias_iecm.gpkg");
  ASSERT_TRUE(colonias);
  EXPECT_EQ(colonias->labels.field, "NOMUT");
  EXPECT_GT(colonias->labels.max_metres_per_pixel, 0);  // street scale only
  const auto alcaldias = context_preset_for("alcaldias.geojson");
  ASSERT_TRUE(alcaldias);
  EXPECT_EQ(alcaldias->labels.field, "nomgeo");
  EXPECT_GT(alcaldias->labels.min_metres_per_pixel, 0);  // city scale
  EXPECT_EQ(context_kind_for("/x/cuadrantes_population_2023.shp"), "cuadrantes");
  EXPECT_FALSE(context_preset_for("/x/roads.gpkg"));
  EXPECT_EQ(context_kind_for("/x/roads.gpkg"), "");
}

// A context layer's label settings live in its preset or style file next to its line look.
TEST(ContextAreas, LabelSettingsInLayerFiles) {
  const StyleLayer l = layer_from_json(R"({"faro_layer": 1, "kind": "context", "id": "col",
    "source": "c.gpkg", "line": {"color": "#808080", "width_px": 0.5},
    "labels": {"field": "NOMUT", "max_metres_per_pixel": 12, "size_px": 10, "show": false}})",
                                       "col.json");
  EXPECT_EQ(l.labels.field, "NOMUT");
  EXPECT_EQ(l.labels.max_metres_per_pixel, 12);
  EXPECT_FALSE(l.labels.show);
  EXPECT_TRUE(layer_from_json(layer_to_json(l), "x.json") == l);
  // A context layer without labels detects its field; "show" belongs to context layers only.
  EXPECT_EQ(layer_from_json(R"({"faro_layer": 1, "kind": "context"})", "c.json").labels.field, "");
  EXPECT_THROW(layer_from_json(R"({"faro_layer": 1, "kind": "labels", "labels": {"show": true}})",
                               "l.json"),
               StyleError);
}

// Context layers with a source of their own load with the data: a relative source is looked for
// in the folders given; one found nowhere draws nothing (noted), a full path that is missing is an
// error naming it.
TEST(ContextAreas, StyleContextLayersLoadWithTheData) {
  faro_test::TempDir dir;
  dir.write("colonias.geojson", kAreas);
  MapStyle style;
  StyleLayer l = make_layer(LayerKind::context);
  l.id = "col";
  l.source = "colonias.geojson";
  style.layers.push_back(l);
  l.id = "nowhere";
  l.source = "alcaldias.geojson";
  style.layers.push_back(l);
  std::vector<LoadReport> reports;
  const auto loaded =
      load_style_context_layers(style, "EPSG:32614", {"", dir.path().string()}, reports);
  ASSERT_EQ(loaded.size(), 1u);
  ASSERT_TRUE(loaded.at("colonias.geojson")->areas);
  EXPECT_EQ(loaded.at("colonias.geojson")->areas->areas.size(), 2u);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_NE(reports[1].to_text().find("not found"), std::string::npos) << reports[1].to_text();
  style.layers[1].source = dir.file("missing.geojson");
  EXPECT_THROW(load_style_context_layers(style, "EPSG:32614", {""}, reports), DataError);
}

// The project's context sources (Archivo > Abrir of a vector as context): a known file takes its
// preset's field and zoom range.
TEST(ContextAreas, ProjectContextSourcesTakeTheirPresets) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(colonias, "cdmx-cuadrantes/colonias_iecm.gpkg");
  Session s;
  s.sources.push_back({SourceSpec::Role::sectors, sectors});
  s.sources.push_back({SourceSpec::Role::context, colonias});
  s.style.layers.push_back(make_layer(LayerKind::context));
  const Workspace ws = load_workspace(s);
  ASSERT_EQ(ws.context_areas.size(), 1u);
  EXPECT_EQ(ws.context_areas[0]->labels.field, "NOMUT");
  EXPECT_EQ(ws.context_areas[0]->labels.max_metres_per_pixel, 15);
  EXPECT_EQ(ws.context_areas[0]->kind, "colonias");
  EXPECT_FALSE(ws.context.empty());
}

// A colonia's interior point from GDAL (OGR_G_PointOnSurface on the source geometry, lon/lat),
// reprojected here: the lookup must name that colonia.
TEST(ContextAreas, RealColoniaUnderAKnownPoint) {
  FARO_REQUIRE_SHARED(path, "cdmx-cuadrantes/colonias_iecm.gpkg");
  const auto preset = context_preset_for(path);
  ASSERT_TRUE(preset);
  const ContextLoadResult r = load_context(path, "EPSG:32614", preset->labels);
  ASSERT_TRUE(r.areas);
  EXPECT_EQ(r.areas->areas.size(), 1814u);
  ensure_gdal();
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr,
                               nullptr);
  ASSERT_NE(ds, nullptr);
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  int checked = 0;
  for (const GIntBig fid : {GIntBig{1}, GIntBig{500}, GIntBig{1200}}) {
    OGRFeatureH f = OGR_L_GetFeature(layer, fid);
    ASSERT_NE(f, nullptr);
    const std::string name = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "NOMUT"));
    OGRGeometryH inside = OGR_G_PointOnSurface(OGR_F_GetGeometryRef(f));
    ASSERT_NE(inside, nullptr);
    // GPKG stores x = longitude.
    const Vec2 p = utm(OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0));
    OGR_G_DestroyGeometry(inside);
    OGR_F_Destroy(f);
    SCOPED_TRACE(name);
    EXPECT_EQ(name_at(r, p), name);
    ++checked;
  }
  GDALClose(ds);
  EXPECT_EQ(checked, 3);
  EXPECT_EQ(name_at(r, utm(-99.60, 19.40)), "");  // west of the city
}

}  // namespace
}  // namespace faro::io
