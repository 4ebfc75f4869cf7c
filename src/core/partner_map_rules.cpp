#include "core/partner_map_rules.hpp"

namespace faro {

std::optional<std::string> partner_filter_problem(const FilterState& filter, Language lang) {
  if ((filter.hour_mask & 0xFFFFFF) != 0xFFFFFF || (filter.weekday_mask & 0x7F) != 0x7F ||
      !filter.sectors.empty())
    return std::string(tr(Msg::partner_dashboard_filter, lang));
  if (const auto problem = partner_window_problem(filter.from, filter.to_exclusive, BinKind::none))
    return partner_window_text(*problem, lang, filter.from, filter.to_exclusive);
  return std::nullopt;
}

LedgerMap partner_map_record(const Workspace& ws, const FilterState& filter) {
  LedgerMap m;
  m.filter = offence_filter_key(ws.incidents.category_field, filter.categories);
  const CivilSeconds from = filter.from.value_or(ws.data_from);
  const CivilSeconds to = filter.to_exclusive.value_or(ws.data_to_exclusive);
  m.first_day = days_of(from);
  m.end_day = std::max(m.first_day, days_of(to - 1) + 1);
  return m;
}

AuditIncidents audit_incidents(const IncidentStore& store, const SectorSet& sectors) {
  AuditIncidents a;
  a.category_field = store.category_field;
  a.category_names = store.categories.names();
  for (const Sector& s : sectors.sectors) a.unit_names.push_back(s.name);
  a.t = store.t;
  a.category = store.category;
  a.sector = store.sector;
  return a;
}

}  // namespace faro
