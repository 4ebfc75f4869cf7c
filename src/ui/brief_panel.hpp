#pragma once
// Weekly brief panel: the table of core/weekly_brief.hpp for one ISO week under the session's
// filter (week chooser with previous/next, sortable columns, a 12-week sparkline per row drawn
// with ImDrawList, flags coloured). Clicking a row selects that sector on the map (Ctrl-click adds
// or removes it). The brief is recomputed only when the filter, the week or the data change, not
// every frame (one pass over the rows: milliseconds per million incidents).
#include <cstdint>
#include <optional>
#include <string>

#include "core/session.hpp"
#include "core/weekly_brief.hpp"
#include "core/workspace.hpp"

namespace faro::ui {

class BriefPanel {
 public:
  // Draws inside the current ImGui window (the caller owns Begin/End).
  void draw(const Workspace& ws, Session& session);

  // The brief on screen (nullopt before the first draw or without incidents). For tests.
  const std::optional<WeeklyBrief>& brief() const { return brief_; }
  // How many times the brief was computed (tests check it is not recomputed every frame).
  uint64_t computations() const { return computations_; }
  // Chooses the week (nullopt = the last complete week in the data).
  void set_week(std::optional<IsoWeek> week);

  // Selects `sector`: replaces the selection, or with `additive` toggles it in the selection.
  // Bumps the session revision.
  static void select_sector(Session& session, const std::string& sector, bool additive);

 private:
  void refresh(const Workspace& ws, const Session& session);
  void draw_week_chooser(const Workspace& ws, Language lang);
  void draw_table(Session& session, Language lang);

  std::optional<IsoWeek> chosen_week_;  // nullopt = last complete
  char week_text_[16] = "";
  std::string synced_week_;  // the week last copied into week_text_
  bool week_text_bad_ = false;
  // What the brief on screen was computed from (data identity by size and range, not pointers:
  // the app may replace the Workspace).
  struct Key {
    FilterState filter;
    std::optional<IsoWeek> week;
    size_t incidents = 0, sectors = 0;
    CivilSeconds data_to = 0;
  };
  std::optional<Key> key_;
  std::optional<WeeklyBrief> brief_;
  uint64_t computations_ = 0;
  BriefColumn sort_column_ = BriefColumn::z;
  bool sort_descending_ = true;
};

}  // namespace faro::ui
