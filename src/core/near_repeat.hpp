#pragma once
// Near-repeat early warning (issue 20): after a shooting, the risk of another nearby is raised for
// a while (Knox test, core/knox.hpp). This turns a Knox table into operational parameters (the
// radius and the days over which the ratio is significantly above 1), the risk zones they imply
// for a given moment, and an honest replay of how well the zones would have caught the next
// shootings against a naive hot-cell baseline.
//
// Units: metres in the working CRS, civil days (core/civil_time.hpp). No GDAL, GL or ImGui.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "core/geometry.hpp"
#include "core/knox.hpp"
#include "core/sector_code.hpp"

namespace faro {

// One Knox cell judged significant (p below the Benjamini-Hochberg threshold over the near cells).
struct NearRepeatCell {
  double distance_m = 0;  // the band's upper edge
  int64_t days = 0;       // the band's upper edge
  double ratio = 0, p = 1;
};

struct NearRepeatParams {
  double radius_m = 0;         // the zone radius: the widest distance band significant from 0 m
  int64_t days = 0;            // the zone lifetime: the longest time band significant from day 0
  double relative_risk = 1;    // the Knox ratio of the nearest cell (0..radius, 0..days)
  std::vector<NearRepeatCell> significant;  // every significant near cell, nearest first
  double alpha = 0.05;
};

// Parameters from a Knox table: near cells (not the final "beyond" time column) are significant
// when their Monte Carlo p passes Benjamini-Hochberg at `alpha` over all near cells and their
// ratio is above 1. The radius grows band by band from the nearest distance band while the cell
// (band, first time band) is significant; the days likewise along the first distance band.
// nullopt when the nearest cell (first distance band, first time band) is not significant.
std::optional<NearRepeatParams> suggest_near_repeat(const KnoxResult& knox,
                                                    const KnoxOptions& options,
                                                    double alpha = 0.05);

// A risk zone: the union of the disks of `radius` around the incidents that seeded it (disks that
// overlap merge into one zone).
struct RiskZone {
  std::vector<Vec2> seeds;     // the incidents' locations
  int64_t first_day = 0;       // the earliest seed's day (the zone's start)
  int64_t expiry_day = 0;      // the latest seed's day + days (the zone is active before it)
  double relative_risk = 1;    // from the parameters
  Box bounds;                  // of the disks
  bool contains(Vec2 p, double radius_m) const;
};

// Zones active on `day` (civil days): one disk per incident dated in [day - days + 1, day]
// (incidents after `day` are ignored), merged when their disks overlap (centres within 2 radius).
// Zones are ordered by their first seed's index; seeds within a zone by index.
std::vector<RiskZone> risk_zones(std::span<const double> x, std::span<const double> y,
                                 std::span<const int64_t> t, int64_t day,
                                 const NearRepeatParams& params);

// Replay of the warning, ISO week by ISO week over [first_monday, end_day): for week w the zones
// are the disks of `radius_m` around every incident dated in the `days` days before w's Monday.
struct NearRepeatReplay {
  double hit_rate = 0;    // share of the weeks' incidents (pooled) within radius of such a seed
  double area_share = 0;  // mean over weeks of area(union of disks ∩ sectors) / area(sectors)
  int weeks = 0;
  int64_t incidents = 0, hits = 0;
  // The naive baseline: the top 5 % of 250 m cells (of those inside the sectors) by count over
  // the previous 4 weeks.
  double baseline_hit_rate = 0, baseline_area_share = 0;
  int64_t baseline_hits = 0;
};

// `inside(x, y)`: whether a point lies in the study area (the sectors); incidents outside it are
// not counted. Areas are measured on a grid of `grid_m` cells over `extent` (cell centres tested
// with `inside`). `first_monday` must be a Monday; only whole weeks ending by `end_day` count.
NearRepeatReplay replay_near_repeat(std::span<const double> x, std::span<const double> y,
                                    std::span<const int64_t> t, const Box& extent,
                                    const std::function<bool(double, double)>& inside,
                                    int64_t first_monday, int64_t end_day, double radius_m,
                                    int64_t days, double grid_m = 25);

}  // namespace faro

namespace faro {

// The weekly brief's near-repeat section (internal: zones come from exact locations). For each
// day d of the week the active zones are the disks around the incidents dated d-days .. d-1; an
// incident of day d is a hit when it lies in one. Area: the mean over the 7 days of the share of
// the study area the zones cover (grid of `grid_m`).
struct WeekNearRepeat {
  NearRepeatParams params;
  bool params_from_data = false;  // from a Knox test (else the defaults 100 m, 7 days)
  size_t zones_at_end = 0;        // zones active at the end of the week (Sunday)
  std::vector<std::pair<int32_t, int>> zones_by_sector;  // by first seed: sector, zones; most first
  int64_t incidents = 0, hits = 0;  // the week's incidents in the study area, and those in zones
  double area_share = 0;
};

WeekNearRepeat week_near_repeat(std::span<const double> x, std::span<const double> y,
                                std::span<const int64_t> t, std::span<const SectorCode> sector,
                                const Box& extent,
                                const std::function<bool(double, double)>& inside,
                                int64_t monday, const NearRepeatParams& params,
                                double grid_m = 25);

}  // namespace faro
