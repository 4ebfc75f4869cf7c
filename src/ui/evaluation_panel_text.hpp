#pragma once
// The evaluation panel's sentences, built once per result (and language, filter) by
// EvaluationPanel::update(), never in draw(): the verdict and the change in plain words, what was
// compared, the filters that apply and those that do not, "What does this mean?", and the
// analysts' numbers with their names. Pure functions of the evaluation, its request and the
// session's filter; words from the catalogue (core/messages_eval_panel.hpp), so both languages.
#include <string>
#include <vector>

#include "core/evaluation_checks_text.hpp"
#include "core/evaluation_text.hpp"
#include "core/messages.hpp"
#include "core/program_evaluation.hpp"
#include "core/sectors.hpp"
#include "core/session.hpp"

namespace faro::ui {

// How the headline is coloured: by the verdict's outcome.
enum class VerdictTone { reduction, increase, mixed, none, unknown };
VerdictTone verdict_tone(const VerdictResult& v);

// The plain change sentence is core's (core/evaluation_text.hpp), shared with the report.
using faro::plain_change_text;

// What was compared: the groups and windows, the rollout dates, treated sectors left out, and the
// neighbouring sectors that left the comparison (the request's spillover ring), by name.
std::vector<std::string> compared_lines(const ProgramEvaluation& ev, const EvaluationRequest& req,
                                        const SectorSet& sectors, Language lang);

// "Applied: offences: A, B; 8 of the 24 hours...; load filter (--where): ..." for the filter the
// evaluation counted with (`evaluated`: the session's minus dates and sectors) and the incident
// sources' --where clauses.
std::string filters_applied_text(const FilterState& evaluated,
                                 const std::vector<SourceSpec>& sources, Language lang);
// The two that never apply, each with why, naming the session's current dates and selection.
std::vector<std::string> filters_ignored_lines(const FilterState& session_filter, Language lang);

// The numbers with their analysts' names (DiD with its intervals, the ITS level and slope, the
// plain DiD sentence of core/evaluation_text.hpp, excluded sectors), after a glossary line for
// each name.
std::vector<std::string> analyst_glossary(Language lang);
std::vector<std::string> analyst_lines(const ProgramEvaluation& ev, const SectorSet& sectors,
                                       Language lang);

// "A, B, C … and 4 more".
std::string sector_names_text(const std::vector<size_t>& idx, const SectorSet& sectors,
                              Language lang, size_t max = 10);

// Everything the panel writes for one result.
struct EvaluationPanelText {
  VerdictTone tone = VerdictTone::unknown;
  std::string headline;               // "Señal no concluyente"
  std::string change;                 // plain_change_text
  std::vector<std::string> compared;  // compared_lines
  std::string filters_applied;
  std::vector<std::string> filters_ignored;
  CheckLines checks;  // the rule, its four checks, the other checks
  std::vector<std::string> glossary, analyst;
};
EvaluationPanelText evaluation_panel_text(const ProgramEvaluation& ev, const EvaluationRequest& req,
                                          const SectorSet& sectors, const FilterState& evaluated,
                                          const FilterState& session_filter,
                                          const std::vector<SourceSpec>& sources, Language lang);

}  // namespace faro::ui
