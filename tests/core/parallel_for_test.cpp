// core/parallel_for.hpp: every index visited exactly once, chunks contiguous and in order, and an
// exception in any worker (the caller's own share included) reaches the caller after every thread
// has been joined, instead of std::terminate.
#include "core/parallel_for.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace faro {
namespace {

TEST(ParallelFor, VisitsEveryIndexExactlyOnce) {
  for (const size_t n : {size_t{0}, size_t{1}, size_t{3}, size_t{7}, size_t{1000}, size_t{65537}}) {
    for (const unsigned workers : {1u, 2u, 3u, 8u, 64u}) {
      std::vector<std::atomic<int>> hits(n);
      parallel_for(n, workers, [&](size_t i) { hits[i].fetch_add(1); });
      for (size_t i = 0; i < n; ++i)
        ASSERT_EQ(hits[i].load(), 1) << "n " << n << " workers " << workers << " index " << i;
    }
  }
}

TEST(ParallelFor, ChunksAreContiguousAndCoverTheRange) {
  const size_t n = 1001;
  const unsigned workers = 6;
  std::vector<size_t> begin(workers, 0), end(workers, 0);
  std::vector<int> seen(workers, 0);
  parallel_chunks(n, workers, [&](size_t b, size_t e, unsigned t) {
    begin[t] = b;
    end[t] = e;
    seen[t] += 1;
  });
  EXPECT_EQ(begin[0], 0u);
  for (unsigned t = 0; t < workers; ++t) {
    EXPECT_EQ(seen[t], 1);
    EXPECT_LE(begin[t], end[t]);
    if (t + 1 < workers) EXPECT_EQ(end[t], begin[t + 1]);
  }
  EXPECT_EQ(end[workers - 1], n);
  // Fewer indices than workers: one chunk per index, no empty calls.
  std::atomic<int> calls{0};
  parallel_chunks(3, 16, [&](size_t b, size_t e, unsigned) {
    EXPECT_EQ(e, b + 1);
    ++calls;
  });
  EXPECT_EQ(calls.load(), 3);
}

TEST(ParallelFor, WorkerZeroRunsOnTheCallingThread) {
  const std::thread::id caller = std::this_thread::get_id();
  std::thread::id zero;
  std::atomic<int> others_on_caller{0};
  parallel_workers(4, [&](unsigned w) {
    if (w == 0) zero = std::this_thread::get_id();
    else if (std::this_thread::get_id() == caller) ++others_on_caller;
  });
  EXPECT_EQ(zero, caller);
  EXPECT_EQ(others_on_caller.load(), 0);
}

TEST(ParallelFor, AnExceptionInAnyWorkerReachesTheCallerAfterTheJoin) {
  for (const unsigned thrower : {0u, 1u, 3u}) {
    std::atomic<int> finished{0};
    try {
      parallel_workers(4, [&](unsigned w) {
        if (w == thrower) throw std::runtime_error("worker " + std::to_string(w));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ++finished;
      });
      ADD_FAILURE() << "no exception from worker " << thrower;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "worker " + std::to_string(thrower));
    }
    // The other three ran to the end before the exception was rethrown (joined, not abandoned).
    EXPECT_EQ(finished.load(), 3) << "thrower " << thrower;
  }
}

TEST(ParallelFor, OnlyOneOfSeveralExceptionsIsRethrown) {
  EXPECT_THROW(parallel_for(100, 4, [](size_t i) {
                 if (i % 10 == 0) throw std::out_of_range("index " + std::to_string(i));
               }),
               std::out_of_range);
  // One worker: the exception passes straight through.
  EXPECT_THROW(parallel_for(5, 1, [](size_t) { throw std::logic_error("single"); }),
               std::logic_error);
}

TEST(ParallelFor, WorkerCountDefaultsToTheHardware) {
  EXPECT_EQ(worker_count(3), 3u);
  EXPECT_GE(worker_count(0), 1u);
}

}  // namespace
}  // namespace faro
