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

  // Rebuilds model_ when the snapshot changes and the match mask when the search text changes, so a
  // frame does no folding or sorting (the FGJ list has ~300 offences).
  void refresh(const DataSnapshot& snap);

  PickerModel model_;
  const DataSnapshot* model_snap_ = nullptr;  // identity + generation of the snapshot model_ is for
  uint64_t model_generation_ = 0;
  std::string mask_search_;       // search_ when mask_ was computed
  bool mask_valid_ = false;
  std::vector<char> mask_;        // match_mask(model_, search_), per entry
  std::vector<std::string> matches_;  // masked_names(model_, mask_)

  std::vector<std::string> all_;  // model_.names()
  std::string search_;
  std::string save_name_;
  // "None" ticks nothing without emptying the map (an empty filter list means "all"): the boxes
  // show unticked until one is ticked, or until the filter changes elsewhere.
  bool none_pending_ = false;
  std::vector<std::string> none_pending_for_;  // session.filter.categories when None was pressed
};

}  // namespace faro::ui
