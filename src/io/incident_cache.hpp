#pragma once
// Columnar cache of loaded incidents, so a warm load of a big CSV is one sequential read instead
// of inflate + parse + reproject. Entries live in the user's cache directory, never next to the
// data: $FARO_CACHE_DIR/incidents/ when set, else $XDG_CACHE_HOME/faro/incidents/, else
// ~/.cache/faro/incidents/. The key covers the source (canonical path of the local file behind any
// /vsigzip/ or /vsizip/ prefix, its size and mtime) and every option that changes the result
// (fields, CRS, date order, work CRS, extent filter, --from/--to). An entry holds the binary
// columns, the category dictionary and the serialized LoadReport; it is written atomically and
// ignored when its magic, version, key, sizes or checksums do not match.
#include <cstdint>
#include <optional>
#include <string>

#include "io/incident_loader.hpp"

namespace faro::io {

struct IncidentCacheKey {
  std::string key_text;    // everything the entry depends on, stored in the entry and compared
  std::string entry_path;  // <dir>/<source hash>-<file state hash>-<options hash>.fic
  std::string source_tag;  // "<source hash>-": entries of the same source...
  std::string state_tag;   // ..."<source hash>-<file state hash>-": ...and of its current state
};

// The cache directory (may not exist yet), or "" when no home/cache directory is known.
std::string incident_cache_dir();

// Key for a source read by the CSV fast path; nullopt when it is not a local file (remote
// sources are never cached) or when no cache directory is known.
std::optional<IncidentCacheKey> incident_cache_key(const std::string& vsi_path,
                                                   const IncidentSourceOptions& options,
                                                   const IncidentLoadContext& context);

// The cached result, or nullopt when absent, stale or corrupt (never throws).
std::optional<IncidentLoadResult> read_incident_cache(const IncidentCacheKey& key);

// Writes the entry atomically and removes entries for older states of the same source.
// Returns "" on success, else why it was not written (the load itself still succeeds).
std::string write_incident_cache(const IncidentCacheKey& key, const IncidentLoadResult& result);

}  // namespace faro::io
