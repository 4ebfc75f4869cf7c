#include "core/style_protection.hpp"

#include <algorithm>

#include "core/adaptive_protection.hpp"

namespace faro {

namespace {

// Replaces the heatmap layer `l` by what `choice` says (core/adaptive_protection.hpp).
void adapt_heatmap(StyleLayer& l, const RepresentationChoice& choice, ProtectedStyle& out) {
  switch (choice.kind) {
    case Representation::heatmap:
      if (choice.bandwidth_m > l.heatmap.bandwidth_m) {
        out.changes.push_back({StyleChange::Kind::bandwidth_adapted, l.heatmap.bandwidth_m,
                               choice.bandwidth_m, choice.published});
        l.heatmap.bandwidth_m = choice.bandwidth_m;
      }
      return;
    case Representation::hexagons: {
      StyleLayer grid = make_layer(LayerKind::grid);
      grid.id = l.id;
      grid.opacity = std::max(l.opacity, 0.85f);
      grid.grid.cell_m = choice.cell_m;
      out.changes.push_back(
          {StyleChange::Kind::hexagons_instead, 0, choice.cell_m, choice.published});
      l = grid;
      return;
    }
    case Representation::sectors: {
      StyleLayer sectors = make_layer(LayerKind::choropleth);
      sectors.id = l.id;
      sectors.choropleth.per_year = false;  // the counts the suppression speaks of
      out.changes.push_back({StyleChange::Kind::sectors_instead, 0, 0, choice.published});
      l = sectors;
      return;
    }
    case Representation::groups: {
      StyleLayer groups = make_layer(LayerKind::choropleth);
      groups.id = l.id;
      groups.choropleth.per_year = false;  // the counts the suppression speaks of
      groups.choropleth.group_field = choice.group_field;
      out.changes.push_back({StyleChange::Kind::groups_instead, 0, 0, choice.published});
      // The footer's "unit:" names what the counts are of.
      out.style.protection->unit = DisclosureUnit::sector_group;
      l = groups;
      return;
    }
  }
}

// protect_style with the data to choose from, or a choice already made.
ProtectedStyle protect(const MapStyle& style, const DisclosurePolicy& policy,
                       const ProtectionData* data, const RepresentationChoice* fixed) {
  ProtectedStyle out;
  out.style = style;
  out.style.protection = policy;
  if (!policy.partner_safe) return out;
  policy.validate();
  MapStyle& s = out.style;
  const bool points_shown = s.shows(LayerKind::points);
  std::erase_if(s.layers, [](const StyleLayer& l) { return l.kind == LayerKind::points; });
  if (points_shown) out.changes.push_back({StyleChange::Kind::points_removed});
  const bool zones_shown = s.shows(LayerKind::near_repeat);
  std::erase_if(s.layers, [](const StyleLayer& l) { return l.kind == LayerKind::near_repeat; });
  if (zones_shown) out.changes.push_back({StyleChange::Kind::near_repeat_removed});
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
      if (l.visible && data && !h.adaptive) {
        // Pinned: keep it, and mark the sectors where it hides incidents (never a silent blank).
        KdeParams params;
        params.kernel = h.kernel;
        params.bandwidth_m = h.bandwidth_m;
        params.period_years = data->period_years;
        out.style.heatmap_hidden_sectors =
            sectors_hidden_by_heatmap(*data, params, policy, data->sector_counts.size());
      }
      if (l.visible && (data || fixed) && h.adaptive && !out.style.adapted) {
        const RepresentationChoice choice =
            fixed ? *fixed : choose_representation(h, *data, policy);
        out.style.adapted = choice;
        adapt_heatmap(l, choice, out);
        if (l.kind != LayerKind::heatmap) continue;  // no density floor to state
      }
      if (l.visible)
        out.changes.push_back({StyleChange::Kind::density_floor, 0, static_cast<double>(policy.k)});
    } else if (l.kind == LayerKind::choropleth) {
      // Count, rate and change maps alike: the renderer greys the sectors whose count (in either
      // period, for a change) is hidden (render/style_fills.hpp).
      if (l.visible) {
        out.changes.push_back(
            {StyleChange::Kind::choropleth_protected, 0, static_cast<double>(policy.k)});
      }
    }
  }
  return out;
}

}  // namespace

ProtectedStyle protect_style(const MapStyle& style, const DisclosurePolicy& policy,
                             const ProtectionData* data) {
  return protect(style, policy, data, nullptr);
}

ProtectedStyle protect_style(const MapStyle& style, const DisclosurePolicy& policy,
                             const RepresentationChoice& choice) {
  return protect(style, policy, nullptr, &choice);
}

}  // namespace faro
