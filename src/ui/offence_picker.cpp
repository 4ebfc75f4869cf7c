#include "ui/offence_picker.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiItemFlags_MixedValue: the group's "some ticked" checkbox
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "ui/filter_edit.hpp"
#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

std::string printf_text(const char* format, int a, int b) {
  char buf[200];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

std::string printf_text(const char* format, const std::string& s) {
  char buf[400];
  std::snprintf(buf, sizeof buf, format, s.c_str());
  return buf;
}

// Text right-aligned in the current table cell.
void right_aligned(const std::string& text) {
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
  ImGui::TextDisabled("%s", text.c_str());
}

}  // namespace

void OffencePicker::refresh(const DataSnapshot& snap) {
  if (model_snap_ != &snap || model_generation_ != snap.generation) {
    const Workspace& ws = snap.ws();
    const CategoryDictionary& dict = ws.incidents.categories;
    // Code 0 ("" = no category) is listed only when rows actually have it.
    std::vector<std::string> names;
    std::vector<int64_t> counts;
    for (size_t code = 0; code < dict.size(); ++code) {
      const auto& per = snap.result().per_category;
      const int64_t n = code < per.size() ? per[code] : 0;
      if (code == 0 && n == 0) continue;
      names.push_back(dict.name(static_cast<uint16_t>(code)));
      counts.push_back(n);
    }
    model_ = build_picker_model(names, counts, ws.category_groups);
    all_ = model_.names();
    model_snap_ = &snap;
    model_generation_ = snap.generation;
    mask_valid_ = false;
  }
  if (!mask_valid_ || mask_search_ != search_) {
    mask_ = match_mask(model_, search_);
    matches_ = masked_names(model_, mask_);
    mask_search_ = search_;
    mask_valid_ = true;
  }
}

void OffencePicker::draw(const DataSnapshot& snap, Session& session) {
  const Workspace& ws = snap.ws();
  const Language lang = session.language;
  refresh(snap);
  if (none_pending_ && session.filter.categories != none_pending_for_) none_pending_ = false;

  ImGui::PushID("offence_picker");
  ImGui::TextUnformatted(tr(Msg::categories, lang));
  if (all_.empty()) {
    ImGui::PopID();
    return;
  }
  if (all_.size() > kSearchFrom) {
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##search", tr(Msg::picker_search_hint, lang), &search_))
      refresh(snap);  // the list below follows the text typed this frame
  }
  draw_buttons(session);
  // What the list shows and what is ticked, in words (the table alone does not say it).
  const std::vector<std::string>& matches = matches_;
  int ticked = 0;
  for (const std::string& n : all_) ticked += !none_pending_ && category_enabled(session.filter, n);
  std::string line = printf_text(tr(Msg::picker_selected, lang), ticked, static_cast<int>(all_.size()));
  if (!search_.empty())
    line = printf_text(tr(Msg::picker_matches, lang), static_cast<int>(matches.size()),
                       static_cast<int>(all_.size())) + " · " + line;
  ImGui::TextDisabled("%s", line.c_str());
  if (model_.grouped)
    ImGui::TextDisabled("%s", printf_text(tr(Msg::picker_grouped_by, lang),
                                          ws.category_groups.field).c_str());
  if (none_pending_) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.25f, 0.08f, 1));
    ImGui::TextWrapped("%s", tr(Msg::picker_none_pending, lang));
    ImGui::PopStyleColor();
  }
  draw_table(session);
  draw_saved(session);
  ImGui::PopID();
}

