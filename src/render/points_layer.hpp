#pragma once
// Incident points: round antialiased dots of a fixed pixel size, coloured by category, drawn as
// instanced quads (glDrawArraysInstanced; one 12-byte instance per incident), so any size works,
// beyond the driver's GL_POINT_SIZE_RANGE. Not partner-safe (exact locations), so `faro render`
// leaves them off unless --layers asks for them.
#include <array>
#include <vector>

#include "core/incidents.hpp"
#include "render/gl_handles.hpp"
#include "render/image.hpp"
#include "render/map_layer.hpp"
#include "render/shader_program.hpp"

namespace faro::render {

// The palette used for category code c is kPointPalette[c % 8] (legend entries use the same).
extern const std::array<Rgba8, 8> kPointPalette;

class PointsLayer : public MapLayer {
 public:
  // Uploads the store's positions (as offsets from its extent centre) and category codes.
  explicit PointsLayer(const IncidentStore& incidents, float size_px = 4.0f);
  size_t size() const { return count_; }
  void draw(const FrameContext& frame) override;

 private:
  Vec2 origin_;
  float size_px_;
  size_t count_ = 0;
  ShaderProgram program_;
  VertexArray vao_;
  Buffer instances_;  // per-incident position and colour
};

}  // namespace faro::render
