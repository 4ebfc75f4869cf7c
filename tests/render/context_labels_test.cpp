// Names on the map by zoom (render/context_labels.hpp): which labels a style shows at a scale
// (sector names, area names each in its layer's zoom range), that one placement pass never lets
// two of them overlap, and on the real CDMX layers (skipped without ../shared/data) that a street-
// scale export names colonias but no alcaldía and a city-scale one alcaldías but no colonia, with
// no name overlapping another or a sector name.
#include "render/context_labels.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "gl_test_support.hpp"
#include "io/context_loader.hpp"
#include "io/sector_loader.hpp"
#include "render/label_placement.hpp"
#include "render/map_scene.hpp"
#include "render/sector_labels.hpp"
#include "test_support.hpp"

namespace faro::render {
namespace {

// A set of `n` square areas (side `side` m) in a row, named prefix + index.
std::shared_ptr<const ContextAreas> squares(const std::string& prefix, int n, double side,
                                            double min_mpp, double max_mpp) {
  auto a = std::make_shared<ContextAreas>();
  a->kind = prefix;
  a->labels = make_layer(LayerKind::context).labels;
  a->labels.min_metres_per_pixel = min_mpp;
  a->labels.max_metres_per_pixel = max_mpp;
  for (int i = 0; i < n; ++i) {
    Sector s;
    s.name = prefix + std::to_string(i);
    const double x0 = i * side;
    s.shape = {Polygon{{{x0, 0}, {x0 + side, 0}, {x0 + side, side}, {x0, side}}, {}}};
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    a->areas.sectors.push_back(std::move(s));
  }
  index_areas(*a);
  return a;
}

std::vector<std::string> texts(const std::vector<MapLabel>& labels) {
  std::vector<std::string> out;
  for (const MapLabel& l : labels) out.push_back(l.text);
  return out;
}

bool has_prefix(const std::vector<std::string>& v, const std::string& p) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(p, 0) == 0; });
}

TEST(ContextLabels, EachLayerShowsOnlyInItsZoomRange) {
  const auto colonias = squares("col", 5, 500, 0, 15);
  const auto alcaldias = squares("alc", 2, 10'000, 15, 0);
  const std::vector<MapLabel> sectors = {{"SECTOR", {2000, 2000}, {0, 0, 4000, 4000}, 7000}};
  std::vector<std::pair<std::string, std::shared_ptr<const ContextAreas>>> layers = {
      {"colonias", colonias}, {"alcaldias", alcaldias}};
  LabelSources src;
  src.sectors = &sectors;
  src.layer_areas = &layers;
  MapStyle style;
  style.layers.push_back(make_layer(LayerKind::labels));
  StyleLayer c = make_layer(LayerKind::context);
  c.id = "colonias";
  c.source = "colonias_iecm.gpkg";
  c.labels = colonias->labels;
  StyleLayer a = c;
  a.id = "alcaldias";
  a.source = "alcaldias.geojson";
  a.labels = alcaldias->labels;
  style.layers.push_back(c);
  style.layers.push_back(a);

  const auto street = texts(labels_for_style(src, style, 5));
  EXPECT_TRUE(has_prefix(street, "col"));
  EXPECT_FALSE(has_prefix(street, "alc"));
  EXPECT_TRUE(has_prefix(street, "SECTOR"));
  const auto city = texts(labels_for_style(src, style, 60));
  EXPECT_FALSE(has_prefix(city, "col"));
  EXPECT_TRUE(has_prefix(city, "alc"));
  // A hidden layer, or one whose labels are off, names nothing; a hidden labels layer hides the
  // sector names only.
  style.layers[1].visible = false;
  style.layers[2].labels.show = false;
  style.layers[0].visible = false;
  EXPECT_TRUE(labels_for_style(src, style, 5).empty());
  // Bigger features win collisions: alcaldía > sector > colonia.
  EXPECT_GT(label_priority(alcaldias->areas.sectors[0].area_m2), 7000);
  EXPECT_LT(label_priority(colonias->areas.sectors[0].area_m2), 7000);
}

// Random labels of random sizes: whatever is placed overlaps nothing else placed and lies on
// screen inside its feature.
TEST(ContextLabels, PlacedLabelsNeverOverlap) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> pos(0, 800), w(20, 160), h(10, 30);
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 400; ++i) {
    const Vec2 a{pos(rng), pos(rng) * 0.75};
    requests.push_back({a, {a.x - 200, a.y - 100, a.x + 200, a.y + 100}, i % 17,
                        {Vec2{w(rng), h(rng)}, Vec2{w(rng) / 2, h(rng) * 2}}});
  }
  const Box screen{0, 0, 800, 600};
  const auto placed = place_labels(requests, screen, {{0, 500, 200, 600}}, 3.0);
  ASSERT_GT(placed.size(), 20u);
  for (size_t i = 0; i < placed.size(); ++i) {
    const Box& b = placed[i].box;
    EXPECT_TRUE(b.xmin >= 0 && b.ymin >= 0 && b.xmax <= 800 && b.ymax <= 600);
    EXPECT_FALSE(b.xmax > 0 && b.xmin < 200 && b.ymax > 500) << "on the obstacle";
    for (size_t j = i + 1; j < placed.size(); ++j) {
      const Box& c = placed[j].box;
      const bool overlap = b.xmin < c.xmax && c.xmin < b.xmax && b.ymin < c.ymax && c.ymin < b.ymax;
      EXPECT_FALSE(overlap) << i << " and " << j;
    }
  }
}

