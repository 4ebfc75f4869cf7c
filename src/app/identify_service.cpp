#include "app/identify_service.hpp"

#include <filesystem>

namespace faro::app {

using Clock = std::chrono::steady_clock;

io::IncidentSourceOptions row_read_options(const SourceSpec& source) {
  io::IncidentSourceOptions o;
  o.layer = source.layer;
  o.where = source.where;
  return o;
}

IdentifyService::IdentifyService() : thread_([this] { run(); }) {}

IdentifyService::~IdentifyService() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    pending_.reset();
  }
  wake_.notify_all();
  thread_.join();
}

void IdentifyService::request(IdentifyRequest request) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = std::move(request);
  }
  wake_.notify_all();
}

std::optional<IdentifyResult> IdentifyService::take_result() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<IdentifyResult> r = std::move(result_);
  result_.reset();
  return r;
}

bool IdentifyService::busy() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return running_ || pending_.has_value();
}

bool IdentifyService::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return idle_.wait_for(lock, timeout, [&] { return !running_ && !pending_; });
}

void IdentifyService::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || pending_.has_value(); });
    if (stop_) return;
    IdentifyRequest job = std::move(*pending_);
    pending_.reset();
    running_ = true;
    lock.unlock();
    IdentifyResult r = serve(job);
    lock.lock();
    running_ = false;
    // A newer request makes this answer stale: the UI asked about another point since.
    if (!pending_) result_ = std::move(r);
    idle_.notify_all();
  }
}

IdentifyResult IdentifyService::serve(const IdentifyRequest& req) {
  IdentifyResult r;
  r.id = req.id;
  r.incident = req.incident;
  if (!req.snapshot) return r.error = "no data", r;
  const Workspace& ws = req.snapshot->ws();
  const IncidentStore& store = ws.incidents;
  if (readers_for_.lock() != req.snapshot->data) {
    // New data (a load; a program edit copies the workspace too): the files may have changed
    // since the readers learnt their checkpoints.
    readers_.clear();
    readers_for_ = req.snapshot->data;
  }
  if (req.incident >= store.size()) return r.error = "no such incident", r;
  if (!store.has_source_rows() || store.source_row_of(req.incident) == 0) {
    r.no_rows = true;
    return r;
  }
  r.row = store.source_row_of(req.incident);
  const size_t k = store.source_of(req.incident);
  if (k >= req.incident_sources.size()) return r.error = "unknown source", r;
  const SourceSpec& spec = req.incident_sources[k];
  r.source = std::filesystem::path(spec.path).filename().string();
  const auto t0 = Clock::now();
  try {
    auto& reader = readers_[spec.path];
    if (!reader) reader = std::make_unique<io::IncidentRowReader>(spec.path, row_read_options(spec));
    r.record = reader->read({r.row}).front();
  } catch (const std::exception& e) {
    r.error = e.what();
    readers_.erase(spec.path);  // start afresh next time (the file may have been replaced)
  }
  r.read_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  return r;
}

}  // namespace faro::app
