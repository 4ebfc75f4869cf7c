#include "render/heatmap_layer.hpp"

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "render/gl_state.hpp"

namespace faro::render {

HeatmapLayer::HeatmapLayer(const GridSpec& grid, std::span<const float> density,
                           const HeatmapStyle& style)
    : grid_(grid), style_(style) {
  if (density.size() != grid.cells())
    throw UsageError("heatmap: density has " + std::to_string(density.size()) +
                     " values for a grid of " + std::to_string(grid.cells()) + " cells");
  if (!(style_.domain.max > style_.domain.min)) style_.domain.max = style_.domain.min + 1;
  GLint max_texture = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture);
  if (grid.nx > max_texture || grid.ny > max_texture)
    throw GlError("heatmap grid " + std::to_string(grid.nx) + "x" + std::to_string(grid.ny) +
                  " exceeds GL_MAX_TEXTURE_SIZE " + std::to_string(max_texture));
  const Box e = grid.extent();
  origin_ = {std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
  program_ = ShaderProgram::from_embedded("heatmap.vert", "heatmap.frag");

  ScopedGlState saved;
  // Two triangles over the extent: (x, y) metres from origin_, (u, v) with v = 0 at the north edge.
  const float x0 = static_cast<float>(e.xmin - origin_.x),
              x1 = static_cast<float>(e.xmax - origin_.x);
  const float y0 = static_cast<float>(e.ymin - origin_.y),
              y1 = static_cast<float>(e.ymax - origin_.y);
  const std::array<float, 24> quad = {x0, y1, 0, 0, x1, y1, 1, 0, x1, y0, 1, 1,
                                      x0, y1, 0, 0, x1, y0, 1, 1, x0, y0, 0, 1};
  vao_ = VertexArray::create();
  vertices_ = Buffer::create();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
  glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                        reinterpret_cast<const void*>(2 * sizeof(float)));
  glBindVertexArray(0);

  glActiveTexture(GL_TEXTURE0);
  density_ = Texture::create();
  glBindTexture(GL_TEXTURE_2D, density_.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, grid.nx, grid.ny, 0, GL_RED, GL_FLOAT, density.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);

  std::vector<uint8_t> lut(256 * 4);
  const auto& table = colormap_table(style_.colormap);
  for (int i = 0; i < 256; ++i) {
    lut[i * 4 + 0] = table[i].r;
    lut[i * 4 + 1] = table[i].g;
    lut[i * 4 + 2] = table[i].b;
    lut[i * 4 + 3] = 255;
  }
  lut_ = Texture::create();
  glBindTexture(GL_TEXTURE_2D, lut_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, lut.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  check_gl("HeatmapLayer upload");
}

void HeatmapLayer::draw(const FrameContext& frame) {
  ScopedGlState saved;  // texture units 0 and 1
  program_.use();
  program_.set("u_view", frame.camera.view_matrix(origin_));
  program_.set("u_density", 0);
  program_.set("u_lut", 1);
  program_.set("u_min", style_.domain.min);
  program_.set("u_max", style_.domain.max);
  program_.set("u_threshold", style_.transparent_below);
  program_.set("u_ramp", style_.ramp_fraction * (style_.domain.max - style_.domain.min));
  program_.set("u_opacity", style_.opacity);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, density_.id());
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, lut_.id());
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 6);
}

}  // namespace faro::render
