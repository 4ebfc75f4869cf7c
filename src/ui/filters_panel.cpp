#include "ui/filters_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "ui/filter_edit.hpp"
#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

const ImU32 kOnColor = IM_COL32(214, 92, 41, 255);
const ImU32 kOnBarColor = IM_COL32(150, 50, 15, 255);
const ImU32 kOffColor = IM_COL32(215, 215, 212, 255);
const ImU32 kOffBarColor = IM_COL32(160, 160, 158, 255);

// One toggle cell: a filled box with a bar proportional to `count / max_count` and a label under
// it. Returns true when clicked.
bool toggle_cell(const char* id, const char* label, bool on, int64_t count, int64_t max_count,
                 float w, float h) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float label_h = ImGui::GetTextLineHeight();
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(w, h + label_h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool hovered = ImGui::IsItemHovered();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), on ? kOnColor : kOffColor, 2.0f);
  if (max_count > 0 && count > 0) {
    const float bh = std::max(1.0f, (h - 2) * static_cast<float>(count) / max_count);
    dl->AddRectFilled(ImVec2(p.x + 2, p.y + h - 1 - bh), ImVec2(p.x + w - 2, p.y + h - 1),
                      on ? kOnBarColor : kOffBarColor);
  }
  if (hovered) dl->AddRect(p, ImVec2(p.x + w, p.y + h), IM_COL32(60, 60, 60, 255), 2.0f);
  const ImVec2 ts = ImGui::CalcTextSize(label);
  dl->AddText(ImVec2(p.x + (w - ts.x) / 2, p.y + h), ImGui::GetColorU32(ImGuiCol_Text), label);
  if (hovered) ImGui::SetTooltip("%s", format_count(count).c_str());
  return clicked;
}

int64_t max_of(const std::vector<int64_t>& v) {
  return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

int64_t at(const std::vector<int64_t>& v, size_t i) {
  return i < v.size() ? v[i] : 0;
}

}  // namespace

void FiltersPanel::draw(const DataSnapshot& snap, Session& session, UiActions& actions) {
  ImGui::PushID("filters");
  draw_dates(snap, session);
  ImGui::Spacing();
  // The compact time filters before the offence list, whose length follows the data (hundreds
  // of offences in the FGJ files): hours and weekdays stay in view in the default layout.
  draw_hours(snap, session);
  ImGui::Spacing();
  draw_weekdays(snap, session);
  ImGui::Spacing();
  draw_categories(snap, session);
  ImGui::Spacing();
  draw_sectors(snap, session, actions);
  ImGui::PopID();
}

void FiltersPanel::draw_dates(const DataSnapshot& snap, Session& session) {
  const Workspace& ws = snap.ws();
  const Language lang = session.language;
  const std::string want_from = from_field_text(session.filter);
  const std::string want_to = to_field_text(session.filter);
  if (want_from != synced_from_ || want_to != synced_to_) {
    from_text_ = synced_from_ = want_from;
    to_text_ = synced_to_ = want_to;
    from_bad_ = to_bad_ = order_bad_ = false;
  }

  const float field_w = std::max(ImGui::CalcTextSize("0000-00-00").x,
                                 ImGui::CalcTextSize(tr(Msg::date_hint, lang)).x) +
                        ImGui::GetStyle().FramePadding.x * 4;
  bool edited = false;
  auto field = [&](const char* id, Msg label, std::string& text, bool bad) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(label, lang));
    ImGui::SameLine(ImGui::GetFontSize() * 4.0f);
    ImGui::SetNextItemWidth(field_w);
    if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(250, 200, 190, 255));
    edited |= ImGui::InputTextWithHint(id, tr(Msg::date_hint, lang), &text,
                                       ImGuiInputTextFlags_CharsNoBlank);
    if (bad) ImGui::PopStyleColor();
  };
  field("##from", Msg::date_from, from_text_, from_bad_ || order_bad_);
  field("##to", Msg::date_to, to_text_, to_bad_ || order_bad_);

  if (edited) {
    FilterState f = session.filter;
    const DateRangeError err = apply_date_range(from_text_, to_text_, f);
    from_bad_ = err == DateRangeError::from_invalid;
    to_bad_ = err == DateRangeError::to_invalid;
    order_bad_ = err == DateRangeError::from_after_to;
    if (err == DateRangeError::none) {
      edit_filter(session, [&](FilterState& target) {
        target.from = f.from;
        target.to_exclusive = f.to_exclusive;
      });
      // Keep the user's text (e.g. while typing a later date) but remember what it maps to.
      synced_from_ = from_field_text(session.filter);
      synced_to_ = to_field_text(session.filter);
    }
  }
  if (from_bad_ || to_bad_)
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.05f, 1), "%s", tr(Msg::date_invalid, lang));
  else if (order_bad_)
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.05f, 1), "%s", tr(Msg::date_order_invalid, lang));

  if (ws.data_to_exclusive > ws.data_from) {
    char buf[160];
    std::snprintf(buf, sizeof buf, tr(Msg::date_data_range, lang),
                  format_date(ws.data_from).c_str(), format_date(ws.data_to_exclusive - 1).c_str());
    ImGui::TextDisabled("%s", buf);
  }
  if (ImGui::SmallButton(tr(Msg::whole_period, lang))) {
    edit_filter(session, [](FilterState& f) {
      f.from.reset();
      f.to_exclusive.reset();
    });
  }
}

