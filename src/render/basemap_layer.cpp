#include "render/basemap_layer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "render/gl_state.hpp"

namespace faro::render {

BasemapLayer::BasemapLayer(std::span<const uint8_t> rgba, int width, int height, const Box& box) {
  if (width <= 0 || height <= 0 || rgba.size() != static_cast<size_t>(width) * height * 4 ||
      box.empty())
    throw UsageError("basemap layer: " + std::to_string(rgba.size()) + " bytes for " +
                     std::to_string(width) + "x" + std::to_string(height) + " pixels");
  origin_ = {std::round((box.xmin + box.xmax) / 2), std::round((box.ymin + box.ymax) / 2)};
  const float x0 = static_cast<float>(box.xmin - origin_.x),
              x1 = static_cast<float>(box.xmax - origin_.x);
  const float y0 = static_cast<float>(box.ymin - origin_.y),
              y1 = static_cast<float>(box.ymax - origin_.y);
  // Texture row 0 is the image's top (north): v = 0 at ymax. Two triangles, (x, y, u, v).
  const std::array<float, 24> quad{x0, y1, 0, 0, x1, y1, 1, 0, x1, y0, 1, 1,
                                   x0, y1, 0, 0, x1, y0, 1, 1, x0, y0, 0, 1};
  program_ = ShaderProgram::from_embedded("basemap.vert", "basemap.frag");
  ScopedGlState saved;  // VAO, buffer and texture bindings made here are put back
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
  texture_ = Texture::create();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               rgba.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);  // the GL default, for layers that rely on it
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  check_gl("uploading basemap");
}

void BasemapLayer::draw(const FrameContext& frame) {
  program_.use();
  program_.set("u_view", frame.camera.view_matrix(origin_));
  program_.set("u_image", 0);
  program_.set("u_opacity", opacity_);
  program_.set("u_greyscale", look_.greyscale ? 1.0f : 0.0f);
  program_.set("u_dim", std::clamp(look_.dim, 0.0f, 1.0f));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 6);
  glBindVertexArray(0);
}

}  // namespace faro::render
