// Presentation mode's caption words (issue 13): the subtitle states the offences and the period in
// the session's language, the title follows the data (and the user's own title wins).
#include <gtest/gtest.h>

#include "ui/presentation_text.hpp"

namespace faro::ui {
namespace {

CivilSeconds day(int y, int m, int d) { return days_from_civil(y, m, d) * kSecondsPerDay; }

TEST(PresentationText, PeriodsAreDatesWithMonthNamesInTheLanguage) {
  EXPECT_EQ(format_long_date(day(2024, 1, 1), Language::es), "1 ene 2024");
  EXPECT_EQ(format_long_date(day(2024, 8, 15), Language::en), "15 Aug 2024");
  // [2024-01-01, 2025-01-01): the whole of 2024, the year said once.
  EXPECT_EQ(format_period(day(2024, 1, 1), day(2025, 1, 1), Language::es), "1 ene – 31 dic 2024");
  EXPECT_EQ(format_period(day(2024, 1, 1), day(2025, 1, 1), Language::en), "1 Jan – 31 Dec 2024");
  EXPECT_EQ(format_period(day(2023, 11, 15), day(2024, 2, 1), Language::es),
            "15 nov 2023 – 31 ene 2024");
  EXPECT_EQ(format_period(day(2024, 3, 3), day(2024, 3, 4), Language::en), "3 Mar 2024");
  EXPECT_EQ(format_period(day(2024, 3, 3), day(2024, 3, 3), Language::en), "");
  // Open ends fall back to the data's range.
  Workspace ws;
  ws.data_from = day(2019, 1, 1);
  ws.data_to_exclusive = day(2025, 1, 1);
  FilterState f;
  EXPECT_EQ(presentation_period(ws, f, Language::es), "1 ene 2019 – 31 dic 2024");
  f.from = day(2024, 6, 1);
  EXPECT_EQ(presentation_period(ws, f, Language::en), "1 Jun – 31 Dec 2024");
}

TEST(PresentationText, OffencesAreAllNamedOrCounted) {
  FilterState f;
  EXPECT_EQ(presentation_offences(f, Language::es), "Todos los delitos");
  EXPECT_EQ(presentation_offences(f, Language::en), "All offences");
  f.categories = {"HOMICIDIO POR ARMA DE FUEGO"};
  EXPECT_EQ(presentation_offences(f, Language::es), "Homicidio por arma de fuego");
  f.categories = {"HOMICIDIO POR ARMA DE FUEGO", "LESIONES INTENCIONALES POR ARMA DE FUEGO",
                  "DISPAROS DE ARMA DE FUEGO"};
  EXPECT_EQ(presentation_offences(f, Language::es),
            "Homicidio por arma de fuego, lesiones intencionales por arma de fuego y disparos de "
            "arma de fuego");
  EXPECT_EQ(presentation_offences(f, Language::en),
            "Homicidio por arma de fuego, lesiones intencionales por arma de fuego and disparos "
            "de arma de fuego");
  f.categories.push_back("FEMINICIDIO");
  EXPECT_EQ(presentation_offences(f, Language::es), "4 delitos seleccionados");
  EXPECT_EQ(presentation_offences(f, Language::en), "4 offences selected");
  f.categories = {""};
  EXPECT_EQ(presentation_offences(f, Language::en), "(no category)");
}

TEST(PresentationText, CapitalisedDataValuesReadAsWords) {
  EXPECT_EQ(readable_category("HOMICIDIO POR INMERSIÓN"), "homicidio por inmersión");
  EXPECT_EQ(readable_category("TENTATIVA DE FEMINICIDIO (OTROS)"),
            "tentativa de feminicidio (otros)");
  EXPECT_EQ(readable_category("Robo a transeúnte"), "Robo a transeúnte");  // mixed: as written
  EXPECT_EQ(readable_category("disparos de arma de fuego"), "disparos de arma de fuego");
  EXPECT_EQ(readable_category("2024"), "2024");
}

TEST(PresentationText, TitleFollowsTheDataUnlessTheUserWroteOne) {
  Workspace ws;
  ws.title = "fgj_homicidios_armas_cdmx_2019_2024.csv";
  Session s;
  s.language = Language::en;
  EXPECT_EQ(presentation_title(ws, s), "Fgj homicidios armas cdmx 2019 2024");
  ws.title = "fgj_todos_cdmx_2019_2024.csv.gz";
  EXPECT_EQ(presentation_title(ws, s), "Fgj todos cdmx 2019 2024");
  ws.synthetic = true;
  EXPECT_EQ(presentation_title(ws, s), "Demo city");
  s.language = Language::es;
  EXPECT_EQ(presentation_title(ws, s), "Ciudad demo");
  s.title = "Alto al Fuego: balance 2024";
  EXPECT_EQ(presentation_title(ws, s), "Alto al Fuego: balance 2024");
}

TEST(PresentationText, SubtitleIsOffencesThenPeriod) {
  Workspace ws;
  ws.data_from = day(2019, 1, 1);
  ws.data_to_exclusive = day(2025, 1, 1);
  FilterState f;
  f.categories = {"disparos de arma de fuego", "lesiones por arma de fuego"};
  f.from = day(2024, 1, 1);
  f.to_exclusive = day(2025, 1, 1);
  EXPECT_EQ(presentation_subtitle(ws, f, Language::es),
            "Disparos de arma de fuego y lesiones por arma de fuego · 1 ene – 31 dic 2024");
  EXPECT_EQ(presentation_subtitle(ws, f, Language::en),
            "Disparos de arma de fuego and lesiones por arma de fuego · 1 Jan – 31 Dec 2024");
}

}  // namespace
}  // namespace faro::ui
