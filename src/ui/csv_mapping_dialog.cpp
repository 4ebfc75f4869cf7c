#include "ui/csv_mapping_dialog.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>

#include "core/errors.hpp"
#include "core/localized_error.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

// Header colours of the mapped columns in the preview table.
const ImU32 kRoleColors[5] = {IM_COL32(214, 92, 41, 90), IM_COL32(214, 92, 41, 90),
                              IM_COL32(60, 130, 200, 80), IM_COL32(60, 130, 200, 50),
                              IM_COL32(90, 170, 90, 80)};

// A column combo: "(none)" when optional, each header name, "(detected)" after the detected one.
bool column_combo(const char* label, int& value, int detected, const io::CsvPreview& p,
                  bool optional, Language lang) {
  const std::string none = tr(Msg::csv_none, lang);
  const std::string preview = value >= 0 ? p.header[static_cast<size_t>(value)] : none;
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  // The label says when the choice is still the detected column.
  const std::string shown_label =
      detected >= 0 && value == detected
          ? std::string(label) + "  (" + tr(Msg::csv_detected, lang) + ")"
          : std::string(label);
  ImGui::PushID(label);
  if (ImGui::BeginCombo((shown_label + "###combo").c_str(), preview.c_str())) {
    if (optional && ImGui::Selectable(none.c_str(), value < 0)) {
      changed = value != -1;
      value = -1;
    }
    for (size_t i = 0; i < p.header.size(); ++i) {
      std::string item = p.header[i].empty() ? "#" + std::to_string(i + 1) : p.header[i];
      if (static_cast<int>(i) == detected)
        item += std::string("  (") + tr(Msg::csv_detected, lang) + ")";
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(item.c_str(), value == static_cast<int>(i))) {
        changed = value != static_cast<int>(i);
        value = static_cast<int>(i);
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

}  // namespace

CsvMapping mapping_from_detection(const io::CsvPreview& p) {
  CsvMapping m;
  m.x = p.detected.x;
  m.y = p.detected.y;
  m.date = p.detected.date;
  m.time = p.detected.time;
  m.category = p.detected.category;
  return m;
}

bool mapping_complete(const CsvMapping& m) {
  if (m.role != SourceSpec::Role::incidents) return true;
  return m.x >= 0 && m.y >= 0 && m.date >= 0 && m.x != m.y && m.date != m.x && m.date != m.y;
}

SourceSpec csv_source_spec(const io::CsvPreview& p, const CsvMapping& m) {
  auto name = [&](int i) {
    return i >= 0 && i < static_cast<int>(p.header.size()) ? p.header[static_cast<size_t>(i)]
                                                           : std::string();
  };
  SourceSpec s;
  s.role = m.role;
  s.path = p.path;
  if (m.role == SourceSpec::Role::incidents) {
    s.x_field = name(m.x);
    s.y_field = name(m.y);
    s.date_field = name(m.date);
    s.time_field = name(m.time);
    s.category_field = name(m.category);
    s.date_order = m.month_first ? "mdy" : "dmy";
  }
  return s;
}

void CsvMappingDialog::open(const std::string& path, Language lang) {
  open_ = true;
  path_ = path;
  error_.clear();
  preview_.reset();
  try {
    preview_ = io::read_csv_preview(path);
    detected_ = mapping_ = mapping_from_detection(*preview_);
  } catch (const std::exception& e) {
    // Shown in the dialog, in the UI language; the user can cancel or pick another file.
    error_ = error_text(e, lang);
  }
}

void CsvMappingDialog::draw(const Session& session, UiState& ui, UiActions& actions) {
  if (ui.request_csv_dialog) {
    ui.request_csv_dialog = false;
    open(ui.csv_path, session.language);
  }
  if (!open_) return;
  const Language lang = session.language;
  const float f = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(56 * f, 34 * f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  const std::string title = std::string(tr(Msg::csv_title, lang)) + " — " +
                            std::filesystem::path(path_).filename().string() + "###csv_mapping";
  if (!ImGui::Begin(title.c_str(), &open_, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  if (!preview_) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, tr(Msg::csv_read_error, lang), error_.c_str());
    ImGui::TextColored(ImVec4(0.7f, 0.12f, 0.05f, 1), "%s", buf);
    if (ImGui::Button(tr(Msg::browser_cancel, lang))) open_ = false;
    ImGui::End();
    return;
  }
  const io::CsvPreview& p = *preview_;

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Msg::browser_role, lang));
  for (SourceSpec::Role r :
       {SourceSpec::Role::incidents, SourceSpec::Role::sectors, SourceSpec::Role::programs}) {
    ImGui::SameLine();
    if (ImGui::RadioButton(tr_role(r, lang), mapping_.role == r)) mapping_.role = r;
  }
  if (mapping_.role == SourceSpec::Role::incidents) {
    if (ImGui::BeginTable("##mapping", 2, ImGuiTableFlags_SizingStretchSame)) {
      ImGui::TableNextColumn();
      column_combo(tr(Msg::csv_longitude, lang), mapping_.x, detected_.x, p, false, lang);
      column_combo(tr(Msg::csv_latitude, lang), mapping_.y, detected_.y, p, false, lang);
      column_combo(tr(Msg::csv_date, lang), mapping_.date, detected_.date, p, false, lang);
      ImGui::TableNextColumn();
      column_combo(tr(Msg::csv_time, lang), mapping_.time, detected_.time, p, true, lang);
      column_combo(tr(Msg::csv_category, lang), mapping_.category, detected_.category, p, true,
                   lang);
      ImGui::TextUnformatted(tr(Msg::csv_date_order, lang));
      ImGui::SameLine();
      if (ImGui::RadioButton(tr(Msg::csv_dmy, lang), !mapping_.month_first))
        mapping_.month_first = false;
      ImGui::SameLine();
      if (ImGui::RadioButton(tr(Msg::csv_mdy, lang), mapping_.month_first))
        mapping_.month_first = true;
      ImGui::EndTable();
    }
  }
  if (p.latin1) ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.05f, 1), "%s", tr(Msg::csv_latin1, lang));

  char buf[96];
  std::snprintf(buf, sizeof buf, tr(Msg::csv_preview_rows, lang), static_cast<int>(p.rows.size()));
  ImGui::TextDisabled("%s", buf);
  draw_preview_table(session);

  const bool complete = mapping_complete(mapping_);
  if (!complete)
    ImGui::TextColored(ImVec4(0.7f, 0.12f, 0.05f, 1), "%s", tr(Msg::csv_missing_required, lang));
  ImGui::BeginDisabled(!complete);
  if (ImGui::Button(tr(Msg::csv_load, lang), ImVec2(8 * f, 0))) {
    UiAction a;
    a.kind = UiAction::Kind::open_source;
    a.source = csv_source_spec(p, mapping_);
    a.path = p.path;
    actions.push_back(std::move(a));
    open_ = false;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(Msg::browser_cancel, lang), ImVec2(8 * f, 0))) open_ = false;
  (void)ui;
  ImGui::End();
}

