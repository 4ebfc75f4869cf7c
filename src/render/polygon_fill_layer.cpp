#include "render/polygon_fill_layer.hpp"

#include <cmath>
#include <cstddef>
#include <string>

#include "core/errors.hpp"
#include "render/gl_state.hpp"

namespace faro::render {
namespace {

template <class T>
void upload(GLenum target, const Buffer& buffer, const std::vector<T>& data) {
  glBindBuffer(target, buffer.id());
  glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(),
               GL_STATIC_DRAW);
}

Vec2 extent_centre(const SectorSet& sectors) {
  const Box e = sectors.extent();
  if (e.empty()) return {0, 0};
  return {std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
}

std::vector<const MultiPolygon*> sector_shapes(const SectorSet& sectors) {
  std::vector<const MultiPolygon*> shapes;
  shapes.reserve(sectors.size());
  for (const Sector& s : sectors.sectors) shapes.push_back(&s.shape);
  return shapes;
}

}  // namespace

PolygonFillLayer::PolygonFillLayer(const SectorSet& sectors)
    : PolygonFillLayer(sector_shapes(sectors), extent_centre(sectors)) {}

PolygonFillLayer::PolygonFillLayer(const std::vector<const MultiPolygon*>& features, Vec2 origin)
    : PolygonFillLayer(build_polygon_mesh(features, origin)) {}

PolygonFillLayer::PolygonFillLayer(const PolygonMesh& mesh)
    : origin_(mesh.origin),
      fill_index_count_(mesh.fill_indices.size()),
      outline_index_count_(mesh.outline_indices.size()),
      ranges_fill_(mesh.fill_ranges),
      ranges_outline_(mesh.outline_ranges) {
  fill_program_ = ShaderProgram::from_embedded("solid_fill.vert", "solid_fill.frag");
  outline_program_ = ShaderProgram::from_embedded("outline.vert", "solid_fill.frag");
  ScopedGlState saved;  // VAO, buffer and texture bindings made here are put back

  fill_vao_ = VertexArray::create();
  fill_vertices_ = Buffer::create();
  fill_indices_ = Buffer::create();
  glBindVertexArray(fill_vao_.id());
  upload(GL_ARRAY_BUFFER, fill_vertices_, mesh.fill_vertices);
  upload(GL_ELEMENT_ARRAY_BUFFER, fill_indices_, mesh.fill_indices);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex),
                        reinterpret_cast<const void*>(offsetof(FillVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(FillVertex),
                         reinterpret_cast<const void*>(offsetof(FillVertex, feature)));

  outline_vao_ = VertexArray::create();
  outline_vertices_ = Buffer::create();
  outline_indices_ = Buffer::create();
  glBindVertexArray(outline_vao_.id());
  upload(GL_ARRAY_BUFFER, outline_vertices_, mesh.outline_vertices);
  upload(GL_ELEMENT_ARRAY_BUFFER, outline_indices_, mesh.outline_indices);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(OutlineVertex),
                        reinterpret_cast<const void*>(offsetof(OutlineVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(OutlineVertex),
                        reinterpret_cast<const void*>(offsetof(OutlineVertex, ex)));
  glBindVertexArray(0);

  color_buffer_ = Buffer::create();
  color_texture_ = Texture::create();
  // A buffer texture needs at least one texel even when there are no features.
  const std::vector<Rgba8> grey(std::max<size_t>(1, feature_count()), Rgba8{200, 200, 200, 255});
  glBindBuffer(GL_TEXTURE_BUFFER, color_buffer_.id());
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(grey.size() * sizeof(Rgba8)), grey.data(),
               GL_DYNAMIC_DRAW);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_BUFFER, color_texture_.id());
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, color_buffer_.id());
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  check_gl("uploading polygon layer");
}

void PolygonFillLayer::set_fill_colors(std::span<const Rgba8> colors) {
  if (colors.size() != feature_count())
    throw UsageError("polygon layer has " + std::to_string(feature_count()) + " features but " +
                     std::to_string(colors.size()) + " colours were given");
  if (colors.empty()) return;
  static_assert(sizeof(Rgba8) == 4, "Rgba8 must match the GL_RGBA8 texel layout");
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BUFFER_BINDING, &previous);
  glBindBuffer(GL_TEXTURE_BUFFER, color_buffer_.id());
  glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(colors.size() * sizeof(Rgba8)),
                  colors.data());
  glBindBuffer(GL_TEXTURE_BUFFER, static_cast<GLuint>(previous));
}

void PolygonFillLayer::draw(const FrameContext& frame) {
  if (fill_index_count_ > 0) {
    fill_program_.use();
    fill_program_.set("u_view", frame.camera.view_matrix(origin_));
    fill_program_.set("u_opacity", opacity_);
    fill_program_.set("u_feature_colors", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_BUFFER, color_texture_.id());
    glBindVertexArray(fill_vao_.id());
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(fill_index_count_), GL_UNSIGNED_INT, nullptr);
  }
  draw_outline_range(frame.camera, {0, static_cast<uint32_t>(outline_index_count_)}, outline_);
  glBindVertexArray(0);
}

void PolygonFillLayer::draw_feature_outline(const FrameContext& frame, size_t feature,
                                            const OutlineStyle& style) {
  if (feature >= ranges_outline_.size()) return;
  draw_outline_range(frame.camera, ranges_outline_[feature], style);
  glBindVertexArray(0);
}

void PolygonFillLayer::draw_outline_range(const Camera& camera, IndexRange range,
                                          const OutlineStyle& style) {
  if (range.count == 0 || !(style.width_px > 0) || style.color.a == 0) return;
  outline_program_.use();
  outline_program_.set("u_view", camera.view_matrix(origin_));
  outline_program_.set("u_half_width_m",
                       static_cast<float>(0.5 * style.width_px * camera.metres_per_pixel()));
  outline_program_.set("u_color",
                       std::array<float, 4>{style.color.r / 255.f, style.color.g / 255.f,
                                            style.color.b / 255.f, style.color.a / 255.f});
  glBindVertexArray(outline_vao_.id());
  glDrawElements(
      GL_TRIANGLES, static_cast<GLsizei>(range.count), GL_UNSIGNED_INT,
      reinterpret_cast<const void*>(static_cast<uintptr_t>(range.first) * sizeof(uint32_t)));
}

}  // namespace faro::render
