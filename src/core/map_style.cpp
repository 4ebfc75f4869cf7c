// MapStyle helpers: kind names, per-kind defaults, find / insert / reorder, validation.
#include "core/map_style.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace faro {
namespace {

constexpr std::array<std::pair<LayerKind, const char*>, kLayerKindCount> kKinds = {{
    {LayerKind::basemap, "basemap"},
    {LayerKind::sectors, "sectors"},
    {LayerKind::choropleth, "choropleth"},
    {LayerKind::grid, "grid"},
    {LayerKind::heatmap, "heatmap"},
    {LayerKind::hotspots, "hotspots"},
    {LayerKind::programs, "programs"},
    {LayerKind::context, "context"},
    {LayerKind::points, "points"},
    {LayerKind::labels, "labels"},
    {LayerKind::near_repeat, "near_repeat"},
}};

template <class Layers>
auto* find_kind(Layers& layers, LayerKind kind) {
  for (auto& l : layers)
    if (l.kind == kind) return &l;
  return static_cast<decltype(&layers[0])>(nullptr);
}

}  // namespace

const char* layer_kind_key(LayerKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "?";
}

std::optional<LayerKind> parse_layer_kind(std::string_view key) {
  for (const auto& [k, name] : kKinds)
    if (key == name) return k;
  return std::nullopt;
}

int conventional_rank(LayerKind kind) {
  // The array above is in the conventional bottom-to-top order.
  for (size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i].first == kind) return static_cast<int>(i);
  return static_cast<int>(kKinds.size());
}

void show_basemap(MapStyle& style, const std::string& source) {
  StyleLayer* base = style.find(LayerKind::basemap);
  // A basemap layer that already shows a raster keeps its look; one without a source yet (e.g.
  // `--layers basemap,...` before `--basemap`) is new here.
  const bool keep_look = base && !base->source.empty();
  if (!base) {
    style.layers.insert(style.layers.begin(), make_layer(LayerKind::basemap));
    base = &style.layers.front();
  }
  base->source = source;
  base->visible = true;
  if (keep_look) return;
  base->basemap = {true, 0.3f};
  for (StyleLayer& l : style.layers) {
    if (l.kind == LayerKind::sectors) l.opacity = std::min(l.opacity, 0.35f);
    if (l.kind == LayerKind::choropleth) l.opacity = std::min(l.opacity, 0.75f);
  }
}

StyleLayer make_layer(LayerKind kind) {
  StyleLayer l;
  l.kind = kind;
  l.id = layer_kind_key(kind);
  if (kind == LayerKind::heatmap) l.opacity = 0.8f;
  if (kind == LayerKind::context) {
    l.line = {{70, 70, 70}, 1.2f};
    l.labels.field.clear();  // the source's name-like field
    l.labels.size_px = 11.0f;
  }
  return l;
}

StyleLayer* MapStyle::find(LayerKind kind) { return find_kind(layers, kind); }
const StyleLayer* MapStyle::find(LayerKind kind) const { return find_kind(layers, kind); }

StyleLayer* MapStyle::find_id(std::string_view id) {
  for (StyleLayer& l : layers)
    if (l.id == id) return &l;
  return nullptr;
}

bool MapStyle::shows(LayerKind kind) const {
  return std::any_of(layers.begin(), layers.end(),
                     [&](const StyleLayer& l) { return l.kind == kind && l.visible; });
}

StyleLayer& MapStyle::layer(LayerKind kind) {
  if (StyleLayer* l = find(kind)) return *l;
  // Missing: insert (hidden, so nothing changes on screen) below the first layer that sits above
  // `kind` in the conventional order, keeping the stack sensible.
  StyleLayer added = make_layer(kind);
  added.visible = false;
  const int rank = conventional_rank(kind);
  auto pos = std::find_if(layers.begin(), layers.end(), [&](const StyleLayer& l) {
    return conventional_rank(l.kind) > rank;
  });
  return *layers.insert(pos, std::move(added));
}

HeatmapStyle MapStyle::heatmap() const {
  const StyleLayer* l = find(LayerKind::heatmap);
  return l ? l->heatmap : HeatmapStyle{};
}
ChoroplethStyle MapStyle::choropleth() const {
  const StyleLayer* l = find(LayerKind::choropleth);
  return l ? l->choropleth : ChoroplethStyle{};
}
PointStyle MapStyle::points() const {
  const StyleLayer* l = find(LayerKind::points);
  return l ? l->points : PointStyle{};
}
float MapStyle::opacity(LayerKind kind, float fallback) const {
  const StyleLayer* l = find(kind);
  return l ? l->opacity : fallback;
}

