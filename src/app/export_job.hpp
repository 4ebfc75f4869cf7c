#pragma once
// Exports the current view to PNG on a background thread through the one renderer, as `faro
// render` does (render::render_map_scene of the session's style in its own EGL context, then an
// atomic PNG write): the dashboard keeps running while a 4K map with its density grid is drawn.
// The job copies what it needs (the filtered rows, the session) and keeps the Workspace alive.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/session.hpp"
#include "core/workspace.hpp"
#include "render/map_scene.hpp"

namespace faro::app {

class ExportJob {
 public:
  // `rows`: the filtered rows the export draws, copied on the UI thread when the export starts
  // (the filter result is replaced while it runs, e.g. during timeline playback). The job keeps
  // `ws` alive and draws export_style(session, internal) through render_map_scene in its own EGL
  // context. `view` (working CRS): the area to show (the live map's visible box); nullopt = the
  // whole city. `ui_scale`: line widths and sizes (the live map's pixel scale for a screen-size
  // export; 0 = height / 1080).
  ExportJob(std::shared_ptr<const Workspace> ws, std::vector<uint32_t> rows, Session session,
            std::string path, int width, int height, bool internal = false,
            std::optional<Box> view = std::nullopt, double ui_scale = 0);
  ~ExportJob();  // joins (an export cannot be interrupted half-way; it finishes or fails)
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;

  bool done() const { return done_.load(); }
  const std::string& path() const { return path_; }
  const std::string& error() const { return error_; }  // after done(); empty on success

 private:
  void run();

  std::shared_ptr<const Workspace> ws_;
  std::vector<uint32_t> rows_;
  Session session_;
  std::string path_;
  int width_, height_;
  bool internal_;
  std::optional<Box> view_;
  double ui_scale_;
  std::string error_;
  std::atomic<bool> done_{false};
  std::thread thread_;  // last member
};

}  // namespace faro::app
