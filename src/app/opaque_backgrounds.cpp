#include "app/opaque_backgrounds.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "render/gl.hpp"

namespace faro::app {
namespace {

// Framebuffer pixels [x0, x1) x [y0, y1), rows counted from the top.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool overlaps(const PixelBox& o) const {
    return !empty() && !o.empty() && x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
  PixelBox intersect(const PixelBox& o) const {
    return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
  }
  // The pixels whose centres lie in the rectangle: what GL rasterizes for edges at fractional
  // positions (ImGui's panels sit on whole pixels, where this is the rectangle itself).
  static PixelBox covered(float ax, float ay, float bx, float by) {
    const auto edge = [](float v) { return static_cast<int>(std::ceil(v - 0.5f)); };
    return {edge(ax), edge(ay), edge(bx), edge(by)};
  }
};

// The backend's scissor box for a command, in its integer arithmetic (imgui_impl_opengl3.cpp).
PixelBox scissor_box(const ImDrawCmd& cmd, ImVec2 off, ImVec2 scale, int fb_height) {
  const float x0 = (cmd.ClipRect.x - off.x) * scale.x, y0 = (cmd.ClipRect.y - off.y) * scale.y;
  const float x1 = (cmd.ClipRect.z - off.x) * scale.x, y1 = (cmd.ClipRect.w - off.y) * scale.y;
  if (x1 <= x0 || y1 <= y0) return {};
  const int sx = static_cast<int>(x0), sw = static_cast<int>(x1 - x0);
  const int sy = static_cast<int>(static_cast<float>(fb_height) - y1);  // GL: from the bottom
  const int sh = static_cast<int>(y1 - y0);
  return {sx, fb_height - (sy + sh), sx + sw, fb_height - sy};
}

// Every pixel the triangle at `at` may touch (its bounding box, widened to whole pixels).
PixelBox triangle_box(const ImDrawList& list, const ImDrawCmd& cmd, unsigned at, ImVec2 off,
                      ImVec2 scale) {
  float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (unsigned k = 0; k < 3; ++k) {
    const ImVec2 p = list.VtxBuffer.Data[cmd.VtxOffset + list.IdxBuffer.Data[cmd.IdxOffset + at + k]].pos;
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  return {static_cast<int>(std::floor((x0 - off.x) * scale.x)),
          static_cast<int>(std::floor((y0 - off.y) * scale.y)),
          static_cast<int>(std::ceil((x1 - off.x) * scale.x)) + 1,
          static_cast<int>(std::ceil((y1 - off.y) * scale.y)) + 1};
}

// The leading primitive at `idx` when it is one PrimRect (ImDrawList::AddRectFilled without
// rounding): indices i, i+1, i+2, i, i+2, i+3 over corners a, (b.x, a.y), b, (a.x, b.y), one
// opaque colour, every corner on the white pixel.
bool opaque_rect(const ImDrawList& list, const ImDrawCmd& cmd, unsigned at, ImVec2 white,
                 ImVec2& a, ImVec2& b, ImU32& colour) {
  const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + at;
  const unsigned i0 = idx[0];
  if (idx[1] != i0 + 1 || idx[2] != i0 + 2 || idx[3] != i0 || idx[4] != i0 + 2 ||
      idx[5] != i0 + 3)
    return false;
  if (cmd.VtxOffset + i0 + 3 >= static_cast<unsigned>(list.VtxBuffer.Size)) return false;
  const ImDrawVert* v = list.VtxBuffer.Data + cmd.VtxOffset + i0;
  a = v[0].pos;
  b = v[2].pos;
  if (!(a.x < b.x && a.y < b.y)) return false;
  if (v[1].pos.x != b.x || v[1].pos.y != a.y || v[3].pos.x != a.x || v[3].pos.y != b.y)
    return false;
  colour = v[0].col;
  if ((colour & IM_COL32_A_MASK) != IM_COL32_A_MASK) return false;
  for (int k = 0; k < 4; ++k)
    if (v[k].col != colour || v[k].uv.x != white.x || v[k].uv.y != white.y) return false;
  return true;
}

}  // namespace

void OpaqueBackgrounds::prepare(ImDrawData* dd) {
  clears_.clear();
  per_list_.clear();
  if (!enabled_ || !dd || !dd->Valid || dd->CmdListsCount <= 0) return;
  const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
  const int fb_height = static_cast<int>(dd->DisplaySize.y * scale.y);
  if (fb_height <= 0 || dd->DisplaySize.x * scale.x <= 0) return;
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  // Sized once: the callbacks keep pointers to these vectors until the backend has drawn.
  per_list_.resize(static_cast<size_t>(dd->CmdListsCount));
  std::vector<PixelBox> kept;  // what stays in the list before the current primitive
  PixelBox kept_bounds;        // the box around every non-empty `kept`: a rectangle outside it
                               // cannot lie over any of them (skips the scan, same answer)
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    ImDrawList* list = dd->CmdLists[n];
    std::vector<Clear>& clears = per_list_[static_cast<size_t>(n)];
    kept.clear();
    kept_bounds = {};
    for (ImDrawCmd& cmd : list->CmdBuffer) {
      // A callback draws what it likes (the map blit): nothing after it may move before it.
      if (cmd.UserCallback) break;
      const PixelBox scissor = scissor_box(cmd, off, scale, fb_height);
      if (scissor.empty()) continue;  // the backend skips it
      const bool atlas = cmd.TextureId == fonts->TexID;
      ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      for (unsigned t = 0; t + 3 <= cmd.ElemCount;) {
        ImVec2 a, b;
        ImU32 colour = 0;
        if (atlas && t + 6 <= cmd.ElemCount &&
            opaque_rect(*list, cmd, t, fonts->TexUvWhitePixel, a, b, colour)) {
          const PixelBox box = scissor.intersect(
              PixelBox::covered((a.x - off.x) * scale.x, (a.y - off.y) * scale.y,
                                (b.x - off.x) * scale.x, (b.y - off.y) * scale.y));
          // Cleared before the list is drawn, so only when nothing drawn earlier in the list
          // shows through where the rectangle covered it.
          const bool under =
              kept_bounds.overlaps(box) &&
              std::any_of(kept.begin(), kept.end(),
                          [&](const PixelBox& k) { return k.overlaps(box); });
          if (!under) {
            if (!box.empty()) {
              const ImVec4 rgba = ImGui::ColorConvertU32ToFloat4(colour);
              clears.push_back({{box.x0, fb_height - box.y1, box.x1 - box.x0, box.y1 - box.y0},
                                {rgba.x, rgba.y, rgba.z, rgba.w}});
            }
            std::fill(idx + t + 1, idx + t + 6, idx[t]);  // zero-area triangles: nothing drawn
            t += 6;
            continue;
          }
        }
        const PixelBox drawn = scissor.intersect(triangle_box(*list, cmd, t, off, scale));
        if (!drawn.empty()) {
          kept_bounds = kept_bounds.empty()
                            ? drawn
                            : PixelBox{std::min(kept_bounds.x0, drawn.x0), std::min(kept_bounds.y0, drawn.y0),
                                       std::max(kept_bounds.x1, drawn.x1), std::max(kept_bounds.y1, drawn.y1)};
          kept.push_back(drawn);  // empty boxes overlap nothing, so only the others are kept
        }
        t += 3;
      }
    }
    if (clears.empty()) continue;
    // A callback in front of the list clears the rectangles' pixels instead.
    ImDrawCmd callback = list->CmdBuffer[0];
    callback.ElemCount = 0;
    callback.UserCallback = &OpaqueBackgrounds::clear_callback;
    callback.UserCallbackData = &clears;
    list->CmdBuffer.push_front(callback);
    clears_.insert(clears_.end(), clears.begin(), clears.end());
  }
}

double OpaqueBackgrounds::cleared_pixels() const {
  double px = 0;
  for (const Clear& c : clears_) px += static_cast<double>(c.box[2]) * c.box[3];
  return px;
}

void OpaqueBackgrounds::clear_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  // ImGui's render state is set (scissor test on, blending on); a clear ignores blending and the
  // backend sets the scissor again for its next command.
  const auto* clears = static_cast<const std::vector<Clear>*>(cmd->UserCallbackData);
  for (const Clear& c : *clears) {
    glScissor(c.box[0], c.box[1], c.box[2], c.box[3]);
    glClearColor(c.colour[0], c.colour[1], c.colour[2], c.colour[3]);
    glClear(GL_COLOR_BUFFER_BIT);
  }
}

}  // namespace faro::app
