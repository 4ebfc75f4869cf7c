#pragma once
// How layers plug into the map renderer. A layer owns its GPU data (uploaded once, in float
// offsets from its own local origin) and draws it for one camera per call; render_map() calls every
// layer in order for every tile of the output image.
#include "render/camera.hpp"
#include "render/gl.hpp"
#include "render/offscreen_target.hpp"

namespace faro::render {

struct FrameContext {
  const Camera& camera;       // the view of this tile (already Camera::sub_view'ed for tiles)
  TileViewport tile;          // where the tile sits in the full image
  GLuint target_framebuffer;  // the framebuffer the layer draws into (bound on entry)
};

class MapLayer {
 public:
  virtual ~MapLayer() = default;
  // Entry state: target_framebuffer bound, viewport = the tile, blending enabled with the
  // premultiplied rule (GL_ONE, GL_ONE_MINUS_SRC_ALPHA), no depth/stencil/scissor/culling.
  // A layer that binds its own framebuffers or changes other state (e.g. a heatmap accumulating
  // into a float target) wraps that in a ScopedGlState (render/gl_state.hpp) and leaves the entry
  // state as it found it.
  virtual void draw(const FrameContext& frame) = 0;
};

}  // namespace faro::render
