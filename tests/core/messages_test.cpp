// The message catalogue (core/messages.hpp) as every layer uses it: areas in table order,
// printf formatting, language codes, and the rule that core results carry codes that each
// language words differently. The dashboard-only checks (font atlas) are in tests/ui/i18n_test.
#include "core/messages.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/evaluation_text.hpp"

namespace faro {
namespace {

TEST(Messages, EveryKeyHasTextInBothLanguagesAndAnArea) {
  ASSERT_GT(kMsgCount, 300u);
  for (size_t i = 0; i < kMsgCount; ++i) {
    const Msg key = static_cast<Msg>(i);
    SCOPED_TRACE(msg_id(key));
    EXPECT_GT(std::string(tr(key, Language::es)).size(), 0u);
    EXPECT_GT(std::string(tr(key, Language::en)).size(), 0u);
    // Areas follow the enum order and never go back.
    if (i > 0) {
      EXPECT_GE(msg_area(key), msg_area(static_cast<Msg>(i - 1)));
    }
  }
  EXPECT_EQ(msg_area(Msg::menu_file), MsgArea::ui);
  EXPECT_EQ(msg_area(Msg::brief_hint), MsgArea::brief);
  EXPECT_EQ(msg_area(Msg::eval_caution), MsgArea::eval);
  EXPECT_EQ(msg_area(Msg::app_export_done), MsgArea::app);
  EXPECT_EQ(msg_area(Msg::brief_method), MsgArea::page);
  EXPECT_EQ(msg_area(Msg::map_density_title), MsgArea::map);
  EXPECT_EQ(msg_area(static_cast<Msg>(kMsgCount - 1)), MsgArea::map);
}

TEST(Messages, FormatsInEitherLanguage) {
  EXPECT_EQ(tr_format(Language::es, Msg::load_sectors, "a.gpkg"), "sectores: a.gpkg");
  EXPECT_EQ(tr_format(Language::en, Msg::load_sectors, "a.gpkg"), "sectors: a.gpkg");
  EXPECT_EQ(tr_format(Language::en, Msg::protection_counts, 5),
            "Protection: counts < 5 suppressed");
  EXPECT_EQ(tr_format(Language::en, Msg::hotspot_hot, 99), "Hot 99 %");
  EXPECT_EQ(tr_format(Language::es, Msg::map_more_entries, size_t{3}), "… y 3 más");
  EXPECT_EQ(tr_format(Language::en, Msg::menu_file), "File");  // no conversions
}

TEST(Messages, LanguageCodes) {
  EXPECT_STREQ(language_code(Language::es), "es");
  EXPECT_STREQ(language_code(Language::en), "en");
  EXPECT_EQ(language_from_code("en"), Language::en);
  EXPECT_EQ(language_from_code("en_GB.UTF-8"), Language::en);
  EXPECT_EQ(language_from_code("es"), Language::es);
  EXPECT_EQ(language_from_code(""), Language::es);
  Language l = Language::es;
  EXPECT_TRUE(parse_language("en", l));
  EXPECT_EQ(l, Language::en);
  EXPECT_FALSE(parse_language("fr", l));
  EXPECT_EQ(l, Language::en);  // unchanged
}

TEST(Messages, EvaluationReasonsAreWordedPerLanguage) {
  // Every reason code gives a non-empty text that differs between the languages.
  for (int c = static_cast<int>(EvalReason::no_program_sectors);
       c <= static_cast<int>(EvalReason::program_ended); ++c) {
    EvalWhy why{static_cast<EvalReason>(c)};
    why.window_weeks = 52;
    why.periods = 2;
    why.min_periods = 6;
    why.detail = "singular";
    const std::string es = eval_reason_text(why, Language::es);
    const std::string en = eval_reason_text(why, Language::en);
    SCOPED_TRACE(en);
    EXPECT_FALSE(es.empty());
    EXPECT_FALSE(en.empty());
    EXPECT_NE(es, en);
  }
  EvalWhy pre{EvalReason::its_pre_period};
  pre.by = EvalBin::month;
  pre.periods = 2;
  pre.min_periods = 6;
  EXPECT_EQ(eval_reason_text(pre, Language::en),
            "too-short pre-period: 2 months before rollout; the time series needs at least 6");
  EXPECT_EQ(eval_reason_text(pre, Language::es),
            "periodo previo demasiado corto: 2 meses antes del inicio; la serie necesita al "
            "menos 6");
  EXPECT_EQ(eval_reason_text(EvalWhy{}, Language::en), "");
}

}  // namespace
}  // namespace faro
