#pragma once
// The evaluation panel's computation, off the UI thread: with synthetic control and randomization
// inference an evaluation takes up to a second or two, longer than a frame may. One worker
// thread, started on the first request; a new request replaces the pending one (a running
// evaluation finishes, and its result is dropped when a newer request exists), like
// app/density_worker.hpp but without a debounce: requests come from clicks, not drags.
//
// Ownership: a job holds the data snapshot it was requested for (core/data_snapshot.hpp:
// immutable, shared), so the worker reads the incidents, sectors and programs without locks while
// the UI thread replaces the app's snapshot; the result keeps it, so the panel words the result
// with the sectors it was computed on.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/program_evaluation.hpp"

namespace faro::ui {

struct EvaluationJobInput {
  SnapshotPtr snapshot;  // the data evaluated (its programs carry the session's edits)
  FilterState filter;    // the incident filter counted with (evaluation_filter of the session's)
  std::string program;   // the program's name
  int window_weeks = 52;
  EvalBin by = EvalBin::week;
  uint64_t id = 0;  // echoed in the result
};

struct EvaluationJobResult {
  uint64_t id = 0;
  EvaluationJobInput input;
  EvaluationRequest request;  // as evaluated (comparison after the spillover ring left it)
  std::optional<ProgramEvaluation> evaluation;
  std::string error;  // the request's error (names a program or sector) when there is none
  std::thread::id computed_on;
  double compute_ms = 0;
};

// What the worker runs (exposed for tests): the request as the CLI builds it
// (make_evaluation_request, then apply_spillover_ring with touching neighbours), then
// evaluate_program on the snapshot's data period.
// The request the dashboard evaluates (panel and File > Export evaluation report alike): one
// program of the workspace (session edits applied), the data's whole period, and the spillover
// ring as `faro evaluate` does by default (--buffer 0: comparison sectors touching a treated one
// leave the comparison). Throws UsageError as make_evaluation_request does.
EvaluationRequest dashboard_evaluation_request(const Workspace& ws, const std::string& program,
                                               int window_weeks, EvalBin by);

EvaluationJobResult run_evaluation_job(const EvaluationJobInput& in);

class EvaluationJob {
 public:
  EvaluationJob() = default;
  ~EvaluationJob();  // drops pending work, waits for a running evaluation, joins the thread
  EvaluationJob(const EvaluationJob&) = delete;
  EvaluationJob& operator=(const EvaluationJob&) = delete;

  void request(EvaluationJobInput in);  // replaces any pending request
  // The newest finished result, once; nullopt while none is new.
  std::optional<EvaluationJobResult> take_result();
  bool busy() const;  // a request pending or running
  // Blocks until nothing is pending or running (tests, screenshots); false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout);

 private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<EvaluationJobInput> pending_;
  std::optional<EvaluationJobResult> result_;
  uint64_t newest_id_ = 0;  // of the latest request: older results are dropped
  bool running_ = false;
  bool stop_ = false;
  std::thread thread_;  // started by the first request
};

}  // namespace faro::ui
