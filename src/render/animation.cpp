#include "render/animation.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

#include "core/adaptive_protection.hpp"
#include "core/locked_classes.hpp"
#include "core/style_protection.hpp"
#include "render/egl_context.hpp"
#include "render/grid_fills.hpp"
#include "render/scene_protection.hpp"
#include "render/style_fills.hpp"
#include "render/style_heatmap.hpp"

namespace faro::render {
namespace {

// The extent every frame's density grid and hexagons are clipped to: the whole selection's (with
// the sectors), not the frame's, so every frame is sampled on the same cells.
Box scene_data_extent(const AnimationScene& scene) {
  if (scene.base.data_extent) return *scene.base.data_extent;
  Box extent = scene.base.sectors->extent();
  if (scene.base.incidents) extent.expand(scene.base.incidents->extent());
  return extent;
}

// One frame's scene: the base with the frame's incidents and period.
MapSceneData frame_scene(const AnimationScene& scene, const AnimationFrame& frame,
                         const IncidentStore& incidents) {
  MapSceneData d = scene.base;
  d.incidents = &incidents;
  d.from = frame.from;
  d.to_exclusive = frame.to_exclusive;
  if (!d.data_extent && scene.base.incidents) d.data_extent = scene_data_extent(scene);
  return d;
}

double frame_years(const AnimationFrame& frame) {
  return period_years_between(frame.from, frame.to_exclusive);
}

// The first visible heatmap of `style`, or nullptr.
StyleLayer* visible_heatmap(MapStyle& style) {
  for (StyleLayer& l : style.layers)
    if (l.visible && l.kind == LayerKind::heatmap) return &l;
  return nullptr;
}

// One representation for every frame (choose_representation over the frames' incidents).
std::optional<RepresentationChoice> animation_choice(const AnimationScene& scene,
                                                     const faro::HeatmapStyle& heat,
                                                     const DisclosurePolicy& policy,
                                                     const std::function<bool()>& stop) {
  const Box extent = scene_data_extent(scene);
  std::vector<IncidentStore> stores;
  stores.reserve(scene.frames.size());
  for (const AnimationFrame& frame : scene.frames) {
    if (stop && stop()) return std::nullopt;
    stores.push_back(incidents_between(*scene.base.incidents, frame.from, frame.to_exclusive));
  }
  std::vector<ProtectionData> data;
  data.reserve(stores.size());
  for (size_t i = 0; i < stores.size(); ++i)
    data.push_back(
        protection_data(stores[i], *scene.base.sectors, extent, frame_years(scene.frames[i])));
  return choose_representation(heat, data, policy);
}

// Locks the classes of `style`'s visible choropleths (not change maps) and hexagons over the
// frames: every frame's published values, as the renderer would class them, pooled.
void lock_fill_classes(const AnimationScene& scene, MapStyle& style, Language language,
                       const std::function<bool()>& stop) {
  std::vector<StyleLayer*> layers;
  for (StyleLayer& l : style.layers) {
    if (!l.visible) continue;
    if ((l.kind == LayerKind::choropleth && !is_change_measure(l.choropleth.measure) &&
         l.choropleth.locked_classes.empty()) ||
        (l.kind == LayerKind::grid && l.grid.locked_classes.empty()))
      layers.push_back(&l);
  }
  if (layers.empty() || scene.base.incidents == nullptr) return;
  const Box extent = scene_data_extent(scene);
  std::vector<std::vector<double>> pooled(layers.size());
  for (const AnimationFrame& frame : scene.frames) {
    if (stop && stop()) return;
    const IncidentStore incidents =
        incidents_between(*scene.base.incidents, frame.from, frame.to_exclusive);
    SceneCounts counts = scene_counts(*scene.base.sectors, incidents);
    counts.period_years = frame_years(frame);  // as render_map_scene counts a frame
    for (size_t i = 0; i < layers.size(); ++i) {
      const std::vector<double> values =
          layers[i]->kind == LayerKind::grid
              ? grid_fills(incidents.x, incidents.y, extent, layers[i]->grid, style.protection,
                           language)
                    .published
              : choropleth_fills(*scene.base.sectors, counts, layers[i]->choropleth,
                                 style.protection, language)
                    .published;
      pooled[i].insert(pooled[i].end(), values.begin(), values.end());
    }
  }
  for (size_t i = 0; i < layers.size(); ++i) {
    StyleLayer& l = *layers[i];
    if (l.kind == LayerKind::grid)
      l.grid.locked_classes = lock_classes(pooled[i], ChoroplethScale::quantile, l.grid.classes);
    else
      l.choropleth.locked_classes =
          lock_classes(pooled[i], l.choropleth.scale, l.choropleth.classes);
  }
}

}  // namespace

IncidentStore incidents_between(const IncidentStore& all, CivilSeconds from,
                                CivilSeconds to_exclusive) {
  std::vector<uint32_t> rows;
  for (size_t i = 0; i < all.size(); ++i)
    if (all.t[i] >= from && all.t[i] < to_exclusive) rows.push_back(static_cast<uint32_t>(i));
  return all.gather(rows);
}

std::string frame_period_text(const AnimationFrame& frame) {
  return format_date(frame.from) + " – " + format_date(frame.to_exclusive - kSecondsPerDay);
}

MapStyle lock_animation_color_max(const AnimationScene& scene, const MapStyle& requested,
                                  const DisclosurePolicy& policy, const MapSceneOptions& options,
                                  const std::function<bool()>& stop) {
  const StyleLayer* heat = requested.find(LayerKind::heatmap);
  if (heat == nullptr || !requested.shows(LayerKind::heatmap) || heat->heatmap.color_max_locked)
    return requested;
  // The density as the frames will draw it: the protected bandwidth, not the requested one.
  const MapStyle drawn = protect_style(requested, policy).style;
  std::unique_ptr<EglContext> own_context;
  if (options.kde_backend != KdeBackend::cpu && !EglContext::any_current())
    own_context = std::make_unique<EglContext>();
  const faro::HeatmapStyle heat_drawn = drawn.heatmap();
  // Cumulative plans draw from before each later step's start (core/animation_steps.hpp).
  const bool cumulative = scene.frames.size() > 1 && scene.frames[1].from < scene.frames[1].step_from;
  float top = 0, top_any = 0;  // over the frames that draw something / over all of them
  for (size_t i = 0; i < scene.frames.size(); ++i) {
    // Cumulative frames: the whole period's maximum (the last frame). A first week's density per
    // year is a few single incidents' kernels times 52; taking it would leave every later frame
    // in the bottom colours.
    if (cumulative && i + 1 < scene.frames.size()) continue;
    const AnimationFrame& frame = scene.frames[i];
    if (stop && stop()) return requested;
    const IncidentStore incidents =
        incidents_between(*scene.base.incidents, frame.from, frame.to_exclusive);
    if (incidents.empty()) continue;
    const auto domain =
        scene_auto_heatmap_domain(frame_scene(scene, frame, incidents), drawn, options);
    if (!domain) continue;
    top_any = std::max(top_any, domain->max);
    // A partner-safe frame whose maximum is under its density floor draws nothing: its maximum
    // would only push the others' colours down.
    if (policy.partner_safe) {
      const KdeParams params =
          heatmap_params(heat_drawn, period_years_between(frame.from, frame.to_exclusive));
      if (domain->max < min_supported_density(policy.k, params)) continue;
    }
    top = std::max(top, domain->max);
  }
  // No frame above its floor: still one scale, so the legend does not change between frames.
  if (!(top > 0)) top = top_any;
  if (!(top > 0)) return requested;  // no frame has any density: each frame's own (empty) scale
  MapStyle locked = requested;
  locked.heatmap().color_max_locked = true;
  locked.heatmap().color_max = top;
  return locked;
}

ProtectedStyle animation_style(const AnimationScene& scene, const MapStyle& requested,
                               const DisclosurePolicy& policy, const MapSceneOptions& options,
                               const std::function<bool()>& stop) {
  MapStyle style = requested;
  const StyleLayer* heat = visible_heatmap(style);
  ProtectedStyle out;
  if (policy.partner_safe && heat && heat->heatmap.adaptive && scene.base.incidents) {
    const auto choice = animation_choice(scene, heat->heatmap, policy, stop);
    if (!choice) return protect_style(requested, policy);  // stopped
    if (choice->kind == Representation::heatmap) {
      // The colour maximum of the heatmap as drawn: at the chosen bandwidth.
      MapStyle at_choice = requested;
      visible_heatmap(at_choice)->heatmap.bandwidth_m = choice->bandwidth_m;
      MapStyle locked = lock_animation_color_max(scene, at_choice, policy, options, stop);
      const faro::HeatmapStyle& h = visible_heatmap(locked)->heatmap;
      visible_heatmap(style)->heatmap.color_max_locked = h.color_max_locked;
      visible_heatmap(style)->heatmap.color_max = h.color_max;
    }
    out = protect_style(style, policy, *choice);
  } else {
    out = protect_style(lock_animation_color_max(scene, requested, policy, options, stop), policy);
  }
  lock_fill_classes(scene, out.style, options.language, stop);
  return out;
}

AnimationStats render_animation(const AnimationScene& scene, const MapStyle& style,
                                const MapSceneOptions& options, const FrameSink& sink) {
  std::unique_ptr<EglContext> own_context;
  if (!EglContext::any_current()) own_context = std::make_unique<EglContext>();
  AnimationStats stats;
  for (size_t i = 0; i < scene.frames.size(); ++i) {
    const AnimationFrame& frame = scene.frames[i];
    const IncidentStore incidents =
        incidents_between(*scene.base.incidents, frame.from, frame.to_exclusive);
    MapSceneOptions o = options;
    o.subtitle = frame_period_text(frame) + (options.subtitle.empty() ? "" : " · " + options.subtitle);
    const auto t0 = std::chrono::steady_clock::now();
    const MapSceneResult r = render_map_scene(frame_scene(scene, frame, incidents), style, o);
    stats.render_ms += std::chrono::duration<double, std::milli>(
                           std::chrono::steady_clock::now() - t0).count();
    ++stats.frames;
    if (!sink(i, r.image)) {
      stats.stopped = true;
      break;
    }
  }
  return stats;
}

}  // namespace faro::render
