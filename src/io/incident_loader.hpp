#pragma once
// Loading geocoded incidents from any OGR point layer or a CSV with coordinate columns into the
// columnar IncidentStore, reprojected to the session's working CRS, with a full LoadReport.
#include <optional>
#include <string>

#include "core/civil_time.hpp"
#include "core/geometry.hpp"
#include "core/incidents.hpp"
#include "core/load_report.hpp"

namespace faro::io {

struct IncidentSourceOptions {
  std::string layer;           // empty = first layer
  std::string x_field;         // empty = detect (longitud, lon, lng, long, x; case-insensitive)
  std::string y_field;         // empty = detect (latitud, lat, y)
  std::string date_field;      // empty = detect (fecha_hecho, fecha, date, date_, datetime, occurred_*)
  std::string time_field;      // empty = detect (hora_hecho, hora, time, ...); optional
  std::string category_field;  // empty = detect (delito, categoria, category, offense, ...); optional
  std::string weight_field;    // empty = none
  std::string id_field;        // empty = detect (id, objectid, folio...); used for duplicate checks
  std::string srs;             // source CRS override; a CSV with no CRS is EPSG:4326
  DateOrder date_order = DateOrder::dmy;
  std::string where;           // OGR SQL attribute filter, pushed to GDAL
  std::optional<CivilSeconds> from;          // inclusive
  std::optional<CivilSeconds> to_exclusive;  // exclusive (CLI --to D means D+1 day here)
  bool use_cache = true;       // columnar cache for the CSV fast path (see README)
};

struct IncidentLoadContext {
  std::string work_srs;                // target CRS, e.g. "EPSG:32614" (required)
  std::optional<Box> sectors_extent;   // in work CRS; rows farther than `extent_margin_m` rejected
  double extent_margin_m = 5000;
};

struct IncidentLoadResult {
  IncidentStore store;
  LoadReport report;
};

// How load_incidents reads `source`: its GDAL path ("x.csv.gz" -> "/vsigzip/x.csv.gz") and
// whether it takes the CSV fast path (delimited text without --where; else OGR features). Identify
// reads rows back the same way (io/incident_rows.hpp).
std::string incident_vsi_path(const std::string& source);
bool uses_csv_fast_path(const std::string& source, const IncidentSourceOptions& options);

// Throws DataError (message names the source, and the field where relevant) when the source cannot
// be opened or has no usable coordinate/date columns. Row-level problems go to the report.
IncidentLoadResult load_incidents(const std::string& source, const IncidentSourceOptions& options,
                                  const IncidentLoadContext& context);

}  // namespace faro::io
