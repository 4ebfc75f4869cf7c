#include "render/context_line_layer.hpp"

#include <cmath>
#include <cstddef>

#include "render/gl_state.hpp"

namespace faro::render {
namespace {

Vec2 unit(double x, double y) {
  const double len = std::hypot(x, y);
  return len > 0 ? Vec2{x / len, y / len} : Vec2{0, 0};
}

Vec2 strips_centre(std::span<const LineStrip> strips) {
  Box b;
  for (const LineStrip& s : strips)
    for (const Vec2& p : s.points) b.expand(p.x, p.y);
  if (b.empty()) return {0, 0};
  return {std::round((b.xmin + b.xmax) / 2), std::round((b.ymin + b.ymax) / 2)};
}

void append_strip(const LineStrip& s, Vec2 origin, LineMesh& mesh) {
  const size_t n = s.points.size();
  if (n < 2) return;
  const uint32_t base = static_cast<uint32_t>(mesh.vertices.size());
  for (size_t i = 0; i < n; ++i) {
    const Vec2& cur = s.points[i];
    const bool has_prev = s.closed || i > 0, has_next = s.closed || i + 1 < n;
    const Vec2& prev = s.points[has_prev ? (i + n - 1) % n : i];
    const Vec2& next = s.points[has_next ? (i + 1) % n : i];
    // Direction of the incoming and outgoing segment; at an open end both are the one segment.
    const Vec2 d0 =
        has_prev ? unit(cur.x - prev.x, cur.y - prev.y) : unit(next.x - cur.x, next.y - cur.y);
    const Vec2 d1 = has_next ? unit(next.x - cur.x, next.y - cur.y) : d0;
    const Vec2 n0{-d0.y, d0.x}, n1{-d1.y, d1.x};
    const Vec2 reference = (n0.x != 0 || n0.y != 0) ? n0 : n1;
    Vec2 m = unit(n0.x + n1.x, n0.y + n1.y);
    if (m.x == 0 && m.y == 0) m = reference;  // 180-degree spike
    const double cos_half = m.x * reference.x + m.y * reference.y;
    const double scale = cos_half > 1.0 / kMiterLimit ? 1.0 / cos_half : kMiterLimit;
    const float px = static_cast<float>(cur.x - origin.x),
                py = static_cast<float>(cur.y - origin.y);
    const float ex = static_cast<float>(m.x * scale), ey = static_cast<float>(m.y * scale);
    mesh.vertices.push_back({px, py, ex, ey});
    mesh.vertices.push_back({px, py, -ex, -ey});
  }
  const size_t segments = s.closed ? n : n - 1;
  for (size_t i = 0; i < segments; ++i) {
    const uint32_t j = static_cast<uint32_t>((i + 1) % n);
    const uint32_t a = base + 2 * static_cast<uint32_t>(i), b = a + 1, c = base + 2 * j, d = c + 1;
    mesh.indices.insert(mesh.indices.end(), {a, b, c, b, d, c});
  }
}

}  // namespace

LineMesh build_line_mesh(std::span<const LineStrip> strips, Vec2 origin) {
  LineMesh mesh;
  mesh.origin = origin;
  for (const LineStrip& s : strips) append_strip(s, origin, mesh);
  return mesh;
}

ContextLineLayer::ContextLineLayer(std::span<const LineStrip> strips, const OutlineStyle& style)
    : style_(style) {
  const LineMesh mesh = build_line_mesh(strips, strips_centre(strips));
  origin_ = mesh.origin;
  index_count_ = mesh.indices.size();
  program_ = ShaderProgram::from_embedded("outline.vert", "solid_fill.frag");
  ScopedGlState saved;  // VAO and buffer bindings made here are put back
  vao_ = VertexArray::create();
  vertices_ = Buffer::create();
  indices_ = Buffer::create();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
  glBufferData(GL_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(OutlineVertex)),
               mesh.vertices.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(uint32_t)), mesh.indices.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(OutlineVertex),
                        reinterpret_cast<const void*>(offsetof(OutlineVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(OutlineVertex),
                        reinterpret_cast<const void*>(offsetof(OutlineVertex, ex)));
  glBindVertexArray(0);
  check_gl("uploading context lines");
}

void ContextLineLayer::draw(const FrameContext& frame) {
  if (index_count_ == 0 || !(style_.width_px > 0) || style_.color.a == 0) return;
  program_.use();
  program_.set("u_view", frame.camera.view_matrix(origin_));
  program_.set("u_half_width_m",
               static_cast<float>(0.5 * style_.width_px * frame.camera.metres_per_pixel()));
  program_.set("u_color", std::array<float, 4>{style_.color.r / 255.f, style_.color.g / 255.f,
                                               style_.color.b / 255.f, style_.color.a / 255.f});
  glBindVertexArray(vao_.id());
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(index_count_), GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
}

}  // namespace faro::render
