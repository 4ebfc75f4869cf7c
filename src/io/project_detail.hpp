#pragma once
// Internal to the project file code (project_json.cpp writes, project_json_read.cpp reads): the
// names both sides must agree on, and the path mapping. Not for other callers.
#include <string>

namespace faro::io::project_detail {

// SourceSpec::Role in enum order.
inline constexpr const char* kRoleNames[] = {"sectors", "incidents", "programs", "context"};

// `path` relative to `dir` when they share a folder below the root, absolute otherwise;
// connection strings unchanged. `dir` "" = keep as given.
std::string to_project_path(const std::string& path, const std::string& dir);
// Inverse: a relative `path` resolved against `dir` (lexically normalised).
std::string from_project_path(const std::string& path, const std::string& dir);

}  // namespace faro::io::project_detail
