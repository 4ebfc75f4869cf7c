#pragma once
// The program-evaluation report: an A4 portrait PDF of two to four pages drawn with cairo, the
// one code path of `faro evaluate -o report.pdf` and of the dashboard's File ▸ Export evaluation
// report (app/evaluation_export_job.hpp).
//
//   page 1, for command staff: the program, its sectors and rollout dates, the verdict in plain
//     words (core/evaluation_verdict.hpp) with the DiD sentence, the treated / comparison /
//     excluded-neighbour sectors on a map drawn through the one map renderer (as the brief's
//     map), and the timeline: observed counts, the ITS counterfactual with its 95 % band and the
//     rollout;
//   then, for analysts: the window counts, the DiD with its Poisson and robust intervals, the ITS
//     terms, the event study as a chart with intervals (rates where the intervals are absent),
//     the verdict's rule and checks, window sensitivity, the synthetic control (weights and
//     series) and randomization inference. An estimate that could not be made says
//     "not available: <reason>".
//   On every page: the filters (offences, dates, comparison and excluded sectors), the sources
//   by file name, the generation date, a footer with the page number and the protection applied
//   (partner-safe, the default: counts of 1..k-1 printed as the marker and left out of the charts,
//   render/evaluation_report_disclosure.hpp) or the stamp USO INTERNO / INTERNAL USE.
// cairo stays out of this header.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/messages.hpp"
#include "core/program_evaluation.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"

namespace faro::render {

struct EvaluationReportInput {
  const ProgramEvaluation* evaluation = nullptr;   // required
  const SectorSet* sectors = nullptr;              // required
  const std::vector<Program>* programs = nullptr;  // optional: other programs' sectors on the map
  Language language = Language::es;                // of every word on the pages
  bool internal = false;  // false: partner-safe (policy.partner_safe); true: stamped, all shown
  DisclosurePolicy policy;  // k and marker rules; partner_safe is set from `internal`
  // The filters as the reader should see them.
  std::string offences;       // "" = every offence; e.g. the --where SQL or the chosen offences
  std::string other_filters;  // hours, weekdays ("" = none)
  bool date_filter_ignored = false;   // the dashboard's date filter does not apply (stated)
  std::vector<std::string> sources;   // file names only (report_source_name), never paths
  std::string generated;              // YYYY-MM-DD (render::brief_generation_date())
  bool synthetic = false;             // stamps "DATOS SINTÉTICOS"
  std::optional<double> true_effect;  // the demo city's known rate ratio
  // Optional: 0..1 as the pages are drawn (from the calling thread).
  std::function<void(double)> progress;
};

struct EvaluationReportResult {
  int pages = 0;
  bool map_rendered = false;  // false: no OpenGL, sectors drawn as cairo outlines
  std::string renderer;
  size_t hidden_counts = 0;   // values printed as the marker (partner-safe)
};

// A4 portrait in PostScript points.
constexpr double kReportPageWidthPt = 595.28, kReportPageHeightPt = 841.89;

// Writes the PDF atomically (temporary sibling + rename). Throws faro::UsageError for missing
// input, faro::DataError naming the file when it cannot be written.
EvaluationReportResult write_evaluation_report_pdf(const EvaluationReportInput& input,
                                                   const std::string& path);

// A source (path or OGR connection string) as the report names it: its file name, credentials
// redacted (as io/evaluation_report.cpp names sources in the JSON).
std::string report_source_name(const std::string& source);

// Whether `path` asks for the PDF report (".pdf", any case).
bool is_pdf_path(const std::string& path);

}  // namespace faro::render
