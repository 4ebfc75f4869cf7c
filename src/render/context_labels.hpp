#pragma once
// Which names a map shows at a scale: sector names (the labels layer) and the area names of its
// context layers (colonias, alcaldías, cuadrantes), each layer within its own zoom range
// (LabelStyle, metres per pixel at 1080 p). Shared by the live map (text drawn with ImGui,
// app/live_labels.hpp) and every export (cairo, render/map_overlay.hpp), which then place them all
// in one collision pass (render/label_placement.hpp), so no two names overlap on either path.
#include <memory>
#include <string>
#include <vector>

#include "core/context_areas.hpp"
#include "core/map_style.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

// Collision priority from a feature's area: larger features win (an alcaldía over the sectors in
// it, a sector over its colonias). ~1000 per decade of m², so the order of sizes is kept.
int label_priority(double area_m2);

// Whether labels with `labels`' zoom range show at `metres_per_pixel` (1080 p metres per pixel:
// the output's metres per pixel times its scale).
bool label_zoom_shows(const LabelStyle& labels, double metres_per_pixel);

// One label per named area, at its anchor (ContextAreas::anchors), sized by `look.size_px`.
std::vector<MapLabel> context_labels(const ContextAreas& areas, const LabelStyle& look);

// Everything a renderer knows that can carry a name.
struct LabelSources {
  const std::vector<MapLabel>* sectors = nullptr;  // render/sector_labels.hpp
  // The project's context sources (drawn by a context layer without a source of its own): each
  // with its own field, zoom range and size (from its preset, or that layer's labels).
  const std::vector<std::shared_ptr<const ContextAreas>>* workspace_areas = nullptr;
  // Context layers with a source of their own, by layer id.
  const std::vector<std::pair<std::string, std::shared_ptr<const ContextAreas>>>* layer_areas =
      nullptr;
};

// The labels `style` shows at `metres_per_pixel` (1080 p units): sector names when a labels layer
// is visible and in range; area names of each visible context layer whose labels are shown and in
// range. Anchors and boxes in the working CRS; priorities from label_priority.
std::vector<MapLabel> labels_for_style(const LabelSources& sources, const MapStyle& style,
                                       double metres_per_pixel);

}  // namespace faro::render
