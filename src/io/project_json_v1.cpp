// Version-1 project files -> a MapStyle. Before styles, a project kept the layer stack as
// "layers": [{"layer": "heatmap", "visible": true, "opacity": 0.8}, ...] (ids basemap, sectors,
// choropleth, heatmap, programs, context, points, labels) plus one "heatmap", "choropleth" and
// "points" object. The conversion keeps what the old dashboard showed: the listed order,
// visibility and opacity, missing layers inserted where the old code inserted them (with the old
// defaults: visible except choropleth and points), and the three property objects on their layers.
// The basemap entry is dropped: v1 kept no basemap path (only `faro render --basemap` gave one),
// and a basemap layer without a source is not a valid style.
#include <algorithm>

#include "io/project_reader.hpp"

namespace faro::io::project_detail {
namespace {

// The old LayerId values, in the old default (bottom-to-top) order.
constexpr LayerKind kV1Kinds[] = {LayerKind::basemap, LayerKind::sectors,  LayerKind::choropleth,
                                  LayerKind::heatmap, LayerKind::programs, LayerKind::context,
                                  LayerKind::points,  LayerKind::labels};

StyleLayer v1_default(LayerKind kind) {
  StyleLayer l = make_layer(kind);  // heatmap opacity 0.8 as in v1
  // The choropleth and the points competed with the heatmap for the eye: off until asked for.
  l.visible = kind != LayerKind::choropleth && kind != LayerKind::points;
  l.opacity = kind == LayerKind::heatmap ? 0.8f : 1.0f;
  return l;
}

std::optional<LayerKind> parse_v1_layer(std::string_view key) {
  const auto kind = parse_layer_kind(key);
  if (kind && std::find(std::begin(kV1Kinds), std::end(kV1Kinds), *kind) != std::end(kV1Kinds))
    return kind;
  return std::nullopt;
}

Rgb read_rgb(const Reader& r, const json& j, const std::string& where) {
  std::string s;
  r.text(j, "rgb", where, s);
  unsigned v = 0;
  int used = 0;
  if (s.size() != 7 || s[0] != '#' || std::sscanf(s.c_str() + 1, "%6x%n", &v, &used) != 1 ||
      used != 6)
    r.fail(Reader::join(where, "rgb"), "expected a colour #rrggbb, got '" + s + "'");
  return {static_cast<uint8_t>(v >> 16), static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)};
}

}  // namespace

MapStyle read_v1_style(const Reader& r, const json& j) {
  MapStyle style;
  const json& layers = r.array(j, "layers", "");
  for (size_t i = 0; i < layers.size(); ++i) {
    const std::string where = Reader::item("layers", i);
    if (!layers[i].is_object()) r.wrong_type(where, "an object", layers[i]);
    LayerKind kind = LayerKind::sectors;
    r.choice(layers[i], "layer", where, parse_v1_layer,
             "basemap, sectors, choropleth, heatmap, programs, context, points or labels", kind);
    StyleLayer l = v1_default(kind);
    r.boolean(layers[i], "visible", where, l.visible);
    r.number(layers[i], "opacity", where, 0, 1, l.opacity);
    if (style.find(kind))
      r.fail(where, std::string("layer '") + layer_kind_key(kind) + "' listed twice");
    style.layers.push_back(l);
  }
  // An empty list meant the default stack; a partial one got the missing layers inserted below
  // the first layer that sits above them in the default order.
  for (LayerKind kind : kV1Kinds) {
    if (style.find(kind)) continue;
    auto pos = std::find_if(style.layers.begin(), style.layers.end(), [&](const StyleLayer& l) {
      return conventional_rank(l.kind) > conventional_rank(kind);
    });
    style.layers.insert(pos, v1_default(kind));
  }
  std::erase_if(style.layers, [](const StyleLayer& l) { return l.kind == LayerKind::basemap; });

  HeatmapStyle& h = style.heatmap();
  const json& hj = r.object(j, "heatmap", "");
  r.choice(hj, "kernel", "heatmap", parse_kde_kernel, "gaussian or quartic", h.kernel);
  r.number(hj, "bandwidth_m", "heatmap", 1, 1e6, h.bandwidth_m);  // 1 m .. 1000 km
  r.choice(hj, "colormap", "heatmap", parse_colormap, "inferno, viridis or ylorrd", h.colormap);
  r.boolean(hj, "color_max_locked", "heatmap", h.color_max_locked);
  r.number(hj, "color_max", "heatmap", 0, 1e30, h.color_max);
  // v1 allowed a locked maximum of 0 (it behaved as automatic); a style requires > 0.
  if (h.color_max_locked && !(h.color_max > 0)) h.color_max_locked = false;
  if (!h.color_max_locked) h.color_max = 0;  // styles write "auto" and keep no stale value

  ChoroplethStyle& c = style.choropleth();
  const json& cj = r.object(j, "choropleth", "");
  r.choice(cj, "measure", "choropleth", parse_choropleth_measure,
           "count, per-km2, per-10k, change or change-pct", c.measure);
  r.choice(cj, "scale", "choropleth", parse_choropleth_scale,
           "quantile, continuous, equal or jenks", c.scale);
  r.integer(cj, "classes", "choropleth", 2, 9, c.classes);  // as render --classes
  r.choice(cj, "colormap", "choropleth", parse_colormap, "inferno, viridis or ylorrd", c.colormap);

  PointStyle& p = style.points();
  const json& pj = r.object(j, "points", "");
  r.number(pj, "size_px", "points", 0.5, 100, p.size_px);
  const json& colors = r.array(pj, "category_colors", "points");
  for (size_t i = 0; i < colors.size(); ++i) {
    const std::string where = Reader::item("points.category_colors", i);
    if (!colors[i].is_object()) r.wrong_type(where, "an object", colors[i]);
    std::string category;
    r.text(colors[i], "category", where, category);
    p.category_colors.emplace_back(category, read_rgb(r, colors[i], where));
  }
  return style;
}

}  // namespace faro::io::project_detail
