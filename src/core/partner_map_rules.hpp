#pragma once
// The partner rules (core/partner_query.hpp) for maps made from the dashboard's filter: what a
// partner-safe PNG, animation or presentation export may be drawn from, and the record the ledger
// keeps of it (core/publication_audit.hpp). Returns words from the catalogue; no I/O here.
#include <optional>
#include <string>

#include "core/partner_query.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"

namespace faro {

// Why the filter cannot be drawn for a partner, in `lang`; nullopt when it can. Hour, weekday and
// sector filters can isolate incidents (rule 1); the window must be whole ISO weeks or months.
std::optional<std::string> partner_filter_problem(const FilterState& filter, Language lang);

// The ledger record of a map of `filter` over `ws` (offences by the data's category field; the
// filter's days, else the data's).
LedgerMap partner_map_record(const Workspace& ws, const FilterState& filter);

// Incidents (with their sectors assigned) as the audit sees them: views into `store`.
AuditIncidents audit_incidents(const IncidentStore& store, const SectorSet& sectors);
// The workspace's incidents as the audit sees them.
inline AuditIncidents audit_incidents(const Workspace& ws) {
  return audit_incidents(ws.incidents, ws.sectors);
}

}  // namespace faro
