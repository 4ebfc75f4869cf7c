#pragma once
// The few user-facing messages the app itself produces (job errors, export notices): names for
// their catalogue keys (core/messages.hpp, app_* keys) and the one-%s substitution they share.
#include <string>

#include "core/session.hpp"

namespace faro::app {

enum class AppMsg {
  load_failed,     // "Could not load the data: %s"
  project_failed,  // "Could not open the project: %s"
  save_failed,     // "Could not save the project: %s"
  save_no_path,    // no project path yet
  export_failed,   // "Could not export the map: %s"
  export_done,     // "Map exported: %s"
  load_cancelled,
  basemap_failed,       // "Could not open the basemap: %s"
  animation_failed,     // "Could not export the animation: %s"
};

// The message with `detail` substituted for its %s.
std::string app_text(AppMsg msg, Language lang, const std::string& detail = "");

}  // namespace faro::app
