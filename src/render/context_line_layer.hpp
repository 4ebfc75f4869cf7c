#pragma once
// Thin context lines (borough boundaries, roads) drawn over the map: ribbons of constant on-screen
// width, built once on the CPU (same miter rule and shader as polygon outlines) and widened in the
// vertex shader, so zooming never rebuilds them.
#include <span>
#include <vector>

#include "core/geometry.hpp"
#include "render/gl_handles.hpp"
#include "render/map_layer.hpp"
#include "render/polygon_fill_layer.hpp"  // OutlineStyle
#include "render/polygon_mesh.hpp"        // OutlineVertex
#include "render/shader_program.hpp"

namespace faro::render {

struct LineStrip {
  std::vector<Vec2> points;  // working CRS metres; closed strips stored open
  bool closed = false;
};

struct LineMesh {
  Vec2 origin;
  std::vector<OutlineVertex> vertices;
  std::vector<uint32_t> indices;  // triangles
};

// CPU side (no GL): two vertices per point, two triangles per segment. Open ends are square-cut at
// the end point; interior joins use the polygon outline miter (limit kMiterLimit).
LineMesh build_line_mesh(std::span<const LineStrip> strips, Vec2 origin);

class ContextLineLayer : public MapLayer {
 public:
  // Needs a current context; origin = the strips' extent centre.
  ContextLineLayer(std::span<const LineStrip> strips, const OutlineStyle& style);
  size_t triangle_count() const { return index_count_ / 3; }
  // Colour and width (pixels) of the next draws; the mesh is in metres, so no rebuild.
  void set_style(const OutlineStyle& style) { style_ = style; }
  void draw(const FrameContext& frame) override;

 private:
  Vec2 origin_;
  OutlineStyle style_;
  ShaderProgram program_;
  VertexArray vao_;
  Buffer vertices_, indices_;
  size_t index_count_ = 0;
};

}  // namespace faro::render
