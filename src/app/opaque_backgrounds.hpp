#pragma once
// Opaque ImGui window backgrounds drawn as scissored glClears instead of textured, blended quads.
//
// Why: ImGui's OpenGL backend shades every pixel with one program (vertex colour x the font atlas,
// bilinear, then alpha blending), including the solid backgrounds of the docked panels (side panel,
// timeline, menu and status bars: about 0.6 M of the 1.44 M pixels at 1600x900). On a software
// rasterizer (llvmpipe, the only GL on this project's VM) a textured, blended pixel costs several
// times a cleared one, so those backgrounds were most of the ImGui pass. Same pixels either way:
// an opaque rectangle blended over anything is its own colour, and a clear writes that colour.
//
// How: after ImGui::Render(), before the backend draws, every opaque, axis-aligned rectangle on the
// atlas's white pixel (ImGui's window background and menu bar with WindowRounding 0, the timeline
// chart's plot area) that nothing drawn earlier in its draw list overlaps becomes zero-area
// triangles, and a draw callback at the front of the list clears the pixels it covered
// (intersected with its command's clip rectangle, as the backend's scissor would). Lists keep
// their order, so the result is the same picture: a rectangle that earlier primitives of its list
// would show through, or one after a callback (the map blit), is left to ImGui.
#include <array>
#include <vector>

struct ImDrawData;
struct ImDrawList;
struct ImDrawCmd;

namespace faro::app {

class OpaqueBackgrounds {
 public:
  // Rewrites `draw_data` in place (call once per frame between ImGui::Render and the backend's
  // RenderDrawData; the callbacks point into this object, which must outlive that call).
  void prepare(ImDrawData* draw_data);
  // Off: the draw data is left as ImGui made it (benchmark peer, comparison screenshots).
  void set_enabled(bool on) { enabled_ = on; }
  bool enabled() const { return enabled_; }
  // Rectangles cleared in the last prepared frame, and their pixels in all.
  int cleared_rects() const { return static_cast<int>(clears_.size()); }
  double cleared_pixels() const;

 private:
  struct Clear {
    std::array<int, 4> box;       // GL scissor box: x, y (from the bottom), width, height
    std::array<float, 4> colour;  // RGBA 0..1 (opaque, so premultiplied is the same)
  };
  static void clear_callback(const ImDrawList* list, const ImDrawCmd* cmd);

  bool enabled_ = true;
  std::vector<Clear> clears_;                  // all of the frame's (counters)
  std::vector<std::vector<Clear>> per_list_;  // per draw list: what its callback clears
};

}  // namespace faro::app
