// JSON -> MapStyle (format in map_style_json.hpp). Reading is strict: styles are written by hand
// and shared between analysts, so a misspelt key must fail loudly with its place rather than
// silently fall back to a default. Values are only type-checked here; their sense is core's
// style_problems(), checked last.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "io/map_style_json.hpp"
#include "io/map_style_json_detail.hpp"
#include "core/hotspot_units.hpp"

namespace faro::io {
namespace style_json {
namespace {

constexpr const char* kPropertyKeys[] = {"heatmap",  "choropleth", "points", "line",
                                         "labels",   "hotspots",   "grid",   "basemap"};
constexpr const char* kKindList =
    "basemap, sectors, choropleth, grid, heatmap, hotspots, programs, context, points or labels";
constexpr const char* kColormapList = "inferno, viridis, ylorrd, rdbu-r or puor-r";

// Type-checked access to one JSON object, with the JSON path for messages.
class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw StyleError(file_ + ": " + (where.empty() ? "" : where + ": ") + what);
  }
  [[noreturn]] void wrong_type(const std::string& where, const char* expected,
                               const json& got) const {
    fail(where, std::string("expected ") + expected + ", got " + got.type_name());
  }
  static std::string join(const std::string& where, std::string_view key) {
    return where.empty() ? std::string(key) : where + "." + std::string(key);
  }
  static std::string item(const std::string& where, size_t i) {
    return where + "[" + std::to_string(i) + "]";
  }

  const json& object(const json& v, const std::string& where) const {
    if (!v.is_object()) wrong_type(where, "an object", v);
    return v;
  }
  // Every key of `obj` must be in `allowed`.
  void only(const json& obj, std::initializer_list<std::string_view> allowed,
            const std::string& where) const {
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
        fail(join(where, it.key()), "unknown key");
  }
  const json* find(const json& obj, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }
  void text(const json& obj, const char* key, const std::string& where, std::string& out) const {
    if (const json* v = find(obj, key)) {
      if (!v->is_string()) wrong_type(join(where, key), "a string", *v);
      out = v->get<std::string>();
    }
  }
  void boolean(const json& obj, const char* key, const std::string& where, bool& out) const {
    if (const json* v = find(obj, key)) {
      if (!v->is_boolean()) wrong_type(join(where, key), "true or false", *v);
      out = v->get<bool>();
    }
  }
  // Any number that fits T; the value's sense is style_problems()' business.
  template <typename T>
  void number(const json& obj, const char* key, const std::string& where, T& out) const {
    if (const json* v = find(obj, key)) out = number_value<T>(*v, join(where, key));
  }
  template <typename T>
  T number_value(const json& v, const std::string& where) const {
    if (!v.is_number()) wrong_type(where, "a number", v);
    const double d = v.get<double>();
    if (!(d >= std::numeric_limits<T>::lowest() && d <= std::numeric_limits<T>::max()))
      fail(where, "number out of range: " + v.dump());
    return static_cast<T>(d);
  }
  void integer(const json& obj, const char* key, const std::string& where, int& out) const {
    if (const json* v = find(obj, key)) {
      if (!v->is_number_integer()) wrong_type(join(where, key), "an integer", *v);
      out = number_value<int>(*v, join(where, key));
    }
  }
  template <typename E, typename Parse>
  void choice(const json& obj, const char* key, const std::string& where, Parse parse,
              const char* allowed, E& out) const {
    if (!find(obj, key)) return;
    std::string name;
    text(obj, key, where, name);
    auto v = parse(name);
    if (!v) fail(join(where, key), "unknown value '" + name + "' (expected " + allowed + ")");
    out = *v;
  }
  Rgb color(const json& v, const std::string& where) const {
    if (!v.is_string()) wrong_type(where, "a colour \"#rrggbb\"", v);
    const std::string s = v.get<std::string>();
    unsigned x = 0;
    int used = 0;
    if (s.size() != 7 || s[0] != '#' || std::sscanf(s.c_str() + 1, "%6x%n", &x, &used) != 1 ||
        used != 6)
      fail(where, "expected a colour #rrggbb, got '" + s + "'");
    return {static_cast<uint8_t>(x >> 16), static_cast<uint8_t>(x >> 8), static_cast<uint8_t>(x)};
  }

