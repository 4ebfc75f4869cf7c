#pragma once
// Project files (.faro.json): a Session saved as JSON so a dashboard reopens exactly as it was
// left.
//   {"faro_project": 2, "title": ..., "language": "es", "work_srs": "", "sources": [...],
//    "filter": {"from": "2021-01-01", "to_exclusive": "2022-01-01T00:00:00" | null, ...},
//    "style": {"name": ..., "layers": [...], "furniture": {...}}, "camera": {...},
//    "selection": [...], "programs": [...]}
// "style" is a style file's object (io/map_style_json.hpp) without its "faro_style" key (the
// project's version covers it; one is accepted and checked when present). No "style" = the
// default style (io/style_presets.hpp); a style with no layers reads back as no layers, which
// the app treats as "not set". Version-2 files are strict: an unknown key is an error naming it.
// Version-1 files (the map as "layers" + "heatmap"/"choropleth"/"points") are still read and
// converted to the equivalent style; saving writes version 2.
// Source paths (data sources and basemap/context layer sources) are written relative to the
// project file's folder when the data sits under a common folder with it (so a project travels
// with its data), and resolved back on load.
// Connection strings never keep a password. Files are written atomically (io/atomic_file.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/session.hpp"

namespace faro::io {

// A project file that cannot be used: not JSON, not a Faro project, a newer format, or a value of
// the wrong type. The message names the file, what is wrong and where ("filter.hours[3]").
struct ProjectError : DataError {
  using DataError::DataError;
};

// Writes `session` to `path` atomically. Returns warnings for the user (e.g. a password removed
// from a PG: connection string). Throws DataError naming the file when it cannot be written.
std::vector<std::string> save_project(const Session& session, const std::string& path);

// Reads a project. Relative source paths become absolute (against the project's folder). Throws
// ProjectError (bad content) or DataError (unreadable file); never returns a half-read Session.
Session load_project(const std::string& path);

// The JSON text for `session` with source paths relative to `project_dir` ("" = keep as given);
// the string-level half of save_project (for tests and "copy project" actions).
std::string project_to_json(const Session& session, const std::string& project_dir,
                            std::vector<std::string>* warnings = nullptr);
// Parses project JSON; `file` names the source in error messages, relative paths resolve against
// `project_dir` ("" = keep as written).
Session project_from_json(std::string_view text, const std::string& project_dir,
                          const std::string& file);

// "PG:dbname=x password=secret user=y" -> "PG:dbname=x user=y" (also password='...').
std::string strip_password(const std::string& source);

}  // namespace faro::io
