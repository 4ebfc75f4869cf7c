#include "cli/render_style_args.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cli/distance_args.hpp"
#include "cli/lang_args.hpp"
#include "core/errors.hpp"
#include "core/messages.hpp"
#include "io/context_loader.hpp"
#include "io/style_presets.hpp"

namespace faro::cli {
namespace {

// The preset named after the kind (layers/<kind>.json), or the kind's defaults without one.
StyleLayer preset_or_default(LayerKind kind) {
  const std::vector<std::string> names = io::layer_preset_names();
  const std::string key = layer_kind_key(kind);
  if (std::find(names.begin(), names.end(), key) == names.end()) return make_layer(kind);
  return io::layer_preset(key);
}

// Shows exactly the kinds listed (in the style's order); a listed kind the style lacks is added
// from its preset at its conventional place.
void apply_layer_list(MapStyle& style, std::string_view list) {
  std::vector<LayerKind> wanted;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string_view name = list.substr(start, comma - start);
    const auto kind = parse_layer_kind(name);
    if (!kind)
      throw UsageError("--layers: unknown layer '" + std::string(name) +
                       "' (choose from heatmap, sectors, choropleth, hotspots, programs, context, "
                       "points, labels)");
    wanted.push_back(*kind);
    start = comma + 1;
  }
  for (StyleLayer& l : style.layers)
    l.visible = std::find(wanted.begin(), wanted.end(), l.kind) != wanted.end();
  for (LayerKind kind : wanted) {
    if (style.find(kind)) continue;
    StyleLayer& added = style.layer(kind);  // inserted hidden at its conventional place
    const std::string id = added.id;
    added = preset_or_default(kind);
    added.id = id;
    added.visible = true;
  }
}

}  // namespace

std::vector<OptionSpec> style_options() {
  // The default the help names is the built-in analyst style's, so the two cannot drift apart.
  const double style_bandwidth = io::default_style().heatmap().bandwidth_m;
  char bandwidth_help[96];
  std::snprintf(bandwidth_help, sizeof bandwidth_help,
                "kernel bandwidth in metres (style default %g)", style_bandwidth);
  return {
      {"style", "FILE|NAME",
       "map style: a JSON file or a built-in style (analyst, weekly-meeting, "
       "partner-presentation); default analyst"},
      {"layers", "LIST", "layers to show, e.g. heatmap,sectors,programs,labels (see above)"},
      {"context", "VECTOR", "line/polygon layer drawn as boundaries (repeatable)", true},
      {"basemap", "RASTER", "GDAL raster drawn under the map"},
      {"choropleth", "MEASURE", "count (default), per-km2, per-10k, change or change-pct"},
      {"classes", "N", "choropleth classes 2..9 (default 5)"},
      {"scale", "NAME", "choropleth scale: quantile (default), equal, jenks or continuous"},
      {"bandwidth", "DIST", bandwidth_help},
      {"kernel", "NAME", "quartic (style default) or gaussian (bandwidth = σ)"},
      {"color-max", "VALUE|auto", "top of the heatmap scale (default auto)"},
      {"colormap", "NAME", "inferno (default), viridis or ylorrd"},
      lang_option("the map's words and these notices"),
  };
}

