#pragma once
// Exports the current view to PNG on a background thread through the same offscreen path as
// `faro render` (render::render_map_scene in its own EGL context, then an atomic PNG write): the
// dashboard keeps running while a 4K map with its density grid is drawn. The job holds the data
// snapshot it was started from (core/data_snapshot.hpp: immutable, so the UI thread may replace
// the filter meanwhile, e.g. timeline playback) and its own copy of the session's styles.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "render/map_scene.hpp"

namespace faro::app {

// The render_map_scene options for the session's layers and styles at width x height (points off
// in presentation mode), with the title, period and source line in the session's language.
render::MapSceneOptions export_scene_options(const Workspace& ws, const Session& session, int width,
                                             int height, bool presentation);

class ExportJob {
 public:
  // Partner-safe by default (app/partner_safe_view.hpp: points off, choropleth as outlines,
  // bandwidth and density floors, rounded colour maximum, protection footer); `internal` keeps
  // the session's layers and stamps the map "USO INTERNO / INTERNAL USE" instead. The ui has no
  // internal-export choice yet, so the dashboard always exports partner-safe.
  // `view` (working CRS): the area to show, e.g. the live map's visible box (the export keeps the
  // current pan and zoom); nullopt = the whole city.
  ExportJob(SnapshotPtr snapshot, Session session, std::string path, int width,
            int height, bool presentation, bool internal = false,
            std::optional<Box> view = std::nullopt);
  ~ExportJob();  // joins (an export cannot be interrupted half-way; it finishes or fails)
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;

  bool done() const { return done_.load(); }
  const SnapshotPtr& snapshot() const { return snap_; }
  const std::string& path() const { return path_; }
  const std::string& error() const { return error_; }  // after done(); empty on success

 private:
  void run();

  SnapshotPtr snap_;  // the data, filter and filter result it exports, whatever the UI does
  Session session_;
  std::string path_;
  int width_, height_;
  bool presentation_;
  bool internal_;
  std::optional<Box> view_;
  std::string error_;
  std::atomic<bool> done_{false};
  std::thread thread_;  // last member
};

}  // namespace faro::app
