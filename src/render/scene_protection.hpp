#pragma once
// The data-dependent pieces of partner-safe maps (core/disclosure.hpp): which sectors a protected
// choropleth greys, its legend text, and the density floor of a protected heatmap. The rules
// themselves are one function from style to protected style (core/style_protection.hpp); the
// renderer applies these pieces from MapStyle::protection (render/style_fills.hpp,
// render/style_heatmap.hpp).
//   - hidden sectors: protect_table over the sectors and "in no sector" as rows, one period
//     column, with the total (1..k-1 and their complements);
//   - densities below k x the peak of one incident's kernel are not drawn: one incident adds at
//     most K(0) to any cell, so every coloured cell is supported by at least k incidents and a
//     single incident never shows as a hot spot (the binned KDE is within 1 % of the exact sum,
//     far below the 1/k margin between k-1 and k peaks).
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/disclosure.hpp"
#include "core/kde.hpp"
#include "core/incidents.hpp"
#include "core/sectors.hpp"
#include "render/image.hpp"

namespace faro::render {

// Fill of a sector whose count is suppressed: a flat blue-grey, distinct from the YlOrRd ramp and
// from the no-data grey (220, 220, 220).
constexpr Rgba8 kSuppressedFill{150, 160, 180, 255};

// Per sector, 1 = its count in `incidents` is hidden by `policy` (see above). `marker` (optional)
// receives the table's marker: "<5", or "s" when a complement had to be 5 or more.
std::vector<uint8_t> hidden_sector_counts(const SectorSet& sectors, const IncidentStore& incidents,
                                          const DisclosurePolicy& policy,
                                          std::string* marker = nullptr);

// Legend text of the suppressed fill: "<5 (suprimido)" ("es") or "<5 (suppressed)"; with the
// marker "s" just "suprimido" / "suppressed", so the legend never claims "<5" for a complement.
std::string suppressed_label(const std::string& marker, const std::string& language);

// Smallest density (in `params`' output units) that needs at least k incidents: k * K(0) * scale.
double min_supported_density(int k, const KdeParams& params);

}  // namespace faro::render
