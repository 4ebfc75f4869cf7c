#include "app/partner_ledger.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "io/disclosure_ledger.hpp"

namespace faro::app {

void record_partner_maps(const Workspace& ws, const std::vector<LedgerMap>& maps, Language lang,
                         int k, std::string ledger_path) {
  if (ledger_path.empty()) ledger_path = io::default_ledger_path();
  io::LedgerLock lock(ledger_path);
  DisclosureLedger ledger = io::load_disclosure_ledger(ledger_path);
  const AuditIncidents incidents = audit_incidents(ws);
  for (const LedgerMap& m : maps) {
    if (const auto conflict = map_conflict(ledger, m, incidents, k))
      throw DataError(map_conflict_text(*conflict, k, lang));
    if (std::find(ledger.maps.begin(), ledger.maps.end(), m) == ledger.maps.end())
      ledger.maps.push_back(m);
  }
  io::save_disclosure_ledger(ledger_path, ledger);
}

}  // namespace faro::app
