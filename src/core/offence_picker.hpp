#pragma once
// The rules of the offence picker (ui/offence_picker.hpp), kept out of the drawing so they are
// tested: accent- and case-insensitive search, the list model (groups by a source's grouping
// column, busiest first), the tri-state of a group, and the selection edits (all, only these,
// a group on/off) on a FilterState, whose empty category list means "every category".
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/category_groups.hpp"
#include "core/session.hpp"

namespace faro {

// `text` folded for searching: ASCII and Latin-1 letters lower-cased with their accents removed
// ("LESIÓN" -> "lesion", "Ñ" -> "n"), combining accents (U+0300..U+036F) dropped; anything else
// kept as it is. UTF-8 in and out.
std::string fold_for_search(std::string_view text);
// Every space-separated word of `query` occurs in `text`, both folded ("robo viol" matches "ROBO A
// NEGOCIO CON VIOLENCIA"). An empty query matches everything.
bool search_matches(std::string_view text, std::string_view query);

struct PickerEntry {
  std::string name;   // category name as loaded ("" = rows with no category)
  int64_t count = 0;  // rows it would show under the other filters
};

struct PickerGroup {
  std::string name;             // "" = no grouping column, or offences the column left ungrouped
  int64_t count = 0;            // sum of its entries
  std::vector<size_t> entries;  // indices into PickerModel::entries, busiest first
};

struct PickerModel {
  std::vector<PickerEntry> entries;  // in dictionary order
  std::vector<std::string> folded;   // fold_for_search of each entry's name, folded once per model
  std::vector<PickerGroup> groups;   // busiest first; the unnamed group last
  bool grouped = false;              // a grouping column gave at least one named group
  // Every entry's name, in dictionary order (what the category toggles take as "all").
  std::vector<std::string> names() const;
};

// The model for `names`/`counts` (same length), grouped by `groups` when it is not empty.
PickerModel build_picker_model(const std::vector<std::string>& names,
                               const std::vector<int64_t>& counts, const CategoryGroups& groups);

// Names of the entries matching `query`, in list order (group by group, busiest first).
std::vector<std::string> matching_names(const PickerModel& model, std::string_view query);
// Per entry (dictionary order): 1 when it matches `query`. Folds the query once and compares it
// with the model's pre-folded names, so a picker can keep the mask until the text changes.
std::vector<char> match_mask(const PickerModel& model, std::string_view query);
// The names the mask selects, in list order.
std::vector<std::string> masked_names(const PickerModel& model, const std::vector<char>& mask);
// Names of the entries of one group.
std::vector<std::string> group_names(const PickerModel& model, const PickerGroup& group);

enum class CheckState { off, on, mixed };
// Whether `names` are all selected, none, or some, under `f`.
CheckState selection_state(const FilterState& f, const std::vector<std::string>& names);

// Selects exactly `names` (every one of `all` = no category filter). Refused (false, `f` kept)
// when `names` is empty: an empty list would mean "all" again.
bool select_only(FilterState& f, const std::vector<std::string>& all,
                 const std::vector<std::string>& names);
// Turns `names` on or off together, keeping the others (a group's checkbox). Turning off the
// last selected categories is refused (false), like unticking the last single category.
bool set_selected(FilterState& f, const std::vector<std::string>& all,
                  const std::vector<std::string>& names, bool on);

}  // namespace faro