void OffencePicker::draw_buttons(Session& session) {
  const Language lang = session.language;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line_width = ImGui::GetContentRegionAvail().x;
  float used = -1;  // width taken on the current line of buttons; < 0 before the first
  // Buttons wrap onto the next line rather than overflow the panel (the Spanish labels are longer).
  auto button = [&](Msg label, bool enabled) {
    const float w = ImGui::CalcTextSize(tr(label, lang)).x + style.FramePadding.x * 2;
    if (used >= 0 && used + style.ItemSpacing.x + w <= line_width) {
      ImGui::SameLine();
      used += style.ItemSpacing.x + w;
    } else {
      used = w;
    }
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::SmallButton(tr(label, lang));
    ImGui::EndDisabled();
    return pressed;
  };
  const std::vector<std::string> matches = matches_;  // a copy: the buttons may edit the filter
  if (button(Msg::picker_all, none_pending_ || !session.filter.categories.empty())) {
    none_pending_ = false;
    edit_filter(session, [](FilterState& f) { f.categories.clear(); });
  }
  if (button(Msg::picker_none, !none_pending_)) {
    none_pending_ = true;
    none_pending_for_ = session.filter.categories;
  }
  if (button(Msg::picker_only_matches, !search_.empty() && !matches.empty()))
    select_only_names(session, matches);
}

void OffencePicker::select_only_names(Session& session, const std::vector<std::string>& names) {
  FilterState f = session.filter;
  if (select_only(f, all_, names)) session.filter = f;
  none_pending_ = false;
}

