#pragma once
// A density grid (incidents per km² on a GridSpec, from any faro::DensityEstimator) drawn as a
// colour-mapped texture. The colour domain is resolved once for the whole grid by the caller
// (core/color_domain.hpp), so every tile of a large export and every map that shares a locked
// --color-max uses the same colours for the same density.
#include <span>

#include "core/color_domain.hpp"
#include "core/colormap.hpp"
#include "core/kde.hpp"
#include "render/gl_handles.hpp"
#include "render/map_layer.hpp"
#include "render/shader_program.hpp"

namespace faro::render {

struct HeatmapStyle {
  ColormapName colormap = ColormapName::inferno;
  ColorDomain domain;           // resolved (min < max)
  float transparent_below = 0;  // density at or below this is not drawn (streets show through)
  float ramp_fraction = 0.15f;  // alpha rises from 0 to `opacity` over this fraction of the domain
  float opacity = 0.85f;
};

class HeatmapLayer : public MapLayer {
 public:
  // Uploads `density` (grid.cells() values, row 0 = north). Needs a current context. Throws
  // faro::UsageError on a size mismatch and GlError when the grid exceeds GL_MAX_TEXTURE_SIZE.
  HeatmapLayer(const GridSpec& grid, std::span<const float> density, const HeatmapStyle& style);

  const HeatmapStyle& style() const { return style_; }
  void draw(const FrameContext& frame) override;

 private:
  GridSpec grid_;
  Vec2 origin_;
  HeatmapStyle style_;
  ShaderProgram program_;
  VertexArray vao_;
  Buffer vertices_;
  Texture density_, lut_;
};

}  // namespace faro::render
