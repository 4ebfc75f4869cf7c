#include "ui/identify_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/messages.hpp"

namespace faro::ui {

IdentifyPanel::Action IdentifyPanel::draw(const IdentifyView& view, Language lang,
                                          const MapRegion& region) {
  Action action;
  if (!view.open || region.width <= 0 || region.height <= 0) return action;
  const float f = ImGui::GetFontSize();
  const float width = std::min(26.0f * f, region.width * 0.45f);
  // Docked to the map's right edge, under the top: the map stays visible to its left.
  ImGui::SetNextWindowPos(ImVec2(region.x + region.width - width - 0.5f * f, region.y + 0.5f * f),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, std::min(region.height - f, 34.0f * f)),
                           ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.96f);
  bool open = true;
  const std::string title = std::string(tr(Msg::identify_title, lang)) + "###identify";
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin(title.c_str(), &open, flags)) {
    if (view.entries.size() > 1) {
      ImGui::TextDisabled(tr(Msg::identify_count, lang), static_cast<int>(view.entries.size()));
      const float list_h = std::min(8.0f, static_cast<float>(view.entries.size())) * 1.35f * f;
      if (ImGui::BeginChild("##identify_list", ImVec2(0, list_h), true)) {
        for (size_t i = 0; i < view.entries.size(); ++i) {
          ImGui::PushID(static_cast<int>(i));
          if (ImGui::Selectable(view.entries[i].c_str(), static_cast<int>(i) == view.selected))
            action.picked = static_cast<int>(i);
          ImGui::PopID();
        }
      }
      ImGui::EndChild();
    } else if (!view.entries.empty()) {
      ImGui::TextUnformatted(view.entries.front().c_str());
    }
    ImGui::Separator();
    char line[512];
    if (view.no_rows) {
      ImGui::TextWrapped("%s", tr(Msg::identify_no_rows, lang));
    } else if (!view.error.empty()) {
      std::snprintf(line, sizeof line, tr(Msg::identify_failed, lang), view.error.c_str());
      ImGui::TextWrapped("%s", line);
    } else if (view.loading) {
      std::snprintf(line, sizeof line, tr(Msg::identify_reading, lang), view.row,
                    view.source.c_str());
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", line);
      ImGui::PopStyleColor();
    } else if (!view.fields.empty()) {
      std::snprintf(line, sizeof line, tr(Msg::identify_row, lang), view.row, view.source.c_str(),
                    view.read_ms);
      // Wrapped: a long file name must not cut the read time off.
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", line);
      ImGui::PopStyleColor();
      if (view.stale) ImGui::TextWrapped("%s", tr(Msg::identify_stale, lang));
      const ImGuiTableFlags table = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
      if (ImGui::BeginTable("##identify_fields", 2, table)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Msg::identify_field, lang), 0, 0.4f);
        ImGui::TableSetupColumn(tr(Msg::identify_value, lang), 0, 0.6f);
        ImGui::TableHeadersRow();
        for (const auto& [name, value] : view.fields) {
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(0);
          ImGui::TextUnformatted(name.c_str());
          ImGui::TableSetColumnIndex(1);
          ImGui::TextWrapped("%s", value.c_str());
        }
        ImGui::EndTable();
      }
    }
  }
  ImGui::End();
  if (!open) action.close = true;
  return action;
}

}  // namespace faro::ui
