#pragma once
// An animated map: the frames of an AnimationPlan (core/animation_steps.hpp) drawn through the one
// renderer (render/map_scene.hpp) with one style for every frame. The heatmap's colour maximum is
// locked for the whole animation (lock_animation_color_max below), so a colour means the same
// density in every frame and the legend never changes; densities are per year, so frames of 28-
// and 31-day months, or a growing cumulative period, compare. Each frame's subtitle
// is its period; a partner-safe style puts the protection footer on every frame.
// Partner-safe animations choose their representation once (animation_style below): a week of
// shootings is too sparse for a heatmap, so the whole animation becomes hexagons, sectors or
// groups of sectors if that is what publishes 90 % of the frames' incidents, and the classes of
// those maps are locked over the frames as the heatmap's maximum is.
// `faro animate` and the dashboard's File > Export animation both draw through here and hand the
// images to io/video_writer.hpp.
#include <cstddef>
#include <functional>
#include <vector>

#include "core/animation_steps.hpp"
#include "core/disclosure.hpp"
#include "core/incidents.hpp"
#include "core/map_style.hpp"
#include "core/style_protection.hpp"
#include "render/image.hpp"
#include "render/map_scene.hpp"

namespace faro::render {

struct AnimationScene {
  // Sectors, programs, context, basemap and the heatmap's data extent as for one map; `incidents`
  // is the selection over the whole period (every filter applied but the dates); from/to are
  // ignored (each frame has its own).
  MapSceneData base;
  std::vector<AnimationFrame> frames;
};

// The incidents of `all` with from <= t < to_exclusive (sectors and categories kept).
IncidentStore incidents_between(const IncidentStore& all, CivilSeconds from,
                                CivilSeconds to_exclusive);

// "2024-01-01 – 2024-01-31": the dates a frame draws, its last day inclusive.
std::string frame_period_text(const AnimationFrame& frame);

// `requested` with its first heatmap's colour maximum locked for the whole animation: the largest
// automatic maximum of the frames, each computed as `policy` would draw it (a partner-safe
// bandwidth floor changes the density); partner-safe frames whose maximum is under their density
// floor (nothing drawn) do not count unless no frame is above it. Cumulative animations take the last frame's (the whole
// period): the first steps' per-year densities are a few incidents' kernels times 52 or 12, and
// would leave the rest of the animation in the bottom colours (those frames saturate instead).
// Unchanged when the style already locks a maximum or shows no heatmap. `stop` is asked between
// frames (the dashboard's cancel); when it says true the style is returned unlocked.
MapStyle lock_animation_color_max(const AnimationScene& scene, const MapStyle& requested,
                                  const DisclosurePolicy& policy, const MapSceneOptions& options,
                                  const std::function<bool()>& stop = {});

// The style every frame draws, protected once for the whole animation:
//   - partner-safe with a visible adaptive heatmap: one representation for every frame
//     (choose_representation over the frames, core/adaptive_protection.hpp: the finest whose
//     published share of all the frames' incidents reaches 90 %, else the one that shows the
//     most), stated in every frame's footer (style.adapted);
//   - a heatmap (the requested or a wider one): its colour maximum locked over the frames
//     (lock_animation_color_max, at the bandwidth drawn);
//   - choropleths (counts, rates, groups of sectors) and hexagons: classes locked over the frames
//     (core/locked_classes.hpp: classes of every frame's published values pooled), so a colour
//     means the same count in every frame. Change choropleths keep their own classes.
// `stop` is asked between frames; when it says true the result is not meant to be drawn.
ProtectedStyle animation_style(const AnimationScene& scene, const MapStyle& requested,
                               const DisclosurePolicy& policy, const MapSceneOptions& options,
                               const std::function<bool()>& stop = {});

// Called with each finished frame's index and image; false stops the animation (cancel).
using FrameSink = std::function<bool(size_t index, const RgbaImage& image)>;

struct AnimationStats {
  size_t frames = 0;        // frames handed to the sink
  double render_ms = 0;     // all frames' rendering (density, GL, overlay)
  bool stopped = false;     // the sink said stop
};

// Draws every frame of `scene` with `style` (protected and locked by the caller) and `options`
// (the frame's period becomes the subtitle, followed by options.subtitle when that is not empty).
// Uses the GL context current on this thread or makes one for the whole animation.
AnimationStats render_animation(const AnimationScene& scene, const MapStyle& style,
                                const MapSceneOptions& options, const FrameSink& sink);

}  // namespace faro::render
