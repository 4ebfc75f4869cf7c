#include "app/opaque_backgrounds.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "render/gl.hpp"

namespace faro::app {
namespace {

// Pixel rows or columns whose centres lie in [lo, hi): what GL rasterizes for an edge at a
// fractional position (ImGui's windows sit on whole pixels, where this is just [lo, hi)).
std::array<int, 2> covered(float lo, float hi) {
  return {static_cast<int>(std::ceil(lo - 0.5f)), static_cast<int>(std::ceil(hi - 0.5f))};
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
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    ImDrawList* list = dd->CmdLists[n];
    if (list->CmdBuffer.Size == 0) continue;
    ImDrawCmd& cmd = list->CmdBuffer[0];
    if (cmd.UserCallback || cmd.TextureId != fonts->TexID) continue;
    // The backend's scissor box for this command, in the same integer arithmetic, as top-down
    // pixel rows and columns [x0, x1) x [y0, y1).
    const float cx0 = (cmd.ClipRect.x - off.x) * scale.x, cy0 = (cmd.ClipRect.y - off.y) * scale.y;
    const float cx1 = (cmd.ClipRect.z - off.x) * scale.x, cy1 = (cmd.ClipRect.w - off.y) * scale.y;
    if (cx1 <= cx0 || cy1 <= cy0) continue;
    const int sx = static_cast<int>(cx0), sw = static_cast<int>(cx1 - cx0);
    const int sy = static_cast<int>(static_cast<float>(fb_height) - cy1);  // GL, from the bottom
    const int sh = static_cast<int>(cy1 - cy0);
    const int clip_y0 = fb_height - (sy + sh), clip_y1 = fb_height - sy;
    unsigned used = 0;
    ImVec2 a, b;
    ImU32 colour = 0;
    while (used + 6 <= cmd.ElemCount &&
           opaque_rect(*list, cmd, used, fonts->TexUvWhitePixel, a, b, colour)) {
      used += 6;
      const auto xs = covered((a.x - off.x) * scale.x, (b.x - off.x) * scale.x);
      const auto ys = covered((a.y - off.y) * scale.y, (b.y - off.y) * scale.y);
      const int x0 = std::max(xs[0], sx), x1 = std::min(xs[1], sx + sw);
      const int y0 = std::max(ys[0], clip_y0), y1 = std::min(ys[1], clip_y1);
      if (x1 <= x0 || y1 <= y0) continue;  // clipped away: nothing to draw either way
      Clear c;
      c.box = {x0, fb_height - y1, x1 - x0, y1 - y0};
      const ImVec4 rgba = ImGui::ColorConvertU32ToFloat4(colour);
      c.colour = {rgba.x, rgba.y, rgba.z, rgba.w};
      per_list_[static_cast<size_t>(n)].push_back(c);
    }
    if (used == 0) continue;
    // The rectangles leave the command; a callback in front of it clears their pixels instead.
    cmd.IdxOffset += used;
    cmd.ElemCount -= used;
    ImDrawCmd callback = cmd;
    callback.ElemCount = 0;
    callback.UserCallback = &OpaqueBackgrounds::clear_callback;
    callback.UserCallbackData = &per_list_[static_cast<size_t>(n)];
    list->CmdBuffer.push_front(callback);
    clears_.insert(clears_.end(), per_list_[static_cast<size_t>(n)].begin(),
                   per_list_[static_cast<size_t>(n)].end());
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
