// Map style files: every built-in style and layer preset reads, passes style_problems() and
// survives a write/read round trip; hand-written files fail with the file and the JSON path of
// the offending key; missing keys take the kind's defaults.
#include "io/map_style_json.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "io/style_presets.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

TEST(MapStyleJson, BuiltinStylesRoundTrip) {
  faro_test::TempDir dir;
  const std::vector<std::string> names = style_names();
  EXPECT_EQ(names, (std::vector<std::string>{"analyst", "partner-presentation", "weekly-meeting"}));
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const MapStyle style = builtin_style(name);
    EXPECT_EQ(style.name, name);
    EXPECT_TRUE(style_problems(style).empty());
    EXPECT_FALSE(style.layers.empty());
    EXPECT_TRUE(style_from_json(style_to_json(style), "x.json") == style);
    const std::string path = dir.file(name + ".json");
    write_style_file(style, path);
    EXPECT_TRUE(read_style_file(path) == style);
    EXPECT_TRUE(load_style(path) == style);
    EXPECT_TRUE(load_style(name) == style);
  }
}

TEST(MapStyleJson, LayerPresetsRoundTrip) {
  faro_test::TempDir dir;
  const std::vector<std::string> names = layer_preset_names();
  EXPECT_EQ(names, (std::vector<std::string>{"choropleth", "choropleth-change", "context",
                                             "context-alcaldias", "context-colonias",
                                             "context-cuadrantes", "heatmap", "hexagons", "hotspots", "labels", "near-repeat", "points", "programs",
                                             "sectors"}));
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const StyleLayer layer = layer_preset(name);
    MapStyle one;
    one.layers.push_back(layer);
    EXPECT_TRUE(style_problems(one).empty());
    EXPECT_TRUE(layer_from_json(layer_to_json(layer), "x.json") == layer);
    const std::string path = dir.file(name + ".json");
    write_layer_preset_file(layer, path);
    EXPECT_TRUE(read_layer_preset_file(path) == layer);
  }
  EXPECT_EQ(layer_preset("choropleth-change").choropleth.measure, ChoroplethMeasure::change);
  EXPECT_EQ(layer_preset("context-alcaldias").kind, LayerKind::context);
  EXPECT_FALSE(layer_preset("context-alcaldias").source.empty());
  try {
    layer_preset("satellite");
    ADD_FAILURE() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("heatmap"), std::string::npos) << e.what();
  }
  EXPECT_THROW(builtin_style("nope"), UsageError);
  EXPECT_THROW(load_style("no-such-style-or-file"), UsageError);
}

// The dashboard's default is the old default layer stack (basemap aside).
TEST(MapStyleJson, AnalystIsTheOldDefaultStack) {
  const MapStyle s = default_style();
  EXPECT_TRUE(s == builtin_style("analyst"));
  const LayerKind order[] = {LayerKind::sectors,  LayerKind::choropleth, LayerKind::heatmap,
                             LayerKind::programs, LayerKind::context,    LayerKind::points,
                             LayerKind::labels};
  ASSERT_EQ(s.layers.size(), std::size(order));
  for (size_t i = 0; i < s.layers.size(); ++i) {
    EXPECT_EQ(s.layers[i].kind, order[i]) << i;
    EXPECT_EQ(s.layers[i].visible,
              order[i] != LayerKind::choropleth && order[i] != LayerKind::points)
        << i;
  }
  EXPECT_FLOAT_EQ(s.opacity(LayerKind::heatmap), 0.8f);
  EXPECT_EQ(s.heatmap().kernel, KdeKernel::quartic);
  EXPECT_EQ(s.heatmap().bandwidth_m, 400);
  EXPECT_EQ(s.find(LayerKind::context)->source, "");  // the project's context sources
  EXPECT_EQ(builtin_style("weekly-meeting").heatmap().bandwidth_m, 600);
  EXPECT_EQ(builtin_style("partner-presentation").heatmap().bandwidth_m, 800);
  EXPECT_EQ(builtin_style("partner-presentation").find(LayerKind::points), nullptr);
}

