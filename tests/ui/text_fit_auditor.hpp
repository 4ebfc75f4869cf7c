#pragma once
// A "text fit auditor" for headless ui tests: every piece of text ImGui's widgets draw (labels,
// buttons, checkboxes, combo previews, slider values, menu items, tree nodes, table headers, and
// the panels' own ImDrawList::AddText) is recorded with the rectangle it gets and the rectangle
// that clips it, and the auditor reports text that does not fit:
//   - cut: the text runs past its widget's box or its window's visible region (a label cut at
//     the side panel's edge, a combo preview wider than the combo, an ellipsis);
//   - under a slider handle: a slider's value drawn where its grab is (hard to read);
//   - overlap: two pieces of text of one window drawn over each other.
//
// How: ImGui 1.86 is a static library (libimgui.a) built without its test-engine hooks, so the
// ui test binary is linked with `-Wl,--wrap=` on the text entry points the widgets call across
// object files (ImGui::RenderText, RenderTextClipped, RenderTextEllipsis, RenderTextWrapped,
// and the short ImDrawList::AddText the panels call); text_fit_auditor_test.cpp defines the
// __wrap_ functions, which record here when an auditor is active and always forward to __real_.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace faro::ui::testing {

struct DrawnText {
  std::string window;  // the ImGui window (draw list owner) it was drawn in
  std::string text;
  ImRect rect;               // where the text's glyphs go, pixels
  ImRect room;               // where they may go: widget box ∩ window clip rectangle
  // The window scrolls sideways (a wide table): past its clip rectangle is not cut, only past
  // the widget's own box.
  bool scrolls_x = false;
  ImRect box;  // the widget's own box (unbounded when it has none)
  ImRect grab;               // a slider grab drawn just before the value (empty if none)
  const ImDrawList* list = nullptr;
  bool visible = true;  // vertically inside the window's clip rectangle (not scrolled away)
};

struct TextProblem {
  std::string window, text, what;
  float text_w = 0, room_w = 0;
};

class TextFitAuditor {
 public:
  // The auditor recording now (nullptr: the wrappers only forward).
  static TextFitAuditor*& active() {
    static TextFitAuditor* a = nullptr;
    return a;
  }
  TextFitAuditor() { active() = this; }
  ~TextFitAuditor() { active() = nullptr; }
  TextFitAuditor(const TextFitAuditor&) = delete;
  TextFitAuditor& operator=(const TextFitAuditor&) = delete;

  // ImGui's RenderText* functions draw through ImDrawList::AddText: while one of them runs, that
  // text is already recorded (the hooks count the nesting).
  int inside_render_text = 0;

  // Forgets what was drawn (call before the frame to audit).
  void clear() { drawn_.clear(); }
  const std::vector<DrawnText>& drawn() const { return drawn_; }

  // Text drawn at `pos` (top-left) inside `box` (nullptr: only the window clip rectangle limits
  // it), clipped by `list`'s current clip rectangle.
  void record(const ImDrawList* list, ImVec2 pos, const char* text, const char* text_end,
              const ImRect* box, float wrap_width = 0) {
    if (!text || text == text_end || (text_end == nullptr && *text == 0)) return;
    record_sized(list, pos, text, text_end, ImGui::CalcTextSize(text, text_end, false, wrap_width),
                 box);
  }
  // The same with the size measured by the caller (text drawn in another font than the current).
  void record_sized(const ImDrawList* list, ImVec2 pos, const char* text, const char* text_end,
                    ImVec2 size, const ImRect* box) {
    if (size.x <= 0) return;
    DrawnText d;
    d.list = list;
    d.window = list && list->_OwnerName ? list->_OwnerName : "?";
    d.text = text_end ? std::string(text, text_end) : std::string(text);
    d.rect = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    const ImVec4 c = list && !list->_ClipRectStack.empty() ? list->_ClipRectStack.back()
                                                            : ImVec4(-1e9f, -1e9f, 1e9f, 1e9f);
    d.room = ImRect(c.x, c.y, c.z, c.w);
    d.visible = d.rect.Max.y > d.room.Min.y + 1 && d.rect.Min.y < d.room.Max.y - 1 &&
                d.room.GetWidth() > 0;
    d.box = box ? *box : ImRect(-FLT_MAX, -FLT_MAX, FLT_MAX, FLT_MAX);
    if (box) d.room.ClipWith(*box);
    if (const ImGuiWindow* w = ImGui::FindWindowByName(d.window.c_str()))
      d.scrolls_x = w->ScrollbarX;
    d.grab = slider_grab_before(list, box);
    drawn_.push_back(std::move(d));
  }

