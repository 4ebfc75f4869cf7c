#pragma once
// The program evaluation in plain words, in the reader's language: the sentence for the
// difference-in-differences, its small-count caution, and why an estimate is missing. The
// evaluation itself (core/program_evaluation.hpp) returns only numbers and EvalReason codes;
// the panel, `faro evaluate` and the JSON report all word them here, from the catalogue.
#include <string>

#include "core/messages.hpp"
#include "core/program_evaluation.hpp"

namespace faro {

// "−31 % relative to comparison sectors, 95 % CI −45 % to −14 %" / "−31 % respecto a los
// sectores de comparación, IC 95 % ...". With dispersion > 1 the interval is taken to be the
// widened one and the sentence says so: "... (interval widened for overdispersion of the counts,
// φ = 1.80)"; an interval that holds 1 adds "not distinguishable from no change".
std::string did_sentence(const RateRatio& rr, double dispersion, Language lang);
// The sentence for a result: its shown() ratio and dispersion.
std::string did_sentence(const DidResult& d, Language lang);
// The small-count caution, or "" when every cell has at least 10 incidents.
std::string did_caution(const DidResult& d, Language lang);
// The change in words command staff use, no jargon: "After the rollout, incidents in the
// program's sectors changed by −29 % relative to the comparison sectors; the real change is
// probably between −44 % and −10 %." (+ "cannot be told apart from no change", few incidents);
// the panel's first line and the report's page 1 (did_sentence is the analysts' version).
std::string plain_change_text(const Estimate<DidResult>& did, Language lang);
// "0.73" / "0,73": a number with `digits` decimals and the language's decimal mark.
std::string decimal_text(double v, Language lang, int digits = 2);
// A p-value as reports print it: "< 0.001", "0.004" (3 decimals below 0.01), else "0.24".
std::string p_value_text(double p, Language lang);
// "0.73 (95 % CI 0.61 to 0.87)" / "0,73 (IC 95 % 0,61 a 0,87)".
std::string ratio_interval_text(const RateRatio& r, Language lang);
// Why an estimate is missing, or why a treated sector was left out.
std::string eval_reason_text(const EvalWhy& why, Language lang);

}  // namespace faro
