#pragma once
// The reviewer's checks in the reader's language, one line each, for `faro evaluate`'s summary,
// the evaluation panel and the report's analyst page: the verdict headline and its rule, the four
// checks of the rule, placebo in time, spillover (which sectors left the comparison and why),
// displacement, comparative ITS and window sensitivity. Missing estimates say why.
#include <string>
#include <vector>

#include "core/evaluation_text.hpp"
#include "core/messages.hpp"
#include "core/program_evaluation.hpp"
#include "core/sectors.hpp"

namespace faro {

// The DiD's shown ratio with its interval, or why it is missing.
std::string did_short_text(const Estimate<DidResult>& did, Language lang);

struct CheckLines {
  std::string headline;             // "Señal no concluyente"
  std::string rule;                 // the rule, one sentence
  std::vector<std::string> checks;  // the rule's four checks, with met / not met
  std::vector<std::string> others;  // placebo in time, spillover, displacement, CITS, sensitivity
};
CheckLines evaluation_check_lines(const ProgramEvaluation& ev, const SectorSet& sectors,
                                  Language lang);
// All of it as indented text lines (the CLI summary).
std::string evaluation_checks_text(const ProgramEvaluation& ev, const SectorSet& sectors,
                                   Language lang);

}  // namespace faro
