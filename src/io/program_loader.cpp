#include "io/program_loader.hpp"

#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_feature.h>

#include <map>
#include <memory>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

int find_field(OGRFeatureDefnH defn, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    const int i = OGR_FD_GetFieldIndex(defn, n);
    if (i >= 0) return i;
  }
  return -1;
}

}  // namespace

ProgramLoadResult load_programs(const std::string& source) {
  ensure_gdal();
  GdalMessageCapture capture;
  const char* const csv_options[] = {"AUTODETECT_TYPE=NO", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(GDALOpenEx(
      source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, csv_options, nullptr)));
  GDALDatasetH h = GDALDataset::ToHandle(ds.get());
  if (!ds)
    throw DataError(redact_source(source) +
                    ": cannot open programs source: " + capture.last_error());
  OGRLayerH layer = GDALDatasetGetLayerByName(h, "program_sectors");
  if (layer == nullptr && GDALDatasetGetLayerCount(h) > 0) layer = GDALDatasetGetLayer(h, 0);
  if (layer == nullptr) throw DataError(redact_source(source) + ": no layer with programs");
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int f_prog = find_field(defn, {"programa", "program", "programme"});
  const int f_sector = find_field(defn, {"sector", "cuadrante"});
  const int f_start = find_field(defn, {"inicio", "start", "fecha_inicio"});
  const int f_end = find_field(defn, {"fin", "end", "fecha_fin"});
  if (f_prog < 0 || f_sector < 0 || f_start < 0)
    throw DataError(redact_source(source) + " (layer " + OGR_L_GetName(layer) +
                    "): programs need columns program|programa, sector and start|inicio");

  ProgramLoadResult out;
  out.report.source = redact_source(source);
  out.report.layer = OGR_L_GetName(layer);
  out.report.method = "features";
  std::map<std::string, size_t> index;
  OGR_L_ResetReading(layer);
  int64_t row = 0;
  while (const OGRFeatureUniquePtr feature{OGRFeature::FromHandle(OGR_L_GetNextFeature(layer))}) {
    OGRFeatureH f = OGRFeature::ToHandle(feature.get());
    ++row;
    ++out.report.rows_read;
    const std::string prog =
        OGR_F_IsFieldSetAndNotNull(f, f_prog) ? OGR_F_GetFieldAsString(f, f_prog) : "";
    const std::string sector =
        OGR_F_IsFieldSetAndNotNull(f, f_sector) ? OGR_F_GetFieldAsString(f, f_sector) : "";
    const std::string start_text =
        OGR_F_IsFieldSetAndNotNull(f, f_start) ? OGR_F_GetFieldAsString(f, f_start) : "";
    const std::string end_text =
        f_end >= 0 && OGR_F_IsFieldSetAndNotNull(f, f_end) ? OGR_F_GetFieldAsString(f, f_end) : "";
    if (prog.empty() || sector.empty()) {
      out.report.add(RowIssue::malformed_row, row, prog.empty() ? "program" : "sector", "");
      continue;
    }
    ProgramSector ps;
    ps.sector = sector;
    if (start_text.empty()) {
      out.report.add(RowIssue::missing_date, row, "start", "");
      continue;
    }
    if (parse_datetime(start_text, DateOrder::dmy, ps.start) != DateParseStatus::ok) {
      out.report.add(RowIssue::unparseable_date, row, "start", start_text);
      continue;
    }
    if (!end_text.empty()) {
      CivilSeconds end = 0;
      if (parse_datetime(end_text, DateOrder::dmy, end) != DateParseStatus::ok) {
        out.report.add(RowIssue::unparseable_date, row, "end", end_text);
        continue;
      }
      // A program cannot end before it starts: a typo that would silently empty its window.
      if (end < ps.start)
        throw DataError(redact_source(source) + " row " + std::to_string(row) + ": program '" +
                        prog + "' ends (" + end_text + ") before it starts (" + start_text + ")");
      ps.end = end;
    }
    auto [it, added] = index.emplace(prog, out.programs.size());
    if (added) out.programs.push_back(Program{prog, {}, {}});
    out.programs[it->second].sectors.push_back(std::move(ps));
    ++out.report.rows_loaded;
  }
  return out;
}

}  // namespace faro::io
