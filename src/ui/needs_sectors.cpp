#include "ui/needs_sectors.hpp"

#include <imgui.h>

#include "ui/i18n.hpp"

namespace faro::ui {

bool lacks_sectors(const Workspace& ws) {
  return !ws.synthetic && ws.sectors.size() == 0 && !ws.incidents.empty();
}

bool draw_needs_sectors(const Workspace& ws, Language lang, UiState& ui) {
  if (!lacks_sectors(ws)) return false;
  ImGui::PushID("needs_sectors");
  ImGui::TextColored(ImVec4(0.70f, 0.35f, 0.05f, 1), "%s", tr(Msg::needs_sectors_title, lang));
  ImGui::PushTextWrapPos(0.0f);  // wrap at the window's edge
  ImGui::TextUnformatted(tr(Msg::needs_sectors_body, lang));
  ImGui::PopTextWrapPos();
  if (ImGui::Button(tr(Msg::needs_sectors_open, lang))) ui.browser_request = BrowserMode::open_data;
  ImGui::PopID();
  return true;
}

}  // namespace faro::ui
