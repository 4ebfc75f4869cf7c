// File ▸ Export evaluation report's dialog (ui/evaluation_export_dialog.hpp): the file it
// proposes follows the program and the internal / partner-safe choice (partner-safe by default,
// as `faro evaluate -o x.pdf`), nothing is requested without a program, and every word it (and
// the menu item) shows is printable with the dashboard's font atlas.
#include "ui/evaluation_export_dialog.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "ui/i18n.hpp"
#include "ui/ui_fonts.hpp"

namespace faro::ui {
namespace {

TEST(EvaluationExportDialog, FileSlug) {
  EXPECT_EQ(file_slug("Alto al Fuego - Fase 1"), "alto-al-fuego-fase-1");
  EXPECT_EQ(file_slug("Programa Álvaro Obregón"), "programa-lvaro-obreg-n");
  EXPECT_EQ(file_slug("  --  "), "program");
  EXPECT_EQ(file_slug("AO/2022"), "ao-2022");
}

TEST(EvaluationExportDialog, RequestFollowsTheChoices) {
  EvaluationExportDialog d;
  EXPECT_FALSE(d.request());
  d.open("Alto al Fuego - Fase 2", 26, true);
  EXPECT_TRUE(d.is_open());
  auto r = d.request();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->program, "Alto al Fuego - Fase 2");
  EXPECT_EQ(r->window_weeks, 26);
  EXPECT_TRUE(r->by_month);
  EXPECT_FALSE(r->internal) << "partner-safe by default";
  EXPECT_EQ(std::filesystem::path(r->path).filename(), "evaluation-alto-al-fuego-fase-2-partner.pdf");
  d.choose(true, "/tmp/reports");
  r = d.request();
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->internal);
  EXPECT_EQ(r->path, "/tmp/reports/evaluation-alto-al-fuego-fase-2-internal.pdf");
  EvaluationExportDialog none;
  none.open("", 52, false);
  EXPECT_FALSE(none.request()) << "no programs: nothing to export";
}

TEST(EvaluationExportDialog, WordsFitTheFontAtlas) {
  const auto in_atlas = [](char32_t cp) {
    for (const ImWchar* r = ui_glyph_ranges(); r[0]; r += 2)
      if (cp >= r[0] && cp <= r[1]) return true;
    return false;
  };
  for (Msg key : {Msg::menu_export_evaluation, Msg::eval_export_title, Msg::eval_export_program,
                  Msg::eval_export_no_program, Msg::eval_export_partner_help,
                  Msg::eval_export_internal_help, Msg::eval_export_pages,
                  Msg::eval_export_running, Msg::eval_report_week, Msg::eval_report_month})
    for (Language lang : {Language::es, Language::en}) {
      const std::string s = tr(key, lang);
      for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        EXPECT_TRUE(in_atlas(cp)) << msg_id(key) << " U+" << std::hex << static_cast<uint32_t>(cp);
        i += static_cast<size_t>(len);
      }
    }
}

}  // namespace
}  // namespace faro::ui
