#pragma once
// The offence -> group pairs of an incidents source that has a grouping column beside its offence
// column (`grupo` in the FGJ weapons file, `categoria_delito` in the full FGJ open data), for the
// offence picker's collapsible groups (core/category_groups.hpp). Read after the load, only the two
// columns; sources without such a column cost one header read.
#include <string>
#include <vector>

#include "core/category_groups.hpp"
#include "core/session.hpp"

namespace faro::io {

// Candidate grouping column names, first match wins (case-insensitive); never the offence column.
const std::vector<std::string>& group_field_candidates();

// The groups of the first incidents source in `sources`, whose offences came from
// `category_field` (IncidentStore::category_field). Empty when there is no incidents source, no
// offence column or no grouping column. An offence listed under several groups goes to the one
// it appears with most. Throws DataError when the source cannot be opened.
CategoryGroups read_category_groups(const std::vector<SourceSpec>& sources,
                                    const std::string& category_field);

}  // namespace faro::io
