#pragma once
// A raster basemap (io/basemap_reader.hpp warps it into the view) drawn first, as one textured
// quad over the working-CRS box it covers: what exports draw (render_map_scene warps the raster
// to the exact view). The live map draws the same raster tile by tile
// (render/basemap_tile_layer.hpp) with the same shader, so both look alike.
#include <cstdint>
#include <span>

#include "core/geometry.hpp"
#include "core/map_style.hpp"
#include "render/gl_handles.hpp"
#include "render/map_layer.hpp"
#include "render/shader_program.hpp"

namespace faro::render {

class BasemapLayer : public MapLayer {
 public:
  // `rgba`: width * height * 4 bytes, rows top-down (north first), straight alpha, covering `box`
  // (working CRS). Needs a current context; throws faro::UsageError on a size mismatch.
  BasemapLayer(std::span<const uint8_t> rgba, int width, int height, const Box& box);
  void set_opacity(float opacity) { opacity_ = opacity; }
  void set_look(const BasemapStyle& look) { look_ = look; }
  void draw(const FrameContext& frame) override;

 private:
  Vec2 origin_;
  ShaderProgram program_;
  VertexArray vao_;
  Buffer vertices_;
  Texture texture_;
  float opacity_ = 1.0f;
  BasemapStyle look_;
};

}  // namespace faro::render
