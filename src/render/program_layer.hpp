#pragma once
// Program areas (core/programs.hpp) as hatched fills with thick outlines, visually distinct from
// sector fills and the heatmap. Each area has a state: active (rolled out before the end of the
// selected period) in the program's colour, or not yet started (grey, thinner outline).
#include <array>
#include <optional>
#include <vector>

#include "core/programs.hpp"
#include "core/sectors.hpp"
#include "render/gl_handles.hpp"
#include "render/image.hpp"
#include "render/map_layer.hpp"
#include "render/polygon_fill_layer.hpp"
#include "render/shader_program.hpp"

namespace faro::render {

// One drawn program area: the program's own polygon when it has one, else each covered sector.
struct ProgramArea {
  size_t program = 0;  // index into the programs vector
  const MultiPolygon* shape = nullptr;
  CivilSeconds start = 0;  // rollout date of this area
  bool active = true;      // rolled out before the end of the period
};

// Areas of `programs` (sectors looked up by name in `sectors`; unknown names skipped).
// `period_end` (exclusive) decides active vs not yet started; nullopt = all active.
std::vector<ProgramArea> program_areas(const std::vector<faro::Program>& programs,
                                       const SectorSet& sectors,
                                       std::optional<CivilSeconds> period_end);

// Colour of program i (ColorBrewer Dark2), and of areas not yet started.
Rgba8 program_color(size_t program);
constexpr Rgba8 kProgramPendingColor{120, 120, 120, 255};

class ProgramLayer : public MapLayer {
 public:
  explicit ProgramLayer(const std::vector<ProgramArea>& areas);
  size_t area_count() const { return areas_.size(); }
  void draw(const FrameContext& frame) override;

 private:
  std::vector<ProgramArea> areas_;
  Vec2 origin_;
  ShaderProgram hatch_;
  VertexArray vao_;
  Buffer vertices_, indices_;
  size_t index_count_ = 0;
  std::optional<PolygonFillLayer> outlines_;  // transparent fills; outlines drawn per area
};

}  // namespace faro::render
