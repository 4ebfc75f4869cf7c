#pragma once
// The partner brief under the disclosure ledger (issue 14, D6): every count the brief prints is
// recorded with what it counts (units, days, offences), and a new brief is audited against every
// earlier partner output (core/publication_audit.hpp), so two consecutive briefs cannot be
// differenced (ytd(W) - ytd(W-1) = week W) and a brief cannot be differenced against an export.
// The internal brief is unchanged.
#include <string>
#include <vector>

#include "core/brief_disclosure.hpp"
#include "core/publication_audit.hpp"
#include "core/sectors.hpp"

namespace faro {

// The brief's count table as the protection lays it out: rows = units (by BriefRow::sector_index)
// + "in no unit", the margin row "(all)"; columns = week, prev_week, prev4 (4 x mean), same week
// last year, ytd, ytd last year, the sparkline periods, and the (never printed) row totals.
// Values are the true counts; hidden = not printed (the "in no unit" row except its printed week,
// the row totals, and what `protection` hides).
ProtectedTable brief_count_table(const WeeklyBrief& brief, const BriefProtection& protection);

// What each cell of brief_count_table counts. `filter`: the offence filter key.
std::vector<CountScope> brief_count_scopes(const WeeklyBrief& brief, const SectorSet& sectors,
                                           const std::string& filter);

// protect_weekly_brief and then the ledger audit, to a fixed point. Throws faro::DataError when
// the brief cannot be made safe against the ledger.
BriefProtection protect_brief_with_ledger(const WeeklyBrief& brief, const DisclosurePolicy& policy,
                                          const SectorSet& sectors, const std::string& filter,
                                          const DisclosureLedger& ledger,
                                          const AuditIncidents& incidents,
                                          LedgerProtectionStats* stats = nullptr);

// Adds the brief's printed counts (and which were hidden) to `ledger`.
void record_brief(const WeeklyBrief& brief, const BriefProtection& protection,
                  const SectorSet& sectors, const std::string& filter, DisclosureLedger& ledger);

}  // namespace faro
