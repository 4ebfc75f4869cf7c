// The demo city as a GeoPackage, written through GDAL like any export, so loading the demo
// exercises the same OGR path as real data. Written to a temporary sibling and renamed (atomic).
#include "io/demo_writer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

#include "core/demo_incidents.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {
namespace fs = std::filesystem;

// Bump when the generator or the file layout changes, so stale caches are not reused.
constexpr int kDemoFileVersion = 1;

class DemoGpkgWriter {
 public:
  DemoGpkgWriter(const DemoCity& city, const std::string& target, const std::string& temp,
                 const MoreDemoIncidents* more = nullptr)
      : city_(city), target_(target), more_(more) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) fail("GDAL has no GPKG driver");
    ds_.reset(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds_) fail("cannot create the GeoPackage");
    if (srs_.SetFromUserInput(city.work_srs.c_str()) != OGRERR_NONE)
      fail("unknown CRS " + city.work_srs);
    srs_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }

  void write() {
    const std::string label =
        std::string(DemoCity::kLabel) + " — Faro demo city, seed " + std::to_string(city_.seed);
    ds_->SetMetadataItem("FARO_DEMO", label.c_str());
    ds_->SetMetadataItem("FARO_DEMO_SEED", std::to_string(city_.seed).c_str());
    ds_->SetMetadataItem("FARO_DEMO_VERSION", std::to_string(kDemoFileVersion).c_str());
    ds_->SetMetadataItem("FARO_DEMO_PROGRAM_EFFECT", std::to_string(city_.program_effect).c_str());

    OGRLayer* sectors = create_layer("sectors", wkbMultiPolygon, label,
                                     {{"sector", OFTString},
                                      {"distrito", OFTString},
                                      {"poblacion", OFTInteger},
                                      {"area_km2", OFTReal}});
    OGRLayer* incidents = create_layer("incidents", wkbPoint, label,
                                       {{"id", OFTInteger64},
                                        {"fecha", OFTDateTime},
                                        {"categoria", OFTString},
                                        {"sector", OFTString},
                                        {"distrito", OFTString}});
    OGRLayer* programs = create_layer(
        "programs", wkbMultiPolygon, label,
        {{"programa", OFTString}, {"inicio", OFTDate}, {"fin", OFTDate}, {"sectores", OFTString}});
    OGRLayer* program_sectors = create_layer(
        "program_sectors", wkbNone, label,
        {{"programa", OFTString}, {"sector", OFTString}, {"inicio", OFTDate}, {"fin", OFTDate}});
    // One transaction: 15,000 rows commit in milliseconds instead of one fsync per row.
    if (ds_->StartTransaction() != OGRERR_NONE) fail("cannot start a transaction");
    write_sectors(sectors);
    write_incidents(incidents);
    write_programs(programs, program_sectors);
    if (ds_->CommitTransaction() != OGRERR_NONE) fail("cannot commit the transaction");
    // Streamed incidents (the scaled demo): one transaction per batch (a month, ~100 k rows at
    // 10 M), so memory stays flat and SQLite never holds the whole layer in its journal.
    DemoIncidentBatch batch;
    while (more_ && (*more_)(batch)) {
      if (ds_->StartTransaction() != OGRERR_NONE) fail("cannot start a transaction");
      write_batch(incidents, batch);
      if (ds_->CommitTransaction() != OGRERR_NONE) fail("cannot commit the transaction");
    }
    // GDAL 3.6's GDALClose returns nothing: a failure to flush shows up as a captured error.
    const size_t errors_before = capture_.errors().size();
    GDALClose(ds_.release());
    if (capture_.errors().size() > errors_before) fail("cannot finish writing");
  }

 private:
  struct FieldSpec {
    const char* name;
    OGRFieldType type;
  };

  [[noreturn]] void fail(const std::string& what) const {
    std::string msg = "cannot write demo GeoPackage " + target_ + ": " + what;
    if (!capture_.last_error().empty()) msg += " (" + capture_.last_error() + ")";
    throw DataError(msg);
  }

  OGRLayer* create_layer(const char* name, OGRwkbGeometryType type, const std::string& label,
                         std::initializer_list<FieldSpec> fields) {
    const std::string identifier = city_.name + ": " + name + " (" + DemoCity::kLabel + ")";
    CPLStringList options;
    options.SetNameValue("IDENTIFIER", identifier.c_str());
    options.SetNameValue("DESCRIPTION", label.c_str());
    // Streamed millions of points: GDAL 3.6's R-tree build for them thrashed its temporary database
    // for many minutes at 10 M rows (tens of GB of page I/O); Faro's loaders read layers in full and
    // never use the index, and `ogrinfo -sql "SELECT CreateSpatialIndex(...)"` adds it if wanted.
    if (more_ && type == wkbPoint) options.SetNameValue("SPATIAL_INDEX", "NO");
    OGRLayer* layer =
        ds_->CreateLayer(name, type == wkbNone ? nullptr : &srs_, type, options.List());
    if (!layer) fail(std::string("cannot create layer ") + name);
    for (const FieldSpec& f : fields) {
      OGRFieldDefn defn(f.name, f.type);
      if (std::string(f.name) == "sectores") defn.SetSubType(OFSTJSON);  // JSON list of names
      if (layer->CreateField(&defn) != OGRERR_NONE)
        fail(std::string("cannot create field ") + name + "." + f.name);
    }
    layer->SetMetadataItem("FARO_DEMO", label.c_str());
    return layer;
  }

  void add(OGRLayer* layer, OGRFeature& feature, const char* what) {
    if (layer->CreateFeature(&feature) != OGRERR_NONE) fail(std::string("cannot write ") + what);
  }

  static std::unique_ptr<OGRPolygon> to_ogr(const Polygon& polygon) {
    auto out = std::make_unique<OGRPolygon>();
    auto add_ring = [&](const Ring& ring) {
      auto r = std::make_unique<OGRLinearRing>();
      for (const Vec2& v : ring) r->addPoint(v.x, v.y);
      r->closeRings();
      out->addRingDirectly(r.release());
    };
    add_ring(polygon.outer);
    for (const Ring& hole : polygon.holes) add_ring(hole);
    return out;
  }

  static std::unique_ptr<OGRMultiPolygon> to_ogr(const MultiPolygon& shape) {
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& p : shape) out->addGeometryDirectly(to_ogr(p).release());
    return out;
  }

  static void set_date(OGRFeature& f, const char* field, CivilSeconds t, bool with_time) {
    const CivilDate d = civil_from_days(days_of(t));
    const int s = seconds_of_day(t);
    if (with_time) {
      f.SetField(field, d.y, d.m, d.d, s / 3600, (s / 60) % 60, static_cast<float>(s % 60), 0);
    } else {
      f.SetField(field, d.y, d.m, d.d, 0, 0, 0.0f, 0);
    }
  }

  void write_sectors(OGRLayer* layer) {
    const SectorSet& set = city_.sectors;
    for (size_t i = 0; i < set.size(); ++i) {
      const Sector& s = set.sectors[i];
      OGRFeature f(layer->GetLayerDefn());
      f.SetField("sector", s.name.c_str());
      f.SetField("distrito", city_.districts[i].c_str());
      if (s.population) f.SetField("poblacion", static_cast<int>(*s.population));
      f.SetField("area_km2", s.area_m2 / 1e6);
      f.SetGeometryDirectly(to_ogr(s.shape).release());
      add(layer, f, ("sector " + s.name).c_str());
    }
  }

  void write_incidents(OGRLayer* layer) {
    const IncidentStore& inc = city_.incidents;
    OGRFeature f(layer->GetLayerDefn());
    for (size_t i = 0; i < inc.size(); ++i) {
      f.SetFID(city_.incident_ids[i]);
      f.SetField("id", static_cast<GIntBig>(city_.incident_ids[i]));
      set_date(f, "fecha", inc.t[i], inc.flags[i] & kHasTimeOfDay);
      f.SetField("categoria", inc.categories.name(inc.category[i]).c_str());
      const int32_t s = inc.sector.empty() ? kNoSector : inc.sector[i];
      if (s >= 0) {
        f.SetField("sector", city_.sectors.sectors[s].name.c_str());
        f.SetField("distrito", city_.districts[s].c_str());
      } else {
        f.SetFieldNull(f.GetFieldIndex("sector"));
        f.SetFieldNull(f.GetFieldIndex("distrito"));
      }
      f.SetGeometryDirectly(new OGRPoint(inc.x[i], inc.y[i]));
      add(layer, f, "incidents");
    }
  }

  void write_batch(OGRLayer* layer, const DemoIncidentBatch& b) {
    OGRFeature f(layer->GetLayerDefn());
    const int sector_field = f.GetFieldIndex("sector"), district_field = f.GetFieldIndex("distrito");
    const int id_field = f.GetFieldIndex("id"), category_field = f.GetFieldIndex("categoria");
    for (size_t i = 0; i < b.size(); ++i) {
      const int64_t id = b.first_id + static_cast<int64_t>(i);
      f.SetFID(id);
      f.SetField(id_field, static_cast<GIntBig>(id));
      set_date(f, "fecha", b.t[i], true);
      f.SetField(category_field, std::string(demo::kCategoryNames[b.category[i]]).c_str());
      f.SetField(sector_field, city_.sectors.sectors[b.sector[i]].name.c_str());
      f.SetField(district_field, city_.districts[b.sector[i]].c_str());
      f.SetGeometryDirectly(new OGRPoint(b.x[i], b.y[i]));
      add(layer, f, "incidents");
    }
  }

  void write_programs(OGRLayer* programs, OGRLayer* program_sectors) {
    for (const Program& p : city_.programs) {
      OGRFeature f(programs->GetLayerDefn());
      f.SetField("programa", p.name.c_str());
      std::string json = "[";
      CivilSeconds first = 0;
      for (size_t k = 0; k < p.sectors.size(); ++k) {
        const ProgramSector& ps = p.sectors[k];
        first = k == 0 ? ps.start : std::min(first, ps.start);
        json += (k ? ", \"" : "\"") + ps.sector + "\"";  // names are plain text, no quotes
        OGRFeature row(program_sectors->GetLayerDefn());
        row.SetField("programa", p.name.c_str());
        row.SetField("sector", ps.sector.c_str());
        set_date(row, "inicio", ps.start, false);
        if (ps.end)
          set_date(row, "fin", *ps.end, false);
        else
          row.SetFieldNull(row.GetFieldIndex("fin"));
        add(program_sectors, row, "program_sectors");
      }
      json += "]";
      f.SetField("sectores", json.c_str());
      if (!p.sectors.empty()) set_date(f, "inicio", first, false);
      f.SetFieldNull(f.GetFieldIndex("fin"));
      f.SetGeometryDirectly(dissolve(p.area).release());
      add(programs, f, "programs");
    }
  }

  // Member sectors share edges exactly (snapped to 1 cm), so the GEOS union is one clean polygon
  // per connected group; the parts are kept as they are if GEOS is unavailable.
  static std::unique_ptr<OGRGeometry> dissolve(const MultiPolygon& parts) {
    std::unique_ptr<OGRMultiPolygon> multi = to_ogr(parts);
    if (parts.empty()) return multi;
    std::unique_ptr<OGRGeometry> merged(multi->UnionCascaded());
    if (!merged) return multi;
    return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(merged.release()));
  }

  const DemoCity& city_;
  std::string target_;
  const MoreDemoIncidents* more_ = nullptr;
  GdalMessageCapture capture_;  // declared before ds_: GDAL messages while writing land here
  GDALDatasetUniquePtr ds_;
  OGRSpatialReference srs_;
};