void CsvMappingDialog::draw_preview_table(const Session& session) {
  const io::CsvPreview& p = *preview_;
  const int cols = static_cast<int>(std::min<size_t>(p.header.size(), 64));  // ImGui table limit
  if (cols == 0) return;
  const float height = ImGui::GetContentRegionAvail().y - 2.4f * ImGui::GetFrameHeightWithSpacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##preview", cols, flags, ImVec2(0, std::max(height, 80.0f)))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (int c = 0; c < cols; ++c) ImGui::TableSetupColumn(p.header[static_cast<size_t>(c)].c_str());
  ImGui::TableHeadersRow();
  // Mapped columns are tinted in the header row so the choice is visible in the data.
  const int mapped[5] = {mapping_.x, mapping_.y, mapping_.date, mapping_.time, mapping_.category};
  if (mapping_.role == SourceSpec::Role::incidents) {
    for (int k = 0; k < 5; ++k)
      if (mapped[k] >= 0 && mapped[k] < cols)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kRoleColors[k], mapped[k]);
  }
  for (const auto& row : p.rows) {
    ImGui::TableNextRow();
    for (int c = 0; c < cols; ++c) {
      ImGui::TableSetColumnIndex(c);
      if (static_cast<size_t>(c) < row.size())
        ImGui::TextUnformatted(row[static_cast<size_t>(c)].c_str());
    }
    if (mapping_.role == SourceSpec::Role::incidents)
      for (int k = 0; k < 5; ++k)
        if (mapped[k] >= 0 && mapped[k] < cols)
          ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kRoleColors[k], mapped[k]);
  }
  ImGui::EndTable();
  (void)session;
}

}  // namespace faro::ui