 private:
  std::string file_;
};

void read_heatmap(const Reader& r, const json& j, const std::string& w, HeatmapStyle& h) {
  r.only(j, {"kernel", "bandwidth_m", "colormap", "color_max", "adaptive"}, w);
  r.boolean(j, "adaptive", w, h.adaptive);
  r.choice(j, "kernel", w, parse_kde_kernel, "gaussian or quartic", h.kernel);
  r.number(j, "bandwidth_m", w, h.bandwidth_m);
  r.choice(j, "colormap", w, parse_colormap, kColormapList, h.colormap);
  if (const json* v = r.find(j, "color_max")) {
    if (v->is_string() && v->get<std::string>() == "auto") {
      h.color_max_locked = false;
      h.color_max = 0;
    } else if (v->is_number()) {
      h.color_max_locked = true;
      h.color_max = r.number_value<float>(*v, Reader::join(w, "color_max"));
    } else {
      r.wrong_type(Reader::join(w, "color_max"), "a number or \"auto\"", *v);
    }
  }
}

void read_choropleth(const Reader& r, const json& j, const std::string& w, ChoroplethStyle& c) {
  r.only(j, {"measure", "scale", "classes", "colormap", "per_year"}, w);
  r.boolean(j, "per_year", w, c.per_year);
  r.choice(j, "measure", w, parse_choropleth_measure,
           "count, per-km2, per-10k, change or change-pct", c.measure);
  r.choice(j, "scale", w, parse_choropleth_scale, "quantile, continuous, equal or jenks", c.scale);
  r.integer(j, "classes", w, c.classes);
  r.choice(j, "colormap", w, parse_colormap, kColormapList, c.colormap);
}

void read_points(const Reader& r, const json& j, const std::string& w, PointStyle& p) {
  r.only(j, {"size_px", "category_colors"}, w);
  r.number(j, "size_px", w, p.size_px);
  if (const json* colors = r.find(j, "category_colors")) {
    const std::string at = Reader::join(w, "category_colors");
    r.object(*colors, at);
    p.category_colors.clear();
    for (auto it = colors->begin(); it != colors->end(); ++it)
      p.category_colors.emplace_back(it.key(), r.color(it.value(), Reader::join(at, it.key())));
  }
}

// The labels layer's object, or a context layer's second one (with "show").
void read_labels(const Reader& r, const json& j, const std::string& w, bool context,
                 LabelStyle& l) {
  r.object(j, w);
  if (context)
    r.only(j, {"field", "min_metres_per_pixel", "max_metres_per_pixel", "size_px", "show"}, w);
  else
    r.only(j, {"field", "min_metres_per_pixel", "max_metres_per_pixel", "size_px"}, w);
  r.text(j, "field", w, l.field);
  r.number(j, "min_metres_per_pixel", w, l.min_metres_per_pixel);
  r.number(j, "max_metres_per_pixel", w, l.max_metres_per_pixel);
  r.number(j, "size_px", w, l.size_px);
  if (context) r.boolean(j, "show", w, l.show);
}

void read_properties(const Reader& r, const json& j, const std::string& w, StyleLayer& l) {
  r.object(j, w);
  switch (l.kind) {
    case LayerKind::heatmap:
      return read_heatmap(r, j, w, l.heatmap);
    case LayerKind::choropleth:
      return read_choropleth(r, j, w, l.choropleth);
    case LayerKind::points:
      return read_points(r, j, w, l.points);
    case LayerKind::sectors:
    case LayerKind::context:
      r.only(j, {"color", "width_px"}, w);
      if (const json* c = r.find(j, "color")) l.line.color = r.color(*c, Reader::join(w, "color"));
      r.number(j, "width_px", w, l.line.width_px);
      return;
    case LayerKind::labels:
      return read_labels(r, j, w, false, l.labels);
    case LayerKind::grid:
      r.only(j, {"cell_m", "classes", "colormap"}, w);
      r.number(j, "cell_m", w, l.grid.cell_m);
      r.integer(j, "classes", w, l.grid.classes);
      r.choice(j, "colormap", w, parse_colormap, kColormapList, l.grid.colormap);
      return;
    case LayerKind::hotspots:
      r.only(j, {"permutations", "fdr", "unit", "cell_m", "emerging"}, w);
      // "auto" (or absent): chosen from the number of units (core/permutation_rule.hpp).
      if (const json* v = r.find(j, "permutations"); v && v->is_string()) {
        if (v->get<std::string>() != "auto")
          r.wrong_type(Reader::join(w, "permutations"), "an integer or \"auto\"", *v);
        l.hotspots.permutations = -1;
      } else {
        r.integer(j, "permutations", w, l.hotspots.permutations);
      }
      r.boolean(j, "fdr", w, l.hotspots.fdr);
      r.choice(j, "unit", w, parse_hotspot_unit, "sectors, grid or hex", l.hotspots.unit);
      r.number(j, "cell_m", w, l.hotspots.cell_m);
      r.boolean(j, "emerging", w, l.hotspots.emerging);
      return;
    case LayerKind::basemap:
      r.only(j, {"greyscale", "dim"}, w);
      r.boolean(j, "greyscale", w, l.basemap.greyscale);
      r.number(j, "dim", w, l.basemap.dim);
      return;
    case LayerKind::near_repeat:
      r.only(j, {"radius_m", "days", "relative_risk"}, w);
      r.number(j, "radius_m", w, l.near_repeat.radius_m);
      r.integer(j, "days", w, l.near_repeat.days);
      r.number(j, "relative_risk", w, l.near_repeat.relative_risk);
      return;
    case LayerKind::programs:
      return;  // no property object (read_layer rejects one)
  }
}

// `extra_key` ("faro_layer" in a preset file, else nullptr) is allowed and checked by the caller.
StyleLayer read_layer(const Reader& r, const json& j, const std::string& where,
                      const char* extra_key) {
  r.object(j, where);
  if (!r.find(j, "kind")) r.fail(where, "missing \"kind\" (" + std::string(kKindList) + ")");
  LayerKind kind{};
  r.choice(j, "kind", where, parse_layer_kind, kKindList, kind);
  StyleLayer l = make_layer(kind);
  const char* own = property_key(kind);
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    if (key == "id" || key == "kind" || key == "visible" || key == "opacity") continue;
    if (extra_key && key == extra_key) continue;
    if (key == "source" && has_source(kind)) continue;
    if (own && key == own) continue;
    if (kind == LayerKind::context && key == "labels") continue;  // its area names
    const bool other =
        key == "source" || std::find(std::begin(kPropertyKeys), std::end(kPropertyKeys), key) !=
                               std::end(kPropertyKeys);
    r.fail(Reader::join(where, key),
           other ? std::string("not a property of a ") + layer_kind_key(kind) + " layer"
                 : std::string("unknown key"));
  }
  r.text(j, "id", where, l.id);
  r.boolean(j, "visible", where, l.visible);
  r.number(j, "opacity", where, l.opacity);
  r.text(j, "source", where, l.source);
  if (own)
    if (const json* props = r.find(j, own)) read_properties(r, *props, Reader::join(where, own), l);
  if (kind == LayerKind::context)
    if (const json* labels = r.find(j, "labels"))
      read_labels(r, *labels, Reader::join(where, "labels"), true, l.labels);
  return l;
}