void FiltersPanel::draw_categories(const DataSnapshot& snap, Session& session) {
  offences_.draw(snap, session);
}

void FiltersPanel::draw_hours(const DataSnapshot& snap, Session& session) {
  const Language lang = session.language;
  ImGui::TextUnformatted(tr(Msg::hour_of_day, lang));
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Msg::all_hours, lang)))
    edit_filter(session, [](FilterState& f) { f.hour_mask = 0xFFFFFF; });
  const float spacing = 2.0f;
  const float w = std::max(8.0f, (ImGui::GetContentRegionAvail().x - 11 * spacing) / 12);
  const float h = ImGui::GetFontSize() * 1.6f;
  const int64_t max_count = max_of(snap.result().per_hour);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
  for (int hour = 0; hour < 24; ++hour) {
    char id[16], label[8];
    std::snprintf(id, sizeof id, "##h%d", hour);
    std::snprintf(label, sizeof label, "%d", hour);
    if (hour % 12 != 0) ImGui::SameLine();
    if (toggle_cell(id, label, hour_enabled(session.filter, hour), at(snap.result().per_hour, hour),
                    max_count, w, h))
      edit_filter(session, [&](FilterState& f) { toggle_hour(f, hour); });
  }
  ImGui::PopStyleVar();
}

void FiltersPanel::draw_weekdays(const DataSnapshot& snap, Session& session) {
  const Language lang = session.language;
  ImGui::TextUnformatted(tr(Msg::weekday, lang));
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Msg::all_days, lang)))
    edit_filter(session, [](FilterState& f) { f.weekday_mask = 0x7F; });
  const float spacing = 2.0f;
  const float w = std::max(12.0f, (ImGui::GetContentRegionAvail().x - 6 * spacing) / 7);
  const float h = ImGui::GetFontSize() * 1.6f;
  const int64_t max_count = max_of(snap.result().per_weekday);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
  for (int day = 0; day < 7; ++day) {
    char id[16];
    std::snprintf(id, sizeof id, "##d%d", day);
    if (day > 0) ImGui::SameLine();
    if (toggle_cell(id, tr_weekday(day, lang), weekday_enabled(session.filter, day),
                    at(snap.result().per_weekday, day), max_count, w, h))
      edit_filter(session, [&](FilterState& f) { toggle_weekday(f, day); });
  }
  ImGui::PopStyleVar();
}

void FiltersPanel::draw_sectors(const DataSnapshot& snap, Session& session, UiActions& actions) {
  const Workspace& ws = snap.ws();
  const Language lang = session.language;
  char buf[160];
  ImGui::TextUnformatted(tr(Msg::sector_subset, lang));
  if (session.filter.sectors.empty()) {
    ImGui::TextDisabled("%s", tr(Msg::sectors_all, lang));
  } else {
    std::snprintf(buf, sizeof buf, tr(Msg::sectors_filtered, lang),
                  static_cast<int>(session.filter.sectors.size()));
    ImGui::TextUnformatted(buf);
  }
  if (session.selection.empty()) {
    ImGui::TextWrapped("%s", tr(Msg::selection_none, lang));
  } else {
    std::snprintf(buf, sizeof buf, tr(Msg::selection_count, lang),
                  static_cast<int>(session.selection.size()));
    ImGui::TextUnformatted(buf);
    // The selected sectors with their counts under the current filter (first few only).
    constexpr size_t kListed = 8;
    for (size_t k = 0; k < session.selection.size() && k < kListed; ++k) {
      const std::string& name = session.selection[k];
      const auto index = ws.sectors.find(name);
      const int64_t n = index ? at(snap.result().per_sector, *index) : 0;
      ImGui::BulletText("%s", name.c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("%s", format_count(n).c_str());
    }
    if (session.selection.size() > kListed)
      ImGui::TextDisabled("… +%d", static_cast<int>(session.selection.size() - kListed));
    if (ImGui::SmallButton(tr(Msg::filter_to_selection, lang)))
      edit_filter(session, [&](FilterState& f) { f.sectors = session.selection; });
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Msg::menu_zoom_selection, lang))) {
      UiAction a;
      a.kind = UiAction::Kind::zoom_to_selection;
      actions.push_back(a);
    }
    if (ImGui::SmallButton(tr(Msg::menu_add_to_program, lang))) request_program_edit = true;
    if (ImGui::SmallButton(tr(Msg::clear_selection, lang))) {
      session.selection.clear();
    }
  }
  if (!session.filter.sectors.empty()) {
    if (ImGui::SmallButton(tr(Msg::clear_sector_filter, lang)))
      edit_filter(session, [](FilterState& f) { f.sectors.clear(); });
  }
}

}  // namespace faro::ui
