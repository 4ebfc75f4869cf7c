#include "render/map_renderer.hpp"

namespace faro::render {

std::array<float, 4> premultiplied(Rgba8 c) {
  const float a = c.a / 255.f;
  return {c.r / 255.f * a, c.g / 255.f * a, c.b / 255.f * a, a};
}

RgbaImage render_map(const std::vector<MapLayer*>& layers, const Camera& camera,
                     const MapRenderOptions& options) {
  TiledRenderOptions tiled;
  tiled.max_tile_size = options.max_tile_size;
  tiled.samples = options.samples;
  tiled.clear_color = premultiplied(options.background);
  return render_tiled(
      camera.width(), camera.height(),
      [&](const TileViewport& tile) {
        const Camera view = camera.sub_view(tile.x, tile.y, tile.width, tile.height);
        GLint fbo = 0;
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
        const FrameContext frame{view, tile, static_cast<GLuint>(fbo)};
        for (MapLayer* layer : layers) {
          glEnable(GL_BLEND);
          glBlendEquation(GL_FUNC_ADD);
          glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
          layer->draw(frame);
        }
      },
      tiled);
}

}  // namespace faro::render
