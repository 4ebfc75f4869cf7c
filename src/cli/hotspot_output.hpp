#pragma once
// Writers for `faro hotspots`: CSV (one row per unit), GeoJSON (unit polygons in WGS 84 with the
// same fields, RFC 7946) and a PNG map (units coloured by Gi* class, hot/cold legend), each
// written atomically.
#include <optional>
#include <string>

#include "cli/hotspot_units.hpp"
#include "core/emerging_hotspots.hpp"
#include "core/gi_star.hpp"

namespace faro::cli {

struct HotspotReport {
  const HotspotUnits* units = nullptr;
  std::vector<double> counts;
  GiStarResult gi;
  std::optional<EmergingResult> emerging;
  std::string work_srs;
  // Map annotation.
  std::string title, subtitle, source_line;
  bool synthetic = false;
};

// unit,count,gi_z,p,p_fdr,class,gi_bin,p_norm[,emerging,trend_z,trend_p]. `p` is the permutation
// p (the analytic p with --permutations 0); `class` e.g. "hot 95%"; NaN z (islands) left empty.
std::string hotspots_csv(const HotspotReport& r);
// FeatureCollection of the unit polygons reprojected to EPSG:4326, with the CSV's fields.
std::string hotspots_geojson(const HotspotReport& r);
// Renders the class map headless (OpenGL through EGL) and writes it; throws DataError when no
// OpenGL context can be made.
void write_hotspots_png(const HotspotReport& r, const std::string& path, int width, int height);

// ArcGIS-like class colours (red hot, blue cold, light grey not significant).
struct ClassColor {
  unsigned char r, g, b;
};
ClassColor gi_bin_color(int8_t bin);

}  // namespace faro::cli
