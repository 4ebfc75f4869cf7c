#include "ui/error_modal.hpp"

#include <imgui.h>

#include <cstdio>

#include "ui/i18n.hpp"

namespace faro::ui {

void ErrorModal::queue(const std::vector<std::string>& new_errors) {
  for (const std::string& e : new_errors) queue_.push_back(e);
}

void ErrorModal::draw(Language lang) {
  if (queue_.empty()) return;
  const std::string title = std::string(tr(Msg::error_title, lang)) + "###error_modal";
  if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
  const float f = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(24 * f, 0), ImVec2(48 * f, 30 * f));
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(46 * f);
    ImGui::TextUnformatted(queue_.front().c_str());
    ImGui::PopTextWrapPos();
    if (queue_.size() > 1) {
      char buf[96];
      std::snprintf(buf, sizeof buf, tr(Msg::error_more, lang),
                    static_cast<int>(queue_.size() - 1));
      ImGui::TextDisabled("%s", buf);
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(Msg::error_ok, lang), ImVec2(8 * f, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
      queue_.pop_front();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace faro::ui
