// MapStyle -> JSON (format in map_style_json.hpp): each layer writes its common keys and only its
// own kind's property object, so a file shows exactly what applies. Reading is
// map_style_json_read.cpp.
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "io/atomic_file.hpp"
#include "io/map_style_json.hpp"
#include "io/map_style_json_detail.hpp"
#include "core/hotspot_units.hpp"

namespace faro::io {
namespace style_json {
namespace {

template <typename E, size_t N, typename Parse>
std::string enum_name(E value, const char* const (&names)[N], Parse parse) {
  for (const char* n : names)
    if (parse(n) == value) return n;
  return names[0];  // unreachable for the values the parsers know
}

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

}  // namespace

const char* property_key(LayerKind kind) {
  switch (kind) {
    case LayerKind::heatmap:
      return "heatmap";
    case LayerKind::choropleth:
      return "choropleth";
    case LayerKind::points:
      return "points";
    case LayerKind::sectors:
    case LayerKind::context:
      return "line";
    case LayerKind::labels:
      return "labels";
    case LayerKind::hotspots:
      return "hotspots";
    case LayerKind::grid:
      return "grid";
    case LayerKind::basemap:
      return "basemap";
    case LayerKind::near_repeat:
      return "near_repeat";
    case LayerKind::programs:
      return nullptr;
  }
  return nullptr;
}

bool has_source(LayerKind kind) {
  return kind == LayerKind::basemap || kind == LayerKind::context;
}

double tidy(float f) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, f);
  return std::strtod(std::string(buf, r.ptr).c_str(), nullptr);
}

json layer_object(const StyleLayer& l) {
  json j;
  j["id"] = l.id;
  j["kind"] = layer_kind_key(l.kind);
  j["visible"] = l.visible;
  j["opacity"] = tidy(l.opacity);
  if (has_source(l.kind)) j["source"] = l.source;
  switch (l.kind) {
    case LayerKind::heatmap:
      j["heatmap"] = {{"kernel", kde_kernel_name(l.heatmap.kernel)},
                      {"bandwidth_m", l.heatmap.bandwidth_m},
                      {"colormap", to_string(l.heatmap.colormap)},
                      {"color_max", l.heatmap.color_max_locked ? json(tidy(l.heatmap.color_max))
                                                               : json("auto")},
                      {"adaptive", l.heatmap.adaptive}};
      break;
    case LayerKind::near_repeat:
      j["near_repeat"] = {{"radius_m", l.near_repeat.radius_m},
                          {"days", l.near_repeat.days},
                          {"relative_risk", l.near_repeat.relative_risk}};
      break;
    case LayerKind::grid:
      j["grid"] = {{"cell_m", l.grid.cell_m},
                   {"classes", l.grid.classes},
                   {"colormap", to_string(l.grid.colormap)}};
      break;
    case LayerKind::choropleth:
      j["choropleth"] = {
          {"measure", enum_name(l.choropleth.measure, kMeasureNames, parse_choropleth_measure)},
          {"scale", enum_name(l.choropleth.scale, kScaleNames, parse_choropleth_scale)},
          {"classes", l.choropleth.classes},
          {"colormap", to_string(l.choropleth.colormap)},
          {"per_year", l.choropleth.per_year}};
      break;
    case LayerKind::points: {
      json colors = json::object();
      for (const auto& [category, rgb] : l.points.category_colors) colors[category] = hex(rgb);
      j["points"] = {{"size_px", tidy(l.points.size_px)}, {"category_colors", colors}};
      break;
    }
    case LayerKind::sectors:
    case LayerKind::context:
      j["line"] = {{"color", hex(l.line.color)}, {"width_px", tidy(l.line.width_px)}};
      if (l.kind == LayerKind::context)
        j["labels"] = {{"field", l.labels.field},
                       {"min_metres_per_pixel", l.labels.min_metres_per_pixel},
                       {"max_metres_per_pixel", l.labels.max_metres_per_pixel},
                       {"size_px", tidy(l.labels.size_px)},
                       {"show", l.labels.show}};
      break;
    case LayerKind::labels:
      j["labels"] = {{"field", l.labels.field},
                     {"min_metres_per_pixel", l.labels.min_metres_per_pixel},
                     {"max_metres_per_pixel", l.labels.max_metres_per_pixel},
                     {"size_px", tidy(l.labels.size_px)}};
      break;
    case LayerKind::hotspots:
      j["hotspots"] = {{"fdr", l.hotspots.fdr},
                       {"unit", hotspot_unit_key(l.hotspots.unit)},
                       {"emerging", l.hotspots.emerging}};
      if (l.hotspots.permutations < 0)
        j["hotspots"]["permutations"] = "auto";
      else
        j["hotspots"]["permutations"] = l.hotspots.permutations;
      if (l.hotspots.unit != HotspotUnit::sectors) j["hotspots"]["cell_m"] = l.hotspots.cell_m;
      break;
    case LayerKind::basemap:
      j["basemap"] = {{"greyscale", l.basemap.greyscale}, {"dim", tidy(l.basemap.dim)}};
      break;
    case LayerKind::programs:
      break;
  }
  return j;
}

json style_object(const MapStyle& s) {
  json j;
  j["name"] = s.name;
  j["layers"] = json::array();
  for (const StyleLayer& l : s.layers) j["layers"].push_back(layer_object(l));
  const MapFurniture& f = s.furniture;
  j["furniture"] = {
      {"title", f.title},         {"subtitle", f.subtitle},       {"legend", f.legend},
      {"scale_bar", f.scale_bar}, {"north_arrow", f.north_arrow}, {"footer", f.footer}};
  return j;
}

}  // namespace style_json

std::string style_to_json(const MapStyle& style) {
  style_json::json j;
  j["faro_style"] = MapStyle::kVersion;
  j.update(style_json::style_object(style));
  return j.dump(2) + "\n";
}

void write_style_file(const MapStyle& style, const std::string& path) {
  write_file_atomically(path, style_to_json(style));
}

std::string layer_to_json(const StyleLayer& layer) {
  style_json::json j;
  j["faro_layer"] = kLayerPresetVersion;
  j.update(style_json::layer_object(layer));
  return j.dump(2) + "\n";
}

void write_layer_preset_file(const StyleLayer& layer, const std::string& path) {
  write_file_atomically(path, layer_to_json(layer));
}

}  // namespace faro::io
