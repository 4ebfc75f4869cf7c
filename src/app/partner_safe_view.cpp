#include "app/partner_safe_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::app {

DisclosurePolicy dashboard_policy() {
  return DisclosurePolicy{};
}

std::string shown_count(int64_t count, bool protect, const DisclosurePolicy& policy) {
  if (protect && count >= 1 && count < policy.k) return "<" + std::to_string(policy.k);
  return ui::format_count(count);
}

void draw_protection_footer(const ui::MapRegion& region, Language language,
                            const DisclosurePolicy& policy, const std::string& note) {
  const std::string text = protection_footer(policy, language) + (note.empty() ? "" : "\n" + note);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float f = ImGui::GetFontSize();
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  // Bottom left, just above the ui's scale bar box (which sits 1.2 f + f from the bottom): map
  // corners are usually outside the city, where the footer covers no sector or label.
  const float pad = 0.4f * f;
  const float x = region.x + 0.6f * f + pad;
  const float y = region.y + region.height - 2.2f * f - 2 * 0.6f * f - size.y - pad;
  dl->AddRectFilled(ImVec2(x - pad, y - pad), ImVec2(x + size.x + pad, y + size.y + pad),
                    IM_COL32(255, 255, 255, 225), 4.0f);
  dl->AddText(ImVec2(x, y), IM_COL32(40, 40, 40, 255), text.c_str());
}

void draw_protected_tooltip(const Workspace& ws, const FilterResult& filtered, int sector,
                            Language language, const DisclosurePolicy& policy) {
  if (sector < 0 || sector >= static_cast<int>(ws.sectors.size())) return;
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AnyWindow)) return;  // over a panel, not the map
  const size_t i = static_cast<size_t>(sector);
  const int64_t count = i < filtered.per_sector.size() ? filtered.per_sector[i] : 0;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(ws.sectors.sectors[i].name.c_str());
  char buf[160];
  std::snprintf(buf, sizeof buf, ui::tr(ui::Msg::tooltip_incidents, language),
                shown_count(count, true, policy).c_str());
  ImGui::TextUnformatted(buf);
  ImGui::EndTooltip();
}

}  // namespace faro::app