// The real layers through the export renderer: colonia names at street scale only, alcaldía
// names at city scale only, sector names at both, and no two placed labels overlapping.
TEST(ContextLabels, RealCdmxNamesByZoom) {
  FARO_REQUIRE_SHARED(sectors_path, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(colonias_path, "cdmx-cuadrantes/colonias_iecm.gpkg");
  FARO_REQUIRE_SHARED(alcaldias_path, "cdmx-cuadrantes/alcaldias.geojson");
  FARO_REQUIRE_GL(gl);
  const SectorSet sectors = io::load_sectors(sectors_path, {}).sectors;
  MapStyle style;
  style.layers.push_back(make_layer(LayerKind::sectors));
  std::map<std::string, std::vector<LineStrip>> lines;
  std::map<std::string, std::shared_ptr<const ContextAreas>> areas;
  for (const std::string& path : {colonias_path, alcaldias_path}) {
    StyleLayer l = *io::context_preset_for(path);
    l.source = path;
    io::ContextLoadResult c = io::load_context(path, sectors.work_srs, l.labels);
    for (auto& line : c.lines) lines[l.id].push_back({std::move(line.points), line.closed});
    areas[l.id] = c.areas;
    style.layers.push_back(l);
  }
  style.layers.push_back(make_layer(LayerKind::labels));
  // Names by kind; a colonia sharing a sector's name ("SAN ANGEL") is not counted as a colonia.
  std::vector<std::string> colonia_names, alcaldia_names;
  for (const Sector& s : areas["colonias"]->areas.sectors)
    if (!sectors.find(s.name)) colonia_names.push_back(s.name);
  for (const Sector& s : areas["alcaldias"]->areas.sectors) alcaldia_names.push_back(s.name);
  const auto count_in = [](const std::vector<std::string>& placed,
                           const std::vector<std::string>& names) {
    return std::count_if(placed.begin(), placed.end(), [&](const std::string& p) {
      return std::find(names.begin(), names.end(), p) != names.end();
    });
  };
  const auto count_sectors = [&](const std::vector<std::string>& placed) {
    return std::count_if(placed.begin(), placed.end(),
                         [&](const std::string& p) { return sectors.find(p).has_value(); });
  };
  IncidentStore none;
  MapSceneData data;
  data.sectors = &sectors;
  data.incidents = &none;
  data.context_by_layer = &lines;
  data.context_areas_by_layer = &areas;
  MapSceneOptions o;
  o.width = 1280;
  o.height = 720;
  o.samples = 0;
  // City scale: the whole city.
  const MapSceneResult city = render_map_scene(data, style, o);
  const double city_mpp = city.camera.metres_per_pixel() * 720 / 1080.0;
  // Street scale: ~3 m per 1080 p pixel around Roma / Condesa (UTM 14N).
  const Vec2 roma{484'500, 2'145'500};
  o.view = Box{roma.x - 1500, roma.y - 850, roma.x + 1500, roma.y + 850};
  const MapSceneResult street = render_map_scene(data, style, o);
  const double street_mpp = street.camera.metres_per_pixel() * 720 / 1080.0;
  std::printf("city (%.0f m/px): %zu labels (%ld alcaldías, %ld colonias, %ld sectors); street "
              "(%.1f m/px): %zu labels (%ld colonias, %ld alcaldías, %ld sectors)\n",
              city_mpp, city.placed_labels.size(), count_in(city.placed_labels, alcaldia_names),
              count_in(city.placed_labels, colonia_names), count_sectors(city.placed_labels),
              street_mpp, street.placed_labels.size(), count_in(street.placed_labels, colonia_names),
              count_in(street.placed_labels, alcaldia_names), count_sectors(street.placed_labels));
  EXPECT_GT(city_mpp, 15);
  EXPECT_LT(street_mpp, 15);
  EXPECT_GE(count_in(city.placed_labels, alcaldia_names), 8);
  EXPECT_EQ(count_in(city.placed_labels, colonia_names), 0);
  EXPECT_GE(count_sectors(city.placed_labels), 5);
  EXPECT_GE(count_in(street.placed_labels, colonia_names), 5);
  EXPECT_EQ(count_in(street.placed_labels, alcaldia_names), 0);
}

}  // namespace
}  // namespace faro::render
