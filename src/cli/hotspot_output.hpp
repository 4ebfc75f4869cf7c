#pragma once
// Writers for `faro hotspots`: CSV (one row per unit), GeoJSON (unit polygons in WGS 84 with the
// same fields, RFC 7946) and a PNG map (units coloured by Gi* class, hot/cold legend), each
// written atomically.
#include <optional>
#include <string>

#include "cli/hotspot_units.hpp"
#include "core/emerging_hotspots.hpp"
#include "core/gi_star.hpp"
#include "core/permutation_rule.hpp"
#include "render/hotspot_layer.hpp"

namespace faro::cli {

struct HotspotReport {
  const HotspotUnits* units = nullptr;
  std::vector<double> counts;
  GiStarResult gi;
  PermutationChoice p_choice;  // how gi's p was made (the CSV's p_method, the map's legend note)
  std::optional<EmergingResult> emerging;
  int emerging_months = 0;     // --emerging: bins, for the legend title
  bool emerging_weeks = false;  // --by week
  std::string work_srs;
  // Disclosure control (core/disclosure.hpp). Partner-safe (the default of `faro hotspots`): a
  // unit whose count is hidden (`count_hidden[u]`: 1..k-1 or its complement) prints `marker`
  // instead of its count, and no Gi* z-score, p-value or trend statistic is published for any
  // unit, only the class and the emerging pattern. Why not z rounded to 2 decimals: z is linear
  // in the neighbourhood sum with a slope of 1 / (S sqrt((nW - W^2) / (n - 1))), about 0.05-0.1
  // per incident for sectors (W ~ 6), so a 2-decimal z of a published neighbour gives its
  // neighbourhood sum exactly, and minus the published neighbours' counts, the hidden count. The
  // class (90/95/99 % bands) only bounds that sum to a range several incidents wide.
  bool partner_safe = false;
  std::vector<uint8_t> count_hidden;  // per unit; empty = nothing hidden
  std::string marker = "<5";
  std::string notice;  // CSV first line "# <notice>": protection footer or the internal stamp
  // Map annotation.
  std::string title, subtitle, source_line;
  bool synthetic = false;
  // Words on the map and in the notice: --lang's language, or both ("es / en") when not given.
  std::optional<Language> language;
};

// "# <notice>" line, then
// unit,count,gi_z,p,p_fdr,class,gi_bin,p_norm[,emerging,trend_z,trend_p],p_method.
// `p` is the p behind the classes: the permutation p, or the analytic p (p_method says which:
// "permutation 999", "analytic (checked with 9999 permutations)", "analytic"); `class` e.g.
// "hot 95%"; NaN z (islands) left empty; partner-safe: see HotspotReport (statistics empty, hidden
// counts "<5").
std::string hotspots_csv(const HotspotReport& r);
// FeatureCollection of the unit polygons reprojected to EPSG:4326, with the CSV's fields
// (p_method included).
std::string hotspots_geojson(const HotspotReport& r);
// Renders the class map headless (OpenGL through EGL) and writes it: Gi* classes, or with
// --emerging the emerging patterns, coloured and with the legend of the dashboard's hotspots layer
// (render/hotspot_layer.hpp); throws DataError when no OpenGL context can be made.
void write_hotspots_png(const HotspotReport& r, const std::string& path, int width, int height);

}  // namespace faro::cli
