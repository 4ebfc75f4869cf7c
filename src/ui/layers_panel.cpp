#include "ui/layers_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

#include "core/point_palette.hpp"
#include "io/style_presets.hpp"
#include "ui/fit_widgets.hpp"
#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

template <class Enum, size_t N>
bool enum_combo(const char* label, Enum& value, const std::pair<Enum, const char*> (&items)[N]) {
  const char* preview = "?";
  for (const auto& [v, text] : items)
    if (v == value) preview = text;
  bool changed = false;
  if (ImGui::BeginCombo(label, preview)) {
    for (const auto& [v, text] : items) {
      if (ImGui::Selectable(text, v == value) && v != value) {
        value = v;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// A small horizontal strip of the colour map next to its combo.
void colormap_swatch(ColormapName c, float w, float h) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& table = colormap_table(c);
  const int steps = 32;
  for (int i = 0; i < steps; ++i) {
    const Rgb a = table[i * 255 / steps];
    const Rgb b = table[(i + 1) * 255 / steps];
    dl->AddRectFilledMultiColor(ImVec2(p.x + w * i / steps, p.y),
                                ImVec2(p.x + w * (i + 1) / steps, p.y + h),
                                IM_COL32(a.r, a.g, a.b, 255), IM_COL32(b.r, b.g, b.b, 255),
                                IM_COL32(b.r, b.g, b.b, 255), IM_COL32(a.r, a.g, a.b, 255));
  }
  ImGui::Dummy(ImVec2(w, h));
}

// Sequential ramps for densities and counts; the diverging ones only make sense for change maps.
bool colormap_combo(const char* label, ColormapName& c, bool diverging) {
  static const std::pair<ColormapName, const char*> kSequential[] = {
      {ColormapName::inferno, "inferno"},
      {ColormapName::viridis, "viridis"},
      {ColormapName::ylorrd, "YlOrRd"},
  };
  static const std::pair<ColormapName, const char*> kDiverging[] = {
      {ColormapName::rdbu_r, "RdBu"},
      {ColormapName::puor_r, "PuOr"},
  };
  const bool changed =
      diverging ? enum_combo(label, c, kDiverging) : enum_combo(label, c, kSequential);
  colormap_swatch(c, ImGui::CalcItemWidth(), ImGui::GetFontSize() * 0.6f);
  return changed;
}

// The basemap's look: greyscale and a dim towards white (core/map_style.hpp BasemapStyle).
void draw_basemap_look(StyleLayer& base, Language lang) {
  ImGui::TextDisabled("%s", base.source.c_str());
  ImGui::Checkbox(tr(Msg::basemap_greyscale, lang), &base.basemap.greyscale);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
  float percent = base.basemap.dim * 100.0f;
  if (slider_float_beside(tr(Msg::basemap_dim, lang), &percent, 0.0f, 90.0f, "%.0f %%",
                          ImGuiSliderFlags_AlwaysClamp))
    base.basemap.dim = std::clamp(percent / 100.0f, 0.0f, 1.0f);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Msg::basemap_look_tip, lang));
}

}  // namespace

void LayersPanel::draw(const Workspace& ws, Session& session, const AppStatus& status) {
  if (session.style.layers.empty()) session.style = io::default_style();
  ImGui::PushID("layers");
  draw_style_picker(session);
  draw_stack(session);
  draw_add_layer(session);
  const Language lang = session.language;
  if (ImGui::TreeNodeEx(tr(Msg::layer_heatmap, lang), ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_heatmap(session, status);
    ImGui::TreePop();
  }
  if (ImGui::TreeNode(tr(Msg::layer_choropleth, lang))) {
    draw_choropleth(ws, session);
    ImGui::TreePop();
  }
  if (ImGui::TreeNode(tr(Msg::layer_hotspots, lang))) {
    draw_hotspots(session);
    ImGui::TreePop();
  }
  if (ImGui::TreeNode(tr(Msg::layer_points, lang))) {
    draw_points(ws, session);
    ImGui::TreePop();
  }
  if (StyleLayer* base = session.style.find(LayerKind::basemap)) {
    if (ImGui::TreeNode(tr(Msg::layer_basemap, lang))) {
      draw_basemap_look(*base, lang);
      ImGui::TreePop();
    }
  }
  ImGui::PopID();
}

void LayersPanel::draw_style_picker(Session& session) {
  const Language lang = session.language;
  const std::vector<std::string> names = io::style_names();
  const std::string current = session.style.name.empty() ? "—" : session.style.name;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
  if (ImGui::BeginCombo(tr(Msg::map_style, lang), current.c_str())) {
    for (const std::string& name : names) {
      if (ImGui::Selectable(name.c_str(), name == session.style.name)) {
        // A whole style replaces the layers and furniture; the title the user typed stays.
        MapStyle next = io::builtin_style(name);
        if (next.furniture.title.empty()) next.furniture.title = session.style.furniture.title;
        session.style = std::move(next);
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Msg::map_style_replace, lang));
    }
    ImGui::EndCombo();
  }
}

