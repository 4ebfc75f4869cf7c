#include "render/style_fills.hpp"

#include <cmath>

#include "core/brief_level.hpp"
#include "core/gi_star.hpp"
#include "core/locked_classes.hpp"
#include "core/messages.hpp"
#include "core/weekly_brief.hpp"
#include "render/scene_protection.hpp"

namespace faro::render {
namespace {

std::string lang_code(Language l) { return language_code(l); }

// Sectors whose count a partner-safe table would hide: the sectors and "in no sector" as rows of
// one period column, with the total (render/scene_protection.hpp explains the rule).
std::vector<uint8_t> hidden_sectors(const SceneCounts& counts, const DisclosurePolicy& policy,
                                    std::string& marker) {
  const size_t n = counts.current.size();
  std::vector<int64_t> cells(n + 1, 0);
  for (size_t s = 0; s < n; ++s) cells[s] = std::llround(counts.current[s]);
  cells[n] = std::llround(counts.outside);
  const ProtectedTable table = protect_table(cells, n + 1, 1, policy);
  marker = table.marker;
  std::vector<uint8_t> hidden(n);
  for (size_t s = 0; s < n; ++s) hidden[s] = table.is_hidden(s, 0);
  return hidden;
}

// Per sector, 1 = its count in the current or the previous period is hidden when both periods are
// published as one table (rows: sectors and "in no sector"; columns: now, before).
std::vector<uint8_t> hidden_change_pairs(const SceneCounts& counts, const DisclosurePolicy& policy,
                                         std::string& marker) {
  const size_t n = counts.current.size();
  std::vector<int64_t> cells(2 * (n + 1), 0);
  for (size_t s = 0; s < n; ++s) {
    cells[2 * s] = std::llround(counts.current[s]);
    cells[2 * s + 1] = std::llround((*counts.previous)[s]);
  }
  cells[2 * n] = std::llround(counts.outside);
  cells[2 * n + 1] = std::llround(counts.previous_outside);
  const ProtectedTable table = protect_table(cells, n + 1, 2, policy);
  marker = table.marker;
  std::vector<uint8_t> hidden(n);
  for (size_t s = 0; s < n; ++s) hidden[s] = table.is_hidden(s, 0) || table.is_hidden(s, 1);
  return hidden;
}

std::string units_of(ChoroplethMeasure m, bool per_year, Language lang) {
  if (m == ChoroplethMeasure::change) return tr(Msg::map_change_count_title, lang);
  if (m == ChoroplethMeasure::change_pct) return tr(Msg::map_change_pct_title, lang);
  return choropleth_units(m, lang) + (per_year ? tr(Msg::map_per_year_suffix, lang) : "");
}

// Classes of `values` from the data, or the style's locked ones (an animation's).
Choropleth classify_for(std::vector<std::optional<double>> values, const ChoroplethStyle& style,
                        ColormapName colormap, int classes) {
  if (!style.locked_classes.empty())
    return classify_locked(std::move(values), style.locked_classes, style.scale, colormap);
  return classify(std::move(values), style.scale, colormap, classes);
}

std::vector<double> published_values(const std::vector<std::optional<double>>& values) {
  std::vector<double> out;
  for (const auto& v : values)
    if (v && std::isfinite(*v)) out.push_back(*v);
  return out;
}

// One value per group of sectors (nullopt: none, e.g. no population), and per group whether
// protection hides its count: the groups and "in no group" as rows of one column, with the total.
struct GroupValues {
  std::vector<std::optional<double>> values;
  std::vector<uint8_t> hidden;
  std::string marker;
};

GroupValues group_values(const SectorSet& sectors, const SectorGroups& groups,
                         const SceneCounts& counts, ChoroplethMeasure measure, double period_years,
                         const std::optional<DisclosurePolicy>& protection) {
  const size_t n = groups.names.size();
  std::vector<double> count(n, 0), area_m2(n, 0), population(n, 0);
  std::vector<uint8_t> population_known(n, 1);
  double elsewhere = counts.outside;
  for (size_t s = 0; s < sectors.size() && s < counts.current.size(); ++s) {
    const int32_t g = s < groups.of_sector.size() ? groups.of_sector[s] : -1;
    if (g < 0 || static_cast<size_t>(g) >= n) {
      elsewhere += counts.current[s];
      continue;
    }
    const Sector& sec = sectors.sectors[s];
    count[g] += counts.current[s];
    area_m2[g] += sec.area_m2;
    if (sec.population) population[g] += *sec.population;
    else population_known[g] = 0;
  }
  GroupValues out;
  const double per_year = period_years > 0 ? 1.0 / period_years : 1.0;
  out.values.resize(n);
  for (size_t g = 0; g < n; ++g) {
    if (measure == ChoroplethMeasure::per_km2) {
      if (area_m2[g] > 0) out.values[g] = count[g] * per_year / (area_m2[g] * 1e-6);
    } else if (measure == ChoroplethMeasure::per_10k) {
      if (population_known[g] && population[g] > 0)
        out.values[g] = count[g] * per_year / population[g] * 1e4;
    } else {
      out.values[g] = count[g] * per_year;
    }
  }
  out.hidden.assign(n, 0);
  if (protection && protection->partner_safe) {
    std::vector<int64_t> cells(n + 1, 0);
    for (size_t g = 0; g < n; ++g) cells[g] = std::llround(count[g]);
    cells[n] = std::llround(elsewhere);
    const ProtectedTable table = protect_table(cells, n + 1, 1, *protection);
    out.marker = table.marker;
    for (size_t g = 0; g < n; ++g) out.hidden[g] = table.is_hidden(g, 0);
  }
  return out;
}

// The group-of-sectors choropleth (ChoroplethStyle::group_field): classes from one value per
// group, every sector filled with its group's colour. Pale fills when no group has a value.
SectorFills group_fills(const SectorSet& sectors, const SectorGroups& groups,
                        const SceneCounts& counts, const ChoroplethStyle& style,
                        ChoroplethMeasure measure,
                        const std::optional<DisclosurePolicy>& protection, Language language) {
  const size_t n = sectors.size();
  SectorFills out = pale_fills(n);
  const double years = style.per_year ? counts.period_years : 0;
  GroupValues gv = group_values(sectors, groups, counts, measure, years, protection);
  for (size_t g = 0; g < gv.values.size(); ++g)
    if (gv.hidden[g]) gv.values[g].reset();  // breaks from published values only
  out.published = published_values(gv.values);
  const bool any_hidden = std::find(gv.hidden.begin(), gv.hidden.end(), 1) != gv.hidden.end();
  if (out.published.empty() && !any_hidden) return out;
  const Choropleth by_group =
      classify_for(gv.values, style, style.colormap, std::clamp(style.classes, 2, 9));
  Choropleth c = by_group;  // per sector from here: its group's value and colour
  c.values.assign(n, std::nullopt);
  c.colors.assign(n, kNoDataColor);
  for (size_t s = 0; s < n; ++s) {
    const int32_t g = groups.of_sector[s];
    if (g < 0) continue;
    c.values[s] = by_group.values[g];
    c.colors[s] = by_group.colors[g];
  }
  for (size_t s = 0; s < n; ++s) out.colors[s] = {c.colors[s].r, c.colors[s].g, c.colors[s].b, 255};
  const std::string lang = lang_code(language);
  out.units = tr_format(language, Msg::legend_by_group,
                        units_of(measure, years > 0, language).c_str(),
                        group_unit_word(groups.field, language).c_str());
  if (!by_group.classes.empty() || style.scale == ChoroplethScale::continuous)
    out.legend = choropleth_legend(c, style.scale, style.colormap, out.units, "", lang);
  for (size_t s = 0; s < n; ++s) {
    const int32_t g = groups.of_sector[s];
    if (g >= 0 && gv.hidden[g]) out.colors[s] = kSuppressedFill, ++out.hidden;
  }
  if (out.hidden > 0) {
    if (!out.legend.classes) out.legend.classes = LegendClasses{out.units, {}};
    out.legend.classes->entries.push_back(
        {suppressed_label(gv.marker, lang), kSuppressedFill, Rgba8{90, 90, 90, 255}});
  }
  out.choropleth = std::move(c);
  return out;
}

}  // namespace

SectorGroups sector_groups(const SectorSet& sectors, const std::string& field) {
  SectorGroups out;
  const auto& names = sectors.attribute_names;
  const auto it = std::find(names.begin(), names.end(), field);
  if (field.empty() || it == names.end()) return out;
  BriefUnits u = group_units(sectors, static_cast<size_t>(it - names.begin()));
  out.of_sector = std::move(u.of_sector);
  out.names = std::move(u.names);
  out.field = field;
  return out;
}

SceneCounts scene_counts(const SectorSet& sectors, const IncidentStore& current,
                         const IncidentStore* previous) {
  SceneCounts c;
  c.current = sector_counts(sectors, current);
  double inside = 0;
  for (double v : c.current) inside += v;
  const bool weighted = current.weight.size() == current.size();
  double total = 0;
  if (weighted)
    for (float w : current.weight) total += w;
  else
    total = static_cast<double>(current.size());
  c.outside = std::max(0.0, total - inside);
  if (previous) {
    c.previous = sector_counts(sectors, *previous);
    double before = 0;
    for (double v : *c.previous) before += v;
    c.previous_outside = std::max(0.0, static_cast<double>(previous->size()) - before);
  }
  return c;
}

SectorFills pale_fills(size_t sectors) {
  SectorFills f;
  f.colors.assign(sectors, kPaleFill);
  return f;
}

SectorFills choropleth_fills(const SectorSet& sectors, const SceneCounts& counts,
                             const ChoroplethStyle& style,
                             const std::optional<DisclosurePolicy>& protection,
                             Language language) {
  const size_t n = sectors.size();
  SectorFills out = pale_fills(n);
  if (counts.current.size() < n) return out;
  const std::string lang = lang_code(language);
  const bool change = is_change_measure(style.measure) && counts.previous &&
                      counts.previous->size() == counts.current.size();
  const ChoroplethMeasure measure =
      is_change_measure(style.measure) && !change ? ChoroplethMeasure::count : style.measure;
  const int classes = std::clamp(style.classes, 2, 9);
  if (!change && !style.group_field.empty()) {
    const SectorGroups groups = sector_groups(sectors, style.group_field);
    if (!groups.names.empty())
      return group_fills(sectors, groups, counts, style, measure, protection, language);
  }
  std::vector<uint8_t> hidden;
  std::string marker;
  ColormapName colormap = style.colormap;
  std::string compared_with;
  try {
    if (change) {
      // A sequential ramp makes no sense around zero: change maps use a diverging one.
      if (colormap != ColormapName::rdbu_r && colormap != ColormapName::puor_r)
        colormap = ColormapName::rdbu_r;
      SectorChange ch = sector_change_from_counts(counts.current, *counts.previous, measure);
      // Partner-safe: both periods' counts form one table (sectors x {now, before}); a sector
      // whose count in either period is hidden has no publishable change (a change of a hidden
      // count, with the published one, gives it back), and the breaks come from the rest.
      if (protection && protection->partner_safe) {
        hidden = hidden_change_pairs(counts, *protection, marker);
        for (size_t s = 0; s < ch.values.size() && s < hidden.size(); ++s)
          if (hidden[s]) ch.values[s].reset(), ch.is_new[s] = 0;
      }
      out.choropleth = classify_change(ch, style.scale, colormap, classes);
      if (counts.previous_period)
        compared_with =
            compact_period(counts.previous_period->from, counts.previous_period->to_exclusive);
    } else {
      std::vector<std::optional<double>> values =
          sector_values_from_counts(sectors, counts.current, measure,
                                    style.per_year ? counts.period_years : 0);
      // Hidden sectors get no value, so the class breaks come from published values only (a
      // break at a hidden value would bound it); rates are hidden with their counts.
      if (protection && protection->partner_safe) hidden = hidden_sectors(counts, *protection, marker);
      for (size_t s = 0; s < values.size() && s < hidden.size(); ++s)
        if (hidden[s]) values[s].reset();
      out.published = published_values(values);
      out.choropleth = classify_for(std::move(values), style, colormap, classes);
    }
  } catch (const std::exception&) {
    // No sector has a value (e.g. per 10,000 inhabitants without population): pale fills.
    out.choropleth.reset();
    return out;
  }
  for (size_t s = 0; s < n && s < out.choropleth->colors.size(); ++s) {
    const Rgb c = out.choropleth->colors[s];
    out.colors[s] = {c.r, c.g, c.b, 255};
  }
  out.units = units_of(measure, !change && style.per_year && counts.period_years > 0, language);
  out.legend =
      choropleth_legend(*out.choropleth, style.scale, colormap, out.units, compared_with, lang);
  for (size_t s = 0; s < n && s < hidden.size(); ++s)
    if (hidden[s]) out.colors[s] = kSuppressedFill, ++out.hidden;
  if (out.hidden > 0) {
    if (!out.legend.classes) out.legend.classes = LegendClasses{};
    out.legend.classes->entries.push_back(
        {change ? std::string(tr(Msg::map_change_not_publishable, language))
                : suppressed_label(marker, lang),
         kSuppressedFill, Rgba8{90, 90, 90, 255}});
  }
  return out;
}

Rgba8 gi_bin_fill(int bin) {
  switch (bin) {
    case 3:
      return {178, 24, 43, 255};
    case 2:
      return {239, 138, 98, 255};
    case 1:
      return {253, 219, 199, 255};
    case -1:
      return {209, 229, 240, 255};
    case -2:
      return {103, 169, 207, 255};
    case -3:
      return {33, 102, 172, 255};
    default:
      return {236, 236, 236, 255};
  }
}

SpatialWeights sector_weights(const SectorSet& sectors) {
  std::vector<const MultiPolygon*> shapes;
  shapes.reserve(sectors.size());
  for (const Sector& s : sectors.sectors) shapes.push_back(&s.shape);
  return queen_contiguity(shapes);
}

}  // namespace faro::render
