#include "render/points_layer.hpp"

#include <cmath>
#include <string>

#include "render/gl_state.hpp"

namespace faro::render {

// ColorBrewer Set1 (qualitative, 8 classes): distinct on both light fills and the heatmap.
const std::array<Rgba8, 8> kPointPalette = {{{228, 26, 28, 230},
                                             {55, 126, 184, 230},
                                             {77, 175, 74, 230},
                                             {152, 78, 163, 230},
                                             {255, 127, 0, 230},
                                             {255, 255, 51, 230},
                                             {166, 86, 40, 230},
                                             {247, 129, 191, 230}}};

PointsLayer::PointsLayer(const IncidentStore& incidents, float size_px)
    : size_px_(size_px), count_(incidents.size()) {
  const Box e = incidents.extent();
  origin_ = e.empty() ? Vec2{0, 0}
                      : Vec2{std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
  program_ = ShaderProgram::from_embedded("points.vert", "points.frag");
  std::vector<float> xy(count_ * 2);
  std::vector<uint32_t> cat(count_);
  for (size_t i = 0; i < count_; ++i) {
    xy[2 * i] = static_cast<float>(incidents.x[i] - origin_.x);
    xy[2 * i + 1] = static_cast<float>(incidents.y[i] - origin_.y);
    cat[i] = i < incidents.category.size() ? incidents.category[i] : 0;
  }
  ScopedGlState saved;
  vao_ = VertexArray::create();
  positions_ = Buffer::create();
  categories_ = Buffer::create();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, positions_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xy.size() * sizeof(float)), xy.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, categories_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(cat.size() * sizeof(uint32_t)), cat.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 0, nullptr);
  glBindVertexArray(0);
  check_gl("PointsLayer upload");
}

void PointsLayer::draw(const FrameContext& frame) {
  if (count_ == 0) return;
  ScopedGlState saved;
  // Point size is the layer's business; put the enable back as found (not in ScopedGlState).
  const GLboolean point_size_was = glIsEnabled(GL_PROGRAM_POINT_SIZE);
  glEnable(GL_PROGRAM_POINT_SIZE);
  program_.use();
  program_.set("u_view", frame.camera.view_matrix(origin_));
  program_.set("u_size_px", size_px_);
  for (int i = 0; i < 8; ++i) {
    const Rgba8 c = kPointPalette[i];
    program_.set("u_palette[" + std::to_string(i) + "]",
                 std::array<float, 4>{c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f});
  }
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(count_));
  if (!point_size_was) glDisable(GL_PROGRAM_POINT_SIZE);
}

}  // namespace faro::render