void check_version(const Reader& r, const json& j, const char* key, int supported,
                   const char* what) {
  const json* v = r.find(j, key);
  if (!v) r.fail("", std::string("not a Faro ") + what + " (no \"" + key + "\" version number)");
  if (!v->is_number_integer() || v->get<int64_t>() < 1)
    r.fail(key, "expected a format version >= 1, got " + v->dump());
  if (v->get<int64_t>() > supported)
    r.fail("", std::string("written by a newer Faro (") + what + " format " + v->dump() +
                   "; this version reads up to " + std::to_string(supported) +
                   "); update Faro to open it");
}

void check_problems(const MapStyle& style, const std::string& file, const std::string& where) {
  const std::vector<std::string> problems = style_problems(style);
  if (problems.empty()) return;
  std::string msg = file + ": " + (where.empty() ? "" : where + ": ");
  for (size_t i = 0; i < problems.size(); ++i) msg += (i ? "; " : "") + problems[i];
  throw StyleError(msg);
}

json parse(std::string_view text, const Reader& r) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e400
    r.fail("", std::string("not valid JSON (") + e.what() + ")");
  }
}

std::string read_text(const std::string& path, const char* what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw DataError(path + ": " + what + " file not found");
  // Styles are a few kB; refuse to slurp something huge by mistake.
  if (std::filesystem::file_size(path, ec) > (16u << 20))
    throw StyleError(path + ": not a Faro " + what + " (larger than 16 MB)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot open " + what + " file");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw DataError(path + ": error reading " + what + " file");
  return buf.str();
}

}  // namespace

