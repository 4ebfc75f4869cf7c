#pragma once
// The status bar along the bottom: load progress with a cancel button while a source loads,
// otherwise the filtered/total incident counts and sector count; heatmap recomputation, the
// project name and the frame time on the right.
#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "ui/dashboard_ui.hpp"
#include "ui/layout.hpp"
#include "ui/ui_actions.hpp"

namespace faro::ui {

struct StatusBar {
  void draw(const Rect& where, const DataSnapshot& snap, const Session& session,
            const AppStatus& status, UiActions& actions);
};

}  // namespace faro::ui
