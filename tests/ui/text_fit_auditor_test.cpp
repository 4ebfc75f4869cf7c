// The text fit auditor (text_fit_auditor.hpp): the link-time hooks that feed it (ImGui's text
// entry points, wrapped by tests/CMakeLists.txt), a check that it sees each kind of problem on
// widgets made not to fit and none once they are drawn with ui/fit_widgets.hpp, and the number
// formatting the panels share (no scientific notation).
#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <functional>
#include <string>

#include "text_fit_auditor.hpp"
#include "ui/fit_widgets.hpp"
#include "ui/format.hpp"
#include "ui_test_support.hpp"

// ---- The --wrap hooks (tests/CMakeLists.txt links faro_ui_tests with -Wl,--wrap=<symbol>) ----
// Each records the text into the active auditor, then draws it with ImGui's own function.
using faro::ui::testing::TextFitAuditor;

void real_render_text(ImVec2, const char*, const char*, bool) __asm__(
    "__real__ZN5ImGui10RenderTextE6ImVec2PKcS2_b");
void real_render_text_clipped(const ImVec2&, const ImVec2&, const char*, const char*,
                              const ImVec2*, const ImVec2&, const ImRect*) __asm__(
    "__real__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect");
void real_render_text_ellipsis(ImDrawList*, const ImVec2&, const ImVec2&, float, float,
                               const char*, const char*, const ImVec2*) __asm__(
    "__real__ZN5ImGui18RenderTextEllipsisEP10ImDrawListRK6ImVec2S4_ffPKcS6_PS3_");
void real_render_text_wrapped(ImVec2, const char*, const char*, float) __asm__(
    "__real__ZN5ImGui17RenderTextWrappedE6ImVec2PKcS2_f");
void real_add_text(ImDrawList*, const ImVec2&, ImU32, const char*, const char*) __asm__(
    "__real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_");

void wrap_render_text(ImVec2 pos, const char* text, const char* text_end, bool hide_after_hash)
    __asm__("__wrap__ZN5ImGui10RenderTextE6ImVec2PKcS2_b");
// Counts the nesting, so the ImDrawList::AddText inside ImGui's own text functions is not
// recorded a second time.
struct InsideRenderText {
  TextFitAuditor* a = TextFitAuditor::active();
  InsideRenderText() {
    if (a) ++a->inside_render_text;
  }
  ~InsideRenderText() {
    if (a) --a->inside_render_text;
  }
};

void wrap_render_text(ImVec2 pos, const char* text, const char* text_end, bool hide_after_hash) {
  if (TextFitAuditor* a = TextFitAuditor::active()) {
    const char* end = hide_after_hash ? ImGui::FindRenderedTextEnd(text, text_end)
                                      : (text_end ? text_end : text + std::strlen(text));
    a->record(GImGui->CurrentWindow->DrawList, pos, text, end, nullptr);
  }
  InsideRenderText inside;
  real_render_text(pos, text, text_end, hide_after_hash);
}

void wrap_render_text_clipped(const ImVec2&, const ImVec2&, const char*, const char*,
                              const ImVec2*, const ImVec2&, const ImRect*) __asm__(
    "__wrap__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect");
void wrap_render_text_clipped(const ImVec2& pos_min, const ImVec2& pos_max, const char* text,
                              const char* text_end, const ImVec2* size_if_known,
                              const ImVec2& align, const ImRect* clip_rect) {
  if (TextFitAuditor* a = TextFitAuditor::active()) {
    // Where ImGui puts it (RenderTextClippedEx): aligned inside [pos_min, pos_max], clipped by
    // clip_rect when given, else by that box.
    const char* end = ImGui::FindRenderedTextEnd(text, text_end);
    const ImVec2 size = ImGui::CalcTextSize(text, end, false);
    ImVec2 pos = pos_min;
    if (align.x > 0) pos.x = std::max(pos.x, pos.x + (pos_max.x - pos.x - size.x) * align.x);
    if (align.y > 0) pos.y = std::max(pos.y, pos.y + (pos_max.y - pos.y - size.y) * align.y);
    const ImRect box = clip_rect ? *clip_rect : ImRect(pos_min, pos_max);
    a->record(GImGui->CurrentWindow->DrawList, pos, text, end, &box);
  }
  InsideRenderText inside;
  real_render_text_clipped(pos_min, pos_max, text, text_end, size_if_known, align, clip_rect);
}