void LayersPanel::draw_add_layer(Session& session) {
  const Language lang = session.language;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
  if (ImGui::BeginCombo("##add_layer", tr(Msg::add_layer, lang))) {
    for (const std::string& name : io::layer_preset_names()) {
      const StyleLayer preset = io::layer_preset(name);
      const std::string label = std::string(tr_layer(preset.kind, lang)) + " — " + name;
      if (ImGui::Selectable(label.c_str())) {
        session.style.add(preset);  // on top, with a unique id
      }
    }
    ImGui::EndCombo();
  }
}

void LayersPanel::draw_stack(Session& session) {
  const Language lang = session.language;
  const float slider_w = ImGui::GetFontSize() * 5.0f;
  std::vector<StyleLayer>& layers = session.style.layers;
  std::optional<size_t> move_up, move_down, remove;
  // Listed top layer first, as in every GIS.
  for (size_t k = layers.size(); k-- > 0;) {
    StyleLayer& layer = layers[k];
    ImGui::PushID(layer.id.c_str());
    ImGui::Checkbox("##visible", &layer.visible);
    ImGui::SameLine();
    // A second layer of a kind is told apart by its id (e.g. "context-2").
    const bool default_id = layer.id == layer_kind_key(layer.kind);
    const std::string name =
        std::string(tr_layer(layer.kind, lang)) + (default_id ? "" : " (" + layer.id + ")");
    ImGui::TextUnformatted(name.c_str());
    // Right-aligned controls: opacity slider (its value in the tooltip: printed in the frame it
    // would sit under the grab), up, down, remove. A name too long to share the line with them
    // puts them on the next one.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float controls = slider_w + 3 * ImGui::GetFrameHeight() + 3 * style.ItemSpacing.x;
    const float right = ImGui::GetContentRegionMax().x;
    const float name_end =
        ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    if (name_end + style.ItemSpacing.x + controls <= right)
      ImGui::SameLine(right - controls);
    else
      ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - controls));
    ImGui::SetNextItemWidth(slider_w);
    float percent = layer.opacity * 100.0f;
    if (ImGui::SliderFloat("##opacity", &percent, 0.0f, 100.0f, "")) {
      layer.opacity = std::clamp(percent / 100.0f, 0.0f, 1.0f);
    }
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
      ImGui::SetTooltip("%s: %.0f %%", tr(Msg::opacity, lang), percent);
    ImGui::SameLine();
    ImGui::BeginDisabled(k + 1 == layers.size());
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) move_up = k;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Msg::move_up, lang));
    ImGui::SameLine();
    ImGui::BeginDisabled(k == 0);
    if (ImGui::ArrowButton("##down", ImGuiDir_Down)) move_down = k;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Msg::move_down, lang));
    ImGui::SameLine();
    if (ImGui::Button("×", ImVec2(ImGui::GetFrameHeight(), 0))) remove = k;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Msg::remove_layer, lang));
    ImGui::PopID();
  }
  // Applied after the loop: each invalidates `layer` references.
  if (move_up) session.style.move(*move_up, +1);
  if (move_down) session.style.move(*move_down, -1);
  if (remove) session.style.remove(*remove);
}

