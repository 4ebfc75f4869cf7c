#pragma once
// Partner-safe presenting: what the dashboard shows an audience (presentation mode) and what
// leaves it (PNG export) follows the one protection function, protect_style()
// (core/style_protection.hpp), drawn by the one renderer, exactly as `faro render` does: no
// points, bandwidth floor, greyed hidden choropleth classes, density floor of k incidents' peak,
// rounded colour maximum. This file holds the ImGui piece only the live map needs: the protected
// hover tooltip ("<5" for counts 1..k-1). The footer stating the protection
// (core/disclosure.hpp protection_footer) is shown by the ui's caption column.
// The pure parts are tested without GL or ImGui (tests/app/partner_safe_view_test.cpp).
#include <cstdint>
#include <string>

#include "core/disclosure.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::app {

// The policy of presentation mode and dashboard exports (defaults: k = 5, 500 m, 2 digits).
DisclosurePolicy dashboard_policy();

// A sector count as the audience may see it: "<k" for 1..k-1 when `protect`, else the number
// with thousands separators as the ui writes it.
std::string shown_count(int64_t count, bool protect, const DisclosurePolicy& policy);

// ImGui (UI thread, inside a frame): the hover tooltip of presentation mode (sector name and its protected count); the app
// hides the ui's own tooltip (which shows raw counts) while presenting.
void draw_protected_tooltip(const Workspace& ws, const FilterResult& filtered, int sector,
                            Language language, const DisclosurePolicy& policy);

}  // namespace faro::app
