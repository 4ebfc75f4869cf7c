#pragma once
// Reads the tiles of one raster basemap on background threads, for the live map
// (app/basemap_view.hpp). GDAL datasets are not thread-safe, so every worker opens its own
// io::BasemapSource (one dataset handle per thread) and reads the tiles it takes from a shared
// queue into 256 x 256 RGBA buffers; the UI thread uploads them (GL lives there).
//
// The queue holds only what the newest view wants: request() replaces it, so a fast pan never
// leaves a backlog of tiles that have scrolled away. A tile being read or read and not yet taken
// is never queued twice. A raster that cannot be opened, or a tile that cannot be read, sets
// error() once and is not retried.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "io/basemap_reader.hpp"
#include "render/basemap_tile_grid.hpp"

namespace faro::app {

struct BasemapTile {
  render::TileKey key;
  std::vector<uint8_t> rgba;  // kTilePixels^2 * 4 bytes, rows north first, straight alpha
};

class BasemapLoader {
 public:
  // Starts `threads` workers (at least 1) reading `source` warped to `work_srs`.
  BasemapLoader(std::string source, std::string work_srs, int threads = 2);
  ~BasemapLoader();  // stops the workers after the tile each is reading, and joins them
  BasemapLoader(const BasemapLoader&) = delete;
  BasemapLoader& operator=(const BasemapLoader&) = delete;

  const std::string& source() const { return source_; }
  const std::string& work_srs() const { return work_srs_; }
  // The raster's footprint, pixel size and credit once a worker opened it; nullopt before (or
  // when it could not be opened: see error()).
  std::optional<io::BasemapInfo> info() const;
  // Why the raster or a tile could not be read ("" = no problem).
  std::string error() const;

  // The tiles to read next, in order (replaces what was queued).
  void request(const std::vector<render::TileKey>& wanted);
  // Up to `max` tiles read since the last call, oldest first.
  std::vector<BasemapTile> take(size_t max);
  // Tiles queued, being read, or read and not yet taken.
  size_t pending() const;
  // Waits until the raster is open (or failed) and nothing is queued or being read; false on
  // timeout. Read tiles may still wait for take().
  bool wait_idle(std::chrono::milliseconds timeout);
  uint64_t tiles_read() const;

 private:
  void run();

  const std::string source_, work_srs_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;  // workers: work queued or stop
  std::condition_variable idle_;  // waiters: a tile finished, or the raster opened / failed
  std::deque<render::TileKey> queue_;
  std::set<render::TileKey> busy_;    // being read
  std::set<render::TileKey> failed_;  // could not be read: never queued again
  std::vector<BasemapTile> ready_;
  std::optional<io::BasemapInfo> info_;
  std::optional<render::BasemapTileGrid> grid_;
  std::string error_;
  bool open_failed_ = false;
  int opening_ = 0;  // workers still opening their dataset
  uint64_t tiles_read_ = 0;
  bool stop_ = false;
  std::vector<std::thread> workers_;  // last: they start once everything above exists
};

}  // namespace faro::app
