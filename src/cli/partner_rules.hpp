#pragma once
// The partner-output rules at the command line (issue 14; core/partner_query.hpp for what a
// partner may ask, core/publication_audit.hpp for the ledger audit): one place for export,
// render, hotspots and the brief.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "cli/args.hpp"
#include "cli/data_args.hpp"
#include "core/language.hpp"
#include "core/publication_audit.hpp"
#include "core/time_bins.hpp"

namespace faro::cli {

// Throws UsageError (worded in `lang`, English when none) when a partner output asks for a free
// filter (--where) or a period that is not made of whole periods of `by`.
void check_partner_request(const ParsedArgs& args, BinKind by, std::optional<Language> lang);

// Every incident of the sources (no window, no offence filter), for auditing a new output against
// earlier ones that covered other days or offences. Reuses `data` when its load dropped nothing.
class AuditData {
 public:
  AuditData(const ParsedArgs& args, const LoadedData& data, std::ostream& err);
  AuditIncidents view() const;
  const IncidentStore& incidents() const { return owned_ ? owned_->incidents : data_.incidents; }

 private:
  const LoadedData& data_;
  std::unique_ptr<LoadedData> owned_;
};

// The days [first, end) of `data`'s window: --from/--to, else the incidents' own first and last
// days (days since 1970-01-01).
std::pair<int64_t, int64_t> window_days(const LoadedData& data);

// The ledger path: --ledger, else the default in the Faro cache folder.
std::string ledger_path(const ParsedArgs& args);

// For a partner map: refuses (DataError, in `lang`) a map whose incidents differ from a map in the
// ledger by 1..k-1; returns the record to add once the map is written.
LedgerMap check_partner_map(const DisclosureLedger& ledger, const LoadedData& data,
                            const AuditData& audit, int k, std::optional<Language> lang);

}  // namespace faro::cli
