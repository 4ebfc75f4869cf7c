#include "cli/hotspot_output.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

#include "cli/data_args.hpp"
#include "cli/lang_args.hpp"
#include "core/errors.hpp"
#include "io/png_writer.hpp"
#include "io/reproject.hpp"
#include "render/camera.hpp"
#include "render/egl_context.hpp"
#include "render/map_overlay.hpp"
#include "render/map_scene.hpp"

namespace faro::cli {
namespace {

std::string num(double v, int precision = 6) {
  if (std::isnan(v)) return "";
  std::ostringstream s;
  s << std::setprecision(precision) << v;
  return s.str();
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string json_number(double v) {
  return std::isnan(v) ? "null" : num(v, 8);
}

bool hidden(const HotspotReport& r, size_t u) {
  return u < r.count_hidden.size() && r.count_hidden[u];
}

// A statistic as published: nothing when partner-safe (see HotspotReport).
double stat(const HotspotReport& r, double v) {
  return r.partner_safe ? std::nan("") : v;
}

}  // namespace

std::string hotspots_csv(const HotspotReport& r) {
  std::ostringstream csv;
  if (!r.notice.empty()) csv << "# " << r.notice << '\n';
  csv << "unit,count,gi_z,p,p_fdr,class,gi_bin,p_norm";
  if (r.emerging) csv << ",emerging,trend_z,trend_p";
  csv << ",p_method\n";
  const std::string method = csv_field(p_method_field(r.p_choice));
  const std::vector<double>& p = r.gi.p();
  for (size_t u = 0; u < r.units->size(); ++u) {
    csv << csv_field(r.units->names[u]) << ',';
    if (hidden(r, u))
      csv << csv_field(r.marker);
    else
      csv << r.counts[u];
    csv << ',' << num(stat(r, r.gi.z[u])) << ',' << num(stat(r, p[u])) << ','
        << num(stat(r, r.gi.p_fdr[u])) << ',' << gi_bin_label(r.gi.bin[u]) << ','
        << static_cast<int>(r.gi.bin[u]) << ',' << num(stat(r, r.gi.p_norm[u]));
    if (r.emerging)
      csv << ',' << to_string(r.emerging->pattern[u]) << ',' << num(stat(r, r.emerging->trend[u].z))
          << ',' << num(stat(r, r.emerging->trend[u].p));
    csv << ',' << method << '\n';
  }
  return csv.str();
}

std::string hotspots_geojson(const HotspotReport& r) {
  const io::Reprojector to_wgs84(r.work_srs, "EPSG:4326");
  std::ostringstream js;
  js << "{\"type\":\"FeatureCollection\",";
  if (!r.notice.empty()) js << "\"faro_notice\":" << json_string(r.notice) << ',';
  js << "\"features\":[\n";
  const std::vector<double>& p = r.gi.p();
  size_t failed = 0;
  for (size_t u = 0; u < r.units->size(); ++u) {
    if (u) js << ",\n";
    js << "{\"type\":\"Feature\",\"properties\":{\"unit\":" << json_string(r.units->names[u])
       << ",\"count\":" << (hidden(r, u) ? std::string("null") : num(r.counts[u]))
       << ",\"suppressed\":" << (hidden(r, u) ? "true" : "false")
       << ",\"gi_z\":" << json_number(stat(r, r.gi.z[u])) << ",\"p\":" << json_number(stat(r, p[u]))
       << ",\"p_fdr\":" << json_number(stat(r, r.gi.p_fdr[u]))
       << ",\"class\":" << json_string(gi_bin_label(r.gi.bin[u]))
       << ",\"gi_bin\":" << static_cast<int>(r.gi.bin[u])
       << ",\"p_method\":" << json_string(p_method_field(r.p_choice));
    if (r.emerging)
      js << ",\"emerging\":" << json_string(to_string(r.emerging->pattern[u]))
         << ",\"trend_z\":" << json_number(stat(r, r.emerging->trend[u].z));
    js << "},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[";
    const MultiPolygon& shape = r.units->shapes[u];
    for (size_t k = 0; k < shape.size(); ++k) {
      js << (k ? ",[" : "[");
      std::vector<const Ring*> rings{&shape[k].outer};
      for (const Ring& h : shape[k].holes) rings.push_back(&h);
      for (size_t ri = 0; ri < rings.size(); ++ri) {
        std::vector<double> xs, ys;
        for (const Vec2& v : *rings[ri]) xs.push_back(v.x), ys.push_back(v.y);
        if (!xs.empty()) xs.push_back(xs.front()), ys.push_back(ys.front());  // closed in GeoJSON
        std::vector<int> ok(xs.size(), 1);
        failed += to_wgs84.transform(xs.size(), xs.data(), ys.data(), ok.data());
        js << (ri ? ",[" : "[");
        for (size_t i = 0; i < xs.size(); ++i)
          js << (i ? "," : "") << '[' << num(xs[i], 10) << ',' << num(ys[i], 10) << ']';
        js << ']';
      }
      js << ']';
    }
    js << "]}}";
  }
  js << "\n]}\n";
  if (failed)
    throw DataError(std::to_string(failed) + " vertices could not be reprojected to WGS 84");
  return js.str();
}

void write_hotspots_png(const HotspotReport& r, const std::string& path, int width, int height) {
  // The units as a sector set, so the one renderer draws them as a hotspots layer's fills.
  SectorSet set;
  set.work_srs = r.work_srs;
  for (size_t u = 0; u < r.units->size(); ++u) {
    Sector s;
    s.name = r.units->names[u];
    s.shape = r.units->shapes[u];
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    set.sectors.push_back(std::move(s));
  }
  // This command's classes (its weights, seed and bins) as the hotspots layer's result, so colours
  // and legend are the dashboard's: Gi* classes, or the emerging patterns with --emerging.
  render::HotspotLayer layer;
  layer.unit = r.units->kind;
  layer.cell_m = r.units->cell_m;
  layer.bins = r.gi.bin;
  layer.units = r.units->size();
  layer.p_choice = r.p_choice;
  layer.lowered_by_check = r.gi.lowered_by_check;
  if (r.emerging) {
    layer.emerging_requested = true;
    layer.patterns = r.emerging->pattern;
    layer.emerging_months = r.emerging_months;
    layer.emerging_weeks = r.emerging_weeks;
  }
  const std::vector<render::Rgba8> colors = render::hotspot_colors(layer);
  // One hotspots layer drawn through the one renderer (render/map_scene.hpp), with the classes
  // this command computed; grid cells get thin light outlines, sectors the darker default.
  MapStyle style;
  StyleLayer hot = make_layer(LayerKind::hotspots);
  if (r.units->kind != UnitKind::sectors) hot.line = {{190, 190, 190}, 0.5f};
  style.add(hot);
  render::MapSceneOptions opt;
  opt.width = width;
  opt.height = height;
  opt.title = r.title;
  opt.subtitle = r.subtitle;
  opt.source_line = r.source_line;
  opt.synthetic = r.synthetic;
  opt.language = r.language.value_or(Language::es);
  if (r.partner_safe)
    opt.footer_lines = {r.notice};
  else if (!r.notice.empty())
    opt.stamp = r.notice;
  static const IncidentStore kNone;
  render::MapSceneData data;
  data.sectors = &set;
  data.incidents = &kNone;
  data.hotspot_colors = &colors;
  data.hotspot_legend = render::hotspot_legend(layer, r.language);
  render::RgbaImage image;
  try {
    image = render::render_map_scene(data, style, opt).image;
  } catch (const render::GlUnavailable& e) {
    throw DataError(std::string("no headless OpenGL 3.3 available for the PNG: ") + e.what());
  }
  io::write_png_rgba(path, image.pixels, image.width, image.height);
}

}  // namespace faro::cli
