#include "ui/brief_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/errors.hpp"
#include "core/time_bins.hpp"
#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

// Column headers, in table order (the sparkline last).
constexpr Msg kColumns[10] = {Msg::brief_col_sector,        Msg::brief_col_week,
                              Msg::brief_col_prev,          Msg::brief_col_mean4,
                              Msg::brief_col_last_year,     Msg::brief_col_ytd,
                              Msg::brief_col_ytd_last_year, Msg::brief_col_z,
                              Msg::brief_col_flag,          Msg::brief_col_spark};

// One line explaining each column, shown when its header is hovered.
constexpr Msg kColumnHelp[10] = {Msg::brief_help_sector, Msg::brief_help_week,
                                 Msg::brief_help_prev,   Msg::brief_help_mean4,
                                 Msg::brief_help_last_year, Msg::brief_help_ytd,
                                 Msg::brief_help_ytd_last_year, Msg::brief_help_z,
                                 Msg::brief_help_flag,   Msg::brief_help_spark};

constexpr BriefColumn kColumnOrder[9] = {BriefColumn::sector,
                                         BriefColumn::week,
                                         BriefColumn::prev_week,
                                         BriefColumn::mean_prev4,
                                         BriefColumn::same_week_last_year,
                                         BriefColumn::ytd,
                                         BriefColumn::ytd_last_year,
                                         BriefColumn::z,
                                         BriefColumn::flag};

ImU32 flag_color(BriefFlag f) {
  switch (f) {
    case BriefFlag::up:
      return IM_COL32(215, 50, 50, 255);
    case BriefFlag::new_:
      return IM_COL32(235, 135, 20, 255);
    case BriefFlag::down:
      return IM_COL32(60, 120, 210, 255);
    case BriefFlag::none:
      break;
  }
  return ImGui::GetColorU32(ImGuiCol_Text);
}

const char* flag_word(BriefFlag f, Language lang) {
  switch (f) {
    case BriefFlag::up:
      return tr(Msg::brief_flag_up, lang);
    case BriefFlag::down:
      return tr(Msg::brief_flag_down, lang);
    case BriefFlag::new_:
      return tr(Msg::brief_flag_new, lang);
    case BriefFlag::none:
      break;
  }
  return "";
}

void sparkline(const std::vector<int64_t>& values, ImU32 last_color) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = std::max(20.0f, ImGui::GetContentRegionAvail().x);
  const float h = ImGui::GetTextLineHeight();
  ImGui::Dummy(ImVec2(w, h));
  if (values.size() < 2) return;
  const int64_t top = std::max<int64_t>(1, *std::max_element(values.begin(), values.end()));
  ImVec2 pts[WeeklyBrief::kSparklineWeeks * 2];
  const size_t n = std::min(values.size(), std::size(pts));
  for (size_t i = 0; i < n; ++i)
    pts[i] = ImVec2(p.x + 1 + (w - 5) * i / (n - 1), p.y + h - 2 - (h - 4) * values[i] / top);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddPolyline(pts, static_cast<int>(n), ImGui::GetColorU32(ImGuiCol_TextDisabled), 0, 1.0f);
  dl->AddCircleFilled(pts[n - 1], 2.0f, last_color);
}

bool same_week(const std::optional<IsoWeek>& a, const std::optional<IsoWeek>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->year == b->year && a->week == b->week);
}

}  // namespace

std::optional<IsoWeek> BriefPanel::week() const {
  if (!brief_) return std::nullopt;
  return brief_->week;
}

std::optional<BriefExportRequest> BriefPanel::draw_export_dialog(
    Language lang, const BriefExportStatus& status) {
  if (export_requested_ || export_dialog_.is_open()) export_dialog_.open(week());
  export_requested_ = false;
  return export_dialog_.draw(lang, status);
}

void BriefPanel::set_week(std::optional<IsoWeek> week) {
  chosen_week_ = week;
  week_text_bad_ = false;
}