void wrap_render_text_ellipsis(ImDrawList*, const ImVec2&, const ImVec2&, float, float,
                               const char*, const char*, const ImVec2*) __asm__(
    "__wrap__ZN5ImGui18RenderTextEllipsisEP10ImDrawListRK6ImVec2S4_ffPKcS6_PS3_");
void wrap_render_text_ellipsis(ImDrawList* list, const ImVec2& pos_min, const ImVec2& pos_max,
                               float clip_max_x, float ellipsis_max_x, const char* text,
                               const char* text_end, const ImVec2* size_if_known) {
  if (TextFitAuditor* a = TextFitAuditor::active()) {
    // Text wider than its box gets an ellipsis ("1.13e+0…"): that is cut text too.
    const ImRect box(pos_min.x, pos_min.y, std::min(pos_max.x, clip_max_x), pos_max.y);
    a->record(list, pos_min, text, ImGui::FindRenderedTextEnd(text, text_end), &box);
  }
  InsideRenderText inside;
  real_render_text_ellipsis(list, pos_min, pos_max, clip_max_x, ellipsis_max_x, text, text_end,
                            size_if_known);
}

void wrap_render_text_wrapped(ImVec2, const char*, const char*, float) __asm__(
    "__wrap__ZN5ImGui17RenderTextWrappedE6ImVec2PKcS2_f");
void wrap_render_text_wrapped(ImVec2 pos, const char* text, const char* text_end,
                              float wrap_width) {
  if (TextFitAuditor* a = TextFitAuditor::active())
    a->record(GImGui->CurrentWindow->DrawList, pos, text,
              text_end ? text_end : text + std::strlen(text), nullptr, wrap_width);
  InsideRenderText inside;
  real_render_text_wrapped(pos, text, text_end, wrap_width);
}

void wrap_add_text(ImDrawList*, const ImVec2&, ImU32, const char*, const char*) __asm__(
    "__wrap__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_");
void wrap_add_text(ImDrawList* list, const ImVec2& pos, ImU32 col, const char* text,
                   const char* text_end) {
  if (TextFitAuditor* a = TextFitAuditor::active(); a && (col & IM_COL32_A_MASK) != 0)
    a->record(list, pos, text, text_end, nullptr);
  InsideRenderText inside;  // it draws through the font-and-size AddText
  real_add_text(list, pos, col, text, text_end);
}

// The font-and-size AddText: the panels' own text in another font (the presentation caption's
// title and legends). Text a widget clips itself (an input field's scrolled content) is skipped.
void real_add_text_font(ImDrawList*, const ImFont*, float, const ImVec2&, ImU32, const char*,
                        const char*, float, const ImVec4*) __asm__(
    "__real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4");
void wrap_add_text_font(ImDrawList*, const ImFont*, float, const ImVec2&, ImU32, const char*,
                        const char*, float, const ImVec4*) __asm__(
    "__wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4");
