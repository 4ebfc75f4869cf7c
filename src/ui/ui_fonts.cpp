#include "ui/ui_fonts.hpp"

#include <algorithm>
#include <span>

#include "render/embedded_fonts.hpp"

namespace faro::ui {
namespace {

ImFont* add_font(std::span<const unsigned char> ttf, float size_px) {
  ImFontConfig cfg;
  // The bytes live in the binary's read-only data for the whole program.
  cfg.FontDataOwnedByAtlas = false;
  // Horizontal oversampling for sub-pixel positioning, vertical for crisp small text on
  // low-DPI screens; costs atlas memory only.
  cfg.OversampleH = 3;
  cfg.OversampleV = 2;
  cfg.PixelSnapH = false;
  ImGuiIO& io = ImGui::GetIO();
  // ImGui takes a non-const pointer but does not write to the data when it does not own it.
  void* data = const_cast<unsigned char*>(ttf.data());
  return io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(ttf.size()), size_px, &cfg,
                                        ui_glyph_ranges());
}

}  // namespace

const ImWchar* ui_glyph_ranges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (á é í ó ú ñ ü ¿ ¡ ² « »)
      0x03C6, 0x03C6,  // φ (dispersion in the program evaluation sentence)
      0x2013, 0x2014,  // – —
      0x2018, 0x2019,  // ‘ ’
      0x201C, 0x201D,  // “ ”
      0x2022, 0x2022,  // •
      0x2026, 0x2026,  // …
      0x2192, 0x2192,  // → (before → after in the evaluation panel)
      0x2212, 0x2212,  // − (minus sign in legends)
      0x2264, 0x2265,  // ≤ ≥
      0,
  };
  return kRanges;
}

void apply_dashboard_style(ImGuiStyle& style) {
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.PopupRounding = 3.0f;
  style.ScrollbarRounding = 6.0f;
  style.WindowBorderSize = 1.0f;
  style.FrameBorderSize = 1.0f;  // light theme: unchecked boxes and empty fields need an edge
  style.ItemSpacing = ImVec2(8, 5);
  style.WindowPadding = ImVec2(10, 8);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.91f, 0.91f, 0.90f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.85f, 0.36f, 0.16f, 0.25f);  // warm accent (Faro = lighthouse)
  c[ImGuiCol_HeaderHovered] = ImVec4(0.85f, 0.36f, 0.16f, 0.40f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.85f, 0.36f, 0.16f, 0.55f);
  c[ImGuiCol_CheckMark] = ImVec4(0.75f, 0.28f, 0.10f, 1.0f);
  c[ImGuiCol_SliderGrab] = ImVec4(0.80f, 0.33f, 0.13f, 0.85f);
  c[ImGuiCol_SliderGrabActive] = ImVec4(0.70f, 0.25f, 0.08f, 1.0f);
  c[ImGuiCol_PlotHistogram] = ImVec4(0.85f, 0.36f, 0.16f, 0.90f);
  c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.22f);
  // Neutral buttons; the accent is kept for selection and checked state.
  c[ImGuiCol_Button] = ImVec4(0.86f, 0.86f, 0.84f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.36f, 0.16f, 0.35f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.85f, 0.36f, 0.16f, 0.55f);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.89f, 0.87f, 1.0f);
}

UiFonts load_ui_fonts(float scale) {
  scale = std::clamp(scale, 0.5f, 4.0f);
  const auto regular = render::embedded_font("DejaVuSans.ttf");
  const auto bold = render::embedded_font("DejaVuSans-Bold.ttf");

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  UiFonts fonts;
  fonts.scale = scale;
  fonts.regular = add_font(regular, kBaseFontPx * scale);
  fonts.bold = add_font(bold, kBaseFontPx * scale);
  fonts.large = add_font(regular, kPresentationFontPx * scale);
  fonts.title = add_font(bold, kTitleFontPx * scale);
  io.Fonts->Build();
  io.FontDefault = fonts.regular;

  apply_dashboard_style(ImGui::GetStyle());
  ImGui::GetStyle().ScaleAllSizes(scale);
  return fonts;
}

}  // namespace faro::ui
