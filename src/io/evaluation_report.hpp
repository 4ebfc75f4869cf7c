#pragma once
// The program-evaluation report as JSON (`faro evaluate -o report.json`; later the evaluation
// panel's export). Scripts rely on these keys, which are always present:
//   program, window_weeks, treated{sectors,before,after}, comparison{sectors,before,after},
//   did{rate_ratio,ci_low,ci_high}, its{level_change{rate_ratio,ci_low,ci_high},
//   slope_change{rate_ratio,ci_low,ci_high}}
// An estimate that could not be made has null numbers and a "reason" (and "reason_es") instead.
// Dates are YYYY-MM-DD; rates are incidents per sector per week; ITS slope and trend ratios are
// per year.
#include <optional>
#include <string>

#include "core/program_evaluation.hpp"
#include "core/sectors.hpp"

namespace faro::io {

struct EvaluationReportContext {
  // As given (paths, OGR connection strings); the report names each by its file name only, with
  // credentials redacted: never a full path (sources{sectors,incidents,programs}).
  std::string sectors_source, incidents_source, programs_source;
  std::string where;                  // --where filter on the incidents ("" = none)
  bool synthetic = false;             // the demo city
  std::optional<double> true_effect;  // the demo's known rate ratio, when synthetic
};

// Pretty-printed JSON (2-space indent, UTF-8).
std::string evaluation_report_json(const ProgramEvaluation& ev, const SectorSet& sectors,
                                   const EvaluationReportContext& context);

}  // namespace faro::io