void LayersPanel::draw_heatmap(Session& session, const AppStatus& status) {
  const Language lang = session.language;
  HeatmapStyle& h = session.style.heatmap();
  ImGui::PushItemWidth(ImGui::GetFontSize() * 9.0f);
  float bandwidth = static_cast<float>(h.bandwidth_m);
  // Logarithmic: 50 m (a block) to 5 km (a district) are equally easy to reach.
  if (slider_float_beside(tr(Msg::bandwidth_m, lang), &bandwidth, 50.0f, 5000.0f, "%.0f m",
                          ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp)) {
    h.bandwidth_m = std::round(bandwidth / 10.0f) * 10.0;
  }
  const std::pair<KdeKernel, const char*> kernels[] = {
      {KdeKernel::quartic, tr(Msg::kernel_quartic, lang)},
      {KdeKernel::gaussian, tr(Msg::kernel_gaussian, lang)},
  };
  enum_combo(tr(Msg::kernel, lang), h.kernel, kernels);
  colormap_combo(tr(Msg::colormap, lang), h.colormap, false);

  if (ImGui::Checkbox(tr(Msg::color_max_locked, lang), &h.color_max_locked)) {
    // Locking starts from the maximum on screen, so nothing jumps.
    if (h.color_max_locked && h.color_max <= 0) h.color_max = status.heatmap_domain.max;
  }
  if (h.color_max_locked) {
    // Decimals by magnitude (ui/format.hpp): "1130", "12.7", "0.0421", never "1.13e+03".
    const float drag_w = ImGui::GetFontSize() * 6.0f;
    same_line_if_fits(drag_w + ImGui::GetStyle().ItemInnerSpacing.x +
                      ImGui::CalcTextSize(tr(Msg::color_max, lang)).x);
    ImGui::SetNextItemWidth(drag_w);
    float v = h.color_max;
    if (ImGui::DragFloat(tr(Msg::color_max, lang), &v, std::max(0.01f, v * 0.01f), 0.001f, 1e9f,
                         decimals_format(v))) {
      h.color_max = std::max(0.001f, v);
    }
  } else {
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(Msg::color_max_auto, lang), status.heatmap_domain.percentile);
    const std::string text = std::string(buf) + ": " + format_value(status.heatmap_domain.max);
    same_line_if_fits(ImGui::CalcTextSize(text.c_str()).x);
    text_wrapped_here(text.c_str(), true);
  }
  ImGui::PopItemWidth();
}

void LayersPanel::draw_choropleth(const Workspace& ws, Session& session) {
  const Language lang = session.language;
  ChoroplethStyle& c = session.style.choropleth();
  ImGui::PushItemWidth(ImGui::GetFontSize() * 9.0f);
  const bool has_population = std::any_of(ws.sectors.sectors.begin(), ws.sectors.sectors.end(),
                                          [](const Sector& s) { return s.population.has_value(); });
  const std::pair<ChoroplethMeasure, const char*> measures[] = {
      {ChoroplethMeasure::count, tr(Msg::measure_count, lang)},
      {ChoroplethMeasure::per_km2, tr(Msg::measure_per_km2, lang)},
      {ChoroplethMeasure::per_10k, tr(Msg::measure_per_10k, lang)},
      {ChoroplethMeasure::change, tr(Msg::measure_change, lang)},
      {ChoroplethMeasure::change_pct, tr(Msg::measure_change_pct, lang)},
  };
  ChoroplethMeasure m = c.measure;
  if (enum_combo(tr(Msg::measure, lang), m, measures)) {
    if (m == ChoroplethMeasure::per_10k && !has_population) {
      // Per-inhabitant rates need a population field; keep the old measure and say why.
      population_warning_ = true;
    } else {
      population_warning_ = false;
      // Change maps are centred at zero: switch to a diverging ramp (and back).
      if (is_change_measure(m) != is_change_measure(c.measure))
        c.colormap = is_change_measure(m) ? ColormapName::rdbu_r : ColormapName::ylorrd;
      c.measure = m;
    }
  }
  if (population_warning_)
    ImGui::TextColored(ImVec4(0.7f, 0.12f, 0.05f, 1), "%s",
                       tr(Msg::measure_needs_population, lang));
  const std::pair<ChoroplethScale, const char*> scales[] = {
      {ChoroplethScale::quantile, tr(Msg::scale_quantile, lang)},
      {ChoroplethScale::equal_interval, tr(Msg::scale_equal_interval, lang)},
      {ChoroplethScale::jenks, tr(Msg::scale_jenks, lang)},
      {ChoroplethScale::continuous, tr(Msg::scale_continuous, lang)},
  };
  enum_combo(tr(Msg::scale, lang), c.scale, scales);
  ImGui::BeginDisabled(c.scale == ChoroplethScale::continuous);
  slider_int_beside(tr(Msg::classes, lang), &c.classes, 2, 9);
  ImGui::EndDisabled();
  colormap_combo(tr(Msg::colormap, lang), c.colormap, is_change_measure(c.measure));
  ImGui::PopItemWidth();
}

