#pragma once
// Filters panel: date range (two YYYY-MM-DD fields, validated as typed), offence categories (the
// offence picker, ui/offence_picker.hpp), hour of day and day of week (toggle cells drawn as
// a small histogram of the current counts) and the sector subset (taken from the map selection).
// Edits go straight into session.filter through ui/filter_edit.hpp.
#include <string>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "ui/offence_picker.hpp"
#include "ui/ui_actions.hpp"

namespace faro::ui {

struct FiltersPanel {
  void draw(const DataSnapshot& snap, Session& session, UiActions& actions);
  // Set when "Add to program…" was clicked under the selection; the dashboard opens the dialog
  // and clears it.
  bool request_program_edit = false;

 private:
  void draw_dates(const DataSnapshot& snap, Session& session);
  void draw_categories(const DataSnapshot& snap, Session& session);
  void draw_hours(const DataSnapshot& snap, Session& session);
  void draw_weekdays(const DataSnapshot& snap, Session& session);
  void draw_sectors(const DataSnapshot& snap, Session& session, UiActions& actions);

  // The date fields keep what the user typed (possibly invalid) until it parses; they are
  // re-synchronised when the filter changes elsewhere (project loaded, timeline brush).
  std::string from_text_, to_text_;
  std::string synced_from_, synced_to_;
  bool from_bad_ = false, to_bad_ = false, order_bad_ = false;
  OffencePicker offences_;
};

}  // namespace faro::ui