void wrap_add_text_font(ImDrawList* list, const ImFont* font, float font_size, const ImVec2& pos,
                        ImU32 col, const char* text, const char* text_end, float wrap_width,
                        const ImVec4* cpu_fine_clip_rect) {
  TextFitAuditor* a = TextFitAuditor::active();
  if (a && a->inside_render_text == 0 && !cpu_fine_clip_rect && (col & IM_COL32_A_MASK) != 0 &&
      text && text != text_end && *text) {
    const ImFont* f = font ? font : ImGui::GetFont();
    const float px = font_size > 0 ? font_size : ImGui::GetFontSize();
    const char* end = text_end ? text_end : text + std::strlen(text);
    ImVec2 size = f->CalcTextSizeA(px, FLT_MAX, wrap_width, text, end, nullptr);
    size.x = std::ceil(size.x);
    a->record_sized(list, pos, text, end, size, nullptr);
  }
  real_add_text_font(list, font, font_size, pos, col, text, text_end, wrap_width,
                     cpu_fine_clip_rect);
}

namespace faro::ui {
namespace {

// The auditor itself, on widgets made not to fit: it must see each kind of problem.
TEST(TextFitAuditor, CatchesCutLabelsSliderValuesUnderTheGrabAndOverlaps) {
  testing::HeadlessImGui gui(800, 600);
  testing::TextFitAuditor auditor;
  float v = 400;  // log scale 50..5000: the grab sits in the middle, over a centred value
  // Two frames of a 200 px wide window drawing `body`; the second is audited.
  auto narrow_window = [&](const std::function<void()>& body) {
    for (int i = 0; i < 2; ++i) {
      auditor.clear();
      gui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(200, 300));
        ImGui::Begin("narrow", nullptr, ImGuiWindowFlags_NoSavedSettings);
        body();
        ImGui::End();
      });
    }
  };
  narrow_window([&] {
    ImGui::SetNextItemWidth(120);
    ImGui::SliderFloat("Tamaño de punto (px)", &v, 50, 5000, "%.0f m",
                       ImGuiSliderFlags_Logarithmic);
    ImGui::TextUnformatted("LESIONES");
    ImGui::SameLine(30);
    ImGui::TextUnformatted("1,234");
  });
  const std::string report = testing::TextFitAuditor::describe(auditor.problems());
  EXPECT_NE(report.find("\"Tamaño de punto (px)\": cut"), std::string::npos) << report;
  EXPECT_NE(report.find("\"400 m\": under the slider handle"), std::string::npos) << report;
  EXPECT_NE(report.find("\"LESIONES\": overlaps \"1,234\""), std::string::npos) << report;

  // The same slider drawn with its value beside it (ui/fit_widgets.hpp) fits.
  narrow_window([&] {
    ImGui::SetNextItemWidth(120);
    slider_float_beside("Tamaño de punto (px)", &v, 50, 5000, "%.0f m",
                        ImGuiSliderFlags_Logarithmic);
  });
  EXPECT_TRUE(auditor.problems().empty())
      << testing::TextFitAuditor::describe(auditor.problems());
  EXPECT_GE(auditor.drawn().size(), 2u);  // the value and the label
}

// Densities are never written in scientific notation, at any magnitude.
TEST(TextFitFormat, NoScientificNotation) {
  for (double v : {1130000.0, 1.13e9, 12345.6, 999.4, 12.5, 1.25, 0.0421, 0.000123, 3e-9, -0.5}) {
    const std::string s = format_value(v);
    EXPECT_EQ(s.find('e'), std::string::npos) << v << " -> " << s;
    EXPECT_EQ(s.find('E'), std::string::npos) << v << " -> " << s;
  }
  EXPECT_EQ(format_value(1130000.0), "1,130,000");
  EXPECT_EQ(format_value(0.000123), "0.000123");
  EXPECT_EQ(format_value(3e-9), "0");
  EXPECT_EQ(format_value(-0.5), "-0.5");
  EXPECT_STREQ(decimals_format(1130), "%.0f");
  EXPECT_STREQ(decimals_format(12.7), "%.1f");
  EXPECT_STREQ(decimals_format(0.0421), "%.4f");
  EXPECT_EQ(format_distance(400), "400 m");
  EXPECT_EQ(format_distance(12345678), "12,346 km");
}

}  // namespace
}  // namespace faro::ui