std::string cache_directory() {
  if (const char* d = std::getenv("FARO_CACHE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/faro";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/faro";
  return (fs::temp_directory_path() / "faro-cache").string();
}

}  // namespace

void write_demo_geopackage(const DemoCity& city, const std::string& path) {
  write_demo_geopackage(city, path, MoreDemoIncidents{});
}

void write_demo_geopackage(const DemoCity& city, const std::string& path,
                           const MoreDemoIncidents& more) {
  ensure_gdal();
  AtomicOutput out(path);
  {
    DemoGpkgWriter writer(city, path, out.temp_path(), more ? &more : nullptr);
    writer.write();
  }
  out.commit();
}

std::string demo_geopackage_path(uint64_t seed) {
  const fs::path dir = cache_directory();
  const fs::path path = dir / ("demo-seed" + std::to_string(seed) + "-v" +
                               std::to_string(kDemoFileVersion) + ".gpkg");
  static std::mutex generating;  // one generation at a time within the process
  std::lock_guard<std::mutex> lock(generating);
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return path.string();
  fs::create_directories(dir, ec);
  if (ec) throw DataError("cannot create cache folder " + dir.string() + ": " + ec.message());
  DemoOptions options;
  options.seed = seed;
  write_demo_geopackage(generate_demo_city(options), path.string());
  return path.string();
}

}  // namespace faro::io
