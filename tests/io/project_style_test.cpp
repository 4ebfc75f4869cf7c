// The project file's map: version-2 projects store the ordered style, version-1 projects (layer
// list plus separate heatmap/choropleth/points objects) are converted to the equivalent style,
// and a project without a style gets the default one.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/map_style_json.hpp"
#include "io/project_file.hpp"
#include "io/style_presets.hpp"

namespace faro::io {
namespace {

std::vector<LayerKind> kinds(const MapStyle& s) {
  std::vector<LayerKind> out;
  for (const StyleLayer& l : s.layers) out.push_back(l.kind);
  return out;
}

TEST(ProjectStyle, Version1IsConverted) {
  const Session s = project_from_json(R"({"faro_project": 1,
      "layers": [{"layer": "basemap", "visible": true, "opacity": 1},
                 {"layer": "heatmap", "visible": true, "opacity": 0.55},
                 {"layer": "sectors", "visible": false, "opacity": 0.7},
                 {"layer": "choropleth", "visible": true, "opacity": 0.9},
                 {"layer": "programs", "visible": true, "opacity": 1},
                 {"layer": "context", "visible": false, "opacity": 1},
                 {"layer": "points", "visible": true, "opacity": 0.4},
                 {"layer": "labels", "visible": true, "opacity": 1}],
      "heatmap": {"kernel": "gaussian", "bandwidth_m": 650, "colormap": "viridis",
                  "color_max_locked": true, "color_max": 40},
      "choropleth": {"measure": "per-10k", "scale": "jenks", "classes": 7, "colormap": "inferno"},
      "points": {"size_px": 6, "category_colors": [{"category": "ROBO", "rgb": "#0000ff"}]}})",
                                      "/tmp", "old.faro.json");
  const MapStyle& st = s.style;
  // The basemap had no path in v1 (only `faro render --basemap`): dropped.
  EXPECT_EQ(kinds(st),
            (std::vector<LayerKind>{LayerKind::heatmap, LayerKind::sectors, LayerKind::choropleth,
                                    LayerKind::programs, LayerKind::context, LayerKind::points,
                                    LayerKind::labels}));
  EXPECT_TRUE(style_problems(st).empty());
  EXPECT_FLOAT_EQ(st.layers[0].opacity, 0.55f);
  EXPECT_FALSE(st.layers[1].visible);
  EXPECT_FLOAT_EQ(st.layers[1].opacity, 0.7f);
  EXPECT_TRUE(st.layers[2].visible);
  EXPECT_FALSE(st.layers[4].visible);
  EXPECT_TRUE(st.layers[5].visible);
  EXPECT_FLOAT_EQ(st.layers[5].opacity, 0.4f);
  EXPECT_TRUE(
      (st.heatmap() == HeatmapStyle{KdeKernel::gaussian, 650, ColormapName::viridis, true, 40.0f}));
  EXPECT_TRUE(
      (st.choropleth() == ChoroplethStyle{ChoroplethMeasure::per_10k, ChoroplethScale::jenks, 7,
                                          ColormapName::inferno}));
  EXPECT_FLOAT_EQ(st.points().size_px, 6.0f);
  ASSERT_EQ(st.points().category_colors.size(), 1u);
  EXPECT_TRUE((st.points().category_colors[0].second == Rgb{0, 0, 255}));

  // Saving writes version 2 with the style; reading that gives the same style back.
  const std::string text = project_to_json(s, "/tmp");
  EXPECT_NE(text.find("\"faro_project\": 2"), std::string::npos);
  EXPECT_EQ(text.find("\"layer\":"), std::string::npos) << text;
  EXPECT_TRUE(project_from_json(text, "/tmp", "new.faro.json").style == st);
}

