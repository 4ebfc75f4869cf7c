#pragma once
// File ▸ Export animation: the map through time written to MP4 or GIF on a background thread, as
// `faro animate` writes it (render/animation.hpp through io/video_writer.hpp): one frame per week
// or month of a period, one representation and colour scale for the whole animation (a heatmap
// too sparse to show a week becomes hexagons, sectors or groups of sectors for every frame),
// partner-safe with the protection footer on every frame. Like ExportJob it holds the data snapshot it started from
// and its own copy of the session, so the dashboard (and timeline playback) keeps running; unlike
// a PNG it takes a while, so it reports progress and can be cancelled between frames (the
// temporary file is then removed; nothing appears at the path).
#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "core/animation_steps.hpp"
#include "core/data_snapshot.hpp"
#include "core/representation.hpp"
#include "core/session.hpp"

namespace faro::app {

struct AnimationRequest {
  std::string path;  // .mp4 or .gif
  AnimationStep step = AnimationStep::month;
  bool cumulative = false;
  CivilSeconds from = 0, to_exclusive = 0;  // the period animated (whole steps of it)
  int width = 1920, height = 1080;
  double fps = 2;
  bool internal = false;  // the ui offers no internal export: always partner-safe there
};

// The request the dashboard makes for `path`: the timeline's window (the session's dates) or, with
// none, the whole data period in whole steps; months when the timeline shows months, else weeks
// (ui/timeline_strip.hpp); cumulative as the timeline's playback.
AnimationRequest dashboard_animation_request(const Workspace& ws, const FilterState& filter,
                                             const std::string& path, bool cumulative);

class AnimationJob {
 public:
  AnimationJob(SnapshotPtr snapshot, Session session, AnimationRequest request);
  ~AnimationJob();  // cancels and joins
  AnimationJob(const AnimationJob&) = delete;
  AnimationJob& operator=(const AnimationJob&) = delete;

  void cancel() { cancel_.store(true); }
  bool done() const { return done_.load(); }
  bool cancelled() const { return cancel_.load(); }
  int frames_done() const { return frames_done_.load(); }
  int frames_total() const { return frames_total_; }
  const std::string& error() const { return error_; }  // after done(); empty on success or cancel
  const AnimationRequest& request() const { return request_; }
  const SnapshotPtr& snapshot() const { return snap_; }
  // What the partner-safe frames show in place of the heatmap, for every frame (set before the
  // first frame; nullopt: the requested style, or no adaptive heatmap). Read after done().
  const std::optional<RepresentationChoice>& representation() const { return chosen_; }

 private:
  void run();

  SnapshotPtr snap_;
  Session session_;
  AnimationRequest request_;
  AnimationPlan plan_;
  int frames_total_ = 0;
  std::string error_;
  std::optional<RepresentationChoice> chosen_;
  std::atomic<bool> cancel_{false};
  std::atomic<int> frames_done_{0};
  std::atomic<bool> done_{false};
  std::thread thread_;  // last member
};

}  // namespace faro::app
