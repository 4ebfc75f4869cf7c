// load_incidents: picks how to read the source (cache, CSV fast path, Arrow stream, features)
// and finishes the report (source, method, GDAL messages).
#include "io/incident_loader.hpp"

#include <algorithm>
#include <cctype>

#include "core/errors.hpp"
#include "core/incident_trim.hpp"
#include "io/csv_fast_reader.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_cache.hpp"
#include "io/ogr_incident_reader.hpp"

namespace faro::io {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

// A plain "x.csv.gz" is read through /vsigzip/ (GDAL needs the prefix for stream decompression).
std::string vsi_path_for(const std::string& source) {
  if (!starts_with(source, "/vsi") && ends_with(lower(source), ".gz")) return "/vsigzip/" + source;
  return source;
}

// Delimited text by extension (after any .gz): these go to the CSV fast path.
bool is_delimited_text(const std::string& vsi_path) {
  std::string p = lower(vsi_path);
  if (ends_with(p, ".gz")) p.resize(p.size() - 3);
  return ends_with(p, ".csv") || ends_with(p, ".tsv") || ends_with(p, ".txt");
}

// Layer name the way GDAL's CSV driver names it: the file name without extensions.
std::string csv_layer_name(const std::string& vsi_path) {
  std::string name = vsi_path.substr(vsi_path.find_last_of('/') + 1);
  if (ends_with(lower(name), ".gz")) name.resize(name.size() - 3);
  const size_t dot = name.find_last_of('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

void add_captured(const GdalMessageCapture& capture, LoadReport& report) {
  for (const std::string& w : capture.warnings()) report.add_gdal_warning(w);
  for (const std::string& e : capture.errors()) report.add_gdal_warning(e);
}

}  // namespace

std::string incident_vsi_path(const std::string& source) { return vsi_path_for(source); }

bool uses_csv_fast_path(const std::string& source, const IncidentSourceOptions& options) {
  return is_delimited_text(vsi_path_for(source)) && options.where.empty();
}

namespace {

// Errors raised deep in a reader (core's "too many distinct categories", a sink's limits) do not
// know the file: the message a person sees must name it.
template <class Read>
void naming_source(const std::string& shown, Read&& read) {
  try {
    read();
  } catch (const DataError& e) {
    const std::string what = e.what();
    if (what.find(shown) != std::string::npos) throw;
    throw DataError("'" + shown + "': " + what);
  }
}

}  // namespace

IncidentLoadResult load_incidents(const std::string& source, const IncidentSourceOptions& options,
                                  const IncidentLoadContext& context) {
  if (context.work_srs.empty()) throw UsageError("load_incidents: a working CRS is required");
  if (source.empty()) throw UsageError("no incident source given");
  ensure_gdal();
  GdalMessageCapture capture;
  const std::string vsi = vsi_path_for(source);
  const bool csv = is_delimited_text(vsi);
  IncidentLoadResult out;

  // A CSV has one layer (named after the file): any other --incidents-layer is a mistake, not
  // something to ignore (the OGR path's pick_layer says the same for other formats).
  if (csv && !options.layer.empty() && options.layer != csv_layer_name(vsi))
    throw DataError("'" + redact_source(source) + "' has no layer '" + options.layer +
                    "'; a CSV has one layer: '" + csv_layer_name(vsi) + "'");
  if (csv && options.where.empty()) {
    std::optional<IncidentCacheKey> key;
    if (options.use_cache) key = incident_cache_key(vsi, options, context);
    if (key) {
      if (std::optional<IncidentLoadResult> hit = read_incident_cache(*key)) {
        hit->report.note(Msg::load_note_from_cache, {hit->report.method, key->entry_path});
        hit->report.method = "cache";
        hit->report.source = redact_source(source);
        return std::move(*hit);
      }
    }
    out.report.source = redact_source(source);
    out.report.layer = csv_layer_name(vsi);
    naming_source(out.report.source, [&] { load_csv_fast(vsi, source, options, context, out); });
    out.report.method = "csv-fast";
    shrink_to_fit(out.store);  // the reader reserved from a row estimate
    add_captured(capture, out.report);
    if (key) {
      const std::string failed = write_incident_cache(*key, out);
      if (!failed.empty()) out.report.note(Msg::load_note_cache_not_written, {failed});
    }
    return out;
  }

  out.report.source = redact_source(source);
  naming_source(out.report.source,
                [&] { load_ogr_incidents(vsi, source, csv, options, context, out); });
  shrink_to_fit(out.store);  // the reader reserved from the layer's feature count or by growth
  add_captured(capture, out.report);
  return out;
}

}  // namespace faro::io