TEST(ProjectStyle, Version1PartialAndEmptyStacks) {
  // No layer list: the old default stack (which is the analyst style's stack).
  const Session none = project_from_json(R"({"faro_project": 1})", "", "a.faro.json");
  EXPECT_EQ(kinds(none.style), kinds(default_style()));
  for (size_t i = 0; i < none.style.layers.size(); ++i)
    EXPECT_EQ(none.style.layers[i].visible, default_style().layers[i].visible) << i;
  EXPECT_EQ(none.style.heatmap().bandwidth_m, 400);

  // A partial list: the missing layers inserted where the old dashboard inserted them.
  const Session part = project_from_json(
      R"({"faro_project": 1, "layers": [{"layer": "labels"}, {"layer": "sectors"}],
          "heatmap": {"bandwidth_m": 900}})",
      "", "b.faro.json");
  EXPECT_EQ(kinds(part.style),
            (std::vector<LayerKind>{LayerKind::choropleth, LayerKind::heatmap, LayerKind::programs,
                                    LayerKind::context, LayerKind::points, LayerKind::labels,
                                    LayerKind::sectors}));
  EXPECT_TRUE(part.style.shows(LayerKind::heatmap));
  EXPECT_FALSE(part.style.shows(LayerKind::points));
  EXPECT_EQ(part.style.heatmap().bandwidth_m, 900);
}

TEST(ProjectStyle, NoStyleIsTheDefaultStyle) {
  const Session s = project_from_json(R"({"faro_project": 2})", "", "p.faro.json");
  EXPECT_TRUE(s.style == default_style());
  // An empty style is kept empty (the app treats it as "not set").
  const Session e =
      project_from_json(R"({"faro_project": 2, "style": {"layers": []}})", "", "p.faro.json");
  EXPECT_TRUE(e.style.layers.empty());
  // A pasted style file keeps its version key, which is checked.
  const Session v = project_from_json(
      R"({"faro_project": 2, "style": {"faro_style": 1, "name": "x"}})", "", "p.faro.json");
  EXPECT_EQ(v.style.name, "x");
  EXPECT_THROW(
      project_from_json(R"({"faro_project": 2, "style": {"faro_style": 5}})", "", "p.faro.json"),
      ProjectError);
}

TEST(ProjectStyle, EveryBuiltinStyleRoundTripsInAProject) {
  for (const std::string& name : style_names()) {
    Session s;
    s.style = builtin_style(name);
    const Session back = project_from_json(project_to_json(s, "/p"), "/p", "p.faro.json");
    EXPECT_TRUE(back.style == s.style) << name;
  }
}

// The CDMX example (layers/projects/cdmx-fgj.faro.json): the shared data by paths relative to the
// project (../../../shared/data from layers/projects/), the colonias and alcaldías as context
// layers of their own with their presets' label fields and zoom ranges.
TEST(ProjectStyle, CdmxExampleProject) {
  const std::string path = std::string(FARO_TEST_DATA) + "/../../layers/projects/cdmx-fgj.faro.json";
  const Session s = load_project(path);
  ASSERT_EQ(s.sources.size(), 2u);
  EXPECT_TRUE(s.sources[0].path.ends_with("shared/data/cdmx-cuadrantes/sectores_2023.geojson"));
  EXPECT_TRUE(std::filesystem::path(s.sources[0].path).is_absolute());
  std::vector<std::string> fields;
  for (const StyleLayer& l : s.style.layers)
    if (l.kind == LayerKind::context) fields.push_back(l.labels.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"NOMUT", "nomgeo"}));
  EXPECT_TRUE(style_problems(s.style).empty());
}

TEST(ProjectStyle, DemoCityProject) {
  EXPECT_EQ(builtin_project_names(), (std::vector<std::string>{"cdmx-fgj", "demo-city"}));
  const Session s = builtin_project("demo-city");
  EXPECT_TRUE(s.sources.empty());  // no sources = the demo city
  EXPECT_TRUE(s.style == default_style());
  EXPECT_THROW(builtin_project("nope"), UsageError);
}

}  // namespace
}  // namespace faro::io
