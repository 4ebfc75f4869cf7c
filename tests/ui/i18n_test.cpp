// The i18n tables: complete, non-empty, really translated, printable with the UI font atlas, and
// with the same printf placeholders in both languages (a mismatch would be undefined behaviour in
// snprintf).
#include "ui/i18n.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "ui/ui_fonts.hpp"

namespace faro::ui {
namespace {

std::vector<char32_t> decode_utf8(const std::string& s, bool& ok) {
  std::vector<char32_t> out;
  ok = true;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      ok = false;
      return out;
    }
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

bool in_atlas_ranges(char32_t cp) {
  for (const ImWchar* r = ui_glyph_ranges(); r[0]; r += 2)
    if (cp >= r[0] && cp <= r[1]) return true;
  return false;
}

// The conversion characters of a printf format, in order ("%s of %s" -> "ss").
std::string placeholders(const std::string& f) {
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') continue;
    ++i;
    while (i < f.size() && std::string("0123456789.-+ #lz").find(f[i]) != std::string::npos) {
      if (f[i] == 'l' || f[i] == 'z') out += f[i];
      ++i;
    }
    if (i < f.size()) out += f[i];
  }
  return out;
}

TEST(I18n, EveryKeyHasTextInBothLanguages) {
  ASSERT_GT(kMsgCount, 100u);
  for (size_t i = 0; i < kMsgCount; ++i) {
    const Msg key = static_cast<Msg>(i);
    SCOPED_TRACE(msg_id(key));
    ASSERT_NE(tr(key, Language::es), nullptr);
    ASSERT_NE(tr(key, Language::en), nullptr);
    EXPECT_GT(std::string(tr(key, Language::es)).size(), 0u);
    EXPECT_GT(std::string(tr(key, Language::en)).size(), 0u);
  }
}

TEST(I18n, SpanishAndEnglishDifferExceptListedCognates) {
  // Words that are genuinely the same in both languages.
  const std::set<std::string> same = {"error_title", "csv_detected",      "brief_col_sector",
                                      "brief_col_z", "brief_sector_word", "map_kernel",
                                      "unit_sector", "pg_poll_minutes"};
  int identical = 0;
  for (size_t i = 0; i < kMsgCount; ++i) {
    const Msg key = static_cast<Msg>(i);
    const std::string es = tr(key, Language::es), en = tr(key, Language::en);
    if (es == en) {
      ++identical;
      EXPECT_TRUE(same.count(msg_id(key))) << msg_id(key) << " is untranslated: " << es;
    }
  }
  EXPECT_LE(identical, static_cast<int>(same.size()));
}

TEST(I18n, TextsAreValidUtf8WithinTheFontAtlas) {
  for (size_t i = 0; i < kMsgCount; ++i) {
    const Msg key = static_cast<Msg>(i);
    // Page and map words are drawn by cairo with the whole DejaVu font, not the UI atlas.
    const faro::MsgArea area = faro::msg_area(key);
    const bool in_dashboard = area != faro::MsgArea::page && area != faro::MsgArea::map;
    for (Language lang : {Language::es, Language::en}) {
      bool ok = false;
      const auto cps = decode_utf8(tr(key, lang), ok);
      ASSERT_TRUE(ok) << msg_id(key);
      for (char32_t cp : cps)
        EXPECT_TRUE(!in_dashboard || in_atlas_ranges(cp))
            << msg_id(key) << " uses U+" << std::hex << static_cast<uint32_t>(cp)
            << " outside the atlas";
    }
  }
}

TEST(I18n, PlaceholdersMatchBetweenLanguages) {
  // Plain texts with a literal "%" (map legend units): shown through tr(), never tr_format().
  const std::set<std::string> literal = {"units_change_pct", "map_change_pct_title"};
  for (size_t i = 0; i < kMsgCount; ++i) {
    const Msg key = static_cast<Msg>(i);
    if (literal.count(msg_id(key))) continue;
    EXPECT_EQ(placeholders(tr(key, Language::es)), placeholders(tr(key, Language::en)))
        << msg_id(key);
  }
  EXPECT_EQ(placeholders(tr(Msg::count_of_total, Language::es)), "ss");
  EXPECT_EQ(placeholders(tr(Msg::report_gdal_warnings, Language::en)), "lld");
}

TEST(I18n, LookupByIdAndEnumNames) {
  EXPECT_STREQ(tr("menu_file", Language::es), "Archivo");
  EXPECT_STREQ(tr("menu_file", Language::en), "File");
  EXPECT_STREQ(tr("no_such_key", Language::es), "no_such_key");
  EXPECT_EQ(msg_from_id("panel_layers"), Msg::panel_layers);
  EXPECT_EQ(msg_from_id("nope"), Msg::count_);
  for (size_t i = 0; i < kMsgCount; ++i)
    EXPECT_EQ(msg_from_id(msg_id(static_cast<Msg>(i))), static_cast<Msg>(i));
  EXPECT_STREQ(tr_layer(LayerKind::heatmap, Language::es), "Mapa de calor");
  EXPECT_STREQ(tr_layer(LayerKind::heatmap, Language::en), "Heatmap");
  EXPECT_STREQ(tr_weekday(2, Language::es), "Mié");
  EXPECT_STREQ(tr_weekday(6, Language::en), "Sun");
  EXPECT_STREQ(tr_role(SourceSpec::Role::incidents, Language::es), "Incidentes");
}

}  // namespace
}  // namespace faro::ui
