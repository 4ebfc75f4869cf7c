#pragma once
// The dashboard's fonts: DejaVu Sans and DejaVu Sans Bold embedded at build time
// (render/embedded_fonts.hpp, the same files the exported maps use), rasterised into the current
// ImGui context's atlas with the glyphs of Latin-1 plus “ ” ‘ ’ – — • … − ≤ ≥ (every character the
// i18n tables use). The font data stays owned by the binary (FontDataOwnedByAtlas = false).
#include <imgui.h>

namespace faro::ui {

// Body text size at 100 % scale, in pixels; presentation mode uses kPresentationFontPx and the
// title line kTitleFontPx.
constexpr float kBaseFontPx = 15.0f;
constexpr float kPresentationFontPx = 22.0f;
constexpr float kTitleFontPx = 34.0f;

struct UiFonts {
  ImFont* regular = nullptr;  // default font of the context
  ImFont* bold = nullptr;
  ImFont* large = nullptr;  // presentation mode body text
  ImFont* title = nullptr;  // presentation title (bold)
  float scale = 1.0f;       // the scale they were built for (1 = 100 %, 2 = HiDPI)
};

// The glyph ranges loaded (pairs, zero-terminated), for tests.
const ImWchar* ui_glyph_ranges();

// Clears the current context's font atlas and adds the four fonts at `scale` (clamped to
// 0.5..4), then builds the atlas. Also resets the style and scales its sizes by `scale`, so calling
// it again for a new scale does not compound. The renderer backend must re-upload the atlas
// texture afterwards. Call outside NewFrame()/Render(). Throws std::invalid_argument when the
// fonts are not embedded.
UiFonts load_ui_fonts(float scale);

// The colours and rounding of the dashboard (light theme), unscaled.
void apply_dashboard_style(ImGuiStyle& style);

}  // namespace faro::ui
