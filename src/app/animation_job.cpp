#include "app/animation_job.hpp"

#include "app/partner_ledger.hpp"
#include "core/localized_error.hpp"
#include "core/partner_query.hpp"

#include <exception>

#include "app/basemap_view.hpp"
#include "app/partner_safe_view.hpp"
#include "app/session_map.hpp"
#include "core/errors.hpp"
#include "core/style_protection.hpp"
#include "io/video_writer.hpp"
#include "render/animation.hpp"
#include "render/egl_context.hpp"
#include "ui/timeline_strip.hpp"

namespace faro::app {

AnimationRequest dashboard_animation_request(const Workspace& ws, const FilterState& filter,
                                             const std::string& path, bool cumulative) {
  AnimationRequest r;
  r.path = path;
  r.cumulative = cumulative;
  // The timeline's own bins: months over long periods; weeks otherwise (days would be hundreds
  // of near-empty frames).
  r.step = ui::timeline_bin_kind(ws.data_from, ws.data_to_exclusive) == BinKind::month
               ? AnimationStep::month
               : AnimationStep::week;
  if (filter.from && filter.to_exclusive && *filter.to_exclusive > *filter.from) {
    r.from = *filter.from;
    r.to_exclusive = *filter.to_exclusive;
  } else if (ws.data_to_exclusive > ws.data_from) {
    const auto [from, to] =
        default_animation_period(ws.data_from, ws.data_to_exclusive - 1, r.step);
    r.from = from;
    r.to_exclusive = to;
  }
  return r;
}

AnimationJob::AnimationJob(SnapshotPtr snapshot, Session session, AnimationRequest request)
    : snap_(std::move(snapshot)),
      session_(std::move(session)),
      request_(std::move(request)),
      plan_(plan_animation(request_.from, request_.to_exclusive, request_.step,
                           request_.cumulative)),
      frames_total_(static_cast<int>(plan_.frames.size())),
      thread_([this] { run(); }) {}

AnimationJob::~AnimationJob() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void AnimationJob::run() {
  try {
    if (plan_.frames.empty())
      throw UsageError(format_date(request_.from) + " – " +
                       format_date(request_.to_exclusive - kSecondsPerDay) + ": no whole " +
                       to_string(request_.step) + " to animate");
    if (plan_.frames.size() > kMaxAnimationFrames)
      throw UsageError("more than " + std::to_string(kMaxAnimationFrames) + " frames");
    const Workspace& ws = *snap_->data;
    // Partner frames: each a map of whole weeks or months under the rules, checked against the
    // ledger and each other (cumulative frames differ by one step) and recorded before writing.
    if (!request_.internal) {
      const BinKind whole = request_.step == AnimationStep::week ? BinKind::week : BinKind::month;
      FilterState undated = session_.filter;  // the frames bring their own dates
      undated.from.reset();
      undated.to_exclusive.reset();
      if (const auto problem = partner_filter_problem(undated, session_.language))
        throw UsageError(*problem);
      std::vector<LedgerMap> maps;
      for (const AnimationFrame& frame : plan_.frames) {
        if (const auto p = partner_window_problem(frame.from, frame.to_exclusive, whole))
          throw UsageError(partner_window_text(*p, session_.language, frame.from, frame.to_exclusive));
        FilterState f = session_.filter;
        f.from = frame.from;
        f.to_exclusive = frame.to_exclusive;
        maps.push_back(partner_map_record(ws, f));
      }
      record_partner_maps(ws, maps, session_.language, dashboard_policy().k);
    }
    // Its own context on this thread: the window's context stays current on the UI thread.
    render::EglContext context;
    // Every filter of the session but its dates, over the whole animated period.
    FilterState f = session_.filter;
    f.from = request_.from;
    f.to_exclusive = request_.to_exclusive;
    const IncidentFilter pick = ws.make_filter(f);
    std::vector<uint32_t> rows;
    for (size_t i = 0; i < ws.incidents.size(); ++i)
      if (pick.accepts(ws.incidents, i)) rows.push_back(static_cast<uint32_t>(i));
    const IncidentStore incidents = rows_store(ws, rows);
    std::vector<render::LineStrip> lines;
    for (const ContextPolyline& line : ws.context) lines.push_back({line.points, line.closed});

    render::AnimationScene scene;
    scene.base.sectors = &ws.sectors;
    scene.base.incidents = &incidents;
    scene.base.programs = &ws.programs;
    scene.base.context_lines = &lines;
    scene.base.context_areas = &ws.context_areas;
    const SessionContextLayers layers = session_context_layers(ws, session_.style);
    scene.base.context_by_layer = &layers.lines;
    scene.base.context_areas_by_layer = &layers.areas;
    scene.base.data_extent = ws.extent;  // the live map's grid clip
    scene.base.basemap = basemap_provider(ws.sectors.work_srs);  // the live map's rasters
    scene.frames = plan_.frames;
    SessionMapRequest size;
    size.width = request_.width;
    size.height = request_.height;
    render::MapSceneOptions options = session_scene_options(ws, session_, size);
    options.subtitle.clear();  // each frame's period

    DisclosurePolicy policy = dashboard_policy();
    policy.partner_safe = !request_.internal;
    // One representation and one colour scale for every frame (render/animation.hpp).
    const MapStyle style = render::animation_style(scene, session_.style, policy, options,
                                                   [this] { return cancel_.load(); })
                               .style;
    if (cancel_.load()) {
      done_.store(true);
      return;
    }
    chosen_ = style.adapted;
    const auto format = io::video_format_for(request_.path);
    io::VideoWriter writer(request_.path, format.value_or(io::VideoFormat::mp4), request_.width,
                           request_.height, request_.fps);
    const render::AnimationStats stats =
        render::render_animation(scene, style, options, [&](size_t, const render::RgbaImage& im) {
          writer.add_frame(im.pixels);
          frames_done_.fetch_add(1);
          return !cancel_.load();
        });
    // Cancelled: the writer's destructor removes the temporary file.
    if (!stats.stopped && !cancel_.load()) writer.finish();
  } catch (const std::exception& e) {
    error_ = request_.path + ": " + error_text(e, session_.language);
  } catch (...) {
    error_ = request_.path + ": unknown error";
  }
  done_.store(true);
}

}  // namespace faro::app
