#include "cli/partner_rules.hpp"
#include <sstream>

#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/partner_map_rules.hpp"
#include "core/partner_query.hpp"
#include "io/disclosure_ledger.hpp"

namespace faro::cli {

void check_partner_request(const ParsedArgs& args, BinKind by, std::optional<Language> lang) {
  const Language l = lang.value_or(Language::en);
  if (args.has("where")) throw UsageError(tr(Msg::partner_where_refused, l));
  const io::IncidentSourceOptions o = incident_options_from_args(args);
  if (const auto problem = partner_window_problem(o.from, o.to_exclusive, by))
    throw UsageError(partner_window_text(*problem, l, o.from, o.to_exclusive));
}

AuditData::AuditData(const ParsedArgs& args, const LoadedData& data, std::ostream& err)
    : data_(data) {
  if (!data.rows_dropped) return;
  ParsedArgs everything = args;
  for (const char* name : {"from", "to", "offence", "where"}) everything.erase(name);
  std::ostringstream quiet;  // the load reports were printed for the main load
  owned_ = std::make_unique<LoadedData>(load_data(everything, quiet));
  (void)err;
}

AuditIncidents AuditData::view() const {
  const LoadedData& d = owned_ ? *owned_ : data_;
  return audit_incidents(d.incidents, d.sectors);
}

std::pair<int64_t, int64_t> window_days(const LoadedData& data) {
  int64_t first = 0, end = 0;
  if (data.filter.from)
    first = days_of(*data.filter.from);
  else if (const auto t = data.incidents.min_time())
    first = days_of(*t);
  if (data.filter.to_exclusive)
    end = days_of(*data.filter.to_exclusive - 1) + 1;
  else if (const auto t = data.incidents.max_time())
    end = days_of(*t) + 1;
  return {first, std::max(first, end)};
}

std::string ledger_path(const ParsedArgs& args) {
  return args.get_or("ledger", io::default_ledger_path());
}

LedgerMap check_partner_map(const DisclosureLedger& ledger, const LoadedData& data,
                            const AuditData& audit, int k, std::optional<Language> lang) {
  const auto [first, end] = window_days(data);
  const LedgerMap candidate{data.offence_filter, first, end};
  if (const auto conflict = map_conflict(ledger, candidate, audit.view(), k))
    throw DataError(map_conflict_text(*conflict, k, lang.value_or(Language::en)));
  return candidate;
}

}  // namespace faro::cli
