#include "ui/map_overlay_ui.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/context_areas.hpp"

#include "ui/format.hpp"
#include "ui/i18n.hpp"
#include "ui/scale_bar.hpp"

namespace faro::ui {
namespace {

const ImU32 kPanelFill = IM_COL32(255, 255, 255, 215);
const ImU32 kPanelBorder = IM_COL32(0, 0, 0, 60);
const ImU32 kInk = IM_COL32(30, 30, 30, 255);
const ImU32 kMutedInk = IM_COL32(90, 90, 90, 255);

// The heatmap legend follows what the map draws, not what the session asked for.
bool heatmap_visible(const AppStatus& status) { return status.heatmap_shown; }

}  // namespace

void MapOverlay::draw(const DataSnapshot& snap, const Session& session, const AppStatus& status,
                      const MapRegion& region, bool tooltip) {
  if (region.width <= 1 || region.height <= 1) return;
  ImGui::SetNextWindowPos(ImVec2(region.x, region.y));
  ImGui::SetNextWindowSize(ImVec2(region.width, region.height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
  ImGui::Begin("##map_overlay", nullptr, flags);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float bottom = region.y + region.height - 0.6f * ImGui::GetFontSize();
  if (heatmap_visible(status)) bottom = draw_legend(dl, session, status, region, bottom);
  if (!status.fill_legends.empty() || status.fill_ramp) draw_choropleth_legend(dl, session, status, region, bottom);
  draw_scale_bar(dl, status, region);
  ImGui::End();
  ImGui::PopStyleVar(2);
  if (tooltip) draw_tooltip(snap, session, status);
}

float MapOverlay::draw_legend(ImDrawList* dl, const Session& session, const AppStatus& status,
                              const MapRegion& r, float bottom, bool left, float max_w) {
  const Language lang = session.language;
  const float f = ImGui::GetFontSize();
  const float pad = 0.6f * f;
  // The ramp narrows to fit `max_w` (the presentation caption column), never below 8 f.
  const float ramp_w = std::max(8.0f * f, std::min(14.0f * f, max_w - 2 * pad - f)),
              ramp_h = 0.9f * f;
  const std::string units = status.heatmap_units.empty()
                                ? std::string(tr(Msg::legend_units_default, lang))
                                : status.heatmap_units;
  std::string title = std::string(tr(Msg::legend_heatmap, lang)) + " (" + units + ")";
  std::string title2;  // the units' own line when the heading is too wide
  if (ImGui::CalcTextSize(title.c_str()).x + 2 * pad + f > max_w) {
    title = tr(Msg::legend_heatmap, lang);
    title2 = "(" + units + ")";
  }
  char note[96];
  if (status.heatmap_domain.locked)
    std::snprintf(note, sizeof note, "%s", tr(Msg::legend_locked_note, lang));
  else
    std::snprintf(note, sizeof note, tr(Msg::legend_auto_note, lang),
                  status.heatmap_domain.percentile);
  const float title_h = f * (title2.empty() ? 1.2f : 2.4f);
  // A box wider than `max_w` is cut to it and its note wraps ("maximum: 99th percentile (auto)"
  // is wider than the ramp in English).
  const std::vector<LegendTick> ticks = legend_ticks(status.heatmap_domain);
  // The saturated maximum's label ("≥ 51,745") is centred on the ramp's end: the box reaches at
  // least half that label past it, plus the padding, so a long count never touches the border.
  const float top_label_w = ticks.empty() ? 0.0f : ImGui::CalcTextSize(ticks.back().label.c_str()).x;
  const float box_w = std::min(
      max_w, std::max({std::max({ramp_w, ImGui::CalcTextSize(title.c_str()).x,
                                 ImGui::CalcTextSize(title2.c_str()).x,
                                 ImGui::CalcTextSize(note).x}) + 2 * pad + f,
                       2 * pad + 0.5f * f + ramp_w + top_label_w / 2}));
  const float note_wrap = box_w - 2 * pad;
  const float note_h =
      std::max(f * 1.1f, ImGui::CalcTextSize(note, nullptr, false, note_wrap).y + 0.1f * f);
  const float box_h = pad + title_h + ramp_h + f * 1.3f + note_h + pad;
  const ImVec2 p0(left ? r.x + pad : r.x + r.width - box_w - pad, bottom - box_h);
  if (p0.y < r.y) return bottom;  // no room left
  dl->AddRectFilled(p0, ImVec2(p0.x + box_w, p0.y + box_h), kPanelFill, 4.0f);
  dl->AddRect(p0, ImVec2(p0.x + box_w, p0.y + box_h), kPanelBorder, 4.0f);

  float y = p0.y + pad;
  dl->AddText(ImVec2(p0.x + pad, y), kInk, title.c_str());
  if (!title2.empty()) dl->AddText(ImVec2(p0.x + pad, y + f * 1.2f), kInk, title2.c_str());
  y += title_h;
  // The ramp: level 0 is transparent on the map (no density), so it starts at the first colour.
  const float x0 = p0.x + pad + 0.5f * f;
  const auto& table = colormap_table(session.style.heatmap().colormap);
  const int steps = 64;
  for (int i = 0; i < steps; ++i) {
    const Rgb a = table[i * 255 / steps], b = table[(i + 1) * 255 / steps];
    dl->AddRectFilledMultiColor(ImVec2(x0 + ramp_w * i / steps, y),
                                ImVec2(x0 + ramp_w * (i + 1) / steps, y + ramp_h),
                                IM_COL32(a.r, a.g, a.b, 255), IM_COL32(b.r, b.g, b.b, 255),
                                IM_COL32(b.r, b.g, b.b, 255), IM_COL32(a.r, a.g, a.b, 255));
  }
  dl->AddRect(ImVec2(x0, y), ImVec2(x0 + ramp_w, y + ramp_h), kPanelBorder);
  y += ramp_h;
  // The saturated maximum ("≥ 72.2") is always shown; inner ticks whose label would touch it (or
  // the previous one) are drawn without a label.
  float top_left = p0.x + box_w;
  if (!ticks.empty()) {
    const float tw = ImGui::CalcTextSize(ticks.back().label.c_str()).x;
    top_left = std::clamp(x0 + ramp_w - tw / 2, p0.x + pad, p0.x + box_w - tw - pad);
  }
  float last_right = -1e9f;
  for (size_t k = 0; k < ticks.size(); ++k) {
    const LegendTick& t = ticks[k];
    const float x = x0 + t.position * ramp_w;
    dl->AddLine(ImVec2(x, y), ImVec2(x, y + 0.3f * f), kInk);
    const float tw = ImGui::CalcTextSize(t.label.c_str()).x;
    const bool top = k + 1 == ticks.size();
    // Labels centred on their tick, kept inside the box.
    const float tx = top ? top_left : std::clamp(x - tw / 2, p0.x + 2, p0.x + box_w - tw - 2);
    const float gap = 0.4f * f;
    if (!top && (tx + tw + gap > top_left || tx < last_right + gap)) continue;
    dl->AddText(ImVec2(tx, y + 0.3f * f), kInk, t.label.c_str());
    last_right = tx + tw;
  }
  y += f * 1.3f;
  dl->AddText(ImGui::GetFont(), f, ImVec2(p0.x + pad, y), kMutedInk, note, nullptr, note_wrap);
  return p0.y - 0.4f * f;
}

float MapOverlay::draw_choropleth_legend(ImDrawList* dl, const Session& session,
                                         const AppStatus& status, const MapRegion& r,
                                         float bottom, bool left) {
  (void)session;
  const float f = ImGui::GetFontSize();
  const float pad = 0.6f * f, row = 1.25f * f, swatch = 0.9f * f;
  // One box per legend, stacked upwards: a ramp (continuous choropleth), then the class lists.
  std::vector<const render::LegendClasses*> boxes;
  for (const render::LegendClasses& c : status.fill_legends) boxes.push_back(&c);
  if (status.fill_ramp) {
    const render::LegendRamp& ramp = *status.fill_ramp;
    const std::string title = ramp.title + (ramp.units.empty() ? "" : " (" + ramp.units + ")");
    const float content_w = std::max(ImGui::CalcTextSize(title.c_str()).x, 14.0f * f);
    const float box_w = content_w + 2 * pad, box_h = 2 * pad + f * 1.2f + 2.3f * f;
    const ImVec2 p0(left ? r.x + pad : r.x + r.width - box_w - pad, bottom - box_h);
    if (p0.y < r.y) return bottom;
    dl->AddRectFilled(p0, ImVec2(p0.x + box_w, p0.y + box_h), kPanelFill, 4.0f);
    dl->AddRect(p0, ImVec2(p0.x + box_w, p0.y + box_h), kPanelBorder, 4.0f);
    float y = p0.y + pad;
    dl->AddText(ImVec2(p0.x + pad, y), kInk, title.c_str());
    y += f * 1.2f;
    const float x0 = p0.x + pad, w = content_w;
    const auto& table = colormap_table(ramp.colormap);
    for (int i = 0; i < 64; ++i) {
      const Rgb a = table[i * 255 / 64], b = table[(i + 1) * 255 / 64];
      dl->AddRectFilledMultiColor(ImVec2(x0 + w * i / 64, y),
                                  ImVec2(x0 + w * (i + 1) / 64, y + swatch),
                                  IM_COL32(a.r, a.g, a.b, 255), IM_COL32(b.r, b.g, b.b, 255),
                                  IM_COL32(b.r, b.g, b.b, 255), IM_COL32(a.r, a.g, a.b, 255));
    }
    const std::string lo = format_value(ramp.vmin), hi = format_value(ramp.vmax);
    dl->AddText(ImVec2(x0, y + swatch + 0.1f * f), kInk, lo.c_str());
    dl->AddText(ImVec2(x0 + w - ImGui::CalcTextSize(hi.c_str()).x, y + swatch + 0.1f * f), kInk,
                hi.c_str());
    bottom = p0.y - 0.4f * f;
  }
  for (const render::LegendClasses* legend : boxes) {
    float content_w = ImGui::CalcTextSize(legend->title.c_str()).x;
    for (const render::LegendClass& e : legend->entries)
      content_w = std::max(content_w, swatch + 0.5f * f + ImGui::CalcTextSize(e.label.c_str()).x);
    const float note_size = 0.85f * f;  // the note (e.g. how a hot-spot p was made), smaller
    const bool has_note = !legend->note.empty();
    if (has_note)
      content_w = std::max(content_w, ImGui::GetFont()->CalcTextSizeA(note_size, 1e9f, 0,
                                                                      legend->note.c_str()).x);
    const float box_w = content_w + 2 * pad;
    const float box_h =
        2 * pad + f * 1.2f + row * legend->entries.size() + (has_note ? note_size * 1.3f : 0);
    const ImVec2 p0(left ? r.x + pad : r.x + r.width - box_w - pad, bottom - box_h);
    if (p0.y < r.y) return bottom;  // no room left above the other legends
    dl->AddRectFilled(p0, ImVec2(p0.x + box_w, p0.y + box_h), kPanelFill, 4.0f);
    dl->AddRect(p0, ImVec2(p0.x + box_w, p0.y + box_h), kPanelBorder, 4.0f);
    float y = p0.y + pad;
    dl->AddText(ImVec2(p0.x + pad, y), kInk, legend->title.c_str());
    y += f * 1.2f;
    for (const render::LegendClass& e : legend->entries) {
      const ImVec2 s0(p0.x + pad, y + (row - swatch) / 2 - 0.1f * f);
      dl->AddRectFilled(s0, ImVec2(s0.x + swatch, s0.y + swatch),
                        IM_COL32(e.fill.r, e.fill.g, e.fill.b, 255));
      dl->AddRect(s0, ImVec2(s0.x + swatch, s0.y + swatch), kPanelBorder);
      dl->AddText(ImVec2(s0.x + swatch + 0.5f * f, y), kInk, e.label.c_str());
      y += row;
    }
    if (has_note)
      dl->AddText(ImGui::GetFont(), note_size, ImVec2(p0.x + pad, y + 0.1f * note_size), kMutedInk,
                  legend->note.c_str());
    bottom = p0.y - 0.4f * f;
  }
  return bottom;
}

float MapOverlay::draw_scale_bar(ImDrawList* dl, const AppStatus& status, const MapRegion& r) {
  const float f = ImGui::GetFontSize();
  const auto bar = choose_scale_bar(status.metres_per_pixel, 10.0f * f);
  if (!bar) return 0;
  const float pad = 0.6f * f;
  const float h = 0.45f * f;
  const float label_w = ImGui::CalcTextSize(bar->label.c_str()).x;
  const float box_w = bar->pixels + 2 * pad + label_w + 0.5f * f;
  const ImVec2 p0(r.x + pad, r.y + r.height - 2 * pad - f);
  dl->AddRectFilled(ImVec2(p0.x - 2, p0.y - 2), ImVec2(p0.x + box_w, p0.y + f + 2 * pad - 2),
                    kPanelFill, 4.0f);
  const float bx = p0.x + pad, by = p0.y + pad + f * 0.5f - h / 2;
  // Two-tone bar: the first half dark, the second light, as on printed maps.
  dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bar->pixels / 2, by + h), kInk);
  dl->AddRectFilled(ImVec2(bx + bar->pixels / 2, by), ImVec2(bx + bar->pixels, by + h),
                    IM_COL32(255, 255, 255, 255));
  dl->AddRect(ImVec2(bx, by), ImVec2(bx + bar->pixels, by + h), kInk);
  dl->AddText(ImVec2(bx + bar->pixels + 0.5f * f, p0.y + pad - 1), kInk, bar->label.c_str());
  return 2 * pad + f;
}

namespace {

// The words for what an area is: the known CDMX kinds through the catalogue, else the source's
// layer name as it is.
std::string area_kind_word(const std::string& kind, Language lang) {
  if (kind == "colonias") return tr(Msg::hover_colonia, lang);
  if (kind == "alcaldias") return tr(Msg::hover_alcaldia, lang);
  if (kind == "cuadrantes") return tr(Msg::hover_cuadrante, lang);
  return kind;
}

std::vector<AreaHit> hovered_areas(const Workspace& ws, Vec2 p) {
  // Every loaded set of named polygons: the project's context sources, then the style's context
  // layers; each answers through its grid index (core/polygon_index.hpp), never a scan.
  std::vector<std::shared_ptr<const ContextAreas>> sets = ws.context_areas;
  for (const auto& [source, layer] : ws.context_layers)
    if (layer && layer->areas) sets.push_back(layer->areas);
  std::vector<AreaHit> hits = areas_at(sets, p);
  // Smallest first (cuadrante, colonia, then alcaldía): from the most precise place outwards.
  std::stable_sort(hits.begin(), hits.end(), [](const AreaHit& a, const AreaHit& b) {
    return a.set->areas.sectors[a.area].area_m2 < b.set->areas.sectors[b.area].area_m2;
  });
  return hits;
}

}  // namespace

void MapOverlay::draw_tooltip(const DataSnapshot& snap, const Session& session,
                              const AppStatus& status) {
  const Workspace& ws = snap.ws();
  if (!status.hovered_point) return;
  // Over a panel or dialog the map is not what the mouse points at (the map itself is drawn on
  // the background draw list, not in a window, so it never counts as hovered).
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AnyWindow)) return;
  const Language lang = session.language;
  const std::vector<AreaHit> areas = hovered_areas(ws, *status.hovered_point);
  const std::optional<int> i = status.hovered_sector;
  const bool in_sector = i && *i >= 0 && *i < static_cast<int>(ws.sectors.size());
  if (!in_sector && areas.empty() && !status.hovered_zone) return;
  ImGui::BeginTooltip();
  if (in_sector) {
    const Sector& sector = ws.sectors.sectors[static_cast<size_t>(*i)];
    const int64_t count = static_cast<size_t>(*i) < snap.result().per_sector.size()
                              ? snap.result().per_sector[static_cast<size_t>(*i)]
                              : 0;
    ImGui::TextUnformatted(sector.name.c_str());
    char buf[160];
    std::snprintf(buf, sizeof buf, tr(Msg::tooltip_incidents, lang), format_count(count).c_str());
    ImGui::TextUnformatted(buf);
    for (const Program& p : ws.programs)
      for (const ProgramSector& ps : p.sectors)
        if (ps.sector == sector.name)
          ImGui::TextDisabled("%s: %s", p.name.c_str(), format_date(ps.start).c_str());
    if (std::find(session.selection.begin(), session.selection.end(), sector.name) !=
        session.selection.end())
      ImGui::TextDisabled("(%s)", tr(Msg::tooltip_selected, lang));
  } else {
    ImGui::TextDisabled("%s", tr(Msg::hover_outside_sectors, lang));
  }
  if (in_sector && !areas.empty()) ImGui::Separator();
  // Where the point is, for people: "Cuadrante: P-1.3.10", "Colonia: ROMA NORTE I", ...
  for (const AreaHit& a : areas)
    ImGui::Text("%s: %s", area_kind_word(a.set->kind, lang).c_str(), a.name().c_str());
  // A near-repeat zone: its risk, dates and the incidents that seeded it.
  if (const auto& z = status.hovered_zone) {
    ImGui::Separator();
    const std::string from = format_date(z->first_day * kSecondsPerDay);
    const std::string to = format_date((z->expiry_day - 1) * kSecondsPerDay);
    ImGui::TextUnformatted(tr_format(lang, Msg::hover_near_repeat_zone, z->radius_m, z->seeds,
                                     from.c_str(), to.c_str())
                               .c_str());
    if (z->relative_risk > 0)
      ImGui::TextDisabled("%s", tr_format(lang, Msg::hover_near_repeat_risk, z->relative_risk).c_str());
  }
  ImGui::EndTooltip();
}

}  // namespace faro::ui
