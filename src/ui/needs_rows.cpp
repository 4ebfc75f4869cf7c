#include "ui/needs_rows.hpp"

#include <imgui.h>

#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {

bool draw_needs_rows(const AppStatus& status, Language lang) {
  if (!status.pg.server_mode) return false;
  ImGui::PushID("needs_rows");
  ImGui::PushTextWrapPos(0.0f);  // wrap at the window's edge
  ImGui::TextColored(ImVec4(0.70f, 0.35f, 0.05f, 1), "%s",
                     tr_format(lang, Msg::pg_server_panel, format_count(status.pg.max_rows).c_str())
                         .c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopID();
  return true;
}

}  // namespace faro::ui
