#include "render/context_labels.hpp"

#include <algorithm>
#include <cmath>

namespace faro::render {

int label_priority(double area_m2) {
  if (!(area_m2 > 0) || !std::isfinite(area_m2)) return 0;
  return static_cast<int>(std::lround(std::clamp(1000.0 * std::log10(1.0 + area_m2), 0.0, 1e5)));
}

bool label_zoom_shows(const LabelStyle& labels, double metres_per_pixel) {
  if (labels.min_metres_per_pixel > 0 && metres_per_pixel < labels.min_metres_per_pixel)
    return false;
  if (labels.max_metres_per_pixel > 0 && metres_per_pixel > labels.max_metres_per_pixel)
    return false;
  return true;
}

std::vector<MapLabel> context_labels(const ContextAreas& areas, const LabelStyle& look) {
  std::vector<MapLabel> out;
  const auto& list = areas.areas.sectors;
  out.reserve(list.size());
  for (size_t i = 0; i < list.size() && i < areas.anchors.size(); ++i) {
    const Sector& a = list[i];
    if (a.name.empty() || a.bbox.empty()) continue;
    MapLabel l{a.name, areas.anchors[i], a.bbox, label_priority(a.area_m2)};
    l.area = true;
    l.size_px = look.size_px;
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<MapLabel> labels_for_style(const LabelSources& sources, const MapStyle& style,
                                       double metres_per_pixel) {
  std::vector<MapLabel> out;
  const auto add_areas = [&](const ContextAreas& areas, const LabelStyle& look) {
    if (!look.show || !label_zoom_shows(look, metres_per_pixel)) return;
    for (MapLabel& l : context_labels(areas, look)) out.push_back(std::move(l));
  };
  bool sectors_done = false;
  for (const StyleLayer& layer : style.layers) {
    if (!layer.visible) continue;
    if (layer.kind == LayerKind::labels && !sectors_done && sources.sectors) {
      sectors_done = true;  // one set of sector names, whatever the number of labels layers
      if (label_zoom_shows(layer.labels, metres_per_pixel))
        out.insert(out.end(), sources.sectors->begin(), sources.sectors->end());
    } else if (layer.kind == LayerKind::context && layer.labels.show) {
      if (layer.source.empty()) {
        // The project's sources keep the look they were loaded with (preset or this layer's).
        if (sources.workspace_areas)
          for (const auto& a : *sources.workspace_areas)
            if (a) add_areas(*a, a->labels);
      } else if (sources.layer_areas) {
        for (const auto& [id, a] : *sources.layer_areas)
          if (id == layer.id && a) add_areas(*a, layer.labels);
      }
    }
  }
  return out;
}

}  // namespace faro::render
