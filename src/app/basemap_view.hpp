#pragma once
// The live map's raster basemaps: for every visible basemap layer of the style, a background
// loader (app/basemap_loader.hpp: one GDAL dataset per worker thread) and a tiled layer in the
// renderer (render/basemap_tile_layer.hpp: a GPU texture cache capped at 256 MiB). Once a frame,
// on the UI thread with the GL context current, sync():
//   starts a loader for a new source (and drops those no longer shown or of another working CRS),
//   creates the tile layer once the raster's footprint is known,
//   uploads at most `max_uploads` tiles read since the last frame (a frame never waits), and
//   asks for the tiles the camera needs, coarse preview first.
// The exports draw the same rasters through render_map_scene's BasemapProvider
// (basemap_provider() below), with the same look.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/basemap_loader.hpp"
#include "core/map_style.hpp"
#include "render/camera.hpp"
#include "render/map_scene.hpp"
#include "render/style_renderer.hpp"

namespace faro::app {

// Tiles uploaded per frame while the map is used: 16 x 256 KiB keeps a frame's texture upload
// near 3 ms on llvmpipe.
constexpr size_t kTileUploadsPerFrame = 16;

class BasemapView {
 public:
  BasemapView() = default;
  ~BasemapView();

  void sync(const MapStyle& style, const std::string& work_srs, const render::Camera& camera,
            render::StyleRenderer& renderer, size_t max_uploads = kTileUploadsPerFrame);
  // Drops every loader and tile layer (new data in another working CRS, or the map going away).
  void clear(render::StyleRenderer& renderer);

  // Credit lines of the basemaps shown (one per source, in style order).
  std::vector<std::string> attributions(const MapStyle& style) const;
  // Errors not reported yet (a raster that cannot be opened or read), each once.
  std::vector<std::string> take_errors();
  // Tiles asked for and not yet on the GPU, over all basemaps.
  size_t pending() const;
  // Whether a basemap still waits for its raster to open or its tiles to be read or uploaded.
  bool busy() const;
  // Waits until every loader is idle (raster open, nothing queued or being read); false on
  // timeout. Read tiles are uploaded by the next sync().
  bool wait_idle(std::chrono::milliseconds timeout);

 private:
  struct Entry {
    std::unique_ptr<BasemapLoader> loader;
    bool layer_made = false;
    bool error_reported = false;
    size_t uploaded = 0;
  };
  std::map<std::string, Entry> entries_;  // by source
  std::string work_srs_;
  std::vector<std::string> errors_;
};

// A render_map_scene BasemapProvider that warps a basemap layer's source with GDAL into the
// export's view, in `work_srs`, with the raster's credit line (the dashboard's exports and
// `faro render --project`).
render::BasemapProvider basemap_provider(const std::string& work_srs);

}  // namespace faro::app
