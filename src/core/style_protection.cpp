#include "core/style_protection.hpp"

#include <algorithm>

namespace faro {

ProtectedStyle protect_style(const MapStyle& style, const DisclosurePolicy& policy) {
  ProtectedStyle out;
  out.style = style;
  out.style.protection = policy;
  if (!policy.partner_safe) return out;
  policy.validate();
  MapStyle& s = out.style;
  const bool points_shown = s.shows(LayerKind::points);
  std::erase_if(s.layers, [](const StyleLayer& l) { return l.kind == LayerKind::points; });
  if (points_shown) out.changes.push_back({StyleChange::Kind::points_removed});
  for (StyleLayer& l : s.layers) {
    if (l.kind == LayerKind::heatmap) {
      HeatmapStyle& h = l.heatmap;
      if (h.bandwidth_m < policy.min_bandwidth_m) {
        if (l.visible)
          out.changes.push_back(
              {StyleChange::Kind::bandwidth_raised, h.bandwidth_m, policy.min_bandwidth_m});
        h.bandwidth_m = policy.min_bandwidth_m;
      }
      if (h.color_max_locked && h.color_max > 0) {
        const auto rounded = static_cast<float>(
            round_significant(h.color_max, policy.density_significant_digits));
        if (rounded > 0 && rounded != h.color_max) {
          if (l.visible)
            out.changes.push_back({StyleChange::Kind::color_max_rounded, h.color_max, rounded});
          h.color_max = rounded;
        }
      }
      if (l.visible)
        out.changes.push_back({StyleChange::Kind::density_floor, 0, static_cast<double>(policy.k)});
    } else if (l.kind == LayerKind::choropleth) {
      if (is_change_measure(l.choropleth.measure)) {
        // Two periods' counts would each need suppression, and their difference too: draw the
        // sectors plainly rather than publish a change of a hidden count.
        const bool was_visible = l.visible;
        const float opacity = l.opacity;
        const std::string id = l.id;
        l = make_layer(LayerKind::sectors);
        l.id = id;
        l.visible = was_visible;
        l.opacity = opacity;
        if (was_visible) out.changes.push_back({StyleChange::Kind::change_map_outlined});
      } else if (l.visible) {
        out.changes.push_back(
            {StyleChange::Kind::choropleth_protected, 0, static_cast<double>(policy.k)});
      }
    }
  }
  return out;
}

}  // namespace faro
