#pragma once
// Private to src/io: the block stage of IncidentSink, on its own thread so PROJ runs while the
// reader thread parses the next block. Per block: checks that need both coordinates ((0,0),
// lon/lat range, swapped axes), one batched reprojection, the sectors' extent test, and the
// append to the store in row order. Its issues go to a private LoadReport merged at the end
// (merge keeps examples in row order).
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "core/incidents.hpp"
#include "core/load_report.hpp"
#include "io/incident_sink.hpp"

namespace faro::io {

class BlockStage {
 public:
  BlockStage(const SinkConfig& config, bool geographic, IncidentStore& store);
  ~BlockStage();
  BlockStage(const BlockStage&) = delete;
  BlockStage& operator=(const BlockStage&) = delete;

  // Hands over a full block and gives back an empty one; waits while the previous one is busy.
  void submit(std::unique_ptr<SinkBlock>& block);
  // Waits until no block is in work (before touching the store from the caller's thread).
  void wait_idle();
  // Waits, stops the thread, merges the stage's report and rethrows an error raised in it.
  void finish(LoadReport& report);
  int64_t out_of_lonlat_range() const { return out_of_lonlat_range_; }

 private:
  void run();
  void process(SinkBlock& b, const class Reprojector& to_work);
  void grow_for(size_t more);

  const SinkConfig& cfg_;
  const bool geographic_;
  IncidentStore& store_;
  LoadReport report_;
  std::string coordinate_field_;
  int64_t out_of_lonlat_range_ = 0;

  std::mutex mutex_;
  std::condition_variable cv_;
  std::unique_ptr<SinkBlock> job_, spare_;
  bool busy_ = false, stop_ = false, ready_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace faro::io