TEST(MapStyleJson, MissingKeysTakeTheKindsDefaults) {
  const MapStyle s = style_from_json(
      R"({"faro_style": 1, "layers": [{"kind": "heatmap"}, {"kind": "context"},
          {"kind": "heatmap", "id": "h2", "heatmap": {"color_max": 12.5}}]})",
      "m.json");
  ASSERT_EQ(s.layers.size(), 3u);
  EXPECT_TRUE(s.layers[0] == make_layer(LayerKind::heatmap));
  EXPECT_TRUE(s.layers[1] == make_layer(LayerKind::context));
  EXPECT_TRUE(s.layers[2].heatmap.color_max_locked);
  EXPECT_FLOAT_EQ(s.layers[2].heatmap.color_max, 12.5f);
  EXPECT_TRUE(s.furniture == MapFurniture{});
  // Only the kind's own properties are written.
  const std::string text = layer_to_json(make_layer(LayerKind::programs));
  EXPECT_EQ(text.find("heatmap"), std::string::npos) << text;
  EXPECT_EQ(text.find("source"), std::string::npos) << text;
  EXPECT_NE(layer_to_json(make_layer(LayerKind::heatmap)).find("\"color_max\": \"auto\""),
            std::string::npos);
}

// The StyleError message for `text` read as a style file named weekly.json.
std::string style_error(const std::string& text) {
  try {
    style_from_json(text, "weekly.json");
  } catch (const StyleError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a StyleError for: " << text;
  return "";
}

TEST(MapStyleJson, BadFilesNameTheFileAndTheKey) {
  const auto has = [](const std::string& msg, const std::string& part) {
    EXPECT_NE(msg.find(part), std::string::npos) << msg;
  };
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "sectors"}, {"kind": "labels"},
      {"kind": "heatmap", "heatmap": {"bandwith_m": 400}}]})"),
      "weekly.json: layers[2].heatmap.bandwith_m: unknown key");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "heatmap", "opacity": "high"}]})"),
      "weekly.json: layers[0].opacity: expected a number, got string");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "sectors", "heatmap": {}}]})"),
      "weekly.json: layers[0].heatmap: not a property of a sectors layer");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "labels", "source": "x.gpkg"}]})"),
      "weekly.json: layers[0].source: not a property of a labels layer");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "satellite"}]})"),
      "weekly.json: layers[0].kind: unknown value 'satellite'");
  has(style_error(R"({"faro_style": 1, "layers": [{"id": "x"}]})"),
      "weekly.json: layers[0]: missing \"kind\"");
  has(style_error(R"({"faro_style": 1, "layers": {}})"),
      "weekly.json: layers: expected an array, got object");
  has(style_error(R"({"faro_style": 1, "furniture": {"legend": "yes"}})"),
      "weekly.json: furniture.legend: expected true or false, got string");
  has(style_error(R"({"faro_style": 1, "furniture": {"logo": true}})"),
      "weekly.json: furniture.logo: unknown key");
  has(style_error(R"({"faro_style": 1, "colour": "red"})"), "weekly.json: colour: unknown key");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "heatmap",
      "heatmap": {"color_max": true}}]})"),
      "weekly.json: layers[0].heatmap.color_max: expected a number or \"auto\", got boolean");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "choropleth",
      "choropleth": {"classes": 4.5}}]})"),
      "weekly.json: layers[0].choropleth.classes: expected an integer, got number");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "points",
      "points": {"category_colors": {"ROBO": "blue"}}}]})"),
      "weekly.json: layers[0].points.category_colors.ROBO: expected a colour #rrggbb");
  has(style_error(
          R"({"faro_style": 1, "layers": [{"kind": "sectors", "line": {"width_px": 1e300}}]})"),
      "weekly.json: layers[0].line.width_px: number out of range");
  // Versions.
  has(style_error(R"({"faro_style": 2})"), "weekly.json: written by a newer Faro");
  has(style_error(R"({"layers": []})"), "weekly.json: not a Faro style");
  has(style_error(R"({"faro_layer": 1, "kind": "heatmap"})"), "a layer preset, not a whole style");
  has(style_error("{\"faro_style\": 1,"), "weekly.json: not valid JSON");
  // Then the values' sense (core's style_problems), still naming the file.
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "heatmap",
      "heatmap": {"bandwidth_m": -5}}]})"),
      "weekly.json: layer 'heatmap': bandwidth_m must be > 0");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "sectors"}, {"kind": "sectors"}]})"),
      "weekly.json: layer 'sectors': id is used twice");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "basemap"}]})"),
      "a basemap needs a source raster");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "basemap", "source": "a.tif",
      "basemap": {"dim": 1.5}}]})"),
      "weekly.json: layer 'basemap': basemap dim must be in 0..1");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "basemap", "source": "a.tif",
      "basemap": {"grey": true}}]})"),
      "weekly.json: layers[0].basemap.grey: unknown key");
  has(style_error(R"({"faro_style": 1, "layers": [{"kind": "heatmap", "basemap": {}}]})"),
      "weekly.json: layers[0].basemap: not a property of a heatmap layer");
}

