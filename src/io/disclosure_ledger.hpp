#pragma once
// Persistence of the published-values ledger (rule 4 of core/disclosure.hpp: a value that differs
// by 1..k-1 from one published earlier under the same unit|period label is hidden). The ledger
// holds only aggregated counts that were already published, never incident data.
// Text format, one label per line: "<label>\t<v1>,<v2>,...". Written atomically.
#include <string>

#include "core/disclosure.hpp"

namespace faro::io {

// $FARO_CACHE_DIR/disclosure_ledger.tsv, else $XDG_CACHE_HOME/faro/..., else ~/.cache/faro/...
std::string default_ledger_path();

// The ledger at `path`; empty when the file does not exist. Throws faro::DataError naming the file
// (and line) when it exists but cannot be read or parsed: a damaged ledger must not silently turn
// the differencing rule off.
PublishedLedger load_ledger(const std::string& path);

// Writes `ledger` to `path` atomically, creating the parent folder. Throws faro::DataError.
void save_ledger(const std::string& path, const PublishedLedger& ledger);

}  // namespace faro::io
