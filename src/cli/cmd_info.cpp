// faro info: what GDAL sees in each source, then how Faro would load it (the load report).
#include <cmath>
#include <iomanip>
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/redact.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"
#include "io/reproject.hpp"
#include "io/sector_loader.hpp"
#include "io/source_info.hpp"

namespace faro::cli {
namespace {

CommandSpec info_spec() {
  return {"info",
          "SOURCE...",
          "For each GDAL vector source (shapefile, GeoPackage, GeoJSON, FlatGeobuf, CSV,\n"
          "/vsigzip/ paths, PG: connection strings): layers, geometry type, feature count, CRS,\n"
          "extent and fields with types, then Faro's load report for the first point or polygon\n"
          "layer (rows read, loaded, rejected by reason).",
          {{"layer", "NAME", "report on this layer only"},
           {"no-load", "", "skip the load report (metadata only)"}},
          "SOURCE",
          true};
}

void print_layer(const io::LayerInfo& l, std::ostream& out) {
  out << "  layer " << l.name << "\n";
  out << "    geometry: " << l.geometry_type << "\n";
  out << "    features: "
      << (l.feature_count ? std::to_string(*l.feature_count) : std::string("unknown without a full scan"))
      << "\n";
  out << "    CRS: " << (l.srs.empty() ? "none declared" : l.srs) << "\n";
  if (l.extent)
    out << std::setprecision(10) << "    extent: (" << l.extent->xmin << ", " << l.extent->ymin
        << ") - (" << l.extent->xmax << ", " << l.extent->ymax << ")\n";
  out << "    fields (" << l.fields.size() << "):";
  for (const auto& f : l.fields) out << " " << f.name << ":" << f.type;
  out << "\n";
}

// Loads the layer the way `faro counts` would, to show what would be rejected and why.
void print_load_report(const std::string& source, const io::LayerInfo& l, std::ostream& out) {
  if (l.looks_like_points) {
    io::IncidentSourceOptions opts;
    opts.layer = l.name;
    io::IncidentLoadContext ctx;
    // Any projected CRS works for a report; use the UTM zone of the layer's own centre when known.
    ctx.work_srs = l.srs_wkt.empty() ? std::string("EPSG:4326") : l.srs_wkt;
    if (l.extent) {
      const double cx = (l.extent->xmin + l.extent->xmax) / 2, cy = (l.extent->ymin + l.extent->ymax) / 2;
      if (std::abs(cx) <= 180 && std::abs(cy) <= 90) ctx.work_srs = io::utm_srs_for_lonlat(cx, cy);
    }
    io::IncidentLoadResult r = io::load_incidents(source, opts, ctx);
    out << r.report.to_text();
  } else if (l.looks_like_polygons) {
    io::SectorSourceOptions opts;
    opts.layer = l.name;
    io::SectorLoadResult r = io::load_sectors(source, opts);
    out << r.report.to_text();
    out << "  working CRS: " << r.sectors.work_srs << ", " << r.sectors.size() << " sectors named by '"
        << r.sectors.name_field << "'\n";
  }
}

}  // namespace

int cmd_info(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = info_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  int rc = kExitOk;
  for (const std::string& source : args.positionals) {
    try {
      const io::SourceInfo info = io::describe_source(source);
      out << info.source << " (" << info.driver << ", " << info.layers.size() << " layer"
          << (info.layers.size() == 1 ? "" : "s") << ")\n";
      for (const std::string& w : info.warnings)
        out << "  GDAL warning: " << redact_credentials(w) << "\n";
      bool reported = args.has("no-load");
      for (const io::LayerInfo& l : info.layers) {
        if (args.has("layer") && l.name != *args.get("layer")) continue;
        print_layer(l, out);
        if (!reported && (l.looks_like_points || l.looks_like_polygons)) {
          try {
            print_load_report(source, l, out);
          } catch (const DataError& e) {
            out << "  not loadable as " << (l.looks_like_points ? "incidents" : "sectors") << ": "
                << redact_credentials(e.what()) << "\n";
          }
          reported = true;
        }
      }
    } catch (const DataError& e) {
      err << "faro info: " << redact_credentials(e.what()) << "\n";
      rc = kExitData;
    }
  }
  return rc;
}

}  // namespace faro::cli
