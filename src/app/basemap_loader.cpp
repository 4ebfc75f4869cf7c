#include "app/basemap_loader.hpp"

#include <algorithm>
#include <memory>

namespace faro::app {
namespace {
constexpr int kTile = render::BasemapTileGrid::kTilePixels;
}  // namespace

BasemapLoader::BasemapLoader(std::string source, std::string work_srs, int threads)
    : source_(std::move(source)), work_srs_(std::move(work_srs)) {
  const int n = std::max(1, threads);
  opening_ = n;
  workers_.reserve(n);
  for (int i = 0; i < n; ++i) workers_.emplace_back([this] { run(); });
}

BasemapLoader::~BasemapLoader() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  for (std::thread& t : workers_) t.join();
}

std::optional<io::BasemapInfo> BasemapLoader::info() const {
  std::lock_guard lock(mutex_);
  return info_;
}

std::string BasemapLoader::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

uint64_t BasemapLoader::tiles_read() const {
  std::lock_guard lock(mutex_);
  return tiles_read_;
}

void BasemapLoader::request(const std::vector<render::TileKey>& wanted) {
  {
    std::lock_guard lock(mutex_);
    queue_.clear();
    for (const render::TileKey& k : wanted) {
      if (busy_.count(k) || failed_.count(k)) continue;
      if (std::any_of(ready_.begin(), ready_.end(),
                      [&](const BasemapTile& t) { return t.key == k; }))
        continue;
      queue_.push_back(k);
    }
  }
  wake_.notify_all();
}

std::vector<BasemapTile> BasemapLoader::take(size_t max) {
  std::lock_guard lock(mutex_);
  const size_t n = std::min(max, ready_.size());
  std::vector<BasemapTile> out(std::make_move_iterator(ready_.begin()),
                               std::make_move_iterator(ready_.begin() + n));
  ready_.erase(ready_.begin(), ready_.begin() + n);
  return out;
}

size_t BasemapLoader::pending() const {
  std::lock_guard lock(mutex_);
  return queue_.size() + busy_.size() + ready_.size();
}

bool BasemapLoader::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [&] {
    return (info_ || open_failed_) && opening_ == 0 && queue_.empty() && busy_.empty();
  });
}

void BasemapLoader::run() {
  // This thread's own dataset handle (GDAL datasets are not thread-safe).
  std::unique_ptr<io::BasemapSource> raster;
  try {
    raster = std::make_unique<io::BasemapSource>(source_, work_srs_);
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    if (error_.empty()) error_ = e.what();
    open_failed_ = true;
    --opening_;
    queue_.clear();
    idle_.notify_all();
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (!info_) {
      info_ = raster->info();
      grid_.emplace(info_->extent, info_->resolution_m);
    }
    --opening_;
  }
  idle_.notify_all();
  for (;;) {
    render::TileKey key;
    Box box;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      key = queue_.front();
      queue_.pop_front();
      busy_.insert(key);
      box = grid_->tile_box(key);
    }
    BasemapTile tile{key, {}};
    std::string problem;
    try {
      tile.rgba = raster->read(box, kTile, kTile).rgba;
    } catch (const std::exception& e) {
      problem = e.what();
    }
    {
      std::lock_guard lock(mutex_);
      busy_.erase(key);
      if (problem.empty()) {
        ready_.push_back(std::move(tile));
        ++tiles_read_;
      } else {
        failed_.insert(key);
        if (error_.empty()) error_ = problem;
      }
    }
    idle_.notify_all();
  }
}

}  // namespace faro::app
