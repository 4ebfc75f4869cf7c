#pragma once
// Exports the current view to PNG on a background thread through the one renderer, as `faro
// render` does (app/session_map.hpp: the session's style, protected, through render_map_scene in
// its own EGL context, then an atomic PNG write): the dashboard keeps running while a 4K map with
// its density grid is drawn. The job holds the data snapshot it was started from
// (core/data_snapshot.hpp: immutable, so the UI thread may replace the filter meanwhile, e.g.
// timeline playback) and its own copy of the session.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"

namespace faro::app {

class ExportJob {
 public:
  // Partner-safe by default (core/style_protection.hpp through session_export_style); `internal`
  // keeps the session's layers and stamps the map "USO INTERNO / INTERNAL USE" instead. The ui
  // has no internal-export choice yet, so the dashboard always exports partner-safe.
  // `view` (working CRS): the area to show (the live map's visible box); nullopt = the whole city.
  // `ui_scale`: line widths and sizes (the live map's pixel scale for a screen-size export, so it
  // equals the screen; 0 = height / 1080).
  ExportJob(SnapshotPtr snapshot, Session session, std::string path, int width, int height,
            bool internal = false, std::optional<Box> view = std::nullopt, double ui_scale = 0);
  ~ExportJob();  // joins (an export cannot be interrupted half-way; it finishes or fails)
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;

  bool done() const { return done_.load(); }
  const std::string& path() const { return path_; }
  const std::string& error() const { return error_; }  // after done(); empty on success
  const SnapshotPtr& snapshot() const { return snap_; }

 private:
  void run();

  SnapshotPtr snap_;  // the data, filter and filter result it exports, whatever the UI does
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
