#pragma once
// File ▸ Export evaluation report: the program chosen in the evaluation panel, evaluated from the
// dashboard's data snapshot as `faro evaluate` evaluates it (the same request: window, periods,
// comparison = every sector in no program minus the treated sectors' neighbours, randomization
// seed) and written as the PDF report through the one code path of `faro evaluate -o report.pdf`
// (render/evaluation_report.hpp), on a background thread: the evaluation's robustness checks and
// the report's map take seconds, and the dashboard keeps running meanwhile. The job holds the
// snapshot it was started from (core/data_snapshot.hpp) and its own copy of the session.
//
// The filter: the session's offences, hours and weekdays, never its dates or sectors (the windows
// and the groups come from the program, as in the evaluation panel); the report says so.
// Partner-safe (the default): the partner rules of the dashboard's other exports (no hour or
// weekday filter), counts of 1..k-1 printed as "<5" and left out of the charts; internal:
// everything shown, every page stamped USO INTERNO / INTERNAL USE.
#include <atomic>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/program_evaluation.hpp"
#include "core/session.hpp"

namespace faro::app {

struct EvaluationExportSpec {
  std::string program;  // "" = the first program (as the panel shows it)
  int window_weeks = 52;
  EvalBin by = EvalBin::week;
  std::string path;  // .pdf
  bool internal = false;
};

class EvaluationExportJob {
 public:
  EvaluationExportJob(SnapshotPtr snapshot, Session session, EvaluationExportSpec spec);
  ~EvaluationExportJob();  // joins (the report is not interrupted half-way)
  EvaluationExportJob(const EvaluationExportJob&) = delete;
  EvaluationExportJob& operator=(const EvaluationExportJob&) = delete;

  bool done() const { return done_.load(); }
  double progress() const { return progress_.load(); }  // 0..1
  const std::string& path() const { return spec_.path; }
  bool internal() const { return spec_.internal; }
  const std::string& error() const { return error_; }  // after done(); empty on success
  const std::string& log() const { return log_; }      // after done(): pages, protection, map
  int pages() const { return pages_; }                 // after done()

 private:
  void run();

  SnapshotPtr snap_;
  Session session_;
  EvaluationExportSpec spec_;
  std::string error_, log_;
  int pages_ = 0;
  std::atomic<double> progress_{0};
  std::atomic<bool> done_{false};
  std::thread thread_;  // last member
};

// The filters of `f` that apply to an evaluation, in words for the report: the offences ("" =
// all), and the hours and weekdays when not all ("" = none).
std::string evaluation_offences_text(const FilterState& f, const std::vector<SourceSpec>& sources);
std::string evaluation_other_filters_text(const FilterState& f, Language lang);

}  // namespace faro::app