  // Everything that does not fit, one entry each.
  std::vector<TextProblem> problems() const {
    constexpr float kSlack = 1.0f;  // CalcTextSize rounds widths up to whole pixels
    std::vector<TextProblem> out;
    for (size_t i = 0; i < drawn_.size(); ++i) {
      const DrawnText& d = drawn_[i];
      if (!d.visible) continue;
      const ImRect& room = d.scrolls_x ? d.box : d.room;
      if (d.rect.Max.x > room.Max.x + kSlack || d.rect.Min.x < room.Min.x - kSlack)
        out.push_back({d.window, d.text, "cut", d.rect.GetWidth(), d.room.GetWidth()});
      if (d.grab.GetWidth() > 0 && overlap(d.rect, d.grab))
        out.push_back({d.window, d.text, "under the slider handle", d.rect.GetWidth(),
                       d.room.GetWidth()});
      for (size_t j = i + 1; j < drawn_.size(); ++j) {
        const DrawnText& e = drawn_[j];
        if (e.list != d.list || !e.visible || !overlap(d.rect, e.rect)) continue;
        // A halo (the same text drawn a pixel or two apart) is one label, not two.
        if (e.text == d.text && std::fabs(e.rect.Min.x - d.rect.Min.x) < 4 &&
            std::fabs(e.rect.Min.y - d.rect.Min.y) < 4)
          continue;
        out.push_back({d.window, d.text, "overlaps \"" + e.text + "\"", d.rect.GetWidth(),
                       d.room.GetWidth()});
      }
    }
    return out;
  }

  static std::string describe(const std::vector<TextProblem>& problems) {
    std::ostringstream s;
    for (const TextProblem& p : problems)
      s << "  [" << p.window << "] \"" << p.text << "\": " << p.what << " (text " << p.text_w
        << " px, room " << p.room_w << " px)\n";
    return s.str();
  }

 private:
  // Two glyph boxes overlap when they share more than a sliver (touching lines do not count).
  static bool overlap(const ImRect& a, const ImRect& b) {
    const float w = std::min(a.Max.x, b.Max.x) - std::max(a.Min.x, b.Min.x);
    const float h = std::min(a.Max.y, b.Max.y) - std::max(a.Min.y, b.Min.y);
    return w > 2 && h > 2;
  }

  // ImGui's sliders draw the frame, then the grab, then the value text: the grab's vertices (the
  // SliderGrab colour, and the transparent fringe of a rounded grab) are the last ones in the
  // draw list when the value is drawn.
  static ImRect slider_grab_before(const ImDrawList* list, const ImRect* box) {
    if (!list || !box) return ImRect(0, 0, 0, 0);
    constexpr ImU32 kRgb = ~IM_COL32_A_MASK;
    const ImU32 grab = ImGui::GetColorU32(ImGuiCol_SliderGrab) & kRgb;
    const ImU32 active = ImGui::GetColorU32(ImGuiCol_SliderGrabActive) & kRgb;
    ImRect r(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    int n = 0;
    for (int k = list->VtxBuffer.Size - 1; k >= 0; --k, ++n) {
      const ImDrawVert& v = list->VtxBuffer[k];
      if ((v.col & kRgb) != grab && (v.col & kRgb) != active) break;
      r.Add(v.pos);
    }
    if (n < 4 || !box->Contains(ImRect(r.Min.x + 1, r.Min.y + 1, r.Max.x - 1, r.Max.y - 1)))
      return ImRect(0, 0, 0, 0);
    return r;
  }

  std::vector<DrawnText> drawn_;
};

}  // namespace faro::ui::testing
