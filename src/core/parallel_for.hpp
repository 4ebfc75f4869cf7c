#pragma once
// The one fork-join fan-out of the code base. Work runs on the calling thread (worker 0) plus
// workers - 1 new threads; every thread is joined before the call returns, and the first exception
// any worker threw is rethrown to the caller (later ones are dropped). Without this an exception in
// a std::thread calls std::terminate, and one in the calling thread's share would leave running
// threads behind (std::thread's destructor terminates too).
#include <algorithm>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace faro {

// `requested` when non-zero, else the hardware's thread count (at least 1).
inline unsigned worker_count(unsigned requested = 0) {
  return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

// Runs fn(worker) for worker in [0, workers) concurrently, worker 0 on the calling thread.
template <class F>
void parallel_workers(unsigned workers, F&& fn) {
  workers = std::max(1u, workers);
  if (workers == 1) {
    fn(0u);
    return;
  }
  std::exception_ptr first;
  std::mutex first_mutex;
  auto guarded = [&](unsigned w) {
    try {
      fn(w);
    } catch (...) {
      const std::lock_guard lock(first_mutex);
      if (!first) first = std::current_exception();
    }
  };
  {
    // jthreads: if starting one fails (std::system_error), those started are joined on unwinding.
    std::vector<std::jthread> pool;
    pool.reserve(workers - 1);
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(guarded, w);
    guarded(0u);
  }  // joined here
  if (first) std::rethrow_exception(first);
}

// Runs fn(begin, end, worker) over [0, n) cut into min(workers, n) contiguous chunks: chunk t is
// [n t / workers, n (t + 1) / workers). Nothing runs when n == 0.
template <class F>
void parallel_chunks(size_t n, unsigned workers, F&& fn) {
  if (n == 0) return;
  const unsigned w = static_cast<unsigned>(std::clamp<size_t>(workers, 1, n));
  parallel_workers(w, [&](unsigned t) { fn(n * t / w, n * (t + 1) / w, t); });
}

// Runs fn(i) once for every i in [0, n), in contiguous chunks (see parallel_chunks).
template <class F>
void parallel_for(size_t n, unsigned workers, F&& fn) {
  parallel_chunks(n, workers, [&](size_t begin, size_t end, unsigned) {
    for (size_t i = begin; i < end; ++i) fn(i);
  });
}

}  // namespace faro
