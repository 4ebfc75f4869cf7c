#pragma once
// Disclosure control across outputs (issue 14): every partner-safe number Faro publishes is
// recorded in a ledger as what it counts (a CountScope: offences, units, days) and, before a new
// output is published, its numbers are audited together with everything published before as one
// linear system. No count of 1..k-1 may become determined, whatever groupings the outputs used.
//
// The unknowns ("classes") are the incidents of one sector (or none) on one time atom of one
// offence atom, where the time atoms are the intervals between all published interval ends and
// the offence atoms are the sets of offences that no published filter separates. Every published
// count is a sum of classes (a 0/1 row); a quantity is determined by the published numbers exactly
// when its 0/1 vector lies in their row space. Checked, for every class present in the data:
//   (a) the class itself;
//   (b) per unit set used by a published number (a sector, a group, every sector) x time atom x
//       offence atom: e.g. September minus its four ISO weeks = the whole city on 30 September;
//   (c) per published number: its units x the days that the other numbers with the same units and
//       filter leave uncovered inside it (e.g. September minus W36..W39 = the 1st and the 30th);
//   (d) every hidden number (earlier or new) whose true value is 1..k-1.
// A check fails when the quantity is determined, its true count (from the loaded data) is 1..k-1,
// and it was not already determined by the earlier outputs alone (those cannot be taken back).
// Classes empty in the data are treated as known zeros, which only makes more things determined
// (conservative). Ranks are computed modulo the prime 2^31 - 1: a vector in the rational row space
// is in the modular one, so arithmetic can only err towards hiding more.
// Numbers on another offence field than the loaded data's are not checked (counted in the result).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/sector_code.hpp"

namespace faro {

// What one published number counts.
struct CountScope {
  // "" = every offence; else "<field>=<v1>|<v2>|..." (values sorted, see offence_filter_key).
  std::string filter;
  // Sector names, sorted; "*" = every incident wherever it lies; "(outside)" = in no sector.
  std::vector<std::string> units;
  int64_t first_day = 0, end_day = 0;  // days since 1970-01-01 (civil), [first, end)
  friend bool operator==(const CountScope&, const CountScope&) = default;
};

inline constexpr const char* kEveryUnit = "*";
inline constexpr const char* kOutsideUnit = "(outside)";

// The canonical filter key of a selection of offences on `field` (empty selection = "").
std::string offence_filter_key(const std::string& field, std::vector<std::string> values);

struct LedgerFact {
  CountScope scope;
  bool hidden = false;  // published as hidden (suppressed); its value is not recorded
  int64_t value = 0;    // the published value when not hidden
};

// A partner map (heatmap, hexagons, choropleth picture): the incidents it was drawn from.
struct LedgerMap {
  std::string filter;
  int64_t first_day = 0, end_day = 0;
  friend bool operator==(const LedgerMap&, const LedgerMap&) = default;
};

struct DisclosureLedger {
  PublishedLedger labels;  // the same-label rule (rule 4 of core/disclosure.hpp)
  std::vector<LedgerFact> facts;
  std::vector<LedgerMap> maps;
};

// The loaded incidents as the audit sees them (views into an IncidentStore / SectorSet).
struct AuditIncidents {
  std::string category_field;              // the field the category codes come from
  std::vector<std::string> category_names;  // by code
  std::vector<std::string> unit_names;      // by sector index
  std::span<const int64_t> t;               // civil seconds
  std::span<const uint16_t> category;
  std::span<const SectorCode> sector;       // kNoSector (< 0) = in no sector
};

struct AuditResult {
  std::vector<size_t> to_hide;    // cells of the new table to hide (indices into the table)
  size_t violations = 0;          // checks that failed because of the new numbers
  size_t inherited = 0;           // small quantities already determined by earlier outputs alone
  size_t unchecked_facts = 0;     // ledger numbers on another offence field (not audited)
  size_t classes = 0, rows = 0;   // size of the system
};

// Audits the new table (its cells' scopes, margins included, `scopes[i]` for table.value[i]; a
// scope with no units is not a count and is skipped) against `ledger`. Returns cells to hide:
// for each failed check, one published cell of the new table that took part in determining it
// (an inner cell before a margin, then the lowest `cost` (optional, per cell: what hiding it
// takes from the reader), one that shares a unit with the quantity, the smallest value).
AuditResult audit_publication(const DisclosureLedger& ledger, const AuditIncidents& incidents,
                              const std::vector<CountScope>& scopes, const ProtectedTable& table,
                              int k, const std::vector<uint8_t>* cost = nullptr);

struct LedgerProtectionStats {
  size_t rounds = 0, hidden_for_ledger = 0, inherited = 0, unchecked_facts = 0;
};

// protect_table (rules 1-4) and then the audit above, to a fixed point: cells the audit names are
// hidden (reason kLinked) and the complementary suppression re-run. `pre_hidden` as in
// protect_table (may be null). Throws faro::DataError when the table cannot be made safe.
ProtectedTable protect_with_ledger(const std::vector<int64_t>& cells, size_t rows, size_t cols,
                                   const DisclosurePolicy& policy,
                                   const std::vector<std::string>& labels,
                                   const std::vector<CountScope>& scopes,
                                   const DisclosureLedger& ledger, const AuditIncidents& incidents,
                                   const std::vector<uint8_t>* pre_hidden = nullptr,
                                   LedgerProtectionStats* stats = nullptr);

// Records every cell of `table` with a scope (published values and hidden cells) and its labels.
void record_publication(const ProtectedTable& table, const std::vector<std::string>& labels,
                        const std::vector<CountScope>& scopes, DisclosureLedger& ledger);

// Whole units: a row (unit) whose total is 1..k-1 is hidden as a whole, zeros included (a zero
// next to a hidden count says when it happened), and when the grand total is 1..k-1 everything
// is. Returns the pre_hidden mask ((rows + 1) x (cols + 1)) for protect_table.
std::vector<uint8_t> whole_unit_suppression(const std::vector<int64_t>& cells, size_t rows,
                                            size_t cols, int k);

}  // namespace faro