void BriefPanel::select_sector(Session& session, const std::string& sector, bool additive) {
  auto& sel = session.selection;
  if (!additive) {
    sel.assign(1, sector);
  } else if (auto it = std::find(sel.begin(), sel.end(), sector); it != sel.end()) {
    sel.erase(it);
  } else {
    sel.push_back(sector);
  }
}

void BriefPanel::update(const SnapshotPtr& snap) {
  if (!snap) return;
  // The brief picks its own week windows, so the filter's dates are not part of the key: brushing
  // or playing the timeline does not recompute it.
  FilterState filter = snap->filter;
  filter.from.reset();
  filter.to_exclusive.reset();
  const bool same = key_ && key_->data == snap->data && key_->filter == filter &&
                    same_week(key_->week, chosen_week_);
  if (same) return;
  key_ = Key{snap->data, filter, chosen_week_};
  const Workspace& ws = *snap->data;
  brief_.reset();
  const std::optional<IsoWeek> week =
      chosen_week_ ? chosen_week_ : last_complete_week(ws.incidents);
  data_first_.clear();
  data_last_.clear();
  if (!week || ws.incidents.sector.size() != ws.incidents.size()) return;
  try {
    check_week_in_data(ws.incidents, *week, Language::en);
  } catch (const DataError&) {
    data_first_ = format_date(*ws.incidents.min_time());
    data_last_ = format_date(*ws.incidents.max_time());
  }
  brief_ = compute_weekly_brief(ws.incidents, ws.sectors, ws.make_filter(filter), *week);
  ++computations_;
  sort_brief_rows(brief_->rows, sort_column_, sort_descending_);
}

void BriefPanel::draw_week_chooser(Language lang) {
  // The field follows the week on screen whenever that changes (buttons, data, "last complete").
  if (brief_ && format_iso_week(brief_->week) != synced_week_) {
    synced_week_ = format_iso_week(brief_->week);
    std::snprintf(week_text_, sizeof week_text_, "%s", synced_week_.c_str());
    week_text_bad_ = false;
  }
  const auto step = [&](int delta) {
    if (!brief_) return;
    set_week(iso_week_of_bin(week_bin_of(brief_->week) + delta));
  };
  if (ImGui::SmallButton("<")) step(-1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("2024-W07__").x);
  if (ImGui::InputText("##week", week_text_, sizeof week_text_,
                       ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
    const auto parsed = parse_iso_week(week_text_);
    week_text_bad_ = !parsed;
    if (parsed) set_week(parsed);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(">")) step(+1);
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Msg::brief_latest, lang))) set_week(std::nullopt);
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Msg::brief_export_button, lang))) open_export_dialog();
  if (brief_) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s – %s", format_date(brief_->week_start).c_str(),
                        format_date(brief_->week_end_exclusive - kSecondsPerDay).c_str());
  }
  if (week_text_bad_)
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", tr(Msg::brief_bad_week, lang));
}

void BriefPanel::draw(Session& session) {
  const Language lang = session.language;
  ImGui::PushID("weekly_brief");
  draw_week_chooser(session.language);
  if (!brief_) {
    ImGui::TextDisabled("%s", tr(Msg::brief_no_data, lang));
  } else if (week_outside_data()) {
    // Not an all-zero table, which would read as "nothing happened".
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s",
                       tr_format(lang, Msg::brief_week_outside_data,
                                 format_iso_week(brief_->week).c_str(), data_first_.c_str(),
                                 data_last_.c_str())
                           .c_str());
    ImGui::PopTextWrapPos();
  } else {
    draw_table(session, session.language);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(Msg::brief_hint, lang));
    ImGui::PopTextWrapPos();
  }
  ImGui::PopID();
}

