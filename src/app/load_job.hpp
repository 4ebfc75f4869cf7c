#pragma once
// A workspace load on a background thread (io::load_workspace), with progress, cancel and errors
// reported back to the UI thread by polling: the UI never waits on a load, and a failed load
// leaves the current workspace as it was (it is replaced only by a complete new one).
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"

namespace faro::app {

class LoadJob {
 public:
  // Starts loading the sources of `session` (a copy is taken; empty sources = the demo city).
  explicit LoadJob(Session session);
  ~LoadJob();  // cancels and joins
  LoadJob(const LoadJob&) = delete;
  LoadJob& operator=(const LoadJob&) = delete;

  const Session& session() const { return session_; }
  void cancel() { cancel_.store(true); }
  bool done() const { return done_.load(); }
  // Progress 0..1 (< 0 before the first report) and the loader's latest message.
  float progress() const { return progress_.load(); }
  std::string message() const;

  // After done(): the new data as a snapshot (programs edited in the session applied, its filter
  // computed; generation 0, the app renumbers it), or nullptr with error() set (or with
  // cancelled() true). Takes it once.
  SnapshotPtr take_snapshot();
  const std::string& error() const { return error_; }
  bool cancelled() const { return was_cancelled_; }

 private:
  void run();

  Session session_;
  std::atomic<bool> cancel_{false};
  std::atomic<bool> done_{false};
  std::atomic<float> progress_{-1.0f};
  mutable std::mutex message_mutex_;
  std::string message_;
  SnapshotPtr result_;  // written on the job's thread before done_ is set (release/acquire)
  std::string error_;
  bool was_cancelled_ = false;
  std::thread thread_;  // last member: starts after everything above is initialised
};

}  // namespace faro::app
