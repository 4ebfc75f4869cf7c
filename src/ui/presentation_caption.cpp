#include "ui/presentation_caption.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/i18n.hpp"
#include "ui/presentation_text.hpp"

namespace faro::ui {
namespace {

// The map's clear colour (render/style_renderer.hpp FrameExtras::background).
const ImU32 kSheet = IM_COL32(250, 250, 248, 255);
const ImU32 kRule = IM_COL32(0, 0, 0, 40);
const ImU32 kInk = IM_COL32(30, 30, 30, 255);
const ImU32 kMutedInk = IM_COL32(80, 80, 80, 255);
const ImU32 kFaintInk = IM_COL32(60, 60, 60, 170);
const ImU32 kWarning = IM_COL32(180, 60, 20, 255);

// Draws `text` wrapped to `width` at (x, y) and returns its height.
float wrapped(ImDrawList* dl, ImFont* font, float size, float x, float y, float width, ImU32 col,
              const std::string& text) {
  if (text.empty()) return 0;
  dl->AddText(font, size, ImVec2(x, y), col, text.c_str(), nullptr, width);
  return font->CalcTextSizeA(size, 1e9f, width, text.c_str()).y;
}

float wrapped_height(ImFont* font, float size, float width, const std::string& text) {
  return text.empty() ? 0 : font->CalcTextSizeA(size, 1e9f, width, text.c_str()).y;
}

}  // namespace

void PresentationCaption::draw(const DataSnapshot& snap, const Session& session,
                               const AppStatus& status, const Rect& r, const UiFonts& fonts,
                               MapOverlay& legends) {
  if (r.w <= 1 || r.h <= 1) return;
  const Workspace& ws = snap.ws();
  const Language lang = session.language;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
  ImGui::Begin("##presentation_caption", nullptr, flags);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), kSheet);
  dl->AddLine(ImVec2(r.right() - 1, r.y), ImVec2(r.right() - 1, r.bottom()), kRule);

  ImFont* body = ImGui::GetFont();
  const float f = ImGui::GetFontSize();
  ImFont* big = fonts.title ? fonts.title : body;
  const float big_size = fonts.title ? big->FontSize : 1.6f * f;
  // Footnotes in the analyst's body size: they are read close up, not from the back of the room.
  ImFont* small = fonts.regular ? fonts.regular : body;
  const float small_size = fonts.regular ? small->FontSize : 0.7f * f;
  const float pad = 0.9f * f;
  const float x = r.x + pad, w = r.w - 2 * pad;

  // Top: the title and what the map shows. A title that would take more than two lines (a long
  // file name) is set smaller rather than pushing the subtitle down the column.
  const std::string title = presentation_title(ws, session);
  float title_size = big_size;
  if (wrapped_height(big, title_size, w, title) > 2.5f * title_size)
    title_size = std::max(1.1f * f, 0.7f * big_size);
  float y = r.y + 1.2f * pad;
  y += wrapped(dl, big, title_size, x, y, w, kInk, title) + 0.35f * f;
  y += wrapped(dl, body, f, x, y, w, kInk, presentation_offences(snap.filter, lang)) + 0.1f * f;
  y += wrapped(dl, body, f, x, y, w, kMutedInk, presentation_period(ws, snap.filter, lang));
  if (ws.synthetic) y += 0.3f * f + wrapped(dl, body, f, x, y + 0.3f * f, w, kWarning,
                                             tr(Msg::synthetic_data, lang));
  const float top_end = y + 0.8f * f;

  // Bottom, upwards: exit hint, protection footer, source, scale bar, legends.
  const std::string hint = tr(Msg::presentation_exit, lang);
  const std::string source =
      ws.synthetic ? std::string() : std::string(tr(Msg::map_source_prefix, lang)) + ws.title;
  float b = r.bottom() - pad;
  b -= wrapped_height(small, small_size, w, hint);
  wrapped(dl, small, small_size, x, b, w, kFaintInk, hint);
  b -= 0.6f * small_size;
  for (const std::string* text : {&status.protection_note, &source}) {
    const float h = wrapped_height(small, small_size, w, *text);
    if (h == 0) continue;
    b -= h;
    wrapped(dl, small, small_size, x, b, w, kMutedInk, *text);
    b -= 0.3f * small_size;
  }
  // The legend and scale-bar boxes keep their own 0.6 f inset: shift their region so their left
  // edges line up with the text.
  const float inset = 0.6f * f;
  const MapRegion boxes{x - inset, top_end, w + 2 * inset, b - top_end};
  b -= legends.draw_scale_bar(dl, status, boxes) + 0.2f * f;
  if (status.heatmap_shown)
    b = legends.draw_legend(dl, session, status, {boxes.x, top_end, boxes.width, b - top_end}, b,
                            true, w);
  if (!status.fill_legends.empty() || status.fill_ramp)
    legends.draw_choropleth_legend(dl, session, status, {boxes.x, top_end, boxes.width, b - top_end},
                                   b, true);
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace faro::ui
