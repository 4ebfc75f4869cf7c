// The UI fonts: built from the embedded DejaVu files with every accented letter Spanish needs,
// at the requested scale, and rebuilt (not compounded) when the scale changes.
#include "ui/ui_fonts.hpp"

#include <gtest/gtest.h>

#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

TEST(UiFonts, SpanishGlyphsArePresentInEveryFont) {
  testing::HeadlessImGui gui;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  ASSERT_EQ(atlas->Fonts.Size, 4);
  const ImWchar wanted[] = {0xE1,   0xE9,   0xED,   0xF3,   0xFA,   0xF1,   0xFC,
                            0xBF,   0xA1,                  // á é í ó ú ñ ü ¿ ¡
                            0xC1,   0xC9,   0xD1,   0xB2,  // Á É Ñ ²
                            0x201C, 0x201D, 0x2013, 0x2014, 0x2022, 0x2026, 0x2265};
  for (ImFont* font : atlas->Fonts) {
    for (ImWchar c : wanted)
      EXPECT_NE(font->FindGlyphNoFallback(c), nullptr)
          << "U+" << std::hex << c << " missing in a " << font->FontSize << " px font";
    // The atlas must not fall back to '?' for real letters.
    EXPECT_NE(font->FindGlyphNoFallback(0xF1)->U0, font->FindGlyphNoFallback('?')->U0);
  }
}

TEST(UiFonts, SizesFollowTheScale) {
  testing::HeadlessImGui gui(1600, 900, 1.0f);
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  EXPECT_FLOAT_EQ(atlas->Fonts[0]->FontSize, kBaseFontPx);
  EXPECT_FLOAT_EQ(atlas->Fonts[2]->FontSize, kPresentationFontPx);
  const float padding_1x = ImGui::GetStyle().FramePadding.x;

  const UiFonts f2 = load_ui_fonts(2.0f);
  EXPECT_FLOAT_EQ(f2.regular->FontSize, 2 * kBaseFontPx);
  EXPECT_FLOAT_EQ(f2.title->FontSize, 2 * kTitleFontPx);
  EXPECT_EQ(ImGui::GetIO().FontDefault, f2.regular);
  EXPECT_FLOAT_EQ(ImGui::GetStyle().FramePadding.x, 2 * padding_1x);
  // Loading again at 2x keeps 2x (the style is reset, not scaled twice).
  load_ui_fonts(2.0f);
  EXPECT_FLOAT_EQ(ImGui::GetStyle().FramePadding.x, 2 * padding_1x);
  EXPECT_EQ(atlas->Fonts.Size, 4);
  EXPECT_TRUE(atlas->IsBuilt());
}

}  // namespace
}  // namespace faro::ui
