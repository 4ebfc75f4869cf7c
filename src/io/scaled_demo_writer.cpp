// The scaled demo's two files from one pass over the generator: the GeoPackage writer pulls each
// month's batch, and the same batch is appended to the CSV before it is handed over.
#include "io/scaled_demo_writer.hpp"

#include <cpl_conv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <zlib.h>

#include <charconv>
#include <filesystem>
#include <memory>

#include "core/demo_incidents.hpp"
#include "core/demo_scaled.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/demo_writer.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {
namespace fs = std::filesystem;

// gzip CSV rows in WGS84 (degrees, 7 decimals: ~1 cm, the generator's own rounding).
class DemoCsvGzWriter {
 public:
  DemoCsvGzWriter(const DemoCity& city, const std::string& temp, const std::string& target)
      : city_(city), target_(target) {
    gz_ = gzopen(temp.c_str(), "wb6");
    if (!gz_) throw DataError("cannot create " + target);
    gzbuffer(gz_, 1 << 20);
    OGRSpatialReference from, to;
    from.SetFromUserInput(city.work_srs.c_str());
    to.SetFromUserInput("EPSG:4326");
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = longitude
    transform_.reset(OGRCreateCoordinateTransformation(&from, &to));
    if (!transform_) throw DataError("cannot reproject " + city.work_srs + " to EPSG:4326");
    put("id,fecha_hecho,hora_hecho,delito,sector,distrito,latitud,longitud\n");
  }
  ~DemoCsvGzWriter() {
    if (gz_) gzclose(gz_);
  }

  void write(const DemoIncidentBatch& b) {
    lon_ = b.x;
    lat_ = b.y;
    if (!lon_.empty() &&
        !transform_->Transform(static_cast<int>(lon_.size()), lon_.data(), lat_.data()))
      throw DataError("cannot reproject the demo incidents to EPSG:4326");
    text_.clear();
    for (size_t i = 0; i < b.size(); ++i) {
      number(b.first_id + static_cast<int64_t>(i));
      const CivilDate d = civil_from_days(days_of(b.t[i]));
      const int s = seconds_of_day(b.t[i]);
      char when[32];
      std::snprintf(when, sizeof when, ",%04d-%02d-%02d,%02d:%02d:%02d,", d.y, d.m, d.d, s / 3600,
                    (s / 60) % 60, s % 60);
      text_ += when;
      text_ += demo::kCategoryNames[b.category[i]];
      text_ += ',';
      text_ += city_.sectors.sectors[b.sector[i]].name;  // names hold no commas or quotes
      text_ += ',';
      text_ += city_.districts[b.sector[i]];
      text_ += ',';
      degrees(lat_[i]);
      text_ += ',';
      degrees(lon_[i]);
      text_ += '\n';
    }
    put(text_);
  }

  void finish() {
    const int rc = gzclose(gz_);
    gz_ = nullptr;
    if (rc != Z_OK) throw DataError("cannot finish writing " + target_);
  }

 private:
  void put(const std::string& s) {
    if (!s.empty() && gzwrite(gz_, s.data(), static_cast<unsigned>(s.size())) <= 0)
      throw DataError("cannot write " + target_);
  }
  void number(int64_t v) {
    char buf[24];
    text_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  }
  void degrees(double v) {
    char buf[32];
    text_.append(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 7).ptr);
  }

  const DemoCity& city_;
  std::string target_;
  gzFile gz_ = nullptr;
  std::unique_ptr<OGRCoordinateTransformation> transform_;
  std::vector<double> lon_, lat_;
  std::string text_;
};

}  // namespace

ScaledDemoFiles write_scaled_demo(const DemoOptions& options, int64_t incidents,
                                  const std::string& dir,
                                  const std::function<void(int64_t rows)>& progress) {
  ensure_gdal();
  // SQLite settings for a bulk write of millions of rows (this thread only): without them every
  // monthly commit copies its pages to a rollback journal and fsyncs twice (10 M rows took over
  // half an hour of I/O). Safe here: the file is a temporary, fsynced and renamed when complete.
  CPLConfigOptionSetter synchronous("OGR_SQLITE_SYNCHRONOUS", "OFF", true);
  CPLConfigOptionSetter journal("OGR_SQLITE_JOURNAL", "OFF", true);
  CPLConfigOptionSetter cache("OGR_SQLITE_CACHE", "256", true);  // MB of page cache
  ScaledDemoIncidents stream(options, incidents);
  const DemoCity& city = stream.city();
  ScaledDemoFiles files;
  files.geopackage = (fs::path(dir) / "faro-demo.gpkg").string();
  files.csv_gz = (fs::path(dir) / "faro-demo-incidents.csv.gz").string();
  AtomicOutput csv_out(files.csv_gz);
  {
    DemoCsvGzWriter csv(city, csv_out.temp_path(), files.csv_gz);
    const MoreDemoIncidents more = [&](DemoIncidentBatch& batch) {
      if (!stream.next(batch)) return false;
      csv.write(batch);
      if (progress) progress(stream.rows_emitted());
      return true;
    };
    write_demo_geopackage(city, files.geopackage, more);
    csv.finish();
  }
  csv_out.commit();
  files.incidents = stream.rows_emitted();
  files.sectors = city.sectors.size();
  files.programs = city.programs.size();
  return files;
}

}  // namespace faro::io
