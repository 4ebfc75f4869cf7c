#pragma once
// Offence groups read from the incidents source when it has a grouping column next to the offence
// column (e.g. `grupo` beside `delito`): which group each offence name belongs to. The offence
// picker (ui/offence_picker.hpp) shows collapsible groups from it. Filled by io/category_groups
// after a load; empty when the source has no such column.
#include <map>
#include <string>

namespace faro {

struct CategoryGroups {
  std::string field;                            // the source column ("" = no grouping)
  std::map<std::string, std::string> group_of;  // offence name -> group name
  bool empty() const { return group_of.empty(); }
};

}  // namespace faro