void OffencePicker::draw_table(Session& session) {
  const Language lang = session.language;
  const ImGuiStyle& style = ImGui::GetStyle();
  int64_t widest = 0;
  for (const PickerGroup& g : model_.groups) widest = std::max(widest, g.count);
  const float count_w = ImGui::CalcTextSize(format_count(widest).c_str()).x;
  const float only_w = ImGui::CalcTextSize(tr(Msg::picker_only, lang)).x + style.FramePadding.x * 2;
  // The table is as tall as its rows (names wrap, so rows differ), up to kVisibleRows single rows;
  // then it scrolls. The name column's width is estimated as the table will lay it out.
  const float frame_h = ImGui::GetFrameHeight();
  const float name_w = ImGui::GetContentRegionAvail().x - count_w - only_w - frame_h -
                       style.ScrollbarSize - style.CellPadding.x * 6 - style.ItemSpacing.x -
                       (model_.grouped ? ImGui::GetTreeNodeToLabelSpacing() : 0.0f);
  const auto row_height = [&](const std::string& text) {
    const float text_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, std::max(1.0f, name_w)).y;
    return std::max(frame_h, text_h + style.FramePadding.y * 2) + style.CellPadding.y * 2;
  };
  const float max_h = (frame_h + style.CellPadding.y * 2) * kVisibleRows;
  float rows_h = 0;
  for (const PickerGroup& g : model_.groups) {
    bool any = false;
    for (size_t i : g.entries)
      if (rows_h < max_h && mask_[i]) {
        rows_h += row_height(model_.entries[i].name);
        any = true;
      }
    if (any && model_.grouped) rows_h += frame_h + style.CellPadding.y * 2;
  }
  const float height = std::clamp(rows_h, frame_h + style.CellPadding.y * 2, max_h) +
                       style.CellPadding.y * 2;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##offences", 3, flags, ImVec2(0, height))) return;
  // Counts get their own column, as wide as the largest count (a group's) and right-aligned, so
  // offence names never run under them.
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed, count_w);
  ImGui::TableSetupColumn("only", ImGuiTableColumnFlags_WidthFixed, only_w);
  for (size_t gi = 0; gi < model_.groups.size(); ++gi) {
    const PickerGroup& g = model_.groups[gi];
    std::vector<size_t> visible;
    for (size_t i : g.entries)
      if (mask_[i]) visible.push_back(i);
    if (visible.empty()) continue;
    if (!model_.grouped) {
      for (size_t i : visible) draw_entry(i, false, session);
      continue;
    }
    ImGui::PushID(static_cast<int>(gi));
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    // Groups start open (a closed group hides what it holds); searching reopens every group
    // that has a match.
    if (!search_.empty()) ImGui::SetNextItemOpen(true);
    const bool open = ImGui::TreeNodeEx("##group", ImGuiTreeNodeFlags_NoTreePushOnOpen |
                                                       ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::SameLine();
    const std::vector<std::string> members = group_names(model_, g);
    const CheckState state =
        none_pending_ ? CheckState::off : selection_state(session.filter, members);
    bool on = state == CheckState::on;
    if (state == CheckState::mixed) ImGui::PushItemFlag(ImGuiItemFlags_MixedValue, true);
    const bool clicked = ImGui::Checkbox("##all", &on);
    if (state == CheckState::mixed) ImGui::PopItemFlag();
    if (clicked) {
      if (none_pending_) {
        select_only_names(session, members);
      } else {
        FilterState f = session.filter;
        if (set_selected(f, all_, members, on)) session.filter = f;
      }
    }
    ImGui::SameLine();
    const std::string label = g.name.empty() ? tr(Msg::picker_no_group, lang) : g.name;
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", label.c_str());
    ImGui::TableSetColumnIndex(1);
    right_aligned(format_count(g.count));
    if (open)
      for (size_t i : visible) draw_entry(i, true, session);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void OffencePicker::draw_entry(size_t index, bool indent, Session& session) {
  const Language lang = session.language;
  const PickerEntry& e = model_.entries[index];
  const std::string label = e.name.empty() ? tr(Msg::no_category, lang) : e.name;
  ImGui::PushID(static_cast<int>(index) + 1000000);
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  if (indent) ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
  bool on = !none_pending_ && category_enabled(session.filter, e.name);
  bool toggled = ImGui::Checkbox("##on", &on);
  ImGui::SameLine();
  // The whole name, wrapped within its column (offence names differ at their ends: "HOMICIDIO POR
  // ARMA BLANCA" / "… DE FUEGO"), and clickable like its box.
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", label.c_str());
  toggled |= ImGui::IsItemClicked();
  if (indent) ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing());
  if (toggled) {
    if (none_pending_)
      select_only_names(session, {e.name});
    else
      edit_filter(session, [&](FilterState& f) { toggle_category(f, all_, e.name); });
  }
  ImGui::TableSetColumnIndex(1);
  right_aligned(format_count(e.count));
  ImGui::TableSetColumnIndex(2);
  // "Only this" in one click, on every row (it used to hide behind a right-click).
  if (ImGui::SmallButton(tr(Msg::picker_only, lang))) select_only_names(session, {e.name});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", printf_text(tr(Msg::picker_only_tip, lang), label).c_str());
  ImGui::PopID();
}

void OffencePicker::draw_saved(Session& session) {
  const Language lang = session.language;
  std::vector<CategorySelection>& saved = session.category_selections;
  // The saved selection the filter now equals, if any, is what the combo shows.
  int current = -1;
  for (size_t i = 0; i < saved.size(); ++i)
    if (!none_pending_ && saved[i].categories == session.filter.categories)
      current = static_cast<int>(i);
  ImGui::TextUnformatted(tr(Msg::picker_saved, lang));
  const float delete_w =
      ImGui::CalcTextSize(tr(Msg::picker_delete, lang)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - delete_w -
                          ImGui::GetStyle().ItemSpacing.x);
  const std::string preview = current >= 0 ? saved[current].name : tr(Msg::picker_saved_none, lang);
  if (ImGui::BeginCombo("##saved", preview.c_str())) {
    for (size_t i = 0; i < saved.size(); ++i)
      if (ImGui::Selectable(saved[i].name.c_str(), static_cast<int>(i) == current)) {
        session.filter.categories = saved[i].categories;
        none_pending_ = false;
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(current < 0);
  if (ImGui::Button(tr(Msg::picker_delete, lang)) && current >= 0)
    saved.erase(saved.begin() + current);
  ImGui::EndDisabled();
  const float save_w =
      ImGui::CalcTextSize(tr(Msg::picker_save, lang)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - save_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::InputTextWithHint("##save_name", tr(Msg::picker_save_hint, lang), &save_name_);
  ImGui::SameLine();
  ImGui::BeginDisabled(save_name_.empty() || none_pending_);
  if (ImGui::Button(tr(Msg::picker_save, lang))) {
    // A name already saved is overwritten with the current selection.
    const auto it = std::find_if(saved.begin(), saved.end(),
                                 [&](const CategorySelection& c) { return c.name == save_name_; });
    if (it != saved.end())
      it->categories = session.filter.categories;
    else
      saved.push_back({save_name_, session.filter.categories});
    save_name_.clear();
  }
  ImGui::EndDisabled();
}

}  // namespace faro::ui
