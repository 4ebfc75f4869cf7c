#pragma once
// Incident simulation for the demo city (internal to generate_demo_city). A separable
// space-time Poisson process (background proportional to population x sector risk, plus persistent
// Gaussian hotspots; trend x yearly x weekly x hour-of-day intensity) with near-repeat offspring
// for shootings. The program effect is applied afterwards by generate_demo_city, by thinning.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/geometry.hpp"
#include "core/random.hpp"

namespace faro::demo {

// Category index -> label. The first three are firearm events ("shootings"): only they spawn
// near-repeat follow-ups.
inline constexpr std::array<std::string_view, 4> kCategoryNames = {
    "disparos de arma de fuego",
    "lesiones por arma de fuego",
    "homicidio por arma de fuego",
    "homicidio doloso (otros)",
};
inline constexpr int kFirearmCategories = 3;

inline constexpr double kHotspotShare = 0.35;      // of first-generation events
inline constexpr double kNearRepeatProb = 0.25;    // per shooting, per generation
inline constexpr int kMaxGeneration = 2;           // follow-ups of follow-ups, no further
inline constexpr double kNearRepeatRadiusM = 200;  // offspring uniform in a disc of this radius
inline constexpr int kNearRepeatMaxDays = 14;      // offspring 1..14 days after the parent
// Category mix of first-generation events, and of near-repeat follow-ups (firearm only).
inline constexpr double kBaseMix[] = {0.45, 0.30, 0.15, 0.10};
inline constexpr double kFollowUpMix[] = {0.50, 0.30, 0.20, 0.0};

struct SpaceModel {
  Ring outline;                    // convex, counter-clockwise
  std::vector<Vec2> seeds;         // Voronoi seeds, one per sector (sector order)
  std::vector<Ring> cells;         // the sector polygons (convex, counter-clockwise, snapped)
  std::vector<double> background;  // relative background rate per sector (population x risk)
};

struct Hotspot {
  Vec2 centre;
  double sigma_m = 250;  // Gaussian spread
  double weight = 1;     // share of the hotspot component
};

struct RawIncidents {
  std::vector<double> x, y;         // rounded to 1 cm
  std::vector<CivilSeconds> t;      // whole minutes
  std::vector<uint8_t> category;    // index into kCategoryNames
  std::vector<uint8_t> generation;  // 0 = background/hotspot event, 1-2 = near-repeat follow-up
  std::vector<int32_t> sector;      // index into SpaceModel::cells
  size_t size() const { return x.size(); }
};

struct TimeWindow {
  int64_t first_day = 0;  // days since 1970-01-01, inclusive
  int64_t end_day = 0;    // exclusive
};

// Relative intensity of hour `hour` of day `day` (days since 1970-01-01), `years` into the window
// (the slow trend): trend x yearly cycle x weekday x hour of day, weekend nights boosted.
double hour_weight(int64_t day, int hour, double years);
// Points rounded to 1 cm, as every generated coordinate is.
Vec2 rounded(Vec2 p);
Vec2 uniform_in_cell(const Ring& cell, Random& rng);
Vec2 around_hotspot(const Hotspot& h, const Ring& outline, Random& rng);

// Index of the sector polygon holding p: the nearest seed's cell (that is what a Voronoi cell is),
// confirmed against the snapped polygon; ties at the centimetre level fall back to a full scan.
int32_t locate_sector(const SpaceModel& space, Vec2 p);

std::vector<Hotspot> place_hotspots(const SpaceModel& space, Random& rng);

// `expected_total` counts follow-ups too (before the program effect).
RawIncidents simulate_incidents(const SpaceModel& space, const std::vector<Hotspot>& hotspots,
                                TimeWindow window, double expected_total, Random& rng);

}  // namespace faro::demo
