#pragma once
// The dashboard's recent files, kept between runs: one path per line in recent.txt under
// $FARO_CONFIG_DIR, else $FARO_CACHE_DIR (a sandboxed run, e.g. the tests, keeps everything
// there), else $XDG_CONFIG_HOME/faro, else ~/.config/faro. Paths are stored exactly as they were
// opened (absolute, or a GDAL /vsi path into an archive), so the same text opens the same file.
// Connection strings are stored with their password removed (ui/file_browser.hpp redacts them).
#include <string>
#include <vector>

namespace faro::io {

// "" when no folder can be found (no HOME).
std::string recent_files_path();
// The list, most recent first, at most `max` entries; empty when the file is absent or unreadable
// (a missing list is not an error). Blank lines are skipped.
std::vector<std::string> read_recent_files(const std::string& path, size_t max = 10);
// Writes the list atomically, creating the folder. Returns "" or why it could not be written
// (never throws: losing the recent list must not stop the dashboard).
std::string write_recent_files(const std::string& path, const std::vector<std::string>& files);

}  // namespace faro::io
