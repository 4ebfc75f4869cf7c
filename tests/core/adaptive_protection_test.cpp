// Adaptive partner-safe representation (core/adaptive_protection.hpp): the requested heatmap when
// it already shows the picture, a wider kernel or hexagons when incidents are sparse, groups of
// sectors when only they publish, the best candidate when nothing reaches 90 %, one choice over an
// animation's frames; and protect_style() applying the choice.
#include "core/adaptive_protection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/style_protection.hpp"

namespace faro {
namespace {

struct Points {
  std::vector<double> x, y;
  ProtectionData data() const {
    ProtectionData d;
    d.x = x;
    d.y = y;
    d.extent = {0, 0, 20000, 20000};
    d.sector_counts = {static_cast<double>(x.size())};
    return d;
  }
};

// `clusters` tight groups of `per` incidents (within 30 m), spread over a 20 km city.
Points clustered(int clusters, int per, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> where(2000, 18000), jitter(-30, 30);
  Points p;
  for (int c = 0; c < clusters; ++c) {
    const double cx = where(rng), cy = where(rng);
    for (int i = 0; i < per; ++i) p.x.push_back(cx + jitter(rng)), p.y.push_back(cy + jitter(rng));
  }
  return p;
}

HeatmapStyle quartic400() {
  HeatmapStyle h;
  h.kernel = KdeKernel::quartic;
  h.bandwidth_m = 400;
  return h;
}

TEST(AdaptiveProtection, DenseClustersKeepTheRequestedHeatmap) {
  const Points p = clustered(20, 12, 1);
  const RepresentationChoice c = choose_representation(quartic400(), p.data(), DisclosurePolicy{});
  EXPECT_EQ(c.kind, Representation::heatmap);
  EXPECT_DOUBLE_EQ(c.bandwidth_m, 500);  // the policy's floor, not more
  EXPECT_GE(c.published, 0.9);
  EXPECT_DOUBLE_EQ(c.published, c.requested_published);
}

TEST(AdaptiveProtection, RingsOfAKilometreWidenTheKernel) {
  // Rings of 12 incidents, 500 m in radius, 4 km apart: at 500 m no point gathers the peak of
  // five incidents (its neighbours are 260 m and more away); a kernel of 1.5 km reaches it.
  Points p;
  for (int gx = 0; gx < 4; ++gx)
    for (int gy = 0; gy < 4; ++gy)
      for (int k = 0; k < 12; ++k) {
        const double a = k * 3.14159265358979 / 6;
        p.x.push_back(3000 + 4000 * gx + 500 * std::cos(a));
        p.y.push_back(3000 + 4000 * gy + 500 * std::sin(a));
      }
  const ProtectionData d = p.data();
  const RepresentationChoice c = choose_representation(quartic400(), d, DisclosurePolicy{});
  EXPECT_LT(c.requested_published, 0.9);
  EXPECT_EQ(c.kind, Representation::heatmap);
  EXPECT_GT(c.bandwidth_m, 500);
  EXPECT_GE(c.published, 0.9);
  // The share is what the policy's floor lets through, checked at that bandwidth directly.
  KdeParams wider;
  wider.kernel = KdeKernel::quartic;
  wider.bandwidth_m = c.bandwidth_m;
  EXPECT_DOUBLE_EQ(heatmap_published_share(d, wider, DisclosurePolicy{}), c.published);
}

TEST(AdaptiveProtection, LoneIncidentsFallBackToWhatShowsTheMost) {
  // 40 incidents, each alone (2.5 km apart): no heatmap or hexagon publishes them; one sector
  // holding all 40 does.
  Points p;
  for (int i = 0; i < 40; ++i) p.x.push_back(1000 + 2500 * (i % 8)), p.y.push_back(1000 + 4000 * (i / 8));
  const RepresentationChoice c = choose_representation(quartic400(), p.data(), DisclosurePolicy{});
  EXPECT_EQ(c.kind, Representation::sectors);
  EXPECT_DOUBLE_EQ(c.published, 1.0);
  EXPECT_LT(c.requested_published, 0.1);
}

TEST(AdaptiveProtection, HexagonShareCountsOnlyPublishedCells) {
  Points p;  // 6 incidents together, 2 alone far away: 6 of 8 published on 500 m hexagons
  for (int i = 0; i < 6; ++i) p.x.push_back(5000), p.y.push_back(5000);
  p.x.push_back(15000), p.y.push_back(15000);
  p.x.push_back(15000), p.y.push_back(2000);
  const double share = hexagon_published_share(p.data(), 500, DisclosurePolicy{});
  EXPECT_NEAR(share, 6.0 / 8.0, 1e-12);
}

TEST(AdaptiveProtection, ProtectStyleAppliesTheChoiceAndSaysSo) {
  Points p;
  for (int i = 0; i < 40; ++i) p.x.push_back(1000 + 2500 * (i % 8)), p.y.push_back(1000 + 4000 * (i / 8));
  const ProtectionData d = p.data();
  MapStyle s;
  s.add(make_layer(LayerKind::sectors));
  s.add(make_layer(LayerKind::heatmap));
  const ProtectedStyle out = protect_style(s, DisclosurePolicy{}, &d);
  ASSERT_TRUE(out.style.adapted.has_value());
  EXPECT_EQ(out.style.adapted->kind, Representation::sectors);
  EXPECT_EQ(out.style.find(LayerKind::heatmap), nullptr);
  const StyleLayer* counts = out.style.find(LayerKind::choropleth);
  ASSERT_NE(counts, nullptr);
  EXPECT_EQ(counts->id, "heatmap");             // in the heatmap's place
  EXPECT_FALSE(counts->choropleth.per_year);    // counts of the period, as suppressed
  bool said = false;
  for (const StyleChange& c : out.changes) said |= c.kind == StyleChange::Kind::sectors_instead;
  EXPECT_TRUE(said);
  // Pinned (not adaptive): the heatmap stays, at the floor, and the sectors where it hides
  // incidents are marked (here: the points lie in sectors 0 and 1 alternately, all alone).
  s.layers[1].heatmap.adaptive = false;
  std::vector<SectorCode> sector_of(p.x.size());
  for (size_t i = 0; i < sector_of.size(); ++i) sector_of[i] = static_cast<SectorCode>(i % 2);
  ProtectionData with_sectors = d;
  with_sectors.sector = sector_of;
  with_sectors.sector_counts = {20, 20, 0};
  const ProtectedStyle pinned = protect_style(s, DisclosurePolicy{}, &with_sectors);
  EXPECT_FALSE(pinned.style.adapted.has_value());
  ASSERT_NE(pinned.style.find(LayerKind::heatmap), nullptr);
  EXPECT_DOUBLE_EQ(pinned.style.heatmap().bandwidth_m, 500);
  EXPECT_EQ(pinned.style.heatmap_hidden_sectors, (std::vector<uint8_t>{1, 1, 0}));
  // Internal use: nothing adapted.
  DisclosurePolicy internal;
  internal.partner_safe = false;
  EXPECT_FALSE(protect_style(s, internal, &d).style.adapted.has_value());
}

// Ten lone incidents 2.5 km apart in four sectors (3, 2, 3, 2 incidents) of two groups (5 and 5):
// no heatmap, hexagon or sector publishes them; the groups publish every one.
ProtectionData only_groups_publish(Points& p) {
  for (int i = 0; i < 10; ++i) p.x.push_back(1000 + 2500 * (i % 5)), p.y.push_back(1000 + 4000 * (i / 5));
  ProtectionData d = p.data();
  d.sector_counts = {3, 2, 3, 2};
  d.group_of_sector = {0, 0, 1, 1};
  d.groups = 2;
  d.group_field = "alcaldia";
  return d;
}

TEST(AdaptiveProtection, GroupsOfSectorsAreTheLastCandidate) {
  Points p;
  const ProtectionData d = only_groups_publish(p);
  EXPECT_DOUBLE_EQ(sector_published_share(d, DisclosurePolicy{}), 0.0);
  EXPECT_DOUBLE_EQ(group_published_share(d, DisclosurePolicy{}), 1.0);
  for (double cell : {500.0, 1000.0, 2000.0})
    EXPECT_DOUBLE_EQ(hexagon_published_share(d, cell, DisclosurePolicy{}), 0.0) << cell;
  const RepresentationChoice c = choose_representation(quartic400(), d, DisclosurePolicy{});
  EXPECT_EQ(c.kind, Representation::groups);
  EXPECT_EQ(c.group_field, "alcaldia");
  EXPECT_DOUBLE_EQ(c.published, 1.0);
  EXPECT_LT(c.requested_published, 0.1);
  // Without groups the same data falls back to what shows the most (all nothing: the coarsest).
  ProtectionData no_groups = d;
  no_groups.groups = 0;
  EXPECT_EQ(choose_representation(quartic400(), no_groups, DisclosurePolicy{}).kind,
            Representation::sectors);
}

TEST(AdaptiveProtection, GroupShareCountsSectorsOfNoGroupAndOutsideAsOneRow) {
  Points p;
  ProtectionData d = only_groups_publish(p);
  // Group 1 now has 3 (hidden); 2 incidents in a sector of no group and 1 outside make the
  // "no group" row 3 (hidden too): 5 of 11 published.
  d.group_of_sector = {0, 0, 1, -1};
  d.outside = 1;
  EXPECT_NEAR(group_published_share(d, DisclosurePolicy{}), 5.0 / 11.0, 1e-12);
  d.groups = 0;
  EXPECT_DOUBLE_EQ(group_published_share(d, DisclosurePolicy{}), 0.0);
}

TEST(AdaptiveProtection, AnAnimationChoosesOnceOverAllItsFrames) {
  // Frame 1: 20 clusters of 12 (the heatmap shows them). Frame 2: ten lone incidents. Over both,
  // the heatmap publishes up to 240 of 250 (96 %): one heatmap for every frame, though frame 2
  // alone would be groups.
  const Points dense = clustered(20, 12, 7);
  Points sparse;
  const ProtectionData lone = only_groups_publish(sparse);
  ProtectionData busy = dense.data();
  busy.sector_counts = {60, 60, 60, 60};
  busy.group_of_sector = lone.group_of_sector;
  busy.groups = 2;
  busy.group_field = "alcaldia";
  const std::vector<ProtectionData> frames = {busy, lone};
  const RepresentationChoice both = choose_representation(quartic400(), frames, DisclosurePolicy{});
  EXPECT_EQ(both.kind, Representation::heatmap);
  EXPECT_GE(both.published, 0.9);
  EXPECT_LE(both.published, 240.0 / 250.0 + 1e-9);  // frame 2's lone incidents are not shown
  EXPECT_EQ(choose_representation(quartic400(), lone, DisclosurePolicy{}).kind,
            Representation::groups);
  // Many sparse frames outweigh it: groups for every frame, the share over all of them.
  const std::vector<ProtectionData> mostly_sparse(30, lone);
  const RepresentationChoice sparse_frames =
      choose_representation(quartic400(), mostly_sparse, DisclosurePolicy{});
  EXPECT_EQ(sparse_frames.kind, Representation::groups);
  EXPECT_DOUBLE_EQ(sparse_frames.published, 1.0);
  // A single frame gives what the one-map overload gives.
  EXPECT_EQ(choose_representation(quartic400(), std::vector<ProtectionData>{lone},
                                  DisclosurePolicy{}),
            choose_representation(quartic400(), lone, DisclosurePolicy{}));
}

TEST(AdaptiveProtection, ProtectStyleDrawsGroupsAsAGroupedCountChoropleth) {
  Points p;
  const ProtectionData d = only_groups_publish(p);
  MapStyle s;
  s.add(make_layer(LayerKind::sectors));
  s.add(make_layer(LayerKind::heatmap));
  const ProtectedStyle out = protect_style(s, DisclosurePolicy{}, &d);
  ASSERT_TRUE(out.style.adapted.has_value());
  EXPECT_EQ(out.style.adapted->kind, Representation::groups);
  const StyleLayer* groups = out.style.find(LayerKind::choropleth);
  ASSERT_NE(groups, nullptr);
  EXPECT_EQ(groups->id, "heatmap");
  EXPECT_EQ(groups->choropleth.group_field, "alcaldia");
  EXPECT_EQ(groups->choropleth.measure, ChoroplethMeasure::count);
  EXPECT_FALSE(groups->choropleth.per_year);
  ASSERT_TRUE(out.style.protection.has_value());
  EXPECT_EQ(out.style.protection->unit, DisclosureUnit::sector_group);  // the footer's unit
  bool said = false;
  for (const StyleChange& c : out.changes)
    said |= c.kind == StyleChange::Kind::groups_instead && c.share == 1.0;
  EXPECT_TRUE(said);
  // The same choice made elsewhere (an animation's) gives the same style.
  EXPECT_EQ(protect_style(s, DisclosurePolicy{}, *out.style.adapted).style, out.style);
}

}  // namespace
}  // namespace faro
