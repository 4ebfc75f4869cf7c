#pragma once
// Identify (analyst view only): a side panel at the map's right edge listing the incidents under
// a click (date, time, offence) and the chosen one's fields as its source has them (every column,
// read back by row: app/identify_service.hpp). Never drawn while presenting, never part of an
// export: exact records are for the analyst's screen (README, partner-safe outputs).
#include <string>
#include <utility>
#include <vector>

#include "core/language.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::ui {

// What the panel shows; the app fills it (app/identify_controller.hpp).
struct IdentifyView {
  bool open = false;
  std::vector<std::string> entries;  // one line per incident under the click, nearest first
  int selected = 0;                  // index into entries
  bool loading = false;              // the selected record is being read
  unsigned row = 0;                  // its source row (1-based; 0 = unknown)
  std::string source;                // its source's file name
  std::vector<std::pair<std::string, std::string>> fields;  // name, value
  double read_ms = 0;
  std::string error;                 // why the fields could not be read
  bool no_rows = false;              // the store keeps no row numbers
  bool stale = false;                // the row read differs from what was loaded
};

struct IdentifyPanel {
  struct Action {
    int picked = -1;     // the user chose another entry
    bool close = false;  // the close button
  };
  // Draws the panel docked to the right edge of `region` (ImGui display coordinates).
  Action draw(const IdentifyView& view, Language lang, const MapRegion& region);
};

}  // namespace faro::ui
