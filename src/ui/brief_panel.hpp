#pragma once
// Weekly brief panel: the table of core/weekly_brief.hpp for one ISO week under the session's
// filter (week chooser with previous/next, sortable columns, a 12-week sparkline per row drawn
// with ImDrawList, flags coloured). Clicking a row selects that sector on the map (Ctrl-click adds
// or removes it). The brief is computed in update(), before the frame's widgets, and only when
// the snapshot's data, its filter (dates aside) or the week change (one pass over the rows:
// milliseconds per million incidents); draw() only draws it.
#include <cstdint>
#include <optional>
#include <string>

#include <memory>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "core/weekly_brief.hpp"
#include "ui/brief_export_dialog.hpp"

namespace faro::ui {

class BriefPanel {
 public:
  // Recomputes the brief when its inputs changed (UI thread, outside draw()).
  void update(const SnapshotPtr& snap);
  // Draws inside the current ImGui window (the caller owns Begin/End); a week chosen here is
  // computed by the next update().
  void draw(Session& session);

  // The brief on screen (nullopt before the first draw or without incidents). For tests.
  const std::optional<WeeklyBrief>& brief() const { return brief_; }
  // How many times the brief was computed (tests check it is not recomputed every frame).
  uint64_t computations() const { return computations_; }
  // Whether the chosen week lies outside the data (the table is then replaced by a note).
  bool week_outside_data() const { return !data_first_.empty(); }
  // The week on screen (nullopt without a brief): what File > Export weekly brief writes.
  std::optional<IsoWeek> week() const;
  // Chooses the week (nullopt = the last complete week in the data).
  void set_week(std::optional<IsoWeek> week);

  // File ▸ Export weekly brief: opens the dialog for the week on screen (it follows the week
  // chosen here while open). draw_export_dialog() draws it (its own window, whether or not the
  // brief window is shown) and returns the export asked for.
  void open_export_dialog() { export_requested_ = true; }
  std::optional<BriefExportRequest> draw_export_dialog(Language lang,
                                                       const BriefExportStatus& status);
  BriefExportDialog& export_dialog() { return export_dialog_; }
  const BriefExportDialog& export_dialog() const { return export_dialog_; }

  // Selects `sector`: replaces the selection, or with `additive` toggles it in the selection.
  static void select_sector(Session& session, const std::string& sector, bool additive);

 private:
  void draw_week_chooser(Language lang);
  void draw_table(Session& session, Language lang);

  std::optional<IsoWeek> chosen_week_;  // nullopt = last complete
  char week_text_[16] = "";
  std::string synced_week_;  // the week last copied into week_text_
  bool week_text_bad_ = false;
  // What the brief on screen was computed from. The data is held (not a raw pointer), so its
  // identity cannot be confused with a later Workspace at the same address.
  struct Key {
    std::shared_ptr<const Workspace> data;
    FilterState filter;  // dates cleared
    std::optional<IsoWeek> week;
  };
  std::optional<Key> key_;
  std::optional<WeeklyBrief> brief_;
  // The chosen week holds no day of the data: its first and last incident dates (YYYY-MM-DD),
  // shown instead of an all-zero table; empty when the week is inside the data.
  std::string data_first_, data_last_;
  uint64_t computations_ = 0;
  // The meeting's order by default (core/weekly_brief.hpp order_brief_rows_by_change).
  BriefColumn sort_column_ = BriefColumn::flag;
  bool sort_descending_ = true;
  BriefExportDialog export_dialog_;
  bool export_requested_ = false;
};

}  // namespace faro::ui
