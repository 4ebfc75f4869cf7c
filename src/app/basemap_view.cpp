#include "app/basemap_view.hpp"

#include <algorithm>
#include <set>

#include "render/basemap_tile_layer.hpp"

namespace faro::app {
namespace {

// Reader threads per raster: two keep a pan fed on this 2-core VM without starving the UI
// thread and llvmpipe; more cores read faster.
int reader_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(cores / 2, 2u, 4u));
}

bool shown(const StyleLayer& l) {
  return l.kind == LayerKind::basemap && l.visible && !l.source.empty() && l.opacity > 0;
}

}  // namespace

BasemapView::~BasemapView() = default;

void BasemapView::clear(render::StyleRenderer& renderer) {
  for (auto& [source, entry] : entries_) renderer.set_basemap_tiles(source, nullptr);
  entries_.clear();  // joins the loaders' workers
}

void BasemapView::sync(const MapStyle& style, const std::string& work_srs,
                       const render::Camera& camera, render::StyleRenderer& renderer,
                       size_t max_uploads) {
  if (work_srs != work_srs_) {
    clear(renderer);  // tiles of another CRS would land in the wrong place
    work_srs_ = work_srs;
  }
  if (work_srs_.empty()) return;
  // A source no longer in the style goes (a hidden layer keeps its tiles for when it returns).
  std::set<std::string> in_style;
  for (const StyleLayer& l : style.layers)
    if (l.kind == LayerKind::basemap && !l.source.empty()) in_style.insert(l.source);
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (in_style.count(it->first)) {
      ++it;
      continue;
    }
    renderer.set_basemap_tiles(it->first, nullptr);
    it = entries_.erase(it);
  }
  for (const StyleLayer& l : style.layers) {
    if (!shown(l)) continue;
    Entry& e = entries_[l.source];
    if (!e.loader) e.loader = std::make_unique<BasemapLoader>(l.source, work_srs_, reader_threads());
    if (!e.error_reported) {
      const std::string problem = e.loader->error();
      if (!problem.empty()) {
        errors_.push_back(problem);
        e.error_reported = true;
      }
    }
    if (!e.layer_made) {
      const std::optional<io::BasemapInfo> info = e.loader->info();
      if (!info) continue;  // still opening (or failed: reported above)
      e.layer_made = true;
      try {
        renderer.set_basemap_tiles(l.source,
                                   std::make_unique<render::BasemapTileLayer>(
                                       render::BasemapTileGrid(info->extent, info->resolution_m)));
      } catch (const std::exception& ex) {
        errors_.push_back(ex.what());
        e.error_reported = true;
        continue;
      }
    }
    render::BasemapTileLayer* tiles = renderer.basemap_tiles(l.source);
    if (!tiles) continue;
    for (BasemapTile& t : e.loader->take(max_uploads)) {
      tiles->add_tile(t.key, t.rgba);
      ++e.uploaded;
    }
    e.loader->request(tiles->missing(camera));
  }
}

std::vector<std::string> BasemapView::attributions(const MapStyle& style) const {
  std::vector<std::string> out;
  for (const StyleLayer& l : style.layers) {
    if (!shown(l)) continue;
    auto it = entries_.find(l.source);
    if (it == entries_.end() || !it->second.loader) continue;
    if (auto info = it->second.loader->info())
      if (!info->attribution.empty() &&
          std::find(out.begin(), out.end(), info->attribution) == out.end())
        out.push_back(info->attribution);
  }
  return out;
}

std::vector<std::string> BasemapView::take_errors() {
  std::vector<std::string> out;
  out.swap(errors_);
  return out;
}

size_t BasemapView::pending() const {
  size_t n = 0;
  for (const auto& [source, e] : entries_)
    if (e.loader) n += e.loader->pending();
  return n;
}

bool BasemapView::busy() const {
  for (const auto& [source, e] : entries_) {
    if (!e.loader) continue;
    if (!e.layer_made && e.loader->error().empty()) return true;  // still opening
    if (e.loader->pending() > 0) return true;
  }
  return false;
}

bool BasemapView::wait_idle(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (auto& [source, e] : entries_) {
    if (!e.loader) continue;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (!e.loader->wait_idle(std::max(left, std::chrono::milliseconds(0)))) return false;
  }
  return true;
}

render::BasemapProvider basemap_provider(const std::string& work_srs) {
  return [work_srs](const std::string& source, const Box& view, int w, int h) {
    io::BasemapSource raster(source, work_srs);
    io::BasemapImage b = raster.read(view, w, h);
    return render::BasemapRaster{b.width, b.height, std::move(b.rgba), b.box,
                                 raster.info().attribution};
  };
}

}  // namespace faro::app
