#include "render/scene_protection.hpp"

#include <algorithm>
#include <cstdio>

#include "core/errors.hpp"
#include "core/messages.hpp"

namespace faro::render {

double min_supported_density(int k, const KdeParams& params) {
  return k * params.kernel_value(0.0) * params.output_scale();
}

std::vector<uint8_t> hidden_sector_counts(const SectorSet& sectors, const IncidentStore& incidents,
                                          const DisclosurePolicy& policy, std::string* marker) {
  const size_t n = sectors.sectors.size();
  std::vector<int64_t> cells(n + 1, 0);  // sectors, then "in no sector"
  for (int32_t s : incidents.sector)
    ++cells[s >= 0 && static_cast<size_t>(s) < n ? static_cast<size_t>(s) : n];
  const ProtectedTable table = protect_table(cells, n + 1, 1, policy);
  if (marker) *marker = table.marker;
  std::vector<uint8_t> hidden(n);
  for (size_t s = 0; s < n; ++s) hidden[s] = table.is_hidden(s, 0);
  return hidden;
}

std::string suppressed_label(const std::string& marker, const std::string& language) {
  const char* word = tr(Msg::suppressed, language_from_code(language));
  return marker.rfind('<', 0) == 0 ? marker + " (" + word + ")" : std::string(word);
}

std::vector<std::string> protect_scene_options(const DisclosurePolicy& policy,
                                               MapSceneOptions& opts,
                                               std::optional<CivilSeconds> from,
                                               std::optional<CivilSeconds> to_exclusive) {
  std::vector<std::string> changes;
  if (!policy.partner_safe) {
    opts.stamp = internal_use_stamp();
    return changes;
  }
  policy.validate();
  if (opts.layers.erase(SceneLayer::points))
    changes.push_back("points layer removed (exact incident locations)");
  // The renderer refuses this combination; refuse it here too, before the choropleth is dropped,
  // so a partner-safe render gives the same usage error as an internal one.
  if (opts.choropleth_scale == ChoroplethScale::continuous &&
      opts.layers.count(SceneLayer::heatmap) && opts.layers.count(SceneLayer::choropleth))
    throw UsageError(
        "a continuous choropleth and the heatmap would share one colour-ramp legend; "
        "use quantile classes with the heatmap, or drop one of the two layers");
  if (opts.layers.count(SceneLayer::choropleth) && is_change_measure(opts.choropleth)) {
    opts.layers.erase(SceneLayer::choropleth);
    opts.layers.insert(SceneLayer::sectors);
    changes.push_back(
        "change choropleth replaced by sector outlines (suppression of two periods not "
        "implemented; use faro export for protected counts)");
  } else if (opts.layers.count(SceneLayer::choropleth)) {
    opts.choropleth_protection = policy;
    changes.push_back("choropleth: sector counts below " + std::to_string(policy.k) +
                      " (and complements) coloured as suppressed");
  }
  char line[160];
  if (opts.kde.bandwidth_m < policy.min_bandwidth_m) {
    std::snprintf(line, sizeof line, "bandwidth raised from %.0f m to %.0f m", opts.kde.bandwidth_m,
                  policy.min_bandwidth_m);
    changes.push_back(line);
    opts.kde.bandwidth_m = policy.min_bandwidth_m;
  }
  // The same period scaling as the renderer (per year when the period is given).
  KdeParams params = opts.kde;
  params.period_years = from && to_exclusive ? period_years_between(*from, *to_exclusive) : 0;
  opts.min_drawn_density =
      std::max(opts.min_drawn_density, min_supported_density(policy.k, params));
  if (opts.layers.count(SceneLayer::heatmap)) {
    std::snprintf(line, sizeof line, "densities below %.3g (the peak of %d incidents) not drawn",
                  opts.min_drawn_density, policy.k);
    changes.push_back(line);
  }
  if (opts.color_max) {
    const float rounded =
        static_cast<float>(round_significant(*opts.color_max, policy.density_significant_digits));
    if (rounded > 0) opts.color_max = rounded;
  }
  opts.domain_significant_digits = policy.density_significant_digits;
  // In the map's language only: an English map carries no Spanish sentence, and the reverse.
  opts.footer_lines = {protection_footer(policy, language_from_code(opts.language))};
  return changes;
}

}  // namespace faro::render
