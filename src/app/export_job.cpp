#include "app/export_job.hpp"

#include <exception>
#include <filesystem>

#include "app/partner_safe_view.hpp"
#include "io/png_writer.hpp"
#include "render/context_line_layer.hpp"
#include "render/egl_context.hpp"

namespace faro::app {
namespace {

// The filtered rows as a store of their own (render_map_scene draws whole stores).
IncidentStore filtered_store(const DataSnapshot& snap) {
  IncidentStore out;
  const IncidentStore& in = snap.data->incidents;
  const std::vector<uint32_t>& rows = snap.filtered->rows;
  const bool weighted = !in.weight.empty();
  out.reserve(rows.size(), weighted);
  for (uint32_t r : rows)
    out.push_back(in.x[r], in.y[r], in.t[r], in.category[r], in.flags[r],
                  weighted ? in.weight[r] : 1.0f);
  if (!in.sector.empty()) {
    out.sector.reserve(rows.size());
    for (uint32_t r : rows) out.sector.push_back(in.sector[r]);
  }
  out.categories = in.categories;
  out.category_field = in.category_field;
  out.work_srs = in.work_srs;
  return out;
}

}  // namespace

render::MapSceneOptions export_scene_options(const Workspace& ws, const Session& session, int width,
                                             int height, bool presentation) {
  render::MapSceneOptions o;
  o.width = width;
  o.height = height;
  o.layers.clear();
  const std::vector<LayerStyle> stack = session.layers.empty() ? default_layers() : session.layers;
  for (const LayerStyle& l : stack) {
    if (!l.visible) continue;
    switch (l.id) {
      case LayerId::sectors:
        o.layers.insert(render::SceneLayer::sectors);
        break;
      case LayerId::choropleth:
        o.layers.insert(render::SceneLayer::choropleth);
        break;
      case LayerId::heatmap:
        o.layers.insert(render::SceneLayer::heatmap);
        break;
      case LayerId::programs:
        o.layers.insert(render::SceneLayer::programs);
        break;
      case LayerId::labels:
        o.layers.insert(render::SceneLayer::labels);
        break;
      case LayerId::points:
        if (!presentation) o.layers.insert(render::SceneLayer::points);
        break;
      default:
        break;
    }
  }
  // A continuous choropleth and the heatmap cannot share the one ramp legend: keep the heatmap.
  if (session.choropleth.scale == ChoroplethScale::continuous &&
      o.layers.count(render::SceneLayer::heatmap))
    o.layers.erase(render::SceneLayer::choropleth);
  o.kde.kernel = session.heatmap.kernel;
  o.kde.bandwidth_m = session.heatmap.bandwidth_m > 0 ? session.heatmap.bandwidth_m : 400;
  if (session.heatmap.color_max_locked && session.heatmap.color_max > 0)
    o.color_max = session.heatmap.color_max;
  o.colormap = session.heatmap.colormap;
  o.choropleth = is_change_measure(session.choropleth.measure) ? ChoroplethMeasure::count
                                                               : session.choropleth.measure;
  o.choropleth_scale = session.choropleth.scale;
  o.choropleth_classes = session.choropleth.classes;
  o.point_size_px = session.points.size_px;
  o.language = session.language == Language::en ? "en" : "es";
  const bool en = session.language == Language::en;
  o.title =
      !session.title.empty() ? session.title : (en ? "Incidents — " : "Incidentes — ") +
                                              (ws.synthetic ? (en ? "Demo city" : "Ciudad demo")
                                                            : ws.title);
  const CivilSeconds from = session.filter.from.value_or(ws.data_from);
  const CivilSeconds to = session.filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (to > from) o.subtitle = format_date(from) + " – " + format_date(to - kSecondsPerDay);
  o.synthetic = ws.synthetic;
  o.source_line = ws.synthetic ? (en ? "Faro — synthetic city" : "Faro — ciudad sintética")
                               : (en ? "Source: " : "Fuente: ") + ws.title;
  return o;
}

ExportJob::ExportJob(SnapshotPtr snapshot, Session session, std::string path, int width,
                     int height, bool presentation, bool internal, std::optional<Box> view)
    : snap_(std::move(snapshot)),
      session_(std::move(session)),
      path_(std::move(path)),
      width_(width),
      height_(height),
      presentation_(presentation),
      internal_(internal),
      view_(view),
      thread_([this] { run(); }) {}

ExportJob::~ExportJob() {
  if (thread_.joinable()) thread_.join();
}

void ExportJob::run() {
  try {
    // Its own context on this thread: the window's context stays current on the UI thread.
    render::EglContext context;
    const Workspace* ws_ = snap_->data.get();  // immutable: read freely on this thread
    const IncidentStore incidents = filtered_store(*snap_);
    render::MapSceneData data;
    data.sectors = &ws_->sectors;
    data.incidents = &incidents;
    data.programs = &ws_->programs;
    std::vector<render::LineStrip> lines;
    const std::vector<LayerStyle> stack =
        session_.layers.empty() ? default_layers() : session_.layers;
    for (const LayerStyle& l : stack)
      if (l.id == LayerId::context && l.visible)
        for (const ContextPolyline& line : ws_->context)
          lines.push_back({line.points, line.closed});
    data.context_lines = &lines;
    data.from = session_.filter.from.value_or(ws_->data_from);
    data.to_exclusive = session_.filter.to_exclusive.value_or(ws_->data_to_exclusive);
    if (!(*data.to_exclusive > *data.from)) data.from.reset(), data.to_exclusive.reset();
    render::MapSceneOptions options =
        export_scene_options(*ws_, session_, width_, height_, presentation_);
    options.view = view_;
    protect_export_options(options, !internal_, data.from, data.to_exclusive);
    const render::MapSceneResult result = render::render_map_scene(data, options);
    io::write_png_rgba(path_, result.image.pixels, result.image.width, result.image.height);
  } catch (const std::exception& e) {
    error_ = path_ + ": " + e.what();
  } catch (...) {
    error_ = path_ + ": unknown error";
  }
  done_.store(true);
}

}  // namespace faro::app
