#pragma once
// The words of presentation mode's caption: the title and the subtitle that states which offences
// and which period the map shows. Pure functions of the data, the session and the language (no
// ImGui), so tests check them without a frame; the caption (ui/presentation_caption.hpp) draws
// them and nothing else decides them.
#include <string>

#include "core/civil_time.hpp"
#include "core/language.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"

namespace faro::ui {

// A date for an audience, month by name from the catalogue: "1 ene 2024" / "1 Jan 2024".
std::string format_long_date(CivilSeconds t, Language lang);
// The inclusive days of [from, to_exclusive): "1 ene – 31 dic 2024" (one year),
// "15 nov 2023 – 31 ene 2024", "3 mar 2024" (one day); "" when empty.
std::string format_period(CivilSeconds from, CivilSeconds to_exclusive, Language lang);
// The period on the map: the filter's dates, the data's for open ends.
std::string presentation_period(const Workspace& ws, const FilterState& filter, Language lang);

// Data values written in capitals ("HOMICIDIO POR ARMA DE FUEGO", as the FGJ publishes them) in
// small letters, to sit in a sentence on a slide ("homicidio por arma de fuego"); names with any
// small letter are kept as written. UTF-8: the accented capitals of Spanish (Á É Í Ó Ú Ñ Ü) are
// lowered too.
std::string readable_category(const std::string& name);

// Up to this many ticked offences are named; more are counted ("7 delitos seleccionados").
constexpr size_t kMaxNamedOffences = 3;
// Which offences the map shows: "Todos los delitos" with no category filter, the names of up to
// kMaxNamedOffences as one sentence ("Homicidio por arma de fuego y disparos de arma de fuego"),
// else their count.
std::string presentation_offences(const FilterState& filter, Language lang);

// The title: the session's own when the user set one (the app clears it when other data is
// opened), else the data's: the demo city's translated name, or the incidents file's name in
// words ("fgj_homicidios_armas_cdmx_2019_2024.csv" -> "Fgj homicidios armas cdmx 2019 2024").
std::string presentation_title(const Workspace& ws, const Session& session);

// "offences · period", the one line a screenshot or a test reads.
std::string presentation_subtitle(const Workspace& ws, const FilterState& filter, Language lang);

}  // namespace faro::ui
