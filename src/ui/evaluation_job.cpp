#include "ui/evaluation_job.hpp"

#include <exception>

namespace faro::ui {

EvaluationRequest dashboard_evaluation_request(const Workspace& ws, const std::string& program,
                                               int window_weeks, EvalBin by) {
  EvaluationRequest req = make_evaluation_request(ws.sectors, ws.programs, {program}, {});
  req.window_weeks = window_weeks;
  req.by = by;
  req.data_from = ws.data_from;
  req.data_to_exclusive = ws.data_to_exclusive;
  apply_spillover_ring(req, ws.sectors, 0.0);
  return req;
}

EvaluationJobResult run_evaluation_job(const EvaluationJobInput& in) {
  EvaluationJobResult r;
  r.id = in.id;
  r.input = in;
  r.computed_on = std::this_thread::get_id();
  const auto t0 = std::chrono::steady_clock::now();
  const Workspace& ws = in.snapshot->ws();
  try {
    const EvaluationRequest req =
        dashboard_evaluation_request(ws, in.program, in.window_weeks, in.by);
    r.request = req;
    r.evaluation =
        evaluate_program(ws.incidents, ws.sectors.size(), ws.make_filter(in.filter), req);
  } catch (const std::exception& e) {
    r.evaluation.reset();
    r.error = e.what();
  }
  r.compute_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

EvaluationJob::~EvaluationJob() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    pending_.reset();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void EvaluationJob::request(EvaluationJobInput in) {
  {
    std::lock_guard lock(mutex_);
    newest_id_ = in.id;
    pending_ = std::move(in);
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  }
  wake_.notify_all();
}

std::optional<EvaluationJobResult> EvaluationJob::take_result() {
  std::lock_guard lock(mutex_);
  std::optional<EvaluationJobResult> r = std::move(result_);
  result_.reset();
  return r;
}

bool EvaluationJob::busy() const {
  std::lock_guard lock(mutex_);
  return running_ || pending_.has_value();
}

bool EvaluationJob::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [&] { return !running_ && !pending_; });
}

void EvaluationJob::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || pending_.has_value(); });
    if (stop_) break;
    EvaluationJobInput in = std::move(*pending_);
    pending_.reset();
    running_ = true;
    lock.unlock();
    EvaluationJobResult r = run_evaluation_job(in);
    lock.lock();
    running_ = false;
    // A newer request makes this result stale: the panel waits for that one instead.
    if (r.id == newest_id_) result_ = std::move(r);
    if (!pending_) idle_.notify_all();
  }
  running_ = false;
  idle_.notify_all();
}

}  // namespace faro::ui
