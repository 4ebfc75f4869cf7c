#pragma once
// Program goals in words (core/program_goals.hpp results through the catalogue,
// core/messages_goals.hpp): the indicator's name, the status, why a goal is not estimable, and
// the one-line summary the brief, the panel and the PDF print. Numbers use a plain hyphen for
// minus so the dashboard's font atlas draws them.
#include <optional>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/language.hpp"
#include "core/program_goals.hpp"

namespace faro {

std::string goal_indicator_text(GoalIndicator i, Language lang);
std::string goal_status_text(GoalStatus s, Language lang);
// The reason a goal is not estimable ("" for none); `k` names the disclosure threshold.
std::string goal_reason_text(GoalReason r, int k, Language lang);
// "meta: -30 %" / "target: at most 120".
std::string goal_target_text(const ProgramGoal& g, Language lang);
// A number with `digits` decimals and a plain sign for changes ("-56", "+4.5").
std::string goal_number(double v, int digits = 0, bool sign = false);
// The incidents a goal counts: its filter's values, or "all incidents".
std::string goal_where_words(const GoalWhere& w, Language lang);
// The windows: "2023-01-01 to 2023-12-31 against 2019-01-01 to 2019-12-31".
std::string goal_windows_text(const ProgramGoal& g, Language lang);
// "Reduction of incidents (target: -30 %): change -56 %, progress 187 % - Met", or with the
// reason when not estimable. The status's word comes last so a reader scanning finds it.
std::string goal_summary_line(const GoalResult& r, const DisclosurePolicy& policy, Language lang);
// "Met (progress 187 %)", the short form of the brief and the panel.
std::string goal_status_short(const GoalResult& r, const DisclosurePolicy& policy, Language lang);

// The weekly brief's goal lines, one per program with goals (at most `max_lines`, the last one
// saying how many more): "Metas · Alto al Fuego: Reducción de incidentes (meta: -30 %): Cumplida
// (avance 187 %); ...".
std::vector<std::string> brief_goal_lines(const std::vector<GoalResult>& results,
                                          const DisclosurePolicy& policy, Language lang,
                                          size_t max_lines = 3);

}  // namespace faro
