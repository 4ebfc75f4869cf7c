#include "render/points_layer.hpp"

#include <cmath>
#include <cstddef>
#include <string>

#include "core/point_palette.hpp"
#include "render/gl_state.hpp"

namespace faro::render {

// The automatic colours of core/point_palette.hpp, at 90 % opacity (constant-initialised, so
// usable from any static initialiser).
constinit const std::array<Rgba8, 8> kPointPalette = [] {
  std::array<Rgba8, 8> out{};
  for (size_t i = 0; i < out.size(); ++i) {
    const Rgb c = point_auto_color(i);
    out[i] = {c.r, c.g, c.b, 230};
  }
  return out;
}();

PointsLayer::PointsLayer(const IncidentStore& incidents, float size_px)
    : size_px_(size_px), count_(incidents.size()) {
  const Box e = incidents.extent();
  origin_ = e.empty() ? Vec2{0, 0}
                      : Vec2{std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
  program_ = ShaderProgram::from_embedded("points.vert", "points.frag");
  // Interleaved per-instance records: x, y (float metres from origin_), RGBA8 colour.
  struct Instance {
    float x, y;
    Rgba8 color;
  };
  static_assert(sizeof(Instance) == 12);
  std::vector<Instance> instances(count_);
  for (size_t i = 0; i < count_; ++i) {
    const uint16_t cat = i < incidents.category.size() ? incidents.category[i] : 0;
    instances[i] = {static_cast<float>(incidents.x[i] - origin_.x),
                    static_cast<float>(incidents.y[i] - origin_.y), kPointPalette[cat % 8]};
  }
  ScopedGlState saved;
  vao_ = VertexArray::create();
  instances_ = Buffer::create();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, instances_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(Instance)),
               instances.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Instance), nullptr);
  glVertexAttribDivisor(0, 1);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Instance),
                        reinterpret_cast<const void*>(offsetof(Instance, color)));
  glVertexAttribDivisor(1, 1);
  glBindVertexArray(0);
  check_gl("PointsLayer upload");
}

void PointsLayer::draw(const FrameContext& frame) {
  if (count_ == 0 || !(size_px_ > 0)) return;
  ScopedGlState saved;
  program_.use();
  program_.set("u_view", frame.camera.view_matrix(origin_));
  program_.set("u_size_px", size_px_);
  program_.set("u_viewport_px", std::array<float, 2>{static_cast<float>(frame.camera.width()),
                                                     static_cast<float>(frame.camera.height())});
  glBindVertexArray(vao_.id());
  // Four strip vertices per instance; no per-vertex buffer (corners come from gl_VertexID).
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count_));
  glBindVertexArray(0);
}

}  // namespace faro::render
