#pragma once
// The offence picker of the filters panel, made for real offence lists (about 300 in the FGJ
// data): a search box that ignores accents and case, All / None / Only matches, a table with the
// whole offence name (wrapped), its count right-aligned in its own column and an "only" button on every row,
// collapsible groups with a tri-state checkbox when the source has a grouping column (`grupo`),
// and named selections saved in the project. The rules live in core/offence_picker.hpp; this file
// only draws them and writes session.filter / session.category_selections (UI thread).
#include <cstdint>
#include <string>
#include <vector>

#include "core/data_snapshot.hpp"
#include "core/offence_picker.hpp"
#include "core/session.hpp"

namespace faro::ui {

class OffencePicker {
 public:
  // Lists the snapshot's categories with the counts of its filter result.
  void draw(const DataSnapshot& snap, Session& session);
  // Lists of at most this many entries show no search box (the demo city's eight offences).
  static constexpr size_t kSearchFrom = 12;
  // Rows the table shows before it scrolls.
  static constexpr int kVisibleRows = 12;

  // For tests and scripted screenshots: what the search box holds.
  void set_search(std::string text) { search_ = std::move(text); }
  const std::string& search() const { return search_; }

 private:
  void draw_buttons(Session& session);
  void draw_table(Session& session);
  void draw_entry(size_t index, bool indent, Session& session);
  void draw_saved(Session& session);
  // Applies a selection edit; a pending "None" ends with the first box ticked.
  void select_only_names(Session& session, const std::vector<std::string>& names);

  PickerModel model_;

  std::vector<std::string> all_;  // model_.names()
  std::string search_;
  std::string save_name_;
  // "None" ticks nothing without emptying the map (an empty filter list means "all"): the boxes
  // show unticked until one is ticked, or until the filter changes elsewhere.
  bool none_pending_ = false;
  std::vector<std::string> none_pending_for_;  // session.filter.categories when None was pressed
};

}  // namespace faro::ui
