#pragma once
// The live map's names, drawn with ImGui over the map image: the same labels every export places
// (render::StyleRenderer::labels_for: sector names, and colonia / alcaldía / cuadrante names in
// their layers' zoom ranges), placed in one collision pass (render/label_placement.hpp) so no name
// overlaps another, with a white halo. Exports draw the same set with cairo
// (render/map_overlay.hpp). UI thread, inside an ImGui frame.
#include <string>
#include <vector>

#include "core/map_style.hpp"
#include "render/camera.hpp"
#include "render/style_renderer.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::app {

struct LiveLabelOptions {
  float pixel_scale = 1;      // framebuffer pixels per ImGui unit (the camera is in framebuffer px)
  bool presentation = false;  // names a quarter larger (read from across a room)
  std::vector<std::string> selection;  // selected sectors' names win collisions
};

// Places and draws the labels of `style` at `camera`'s scale into `region` on the background draw
// list. Returns the texts placed (tests).
std::vector<std::string> draw_live_labels(const render::StyleRenderer& map, const MapStyle& style,
                                          const render::Camera& camera,
                                          const ui::MapRegion& region,
                                          const LiveLabelOptions& options);

}  // namespace faro::app
