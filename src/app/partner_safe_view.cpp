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
