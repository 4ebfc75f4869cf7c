#pragma once
// The verdict of a program evaluation, from a rule stated in advance (issue 18):
//
//   consistent (reduction or increase, by the direction of the DiD) only when all four hold:
//   1. the DiD's robust (overdispersion-aware) 95 % interval excludes 1;
//   2. the randomization-inference p < 0.05;
//   3. the synthetic control's rate ratio is on the same side of 1 as the DiD's, with placebo
//      p <= 0.10 (with ~70 donors its smallest possible p is ~0.014);
//   4. the pre-trend test does not reject parallel trends (p > 0.10).
//   not_estimable when the DiD itself cannot be estimated; inconclusive otherwise.
//
// An inconclusive verdict is worded "inconclusive signal" when check 1, 2 or 3 points to an
// effect, and "no evidence of an effect" when none does (issue 16's three plain verdicts).
// A missing check (too few donors, too few placebo sets) cannot support a consistent verdict.
#include <string>
#include <vector>

#include "core/messages.hpp"
#include "core/program_evaluation.hpp"

namespace faro {

constexpr double kVerdictRandomizationP = 0.05;
constexpr double kVerdictSyntheticPlaceboP = 0.10;
constexpr double kVerdictPreTrendP = 0.10;

VerdictResult decide_verdict(const ProgramEvaluation& ev);

// "consistent_reduction", ... (JSON) and the checks' keys ("did_interval", ...).
const char* verdict_id(Verdict v);
const char* verdict_check_id(VerdictCheck c);
const char* check_outcome_id(CheckOutcome o);

// The headline in plain words: "Evidencia consistente de reducción" / "Señal no concluyente" /
// "Sin evidencia de efecto" / ... (eval area of the catalogue).
Msg verdict_headline_key(const VerdictResult& v);
std::string verdict_headline(const VerdictResult& v, Language lang);
// The rule, one sentence.
std::string verdict_rule_text(Language lang);
// One line per check, in rule order: "Randomization: p = 0.012 (10000 placebo sets): met".
std::vector<std::string> verdict_check_lines(const ProgramEvaluation& ev, Language lang);

}  // namespace faro