void LayersPanel::draw_hotspots(Session& session) {
  const Language lang = session.language;
  // The first hotspots layer (added hidden from its preset when the style has none), so the
  // options can be set before showing it.
  if (!session.style.find(LayerKind::hotspots)) {
    StyleLayer& added = session.style.layer(LayerKind::hotspots);
    const std::string id = added.id;
    added = io::layer_preset("hotspots");
    added.id = id;
    added.visible = false;
  }
  StyleLayer& layer = *session.style.find(LayerKind::hotspots);
  HotspotStyle& h = layer.hotspots;
  ImGui::Checkbox(tr(Msg::hotspot_show, lang), &layer.visible);
  ImGui::PushItemWidth(ImGui::GetFontSize() * 9.0f);
  const std::pair<HotspotUnit, const char*> units[] = {
      {HotspotUnit::sectors, tr(Msg::hotspot_unit_sectors, lang)},
      {HotspotUnit::grid, tr(Msg::hotspot_unit_grid, lang)},
      {HotspotUnit::hex, tr(Msg::hotspot_unit_hex, lang)},
  };
  enum_combo(tr(Msg::hotspot_unit, lang), h.unit, units);
  ImGui::BeginDisabled(h.unit == HotspotUnit::sectors);
  float cell = static_cast<float>(h.cell_m);
  // Logarithmic: 250 m (a few blocks) to 5 km (a district); whole 50 m steps.
  if (slider_float_beside(tr(Msg::hotspot_cell_size, lang), &cell, 250.0f, 5000.0f, "%.0f m",
                          ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
    h.cell_m = std::max(250.0, std::round(cell / 50.0f) * 50.0);
  ImGui::EndDisabled();
  ImGui::Checkbox(tr(Msg::hotspot_emerging, lang), &h.emerging);
  ImGui::Checkbox(tr(Msg::hotspot_fdr, lang), &h.fdr);
  ImGui::PopItemWidth();
  if (h.unit != HotspotUnit::sectors && h.cell_m < 500)
    ImGui::TextDisabled("%s", tr_format(lang, Msg::hotspot_partner_cells, 500).c_str());
}

bool set_category_color(Session& s, const std::string& category, std::optional<Rgb> color) {
  auto& list = s.style.points().category_colors;
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const std::pair<std::string, Rgb>& e) { return e.first == category; });
  if (!color) {
    if (it == list.end()) return false;
    list.erase(it);
  } else if (it == list.end()) {
    list.emplace_back(category, *color);
  } else {
    if (it->second == *color) return false;
    it->second = *color;
  }
  return true;
}

void LayersPanel::draw_points(const Workspace& ws, Session& session) {
  const Language lang = session.language;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
  slider_float_beside(tr(Msg::point_size, lang), &session.style.points().size_px, 1.0f, 12.0f,
                      "%.1f");
  // Category colours: the ones the user set; the rest keep the map's default palette ("auto").
  const CategoryDictionary& dict = ws.incidents.categories;
  constexpr size_t kMaxListed = 16;  // a long offence list is better filtered than coloured
  for (size_t code = 1; code < dict.size() && code <= kMaxListed; ++code) {
    const std::string& name = dict.name(static_cast<uint16_t>(code));
    const auto& list = session.style.points().category_colors;
    const auto it =
        std::find_if(list.begin(), list.end(),
                     [&](const std::pair<std::string, Rgb>& e) { return e.first == name; });
    const bool custom = it != list.end();
    // Uncoloured categories show the colour the map draws them in (core/point_palette.hpp).
    const Rgb c = custom ? it->second : point_auto_color(code);
    float rgb[3] = {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f};
    ImGui::PushID(static_cast<int>(code));
    if (ImGui::ColorEdit3("##color", rgb, ImGuiColorEditFlags_NoInputs)) {
      auto to8 = [](float v) {
        return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255));
      };
      set_category_color(session, name, Rgb{to8(rgb[0]), to8(rgb[1]), to8(rgb[2])});
    }
    ImGui::SameLine();
    // Long offence names wrap inside the panel; the reset button or "(automatic)" follows on the
    // line when it fits, else under the name.
    const float name_x = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    text_wrapped_here(name.c_str());
    ImGui::EndGroup();
    if (custom) {
      same_line_if_fits(ImGui::CalcTextSize(tr(Msg::color_auto, lang)).x +
                            2 * ImGui::GetStyle().FramePadding.x,
                        name_x);
      if (ImGui::SmallButton(tr(Msg::color_auto, lang)))
        set_category_color(session, name, std::nullopt);
    } else {
      const std::string marker = std::string("(") + tr(Msg::color_auto, lang) + ")";
      same_line_if_fits(ImGui::CalcTextSize(marker.c_str()).x, name_x);
      ImGui::TextDisabled("%s", marker.c_str());
    }
    ImGui::PopID();
  }
  ImGui::TextDisabled("%s", tr(Msg::points_not_partner_safe, lang));
}

}  // namespace faro::ui