void BriefPanel::draw_table(Session& session, Language lang) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_Resizable;
  const float height = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeight() * 3,
                                ImGui::GetTextLineHeightWithSpacing() * 8);
  if (!ImGui::BeginTable("brief_table", 10, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(1, 2);  // header and the whole-area row stay visible
  // Numbers get a fixed width for "-00.00" / "00,000" or their header (plus the sort arrow);
  // the sector name stretches.
  const float number_w = ImGui::CalcTextSize("-00,000").x;
  const float arrow_w = ImGui::GetFontSize();
  // When the window is too narrow for every header, the numbers keep their own width (headers
  // clipped: each explains itself on hover) so the sector names stay readable.
  float headers_w = ImGui::CalcTextSize("San Sebastián del Monte").x +
                    ImGui::CalcTextSize(tr(kColumns[9], lang)).x + arrow_w;
  for (int c = 1; c < 9; ++c)
    headers_w += std::max(number_w, ImGui::CalcTextSize(tr(kColumns[c], lang)).x + arrow_w);
  const bool narrow = headers_w > ImGui::GetContentRegionAvail().x;
  for (int c = 0; c < 9; ++c) {
    ImGuiTableColumnFlags cf =
        c == 0 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
    if (kColumnOrder[c] == sort_column_)
      cf |= ImGuiTableColumnFlags_DefaultSort |
            (sort_descending_ ? ImGuiTableColumnFlags_PreferSortDescending : 0);
    const float width =
        c == 0  ? 0
        : narrow ? number_w + arrow_w
                 : std::max(number_w, ImGui::CalcTextSize(tr(kColumns[c], lang)).x + arrow_w);
    ImGui::TableSetupColumn(tr(kColumns[c], lang), cf, width, static_cast<ImGuiID>(c));
  }
  ImGui::TableSetupColumn(tr(kColumns[9], lang),
                          ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(tr(kColumns[9], lang)).x + arrow_w);
  // The header row by hand so each header explains its column when hovered.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < 10; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    ImGui::PushID(c);
    ImGui::TableHeader(ImGui::TableGetColumnName(c));
    ImGui::PopID();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(kColumnHelp[c], lang));
  }
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0 && specs->Specs[0].ColumnUserID < 9) {
      sort_column_ = kColumnOrder[specs->Specs[0].ColumnUserID];
      sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      sort_brief_rows(brief_->rows, sort_column_, sort_descending_);
    }
    specs->SpecsDirty = false;
  }

  const auto row = [&](const BriefRow& r, bool all) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool selected = !all && std::find(session.selection.begin(), session.selection.end(),
                                            r.sector) != session.selection.end();
    ImGui::PushID(all ? -1 : r.sector_index);
    const std::string label = all ? std::string(tr(Msg::brief_all_area, lang)) : r.sector;
    if (ImGui::Selectable(
            label.c_str(), selected,
            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap) &&
        !all)
      select_sector(session, r.sector, ImGui::GetIO().KeyCtrl);
    ImGui::PopID();
    char buf[32];
    const auto cell = [&](const std::string& text, ImU32 color = 0) {
      ImGui::TableNextColumn();
      const float avail = ImGui::GetContentRegionAvail().x;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - ImGui::CalcTextSize(text.c_str()).x);
      if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
      ImGui::TextUnformatted(text.c_str());
      if (color) ImGui::PopStyleColor();
    };
    cell(format_count(r.week));
    cell(format_count(r.prev_week));
    std::snprintf(buf, sizeof buf, "%.1f", r.mean_prev4);
    cell(buf);
    cell(format_count(r.same_week_last_year));
    cell(format_count(r.ytd));
    cell(format_count(r.ytd_last_year));
    std::snprintf(buf, sizeof buf, "%.2f", r.z);
    cell(buf, r.flag == BriefFlag::none ? 0 : flag_color(r.flag));
    ImGui::TableNextColumn();
    if (r.flag != BriefFlag::none)
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(flag_color(r.flag)), "%s",
                         flag_word(r.flag, lang));
    ImGui::TableNextColumn();
    sparkline(r.sparkline, flag_color(r.flag));
  };
  row(brief_->all, true);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(brief_->rows.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) row(brief_->rows[i], false);
  ImGui::EndTable();
}

}  // namespace faro::ui