// A basemap's look (greyscale, dim) is written under "basemap" and reads back the same.
TEST(MapStyleJson, BasemapLookRoundTrips) {
  MapStyle style = default_style();
  StyleLayer base = make_layer(LayerKind::basemap);
  base.source = "calles.mbtiles";
  base.opacity = 0.9f;
  base.basemap.greyscale = true;
  base.basemap.dim = 0.35f;
  style.layers.insert(style.layers.begin(), base);
  const std::string text = style_to_json(style);
  EXPECT_NE(text.find("\"basemap\": {"), std::string::npos) << text;
  EXPECT_NE(text.find("\"dim\": 0.35"), std::string::npos) << text;
  const MapStyle back = style_from_json(text, "round.json");
  ASSERT_EQ(back.layers.front().kind, LayerKind::basemap);
  EXPECT_EQ(back.layers.front().basemap, base.basemap);
  EXPECT_EQ(back, style);
  // Missing keys keep the faithful defaults.
  const MapStyle plain = style_from_json(
      R"({"faro_style": 1, "layers": [{"kind": "basemap", "source": "a.tif"}]})", "plain.json");
  EXPECT_FALSE(plain.layers[0].basemap.greyscale);
  EXPECT_EQ(plain.layers[0].basemap.dim, 0.0f);
}

TEST(MapStyleJson, LayerPresetFiles) {
  faro_test::TempDir dir;
  const std::string path = dir.write("mine.json", R"({"faro_layer": 1, "kind": "heatmap",
      "id": "wide", "heatmap": {"bandwidth_m": 1200, "kernel": "gaussian"}})");
  const StyleLayer l = read_layer_preset_file(path);
  EXPECT_EQ(l.id, "wide");
  EXPECT_EQ(l.heatmap.bandwidth_m, 1200);
  EXPECT_EQ(l.heatmap.kernel, KdeKernel::gaussian);
  EXPECT_FLOAT_EQ(l.opacity, 0.8f);  // the heatmap's default

  const auto error = [&](const std::string& text) -> std::string {
    const std::string p = dir.write("bad.json", text);
    try {
      read_layer_preset_file(p);
    } catch (const StyleError& e) {
      return e.what();
    }
    ADD_FAILURE() << "expected a StyleError for: " << text;
    return "";
  };
  const std::string key = error(R"({"faro_layer": 1, "kind": "labels", "labels": {"font": 1}})");
  EXPECT_NE(key.find("bad.json: labels.font: unknown key"), std::string::npos) << key;
  const std::string newer = error(R"({"faro_layer": 9, "kind": "labels"})");
  EXPECT_NE(newer.find("bad.json: written by a newer Faro"), std::string::npos) << newer;
  const std::string none = error(R"({"kind": "labels"})");
  EXPECT_NE(none.find("not a Faro layer preset"), std::string::npos) << none;
  const std::string style = error(R"({"faro_style": 1})");
  EXPECT_NE(style.find("a whole style, not a layer preset"), std::string::npos) << style;
  EXPECT_THROW(read_layer_preset_file(dir.file("missing.json")), DataError);
}

}  // namespace
}  // namespace faro::io
