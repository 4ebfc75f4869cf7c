#pragma once
// Filled polygons with outlines: sector choropleths, program areas. Geometry is triangulated and
// uploaded once; fill colours live in a per-feature buffer texture, so recolouring (a new
// classification, a selection) uploads 4 bytes per feature and leaves the geometry alone.
#include <span>
#include <vector>

#include "core/sectors.hpp"
#include "render/gl_handles.hpp"
#include "render/image.hpp"
#include "render/map_layer.hpp"
#include "render/polygon_mesh.hpp"
#include "render/shader_program.hpp"

namespace faro::render {

struct OutlineStyle {
  Rgba8 color{60, 60, 60, 255};  // straight alpha; keep it opaque: translucent ribbons double up
  float width_px = 1.0f;         // on-screen width, constant at any zoom; 0 hides outlines
};

class PolygonFillLayer : public MapLayer {
 public:
  // Uploads a prebuilt mesh (build it off the GL thread if it is large). Needs a current context.
  explicit PolygonFillLayer(const PolygonMesh& mesh);
  // One feature per entry (nullptr = nothing drawn for that index).
  PolygonFillLayer(const std::vector<const MultiPolygon*>& features, Vec2 origin);
  // One feature per sector, in SectorSet order; origin = the set's extent centre.
  explicit PolygonFillLayer(const SectorSet& sectors);

  size_t feature_count() const { return ranges_fill_.size(); }
  size_t triangle_count() const { return fill_index_count_ / 3; }
  Vec2 origin() const { return origin_; }

  // One colour per feature (straight alpha). Throws faro::UsageError on a count mismatch.
  void set_fill_colors(std::span<const Rgba8> colors);
  void set_outline(const OutlineStyle& style) { outline_ = style; }
  void set_opacity(float opacity) { opacity_ = opacity; }  // multiplies fill alpha

  void draw(const FrameContext& frame) override;
  // Outline of one feature only (selection highlight), drawn with `style`.
  void draw_feature_outline(const FrameContext& frame, size_t feature, const OutlineStyle& style);

 private:
  void draw_outline_range(const Camera& camera, IndexRange range, const OutlineStyle& style);

  Vec2 origin_;
  ShaderProgram fill_program_, outline_program_;
  VertexArray fill_vao_, outline_vao_;
  Buffer fill_vertices_, fill_indices_, outline_vertices_, outline_indices_;
  Buffer color_buffer_;
  Texture color_texture_;  // GL_TEXTURE_BUFFER view of color_buffer_
  size_t fill_index_count_ = 0, outline_index_count_ = 0;
  std::vector<IndexRange> ranges_fill_, ranges_outline_;
  OutlineStyle outline_;
  float opacity_ = 1.0f;
};

}  // namespace faro::render
