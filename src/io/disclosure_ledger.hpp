#pragma once
// Persistence of the disclosure ledger (core/publication_audit.hpp): what every partner-safe output
// published, as the scope of each number (offences, units, days) and its value or "hidden", plus
// the same-label values of rule 4 and the partner maps drawn. It holds only numbers that were
// already published (and which cells were hidden, not their values), never incident data.
//
// Text format, UTF-8, one record per line, fields separated by tabs:
//   # faro-ledger 2
//   L <label> <v1,v2,...>                          same-label values (rule 4)
//   F <filter> <unit;unit;...> <first> <end> <value|H>   a published number (H = hidden)
//   M <filter> <first> <end>                       a partner map
// Dates are YYYY-MM-DD (end exclusive). "%", ";", tab and line ends in names are %-escaped.
// A file without the header is a ledger of an earlier version ("<label>\t<values>" lines) and is
// read as L records.
//
// Concurrency: a partner output holds LedgerLock (an exclusive flock on "<ledger>.lock") from
// reading the ledger to recording its numbers, and records them before its file is renamed into
// place, so two exports started together audit against each other and an output whose numbers
// cannot be recorded is not written.
#include <string>

#include "core/publication_audit.hpp"

namespace faro::io {

// $FARO_LEDGER (one ledger per partner: point it at that partner's file), else
// $FARO_CACHE_DIR/disclosure_ledger.tsv, else $XDG_CACHE_HOME/faro/..., else ~/.cache/faro/...
std::string default_ledger_path();

// The ledger at `path`; empty when the file does not exist. Throws faro::DataError naming the file
// (and line) when it exists but cannot be read or parsed: a damaged ledger must not silently turn
// the rules off.
DisclosureLedger load_disclosure_ledger(const std::string& path);

// Writes `ledger` to `path` atomically, creating the parent folder. Throws faro::DataError.
void save_disclosure_ledger(const std::string& path, const DisclosureLedger& ledger);

// Rule 4 only (the same-label values), for callers that need no more.
PublishedLedger load_ledger(const std::string& path);

// An exclusive lock on the ledger for one read-audit-record cycle. Creates the parent folder and
// "<path>.lock"; blocks while another process holds it. Throws faro::DataError naming the path
// when the lock cannot be taken (e.g. the path lies inside a file).
class LedgerLock {
 public:
  explicit LedgerLock(const std::string& ledger_path);
  ~LedgerLock();
  LedgerLock(const LedgerLock&) = delete;
  LedgerLock& operator=(const LedgerLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace faro::io
