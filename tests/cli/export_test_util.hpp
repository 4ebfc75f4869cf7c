#pragma once
// Helpers for the partner-safe export tests: run `faro`, read exported records back (CSV through
// text, GeoJSON/GeoPackage through OGR), and search file bytes for input coordinates.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "io/demo_writer.hpp"
#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace export_test {

struct FaroRun {
  int code = -1;
  std::string out;
};

inline FaroRun run_faro(const std::string& args) {
  FaroRun r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " " + args, &r.out);
  return r;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One exported record: unit, period, count (nullopt when hidden), suppressed flag.
struct Record {
  std::string unit, period;
  std::optional<long long> count;
  bool suppressed = false;
  bool has_geometry = false;
};

// Records of an exported CSV (skips the "# notice" line and the header); `marker` receives the
// text written for hidden cells.
inline std::vector<Record> read_csv_records(const std::string& path, std::string* notice = nullptr,
                                            std::string* header = nullptr) {
  std::vector<Record> out;
  std::istringstream in(read_bytes(path));
  std::string line;
  if (std::getline(in, line) && notice) *notice = line;
  if (std::getline(in, line) && header) *header = line;
  while (std::getline(in, line)) {
    // Unit names may be quoted and contain commas: split from the right (period, count, flag).
    std::vector<std::string> parts;
    for (int i = 0; i < 3; ++i) {
      const size_t comma = line.rfind(',');
      parts.push_back(line.substr(comma + 1));
      line.resize(comma);
    }
    Record r;
    r.unit = line;
    r.period = parts[2];
    r.suppressed = parts[0] == "1";
    if (!r.suppressed) r.count = std::stoll(parts[1]);
    out.push_back(r);
  }
  return out;
}

// Records of an exported GeoJSON or GeoPackage (layer faro_counts); `notice` receives the layer
// metadata item FARO_NOTICE.
inline std::vector<Record> read_vector_records(const std::string& path,
                                               std::string* notice = nullptr) {
  faro::io::ensure_gdal();
  std::vector<Record> out;
  GDALDataset* ds = static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) return out;
  OGRLayer* layer = ds->GetLayer(0);
  if (notice) {
    const char* n = layer->GetMetadataItem("FARO_NOTICE");
    *notice =
        n ? n
          : (layer->GetMetadataItem("DESCRIPTION") ? layer->GetMetadataItem("DESCRIPTION") : "");
  }
  for (auto& f : *layer) {
    Record r;
    r.unit = f->GetFieldAsString(0);
    r.period = f->GetFieldAsString("period");
    const int ci = f->GetFieldIndex("count");
    if (!f->IsFieldNull(ci)) r.count = f->GetFieldAsInteger64(ci);
    r.suppressed = f->GetFieldAsInteger("suppressed") != 0;
    r.has_geometry = f->GetGeometryRef() != nullptr;
    out.push_back(r);
  }
  GDALClose(ds);
  return out;
}

inline std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// The 8 bytes of `v` in little- and big-endian order (WKB, SQLite records).
inline std::vector<std::string> double_bytes(double v) {
  std::string le(8, '\0');
  std::memcpy(le.data(), &v, 8);
  return {le, std::string(le.rbegin(), le.rend())};
}

// Input coordinates of the demo incidents as the strings and bytes an export could leak:
// working-CRS metres and lon/lat degrees at several precisions, and the raw doubles.
struct Needles {
  std::vector<std::string> text, binary;
};
inline Needles demo_coordinate_needles(size_t sample) {
  faro::io::ensure_gdal();
  Needles n;
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(faro::io::demo_geopackage_path().c_str(),
                                                         GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                         nullptr, nullptr));
  if (!ds) return n;
  OGRLayer* layer = ds->GetLayerByName("incidents");
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  auto* to_wgs84 = OGRCreateCoordinateTransformation(layer->GetSpatialRef(), &wgs84);
  const size_t step = std::max<size_t>(1, layer->GetFeatureCount() / sample);
  size_t i = 0;
  for (auto& f : *layer) {
    if (i++ % step) continue;
    const OGRPoint* p = f->GetGeometryRef()->toPoint();
    double x = p->getX(), y = p->getY(), lon = x, lat = y;
    to_wgs84->Transform(1, &lon, &lat);
    for (const char* format : {"%.1f", "%.2f", "%.3f"})
      n.text.push_back(fmt(format, x)), n.text.push_back(fmt(format, y));
    for (const char* format : {"%.5f", "%.6f", "%.7f", "%.15g"})
      n.text.push_back(fmt(format, lon)), n.text.push_back(fmt(format, lat));
    for (double v : {x, y, lon, lat})
      for (const std::string& b : double_bytes(v)) n.binary.push_back(b);
  }
  OCTDestroyCoordinateTransformation(to_wgs84);
  GDALClose(ds);
  return n;
}

}  // namespace export_test
