#include "app/hotspot_worker.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <exception>

#include "app/session_map.hpp"

namespace faro::app {

HotspotResult compute_hotspots(const HotspotJob& job) {
  const auto t0 = std::chrono::steady_clock::now();
  HotspotResult out;
  out.style = job.style;
  out.partner_safe = job.partner_safe;
  out.generation = job.generation;
  out.computed_on = std::this_thread::get_id();
  try {
    const Workspace& ws = *job.snapshot->data;
    const FilterState& filter = job.snapshot->filter;
    // The rows and the period exactly as an export of this snapshot draws them
    // (app/session_map.cpp render_session_map).
    const IncidentStore selection = rows_store(ws, job.snapshot->filtered->rows);
    const CivilSeconds from = filter.from.value_or(ws.data_from);
    const CivilSeconds to = filter.to_exclusive.value_or(ws.data_to_exclusive);
    std::optional<Period> period;
    if (to > from) period = Period{from, to};
    out.layer =
        render::compute_hotspot_layer(ws.sectors, selection, period, job.style, job.partner_safe);
  } catch (const std::exception& e) {
    out.layer = {};
    out.error = e.what();
  }
  out.compute_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

HotspotWorker::HotspotWorker(std::chrono::milliseconds debounce)
    : debounce_(debounce), thread_([this] { run(); }) {}

HotspotWorker::~HotspotWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    pending_.reset();
  }
  wake_.notify_all();
  thread_.join();
}

void HotspotWorker::request(HotspotJob job) {
  {
    std::lock_guard lock(mutex_);
    pending_ = std::move(job);
    pending_since_ = std::chrono::steady_clock::now();
  }
  wake_.notify_all();
}

std::optional<HotspotResult> HotspotWorker::take_result() {
  std::lock_guard lock(mutex_);
  std::optional<HotspotResult> r = std::move(result_);
  result_.reset();
  return r;
}

bool HotspotWorker::busy() const {
  std::lock_guard lock(mutex_);
  return running_ || pending_.has_value();
}

bool HotspotWorker::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return !running_ && !pending_; });
}

void HotspotWorker::run() {
  // Below the UI thread (and llvmpipe's rasteriser threads), as the density worker: the map may
  // show the previous classes a little longer, frames must keep flowing. The permutations use
  // every core (core/gi_star.cpp); they inherit this nice value.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stop_ || pending_.has_value(); });
    if (stop_) return;
    const auto due = pending_since_ + debounce_;
    if (std::chrono::steady_clock::now() < due) {
      wake_.wait_until(lock, due, [this] { return stop_; });
      continue;  // re-check: a newer request moves the due time
    }
    HotspotJob job = std::move(*pending_);
    pending_.reset();
    running_ = true;
    lock.unlock();
    HotspotResult result = compute_hotspots(job);
    job = {};  // release the snapshot before publishing
    lock.lock();
    running_ = false;
    result_ = std::move(result);
    if (!pending_) idle_.notify_all();
  }
}

}  // namespace faro::app
