#pragma once
// Renders a stack of layers into an image of the camera's size, tiling when the size exceeds the
// GL limits. Needs a current context (render/egl_context.hpp).
#include <vector>

#include "render/image.hpp"
#include "render/map_layer.hpp"

namespace faro::render {

struct MapRenderOptions {
  Rgba8 background{255, 255, 255, 255};  // straight alpha; a = 0 gives a transparent PNG
  int samples = 4;                       // MSAA samples (0 = none)
  int max_tile_size = 0;                 // 0 = the GL limits
};

// Layers draw bottom to top in the given order. Image rows are top-down, alpha straight.
RgbaImage render_map(const std::vector<MapLayer*>& layers, const Camera& camera,
                     const MapRenderOptions& options = {});

// The premultiplied clear colour for a straight-alpha background.
std::array<float, 4> premultiplied(Rgba8 c);

}  // namespace faro::render
