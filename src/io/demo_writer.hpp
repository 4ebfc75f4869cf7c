#pragma once
// Writes the demo city as a GeoPackage (layers `sectors`, `incidents`, `programs`,
// `program_sectors`) through GDAL, atomically, so the demo travels the same load path as real data.
#include <functional>
#include <string>

#include "core/demo_city.hpp"
#include "core/demo_scaled.hpp"

namespace faro::io {

void write_demo_geopackage(const DemoCity& city, const std::string& path);

// Fills the batch with more incidents to write after city.incidents; false when there are no more.
using MoreDemoIncidents = std::function<bool(DemoIncidentBatch&)>;
// The same, with the incidents layer streamed from `more` batch by batch (the scaled demo).
void write_demo_geopackage(const DemoCity& city, const std::string& path,
                           const MoreDemoIncidents& more);

// Path of the cached demo GeoPackage for a seed ($XDG_CACHE_HOME/faro or ~/.cache/faro), generated
// and written on first use.
std::string demo_geopackage_path(uint64_t seed = 42);

}  // namespace faro::io