MapStyle read_style_object(const json& j, const std::string& file, const std::string& where,
                           bool version_key) {
  const Reader r(file);
  r.object(j, where);
  if (version_key) {
    r.only(j, {"faro_style", "name", "layers", "furniture"}, where);
    if (r.find(j, "faro_style") || where.empty())
      check_version(r, j, "faro_style", MapStyle::kVersion, "style");
  } else {
    r.only(j, {"name", "layers", "furniture"}, where);
  }
  MapStyle s;
  r.text(j, "name", where, s.name);
  if (const json* layers = r.find(j, "layers")) {
    if (!layers->is_array()) r.wrong_type(Reader::join(where, "layers"), "an array", *layers);
    for (size_t i = 0; i < layers->size(); ++i)
      s.layers.push_back(
          read_layer(r, (*layers)[i], Reader::item(Reader::join(where, "layers"), i), nullptr));
  }
  if (const json* f = r.find(j, "furniture")) {
    const std::string w = Reader::join(where, "furniture");
    r.object(*f, w);
    r.only(*f, {"title", "subtitle", "legend", "scale_bar", "north_arrow", "footer"}, w);
    r.text(*f, "title", w, s.furniture.title);
    r.text(*f, "subtitle", w, s.furniture.subtitle);
    r.boolean(*f, "legend", w, s.furniture.legend);
    r.boolean(*f, "scale_bar", w, s.furniture.scale_bar);
    r.boolean(*f, "north_arrow", w, s.furniture.north_arrow);
    r.boolean(*f, "footer", w, s.furniture.footer);
  }
  check_problems(s, file, where);
  return s;
}

}  // namespace style_json

MapStyle style_from_json(std::string_view text, const std::string& file) {
  const style_json::Reader r(file);
  const style_json::json j = style_json::parse(text, r);
  if (j.is_object() && !j.contains("faro_style") && j.contains("faro_layer"))
    r.fail("", "a layer preset, not a whole style (add it to a style's \"layers\")");
  if (!j.is_object()) r.fail("", "not a Faro style (the top level is not a JSON object)");
  return style_json::read_style_object(j, file, "", true);
}

MapStyle read_style_file(const std::string& path) {
  return style_from_json(style_json::read_text(path, "style"), path);
}

StyleLayer layer_from_json(std::string_view text, const std::string& file) {
  const style_json::Reader r(file);
  const style_json::json j = style_json::parse(text, r);
  if (!j.is_object()) r.fail("", "not a Faro layer preset (the top level is not a JSON object)");
  if (!j.contains("faro_layer") && j.contains("faro_style"))
    r.fail("", "a whole style, not a layer preset");
  style_json::check_version(r, j, "faro_layer", kLayerPresetVersion, "layer preset");
  StyleLayer l = style_json::read_layer(r, j, "", "faro_layer");
  MapStyle one;
  one.layers.push_back(l);
  style_json::check_problems(one, file, "");
  return l;
}

StyleLayer read_layer_preset_file(const std::string& path) {
  return layer_from_json(style_json::read_text(path, "layer preset"), path);
}

}  // namespace faro::io
