#pragma once
// Partner-safe maps that still show the picture: the finest representation of the selected
// incidents that publishes at least 90 % of them (issue 13). A partner-safe heatmap colours only
// cells supported by k or more incidents (core/style_protection.hpp); for a month of shootings in
// a city most incidents sit alone and the map comes out blank. Candidates, finest first:
//   1. the requested heatmap (bandwidth at the policy's floor or more);
//   2. the heatmap at wider bandwidths: 750 m, 1 km, 1.5 km, 2 km;
//   3. counts on hexagons of 500 m, 1 km, 2 km, cells of 1..k-1 suppressed (and complements);
//   4. the sector choropleth with suppression;
//   5. groups of sectors (the partner brief's grouping, e.g. alcaldía: core/brief_level.hpp
//      default_group_attribute), each sector filled with its group's count, suppressed likewise.
// When none reaches the share, the one that shows the most is taken (hexagons of 2 km usually
// beat sectors for a month of shootings in a city of 70 sectors; for a week, alcaldías do).
// "Published" is measured the way each representation hides: for a heatmap, the incidents whose
// own cell is coloured (density at or above the k-incident floor); for hexagons and sectors, the
// incidents in cells whose count is not suppressed. Pure computation (CPU KDE on a grid of a
// fifth of the bandwidth over the data extent, a few milliseconds for a city); the same function
// serves the live map and every export, so they choose alike. An animation chooses once for all
// its frames (the overload over frames), so the map does not change kind from frame to frame.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/geometry.hpp"
#include "core/map_style.hpp"
#include "core/representation.hpp"
#include "core/sector_code.hpp"

namespace faro {

struct ProtectionData {
  std::span<const double> x, y;  // the selected incidents, working CRS
  Box extent;                    // the map's data extent (sectors ∪ incidents)
  double period_years = 0;       // densities per year when > 0 (as the map draws them)
  // The sector choropleth candidate: selected incidents per sector and those in no sector.
  std::vector<double> sector_counts;
  double outside = 0;
  // Optional: each point's sector (kNoSector when in none), for marking what a pinned heatmap
  // hides (sectors_hidden_by_heatmap).
  std::span<const SectorCode> sector;
  // The groups-of-sectors candidate: each sector's group (-1: in none), the number of groups and
  // the sector attribute they come from. No groups (groups == 0) leaves the candidate out.
  std::vector<int32_t> group_of_sector;
  size_t groups = 0;
  std::string group_field;
};

constexpr double kMinPublishedShare = 0.9;

// Share of the points whose density (on a grid of bandwidth/5 over `extent`) reaches the
// k-incident floor of `policy`.
double heatmap_published_share(const ProtectionData& d, const KdeParams& params,
                               const DisclosurePolicy& policy);
// Per sector (of `sectors`), 1 where at least one of its points lies in a cell the heatmap does
// not colour (below the k-incident floor): what a pinned heatmap hides, for the map to mark.
// Needs d.sector; empty without it.
std::vector<uint8_t> sectors_hidden_by_heatmap(const ProtectionData& d, const KdeParams& params,
                                               const DisclosurePolicy& policy, size_t sectors);

// Share of the points in hexagons of `cell_m` whose count is published by protect_table.
double hexagon_published_share(const ProtectionData& d, double cell_m,
                               const DisclosurePolicy& policy);
// Share of the incidents in sectors whose count protect_table publishes.
double sector_published_share(const ProtectionData& d, const DisclosurePolicy& policy);
// Share of the incidents in groups of sectors whose count protect_table publishes (incidents in
// no sector, or in a sector of no group, are one more row). 0 without groups.
double group_published_share(const ProtectionData& d, const DisclosurePolicy& policy);

// The finest candidate (list above) publishing at least `min_share`; when none does, the one that
// publishes the most (the coarser on a tie). No points: the requested heatmap.
RepresentationChoice choose_representation(const HeatmapStyle& requested, const ProtectionData& d,
                                           const DisclosurePolicy& policy,
                                           double min_share = kMinPublishedShare);
// The same for an animation: one choice for every frame, each candidate's share taken over all
// the frames' incidents (the sum of what each frame publishes over the sum of their incidents).
// The frames share their extent and grouping (frames[0]'s group_field is the one named).
RepresentationChoice choose_representation(const HeatmapStyle& requested,
                                           std::span<const ProtectionData> frames,
                                           const DisclosurePolicy& policy,
                                           double min_share = kMinPublishedShare);

}  // namespace faro
