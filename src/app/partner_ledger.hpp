#pragma once
// The dashboard's partner-safe outputs (PNG export, animation) under the disclosure ledger
// (core/publication_audit.hpp, io/disclosure_ledger.hpp): the same rules as `faro render`.
#include <string>
#include <vector>

#include "core/partner_map_rules.hpp"

namespace faro::app {

// Checks `maps` against the ledger and against each other (a map whose incidents differ from one
// given out by 1..k-1 is refused), then records them, all under the ledger's lock, before the
// caller writes its file. Throws faro::DataError worded in `lang`. `ledger_path` "" = the default
// (io::default_ledger_path(): $FARO_LEDGER, else the Faro cache folder).
void record_partner_maps(const Workspace& ws, const std::vector<LedgerMap>& maps, Language lang,
                         int k, std::string ledger_path = "");

}  // namespace faro::app
