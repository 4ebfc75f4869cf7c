#include "app/load_job.hpp"

#include <exception>
#include <new>

#include "core/errors.hpp"
#include "core/localized_error.hpp"
#include "core/session_programs.hpp"
#include "io/category_groups.hpp"
#include "io/workspace_loader.hpp"

namespace faro::app {
namespace {

// The offence picker's groups: optional, so a source that cannot be re-read for them loads anyway.
CategoryGroups offence_groups(const Session& session, const std::string& category_field) {
  try {
    return io::read_category_groups(session.sources, category_field);
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace

LoadJob::LoadJob(Session session) : session_(std::move(session)), thread_([this] { run(); }) {}

LoadJob::~LoadJob() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

std::string LoadJob::message() const {
  std::lock_guard lock(message_mutex_);
  return message_;
}

SnapshotPtr LoadJob::take_snapshot() {
  if (!done()) return nullptr;
  return std::move(result_);
}

void LoadJob::run() {
  io::LoadProgress progress;
  progress.cancel = &cancel_;
  progress.on_progress = [this](float fraction, std::string message) {
    progress_.store(fraction);
    std::lock_guard lock(message_mutex_);
    message_ = std::move(message);
  };
  // Every failure becomes a message for the UI: a load must never take the dashboard down.
  try {
    auto ws = std::make_shared<Workspace>(io::load_workspace(session_, progress));
    apply_program_specs(ws->programs, session_.programs);  // programs edited in the dashboard
    ws->category_groups = offence_groups(session_, ws->incidents.category_field);
    result_ = make_snapshot(std::move(ws), session_.filter, session_.programs, 0);
  } catch (const Cancelled&) {
    was_cancelled_ = true;
  } catch (const std::bad_alloc&) {
    error_ = "out of memory";
  } catch (const std::exception& e) {
    error_ = error_text(e, session_.language);  // one language per message (core/localized_error)
  } catch (...) {
    error_ = "unknown error";
  }
  done_.store(true);
}

}  // namespace faro::app
