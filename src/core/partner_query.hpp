#pragma once
// What a partner may ask for (issue 14, the threat model in the README): partner outputs accept
// only filters on the declared offence field and periods made of whole published periods, their
// cells are at least 500 m, and a partner map may not differ from one already given out by fewer
// than k incidents. Free attribute filters (--where) are for internal outputs. These checks return
// catalogue keys; the edges (cli, app) word them.
#include <cstdint>
#include <optional>

#include "core/civil_time.hpp"
#include "core/messages.hpp"
#include "core/publication_audit.hpp"
#include "core/time_bins.hpp"

namespace faro {

inline constexpr double kMinPartnerCellM = 500.0;
inline constexpr int kMinPartnerPermutations = 99;

// Whether [from, to_exclusive) is made of whole periods of `by` (none: whole ISO weeks or whole
// months; week: ISO weeks; month: months; year: years). An open end is the data's own end and
// passes. nullopt when it is; else the message to show (with the dates, see partner_window_text).
std::optional<Msg> partner_window_problem(std::optional<CivilSeconds> from,
                                          std::optional<CivilSeconds> to_exclusive, BinKind by);

// The message in words: "... 2024-09-02 to 2024-10-31 does not." (the last day inclusive).
std::string partner_window_text(Msg problem, Language lang, std::optional<CivilSeconds> from,
                                std::optional<CivilSeconds> to_exclusive);

// Incidents in one map but not the other (symmetric difference) for two maps' filters and days,
// counted on `incidents`; nullopt when a filter is on another offence field (cannot be compared).
std::optional<int64_t> map_difference(const LedgerMap& a, const LedgerMap& b,
                                      const AuditIncidents& incidents);

struct MapConflict {
  LedgerMap earlier;
  int64_t difference = 0;
};
// The first map in `ledger` that `candidate` differs from by 1..k-1 incidents (an identical map
// differs by 0 and may be drawn again).
std::optional<MapConflict> map_conflict(const DisclosureLedger& ledger, const LedgerMap& candidate,
                                        const AuditIncidents& incidents, int k);
std::string map_conflict_text(const MapConflict& c, int k, Language lang);

}  // namespace faro