size_t MapStyle::add(StyleLayer l) {
  if (l.id.empty()) l.id = layer_kind_key(l.kind);
  const std::string base = l.id;
  for (int n = 2; find_id(l.id) != nullptr; ++n) l.id = base + "-" + std::to_string(n);
  layers.push_back(std::move(l));
  return layers.size() - 1;
}

bool MapStyle::move(size_t index, int direction) {
  if (index >= layers.size() || direction == 0) return false;
  const long target = static_cast<long>(index) + (direction > 0 ? 1 : -1);
  if (target < 0 || target >= static_cast<long>(layers.size())) return false;
  std::swap(layers[index], layers[static_cast<size_t>(target)]);
  return true;
}

bool MapStyle::remove(size_t index) {
  if (index >= layers.size()) return false;
  layers.erase(layers.begin() + static_cast<long>(index));
  return true;
}

std::vector<std::string> style_problems(const MapStyle& style) {
  std::vector<std::string> out;
  for (size_t i = 0; i < style.layers.size(); ++i) {
    const StyleLayer& l = style.layers[i];
    const std::string who = "layer '" + l.id + "'";
    if (l.id.empty()) out.push_back("layer " + std::to_string(i + 1) + ": id is empty");
    for (size_t j = 0; j < i; ++j)
      if (style.layers[j].id == l.id) out.push_back(who + ": id is used twice");
    if (!(l.opacity >= 0 && l.opacity <= 1)) out.push_back(who + ": opacity must be in 0..1");
    switch (l.kind) {
      case LayerKind::heatmap:
        if (!(l.heatmap.bandwidth_m > 0) || !std::isfinite(l.heatmap.bandwidth_m) ||
            l.heatmap.bandwidth_m > 100'000)
          out.push_back(who + ": bandwidth_m must be > 0 and at most 100000");
        if (l.heatmap.color_max_locked && !(l.heatmap.color_max > 0))
          out.push_back(who + ": a fixed color_max must be > 0");
        break;
      case LayerKind::choropleth:
        if (l.choropleth.classes < 2 || l.choropleth.classes > 9)
          out.push_back(who + ": classes must be 2..9");
        break;
      case LayerKind::points:
        if (!(l.points.size_px > 0) || l.points.size_px > 256)
          out.push_back(who + ": size_px must be in (0, 256]");
        break;
      case LayerKind::sectors:
      case LayerKind::context:
        if (!(l.line.width_px > 0) || l.line.width_px > 64)
          out.push_back(who + ": line width_px must be in (0, 64]");
        if (l.kind == LayerKind::sectors) break;
        [[fallthrough]];  // a context layer's labels
      case LayerKind::labels:
        if (!(l.labels.size_px > 0) || l.labels.size_px > 128)
          out.push_back(who + ": size_px must be in (0, 128]");
        if (l.labels.min_metres_per_pixel < 0 || l.labels.max_metres_per_pixel < 0)
          out.push_back(who + ": the zoom range must not be negative");
        break;
      case LayerKind::grid:
        if (!(l.grid.cell_m >= 50) || l.grid.cell_m > 50'000)
          out.push_back(who + ": grid cell_m must be 50..50000");
        if (l.grid.classes < 2 || l.grid.classes > 9) out.push_back(who + ": classes must be 2..9");
        break;
      case LayerKind::hotspots:
        if (l.hotspots.permutations < -1 || l.hotspots.permutations > 99'999)
          out.push_back(who + ": permutations must be -1 (automatic) or 0..99999");
        if (l.hotspots.unit != HotspotUnit::sectors &&
            (!(l.hotspots.cell_m >= 50) || l.hotspots.cell_m > 50'000))
          out.push_back(who + ": hotspots cell_m must be 50..50000");
        break;
      case LayerKind::basemap:
        if (l.source.empty()) out.push_back(who + ": a basemap needs a source raster");
        if (!(l.basemap.dim >= 0 && l.basemap.dim <= 1))
          out.push_back(who + ": basemap dim must be in 0..1");
        break;
      case LayerKind::near_repeat:
        if (!(l.near_repeat.radius_m >= 10) || l.near_repeat.radius_m > 5000)
          out.push_back(who + ": near_repeat radius_m must be 10..5000");
        if (l.near_repeat.days < 1 || l.near_repeat.days > 365)
          out.push_back(who + ": near_repeat days must be 1..365");
        break;
      case LayerKind::programs:
        break;
    }
  }
  return out;
}

}  // namespace faro
