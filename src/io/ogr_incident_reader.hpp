#pragma once
// Private to src/io: incidents from any OGR vector source (GeoPackage, GeoJSON, Shapefile,
// FlatGeobuf, ... and CSVs when --where needs GDAL's SQL). Columnar through GDAL's Arrow stream
// where the driver implements it natively (OLCFastGetArrowStream), feature by feature otherwise.
#include <string>
#include <vector>

#include "io/column_detect.hpp"
#include "io/incident_loader.hpp"

namespace faro::io {

class IncidentSink;

// Loads the layer into out.store / out.report and sets report.method ("arrow" or "features") and
// report.layer. Throws DataError naming `source` when it cannot be opened or has no usable columns.
void load_ogr_incidents(const std::string& vsi_path, const std::string& source, bool is_csv,
                        const IncidentSourceOptions& options, const IncidentLoadContext& context,
                        IncidentLoadResult& out);

// What the readers need to turn a layer's rows into RawIncidents.
struct OgrReadPlan {
  void* layer = nullptr;         // OGRLayerH
  IncidentColumns columns;       // indexes into the layer's fields
  std::vector<int> field_types;  // OGRFieldType per field
  bool use_geometry = true;      // false: coordinates from columns.x / columns.y
  std::string geometry_name;     // as the Arrow schema names it
  // A separate time column exists, so a DateTime date at exactly 00:00:00 is a date only.
  bool midnight_datetime_is_date = false;
};

// Reads the layer through OGR_L_GetArrowStream. Returns false (having read nothing) when GDAL
// cannot provide the stream, so the caller can iterate features instead.
bool read_arrow_incidents(const OgrReadPlan& plan, IncidentSink& sink, LoadReport& report);

}  // namespace faro::io
