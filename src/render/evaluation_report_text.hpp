#pragma once
// The evaluation report's words and tables, built from the evaluation before anything is drawn
// (render/evaluation_report_*.cpp only lay them out), so tests read each page's text without a
// PDF parser. Every word comes from the catalogue (core/messages_eval_report.hpp and the
// evaluation's own sentences, core/evaluation_text.hpp, core/evaluation_checks_text.hpp,
// core/evaluation_verdict.hpp); numbers use the language's decimal mark. A missing estimate is
// the line "no disponible: <reason>" / "not available: <reason>".
#include <string>
#include <vector>

#include "core/evaluation_text.hpp"
#include "render/evaluation_report.hpp"
#include "render/evaluation_report_disclosure.hpp"

namespace faro::render::report {

struct ReportTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  bool text_last = false;  // the last column is text (left-aligned), not a number
  bool empty() const { return rows.empty(); }
};

// A block of an analyst page: its heading, an optional table, then lines.
struct ReportSection {
  std::string title;
  ReportTable table;
  std::vector<std::string> lines;
};

// Numbers in the language's decimal mark: core/evaluation_text.hpp decimal_text, p_value_text.
using faro::decimal_text;
using faro::p_value_text;
// "no disponible: <reason>".
std::string not_available(const EvalWhy& why, Language lang);

// On every page.
// "Evaluación de programa — <label>".
std::string report_title(const EvaluationReportInput& in);
// Offences (and other filters), dates, the comparison group with the neighbours excluded from it,
// the treated sectors excluded with their reasons.
std::vector<std::string> report_filter_lines(const EvaluationReportInput& in);
// "Fuentes: a.csv, b.geojson · Generado 2024-05-01" (and the demo's true effect).
std::string report_source_line(const EvaluationReportInput& in);
// The protection applied (partner-safe) or the internal-use stamp.
std::string report_protection_line(const EvaluationReportInput& in, const ReportMasks& m);

// Page 1.
std::string report_program_line(const EvaluationReportInput& in);
// "Inicio por sector: 2021-03-01: A, B; 2021-06-01: C" (grouped by date).
std::string report_rollout_line(const EvaluationReportInput& in);
struct VerdictText {
  std::string headline;                // "Señal no concluyente"
  std::vector<std::string> sentences;  // the DiD sentence (or why not), caution, counts
  std::string rule;
};
VerdictText report_verdict(const EvaluationReportInput& in, const ReportMasks& m);

// Analyst pages.
ReportSection report_counts_section(const EvaluationReportInput& in, const ReportMasks& m);
ReportSection report_did_section(const EvaluationReportInput& in, const ReportMasks& m);
ReportSection report_its_section(const EvaluationReportInput& in);
// The event study's lines under its chart: the pre-trend test, or why the study is missing.
std::vector<std::string> report_event_study_lines(const EvaluationReportInput& in);
// The rule's four checks (lines), then the other checks without the sensitivity rows.
ReportSection report_checks_section(const EvaluationReportInput& in);
ReportSection report_sensitivity_section(const EvaluationReportInput& in);
ReportSection report_synthetic_section(const EvaluationReportInput& in, size_t max_weights = 10);
ReportSection report_randomization_section(const EvaluationReportInput& in);

}  // namespace faro::render::report