MapStyle style_from_args(const ParsedArgs& args, MapStyle style) {
  if (auto s = args.get("style")) style = io::load_style(*s);
  if (style.layers.empty()) style = io::default_style();
  if (auto l = args.get("layers")) apply_layer_list(style, *l);
  if (args.has("choropleth") || args.has("classes") || args.has("scale")) {
    ChoroplethStyle& c = style.choropleth();
    if (auto v = args.get("choropleth")) {
      auto m = parse_choropleth_measure(*v);
      if (!m)
        throw UsageError(
            "--choropleth must be count, per-km2, per-10k, change or change-pct, got '" + *v + "'");
      if (is_change_measure(*m) && !is_change_measure(c.measure)) c.colormap = ColormapName::rdbu_r;
      c.measure = *m;
    }
    if (auto v = args.get("classes")) {
      if (*v == "continuous") {  // older spelling of --scale continuous
        c.scale = ChoroplethScale::continuous;
      } else if (v->size() == 1 && (*v)[0] >= '2' && (*v)[0] <= '9') {
        c.classes = (*v)[0] - '0';
      } else {
        throw UsageError("--classes must be a number of classes 2..9, got '" + *v + "'");
      }
    }
    if (auto v = args.get("scale")) {
      auto scale = parse_choropleth_scale(*v);
      if (!scale)
        throw UsageError("--scale must be quantile, equal, jenks or continuous, got '" + *v + "'");
      c.scale = *scale;
    }
  }
  if (args.has("bandwidth") || args.has("kernel") || args.has("color-max") ||
      args.has("colormap")) {
    HeatmapStyle& h = style.heatmap();
    if (auto b = args.get("bandwidth")) h.bandwidth_m = parse_distance_m(*b, "--bandwidth");
    if (auto k = args.get("kernel")) {
      auto kernel = parse_kde_kernel(*k);
      if (!kernel) throw UsageError("--kernel must be gaussian or quartic, got '" + *k + "'");
      h.kernel = *kernel;
    }
    if (auto c = args.get("color-max")) {
      if (*c == "auto") {
        h.color_max_locked = false;
      } else {
        try {
          size_t used = 0;
          const float v = std::stof(*c, &used);
          if (used != c->size() || !(v > 0) || !std::isfinite(v)) throw std::invalid_argument("");
          h.color_max = v;
          h.color_max_locked = true;
        } catch (const std::exception&) {
          throw UsageError("--color-max must be a positive number or auto, got '" + *c + "'");
        }
      }
    }
    if (auto c = args.get("colormap")) {
      auto cm = parse_colormap(*c);
      if (!cm) throw UsageError("--colormap must be inferno, viridis or ylorrd, got '" + *c + "'");
      h.colormap = *cm;
    }
  }
  // Under everything, greyed and dimmed; sector fills turn translucent over it.
  if (auto raster = args.get("basemap")) show_basemap(style, *raster);
  // Each --context file is a context layer of its own, just under the points and labels.
  for (const std::string& source : args.all("context")) {
    // A file of a known kind (colonias_iecm.gpkg, alcaldias.geojson...) takes its built-in
    // preset's look, label field and zoom range; any other the generic context preset's.
    const std::optional<StyleLayer> known = io::context_preset_for(source);
    StyleLayer line = known.value_or(preset_or_default(LayerKind::context));
    line.id = known ? known->id : "context";  // "colonias", "alcaldias": named in the Layers panel
    line.source = source;
    line.visible = true;
    const size_t at = style.add(line);
    // add() puts it on top; move it below the points and labels.
    size_t i = at;
    while (i > 0 && (style.layers[i - 1].kind == LayerKind::points ||
                     style.layers[i - 1].kind == LayerKind::labels)) {
      style.move(i, -1);
      --i;
    }
  }
  if (auto t = args.get("title")) style.furniture.title = *t;
  for (const std::string& problem : style_problems(style)) throw UsageError("style: " + problem);
  return style;
}

std::string describe_change(const StyleChange& c, Language language) {
  switch (c.kind) {
    case StyleChange::Kind::points_removed:
      return tr(Msg::change_points_removed, language);
    case StyleChange::Kind::near_repeat_removed:
      return tr(Msg::change_near_repeat_removed, language);
    case StyleChange::Kind::bandwidth_raised:
      return tr_format(language, Msg::change_bandwidth_raised, c.before, c.after);
    case StyleChange::Kind::color_max_rounded:
      return tr_format(language, Msg::change_color_max_rounded, c.before, c.after);
    case StyleChange::Kind::choropleth_protected:
      return tr_format(language, Msg::change_choropleth_protected, c.after);
    case StyleChange::Kind::density_floor:
      return tr_format(language, Msg::change_density_floor, c.after);
    case StyleChange::Kind::bandwidth_adapted:
      return tr_format(language, Msg::change_bandwidth_adapted, c.before, c.after, 100 * c.share);
    case StyleChange::Kind::hexagons_instead:
      return tr_format(language, Msg::change_hexagons_instead, c.after, 100 * c.share);
    case StyleChange::Kind::sectors_instead:
      return tr_format(language, Msg::change_sectors_instead, 100 * c.share);
    case StyleChange::Kind::groups_instead:
      return tr_format(language, Msg::change_groups_instead, 100 * c.share);
  }
  return "";
}

}  // namespace faro::cli
