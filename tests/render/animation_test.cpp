// render/animation.hpp on the demo city: frames cut by time, and the colour maximum one animation
// locks: the largest frame maximum, the last frame's when cumulative, one scale even when no
// partner-safe frame is above its density floor, and a style that already fixes it left alone.
// The densities are computed on the CPU (no GL needed). Partner-safe weeks too sparse for a
// heatmap: one coarser representation for the whole animation, its classes locked, and frames
// that are not blank (GL).
#include "render/animation.hpp"

#include <gtest/gtest.h>

#include "core/demo_city.hpp"
#include "core/style_protection.hpp"
#include "gl_test_support.hpp"

namespace faro::render {
namespace {

CivilSeconds day(int y, int m, int d) { return days_from_civil(y, m, d) * kSecondsPerDay; }

struct Demo {
  DemoCity city = generate_demo_city();
  AnimationScene scene(const AnimationPlan& plan) const {
    AnimationScene s;
    s.base.sectors = &city.sectors;
    s.base.incidents = &city.incidents;
    s.frames = plan.frames;
    return s;
  }
  static MapSceneOptions options() {
    MapSceneOptions o;
    o.width = 480;
    o.height = 270;
    o.kde_backend = KdeBackend::cpu;
    return o;
  }
  static MapStyle style() {
    MapStyle s;
    s.layers = {make_layer(LayerKind::sectors), make_layer(LayerKind::heatmap)};
    return s;
  }
  // A frame's own automatic maximum, as the lock computes it.
  float frame_max(const AnimationScene& s, size_t i, const DisclosurePolicy& policy) const {
    const IncidentStore inc = incidents_between(city.incidents, s.frames[i].from, s.frames[i].to_exclusive);
    MapSceneData d = s.base;
    d.incidents = &inc;
    d.from = s.frames[i].from;
    d.to_exclusive = s.frames[i].to_exclusive;
    Box extent = city.sectors.extent();
    extent.expand(city.incidents.extent());
    d.data_extent = extent;
    return scene_auto_heatmap_domain(d, protect_style(style(), policy).style, options())->max;
  }
};

DisclosurePolicy internal() {
  DisclosurePolicy p;
  p.partner_safe = false;
  return p;
}

TEST(Animation, FramesAreCutByTime) {
  const Demo demo;
  const IncidentStore jan = incidents_between(demo.city.incidents, day(2024, 1, 1), day(2024, 2, 1));
  ASSERT_GT(jan.size(), 10u);
  size_t expected = 0;
  for (int64_t t : demo.city.incidents.t) expected += t >= day(2024, 1, 1) && t < day(2024, 2, 1);
  EXPECT_EQ(jan.size(), expected);
  EXPECT_EQ(jan.sector.size(), jan.size()) << "sectors kept";
  EXPECT_EQ(jan.categories.size(), demo.city.incidents.categories.size());
  for (int64_t t : jan.t) EXPECT_TRUE(t >= day(2024, 1, 1) && t < day(2024, 2, 1));
}

TEST(Animation, TheLockedMaximumIsTheLargestFrameMaximum) {
  const Demo demo;
  const AnimationScene s =
      demo.scene(plan_animation(day(2024, 1, 1), day(2024, 4, 1), AnimationStep::month, false));
  const MapStyle locked = lock_animation_color_max(s, Demo::style(), internal(), Demo::options());
  ASSERT_TRUE(locked.heatmap().color_max_locked);
  float top = 0;
  for (size_t i = 0; i < s.frames.size(); ++i) top = std::max(top, demo.frame_max(s, i, internal()));
  EXPECT_FLOAT_EQ(locked.heatmap().color_max, top);
}

TEST(Animation, CumulativeAnimationsTakeTheWholePeriodsMaximum) {
  const Demo demo;
  const AnimationScene s =
      demo.scene(plan_animation(day(2024, 1, 1), day(2024, 4, 1), AnimationStep::week, true));
  const MapStyle locked = lock_animation_color_max(s, Demo::style(), internal(), Demo::options());
  const float last = demo.frame_max(s, s.frames.size() - 1, internal());
  EXPECT_FLOAT_EQ(locked.heatmap().color_max, last);
  EXPECT_LT(last, demo.frame_max(s, 0, internal())) << "the first week alone peaks higher per year";
}

TEST(Animation, PartnerSafeFramesAllUnderTheirFloorStillShareOneScale) {
  const Demo demo;
  // The demo's weeks are all under the partner-safe floor (five incidents' peak per year): the
  // frames still share one scale, the largest of their maxima.
  const AnimationScene s =
      demo.scene(plan_animation(day(2024, 1, 1), day(2024, 2, 26), AnimationStep::week, false));
  DisclosurePolicy safe;
  const MapStyle locked = lock_animation_color_max(s, Demo::style(), safe, Demo::options());
  float top = 0;
  for (size_t i = 0; i < s.frames.size(); ++i) top = std::max(top, demo.frame_max(s, i, safe));
  ASSERT_TRUE(locked.heatmap().color_max_locked) << "one scale even when nothing is drawn";
  EXPECT_FLOAT_EQ(locked.heatmap().color_max, top);
}

TEST(Animation, AFixedMaximumOrNoHeatmapIsLeftAlone) {
  const Demo demo;
  const AnimationScene s =
      demo.scene(plan_animation(day(2024, 1, 1), day(2024, 3, 1), AnimationStep::month, false));
  MapStyle fixed = Demo::style();
  fixed.heatmap().color_max_locked = true;
  fixed.heatmap().color_max = 42;
  EXPECT_EQ(lock_animation_color_max(s, fixed, internal(), Demo::options()), fixed);
  MapStyle no_heat = Demo::style();
  no_heat.find(LayerKind::heatmap)->visible = false;
  EXPECT_EQ(lock_animation_color_max(s, no_heat, internal(), Demo::options()), no_heat);
  // Cancelled before the first frame: unlocked.
  EXPECT_EQ(lock_animation_color_max(s, Demo::style(), internal(), Demo::options(), [] { return true; }),
            Demo::style());
}

// Share of an image's pixels that carry colour (the pale fills, outlines and text are grey).
double coloured_share(const RgbaImage& im) {
  size_t coloured = 0;
  for (int y = 0; y < im.height; ++y)
    for (int x = 0; x < im.width; ++x) {
      const Rgba8 p = im.at(x, y);
      coloured += std::max({p.r, p.g, p.b}) - std::min({p.r, p.g, p.b}) > 30;
    }
  return static_cast<double>(coloured) / (static_cast<double>(im.width) * im.height);
}

TEST(Animation, PartnerSafeWeeksTooSparseForAHeatmapShareOneCoarserRepresentation) {
  const Demo demo;
  // The demo's weeks: every partner-safe heatmap frame is under its floor (the test above).
  const AnimationScene s =
      demo.scene(plan_animation(day(2024, 1, 1), day(2024, 2, 26), AnimationStep::week, false));
  const ProtectedStyle p = animation_style(s, Demo::style(), DisclosurePolicy{}, Demo::options());
  ASSERT_TRUE(p.style.adapted.has_value());
  EXPECT_NE(p.style.adapted->kind, Representation::heatmap);
  EXPECT_LT(p.style.adapted->requested_published, 0.5);
  EXPECT_GT(p.style.adapted->published, p.style.adapted->requested_published);
  EXPECT_FALSE(p.style.shows(LayerKind::heatmap));
  // The layer in its place has classes locked over the frames.
  bool locked = false;
  for (const StyleLayer& l : p.style.layers)
    locked |= (l.kind == LayerKind::grid && !l.grid.locked_classes.empty()) ||
              (l.kind == LayerKind::choropleth && !l.choropleth.locked_classes.empty());
  EXPECT_TRUE(locked);
  // Internal: nothing chosen, the heatmap kept.
  EXPECT_FALSE(animation_style(s, Demo::style(), internal(), Demo::options()).style.adapted);
  // Months of the demo are dense enough for a heatmap: kept, with one colour maximum.
  const AnimationScene months =
      demo.scene(plan_animation(day(2024, 1, 1), day(2024, 7, 1), AnimationStep::month, false));
  const ProtectedStyle m =
      animation_style(months, Demo::style(), DisclosurePolicy{}, Demo::options());
  ASSERT_TRUE(m.style.adapted.has_value());
  if (m.style.adapted->kind == Representation::heatmap) {
    EXPECT_TRUE(m.style.heatmap().color_max_locked);
    EXPECT_DOUBLE_EQ(m.style.heatmap().bandwidth_m, m.style.adapted->bandwidth_m);
  }
}

TEST(Animation, TheCoarserRepresentationsFramesAreNotBlank) {
  FARO_REQUIRE_GL(gl);
  const Demo demo;
  const AnimationScene s =
      demo.scene(plan_animation(day(2024, 1, 1), day(2024, 1, 29), AnimationStep::week, false));
  MapSceneOptions o = Demo::options();
  o.samples = 0;
  const MapStyle adapted =
      animation_style(s, Demo::style(), DisclosurePolicy{}, o).style;
  MapStyle pinned_request = Demo::style();
  pinned_request.heatmap().adaptive = false;
  const MapStyle pinned = animation_style(s, pinned_request, DisclosurePolicy{}, o).style;
  std::vector<double> shown, blank;
  render_animation(s, adapted, o, [&](size_t, const RgbaImage& im) {
    shown.push_back(coloured_share(im));
    return true;
  });
  render_animation(s, pinned, o, [&](size_t, const RgbaImage& im) {
    blank.push_back(coloured_share(im));
    return true;
  });
  ASSERT_EQ(shown.size(), 4u);
  for (size_t i = 0; i < shown.size(); ++i) {
    EXPECT_GT(shown[i], 0.05) << "frame " << i;
    EXPECT_GT(shown[i], blank[i] + 0.04) << "frame " << i;  // the pinned heatmap shows ~nothing
  }
}

}  // namespace
}  // namespace faro::render
