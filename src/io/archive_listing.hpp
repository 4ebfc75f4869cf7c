#pragma once
// Folders inside archives, for the file browser: a .zip, .tar (.tgz, .tar.gz) or .7z is browsed
// like a folder through GDAL's virtual file systems (/vsizip/, /vsitar/, /vsi7z/), so a CSV or
// GeoPackage inside one opens without unpacking it. A lone .gz is one compressed file, not a
// folder: it is opened through /vsigzip/ (the incident loader adds the prefix itself).
// Only the listing lives here; the browser (ui/file_browser.hpp) decides what a click does.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faro::io {

struct VsiEntry {
  std::string name;
  bool is_dir = false;
  uint64_t size = 0;  // uncompressed bytes, files only
};

// True for names GDAL can browse as a folder: .zip, .tar, .tgz, .tar.gz, .7z (case-insensitive).
bool is_browsable_archive(std::string_view file_name);
// "/data/x.zip" -> "/vsizip//data/x.zip"; "" when `path` is not a browsable archive.
std::string archive_root(const std::string& path);
// True for paths inside a GDAL virtual file system ("/vsizip/...", "/vsigzip/...").
bool is_vsi_path(std::string_view path);
// The folder above `vsi_dir`: inside the archive while there is one, then the plain folder that
// holds the archive ("/vsizip//d/x.zip/a" -> "/vsizip//d/x.zip" -> "/d").
std::string vsi_parent(const std::string& vsi_dir);
// The archive file a /vsi path reads from ("/vsizip//d/x.zip/a/b.csv" -> "/d/x.zip"), or nullopt.
std::optional<std::string> archive_file_of(const std::string& vsi_path);
// A name to show for a source: the member's file name, never the /vsi prefix
// ("/vsigzip//d/x.csv.gz" -> "x.csv.gz", "/vsizip//d/a.zip/b.csv" -> "b.csv").
std::string display_file_name(const std::string& path);

// Folders then files of `vsi_dir` (VSIReadDir + VSIStatL), each sorted case-insensitively.
// Returns nullopt with `error` set when GDAL cannot read it (a damaged archive, or a .7z with a
// GDAL older than 3.7, which has no /vsi7z/).
std::optional<std::vector<VsiEntry>> list_vsi_directory(const std::string& vsi_dir,
                                                        std::string* error = nullptr);

// True when the file exists: a plain path by the file system, a /vsi path through GDAL (the member
// inside its archive). Connection strings (PG:...) count as existing: nothing to check.
bool source_exists(const std::string& path);

}  // namespace faro::io
