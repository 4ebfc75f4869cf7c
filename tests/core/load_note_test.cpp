// Load-report notes are catalogue keys worded when shown: every load_note_* text takes only %s
// (format_note passes every argument as text), the two languages take the same number, missing
// arguments never read past what was given, and the report's text uses the reader's language.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/load_report.hpp"
#include "core/messages.hpp"

namespace faro {
namespace {

// The printf conversions of `text`, as their letters ("ss" for two %s).
std::string conversion_letters(std::string_view text) {
  std::string out;
  for (size_t i = 0; i + 1 < text.size(); ++i)
    if (text[i] == '%') {
      if (text[i + 1] != '%') out += text[i + 1];
      ++i;
    }
  return out;
}

TEST(LoadNote, EveryNoteKeyTakesOnlyTextArgumentsInBothLanguages) {
  int notes = 0;
  for (size_t k = 0; k < kMsgCount; ++k) {
    const auto key = static_cast<Msg>(k);
    if (std::string_view(msg_id(key)).rfind("load_note_", 0) != 0) continue;
    ++notes;
    SCOPED_TRACE(msg_id(key));
    const std::string es = conversion_letters(tr(key, Language::es));
    const std::string en = conversion_letters(tr(key, Language::en));
    EXPECT_EQ(es, en);
    EXPECT_EQ(es.find_first_not_of('s'), std::string::npos) << es;
    EXPECT_LE(es.size(), 6u);  // format_note passes at most six
  }
  EXPECT_GE(notes, 40);
}

TEST(LoadNote, FormatsInEitherLanguageAndPadsMissingArguments) {
  const LoadNote n{Msg::load_note_population_missing, {"POB2020", "3"}};
  EXPECT_EQ(format_note(n, Language::en), "population field 'POB2020' (3 sectors without a usable value)");
  EXPECT_EQ(format_note(n, Language::es), "campo de población 'POB2020' (3 sectores sin valor utilizable)");
  const LoadNote short_of_one{Msg::load_note_population_missing, {"POB2020"}};
  EXPECT_EQ(format_note(short_of_one, Language::en),
            "population field 'POB2020' ( sectors without a usable value)");
  EXPECT_EQ(format_note(LoadNote{}, Language::en), "");
}

TEST(LoadNote, FieldRolesAreWordedInTheReadersLanguage) {
  const LoadNote n = fields_note({{"x", "lon"}, {"y", "lat"}, {"date", "fecha_hecho"},
                                  {"category", "delito"}, {"id", "folio"}});
  EXPECT_EQ(format_note(n, Language::en),
            "fields: x=lon y=lat date=fecha_hecho category=delito id=folio");
  EXPECT_EQ(format_note(n, Language::es),
            "campos: x=lon y=lat fecha=fecha_hecho categoría=delito id=folio");
}

TEST(LoadNote, ReportTextUsesTheLanguageForNotesAndReasons) {
  LoadReport r;
  r.source = "incidentes.csv";
  r.rows_read = 2;
  r.rows_loaded = 1;
  r.add(RowIssue::zero_zero, 2, "lon", "0");
  r.note(Msg::load_note_no_time_column);
  const std::string es = r.to_text(Language::es);
  EXPECT_NE(es.find("sin columna de hora"), std::string::npos) << es;
  EXPECT_NE(es.find(describe(RowIssue::zero_zero, Language::es)), std::string::npos) << es;
  const std::string en = r.to_text();
  EXPECT_NE(en.find("no time-of-day column"), std::string::npos) << en;
  // Merging keeps the notes as keys.
  LoadReport merged;
  merged.merge(r);
  ASSERT_EQ(merged.notes.size(), 1u);
  EXPECT_EQ(merged.notes[0], r.notes[0]);
}

}  // namespace
}  // namespace faro
