#include "render/hotspot_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/gi_star.hpp"
#include "core/hotspot_units.hpp"
#include "core/messages.hpp"
#include "core/partner_query.hpp"
#include "core/time_bins.hpp"
#include "render/style_fills.hpp"

namespace faro::render {
namespace {

constexpr uint64_t kSeed = 12345;  // `faro hotspots`' default seed: same units, same classes
constexpr int64_t kMaxEmergingMonths = 5000;

// The words of `one(lang)`, or "es / en" when no language was chosen (`faro hotspots` without
// --lang).
template <typename F>
std::string either(std::optional<Language> lang, F one) {
  if (lang) return one(*lang);
  const std::string es = one(Language::es), en = one(Language::en);
  return es == en ? es : es + " / " + en;
}

std::string distance_text(double m) {
  char buf[32];
  if (m >= 1000 && std::fmod(m, 1000) == 0)
    std::snprintf(buf, sizeof buf, "%g km", m / 1000);
  else
    std::snprintf(buf, sizeof buf, "%.0f m", m);
  return buf;
}

Msg pattern_msg(EmergingPattern p) {
  switch (p) {
    case EmergingPattern::none: return Msg::emerging_none;
    case EmergingPattern::new_hot: return Msg::emerging_new_hot;
    case EmergingPattern::consecutive_hot: return Msg::emerging_consecutive_hot;
    case EmergingPattern::intensifying_hot: return Msg::emerging_intensifying_hot;
    case EmergingPattern::persistent_hot: return Msg::emerging_persistent_hot;
    case EmergingPattern::diminishing_hot: return Msg::emerging_diminishing_hot;
    case EmergingPattern::sporadic_hot: return Msg::emerging_sporadic_hot;
    case EmergingPattern::oscillating_hot: return Msg::emerging_oscillating_hot;
    case EmergingPattern::historical_hot: return Msg::emerging_historical_hot;
    case EmergingPattern::new_cold: return Msg::emerging_new_cold;
    case EmergingPattern::consecutive_cold: return Msg::emerging_consecutive_cold;
    case EmergingPattern::intensifying_cold: return Msg::emerging_intensifying_cold;
    case EmergingPattern::persistent_cold: return Msg::emerging_persistent_cold;
    case EmergingPattern::diminishing_cold: return Msg::emerging_diminishing_cold;
    case EmergingPattern::sporadic_cold: return Msg::emerging_sporadic_cold;
    case EmergingPattern::oscillating_cold: return Msg::emerging_oscillating_cold;
    case EmergingPattern::historical_cold: return Msg::emerging_historical_cold;
  }
  return Msg::emerging_none;
}

constexpr Rgba8 kOutline{90, 90, 90, 255};

}  // namespace

Rgba8 emerging_fill(EmergingPattern p) {
  // Hot patterns in reds, oranges and browns, cold ones in blues and teals; the recurring
  // (sporadic, oscillating) ones in magenta / purple, so no two patterns share a colour.
  switch (p) {
    case EmergingPattern::none: return {236, 236, 236, 255};
    case EmergingPattern::new_hot: return {103, 0, 13, 255};
    case EmergingPattern::consecutive_hot: return {203, 24, 29, 255};
    case EmergingPattern::intensifying_hot: return {239, 59, 44, 255};
    case EmergingPattern::persistent_hot: return {251, 106, 74, 255};
    case EmergingPattern::diminishing_hot: return {253, 190, 133, 255};
    case EmergingPattern::sporadic_hot: return {197, 27, 125, 255};
    case EmergingPattern::oscillating_hot: return {241, 182, 218, 255};
    case EmergingPattern::historical_hot: return {166, 97, 26, 255};
    case EmergingPattern::new_cold: return {8, 48, 107, 255};
    case EmergingPattern::consecutive_cold: return {33, 102, 172, 255};
    case EmergingPattern::intensifying_cold: return {67, 147, 195, 255};
    case EmergingPattern::persistent_cold: return {146, 197, 222, 255};
    case EmergingPattern::diminishing_cold: return {209, 229, 240, 255};
    case EmergingPattern::sporadic_cold: return {94, 60, 153, 255};
    case EmergingPattern::oscillating_cold: return {178, 171, 210, 255};
    case EmergingPattern::historical_cold: return {1, 133, 113, 255};
  }
  return {236, 236, 236, 255};
}

HotspotLayer compute_hotspot_layer(const SectorSet& sectors, const IncidentStore& selection,
                                   std::optional<Period> period, const HotspotStyle& style,
                                   bool partner_safe) {
  HotspotLayer out;
  out.unit = style.unit;
  out.emerging_requested = style.emerging;
  if (style.unit == HotspotUnit::sectors) out.bins.assign(sectors.size(), 0);
  out.cell_m = partner_safe ? std::max(style.cell_m, kMinPartnerCellM) : style.cell_m;
  if (sectors.size() == 0 && selection.empty()) return out;
  const HotspotUnits units = build_units(sectors, selection, style.unit, out.cell_m);
  if (style.unit != HotspotUnit::sectors) {
    out.cells = units.shapes;
    out.bins.assign(units.size(), 0);
  }
  if (units.size() < 3) return out;
  out.units = units.size();
  // A partner's map runs permutations (as `faro hotspots` requires): fewer give way to the rule.
  std::optional<int> user;
  if (style.permutations >= 0 && !(partner_safe && style.permutations < kMinPartnerPermutations))
    user = style.permutations;
  out.p_choice = choose_permutations(units.size(), style.fdr, user);
  const std::vector<double> counts = units.counts();
  GiStarOptions options;
  options.seed = kSeed;
  options.fdr = style.fdr;
  options.permutations = out.p_choice.permutations;
  options.analytic_checked = out.p_choice.method == PValueMethod::analytic_checked;
  const GiStarResult gi = gi_star(counts, units.weights, options);
  out.bins = gi.bin;
  out.lowered_by_check = gi.lowered_by_check;
  if (!style.emerging || selection.empty()) return out;
  // Months of the period (or of the selection): ArcGIS needs at least 10 for a trend; 2 is the
  // least the analysis runs with.
  std::optional<CivilSeconds> first = selection.min_time(), last = selection.max_time();
  if (period && period->to_exclusive > period->from) {
    first = period->from;
    last = period->to_exclusive - 1;
  }
  if (!first || !last) return out;
  const int64_t b0 = bin_of(BinKind::month, *first), b1 = bin_of(BinKind::month, *last);
  const int64_t months = b1 - b0 + 1;
  if (months < 2 || months > kMaxEmergingMonths) return out;
  const std::vector<double> cube = units.counts_by_bin(selection, BinKind::month, b0, months);
  EmergingOptions eo;
  eo.fdr = style.fdr;
  const EmergingResult em =
      emerging_hotspots(cube, units.size(), static_cast<size_t>(months), units.weights, eo);
  out.patterns = em.pattern;
  out.emerging_months = static_cast<int>(months);
  return out;
}

std::vector<Rgba8> hotspot_colors(const HotspotLayer& layer) {
  std::vector<Rgba8> colors;
  if (!layer.patterns.empty()) {
    for (EmergingPattern p : layer.patterns) colors.push_back(emerging_fill(p));
    return colors;
  }
  for (int8_t b : layer.bins) colors.push_back(gi_bin_fill(b));
  return colors;
}

LegendClasses hotspot_legend(const HotspotLayer& layer, std::optional<Language> lang) {
  LegendClasses legend;
  const bool cells = layer.unit != HotspotUnit::sectors;
  if (!layer.patterns.empty()) {
    legend.title = either(lang, [&](Language l) {
      return tr_format(l, layer.emerging_weeks ? Msg::emerging_title_weeks : Msg::emerging_title,
                       layer.emerging_months);
    });
    bool used[17] = {};
    for (EmergingPattern p : layer.patterns) used[static_cast<int>(p)] = true;
    for (int p = 1; p < 17; ++p)  // hot patterns first, then cold, as EmergingPattern lists them
      if (used[p]) {
        const auto pattern = static_cast<EmergingPattern>(p);
        legend.entries.push_back(
            {either(lang, [&](Language l) { return std::string(tr(pattern_msg(pattern), l)); }),
             emerging_fill(pattern), kOutline});
      }
    legend.entries.push_back(
        {either(lang, [](Language l) { return std::string(tr(Msg::emerging_none, l)); }),
         emerging_fill(EmergingPattern::none), kOutline});
  } else {
    legend.title = either(lang, [&](Language l) {
      if (!cells) return std::string(tr(Msg::hotspot_title, l));
      return tr_format(l, Msg::hotspot_title_cells,
                       tr(layer.unit == HotspotUnit::hex ? Msg::hotspot_cells_hexagons
                                                         : Msg::hotspot_cells_squares,
                          l),
                       distance_text(layer.cell_m).c_str());
    });
    bool used[7] = {};
    for (int8_t b : layer.bins) used[b + 3] = true;
    for (int b = 3; b >= -3; --b) {
      if (!used[b + 3] && b != 0) continue;
      const int level = std::abs(b) == 3 ? 99 : std::abs(b) == 2 ? 95 : 90;
      legend.entries.push_back({either(lang,
                                       [&](Language l) {
                                         return b == 0 ? std::string(tr(
                                                             Msg::hotspot_not_significant, l))
                                                       : tr_format(l,
                                                                   b > 0 ? Msg::hotspot_hot
                                                                         : Msg::hotspot_cold,
                                                                   level);
                                       }),
                                gi_bin_fill(b), kOutline});
    }
  }
  // How the classes were made: p of the Gi* classes (emerging patterns use the cube's analytic p,
  // said by the title), or why emerging patterns are missing.
  if (layer.units > 0) {
    if (layer.emerging_requested && layer.patterns.empty())
      legend.note = either(lang, [](Language l) { return std::string(tr(Msg::emerging_needs_bins, l)); });
    else if (layer.patterns.empty())
      legend.note = either(lang, [&](Language l) { return p_method_text(layer.p_choice, l); });
  }
  return legend;
}

}  // namespace faro::render
