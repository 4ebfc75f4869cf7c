#include "io/archive_listing.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The archive prefixes, longest-suffix first so ".tar.gz" is a tar, not a gzip.
struct ArchiveKind {
  const char* suffix;
  const char* prefix;
};
constexpr ArchiveKind kArchives[] = {{".tar.gz", "/vsitar/"},
                                     {".tgz", "/vsitar/"},
                                     {".tar", "/vsitar/"},
                                     {".zip", "/vsizip/"},
                                     {".7z", "/vsi7z/"}};

const char* prefix_for(std::string_view file_name) {
  const std::string n = lower(file_name);
  for (const ArchiveKind& k : kArchives)
    if (ends_with(n, k.suffix)) return k.prefix;
  return nullptr;
}

// Where the archive file ends in a /vsizip/... path: the first component ending in an archive
// suffix. npos when none.
size_t archive_end(const std::string& inner) {
  size_t pos = 0;
  while (pos <= inner.size()) {
    size_t slash = inner.find('/', pos);
    if (slash == std::string::npos) slash = inner.size();
    if (slash > pos && prefix_for(std::string_view(inner).substr(0, slash))) return slash;
    if (slash == inner.size()) break;
    pos = slash + 1;
  }
  return std::string::npos;
}

// "/vsizip//d/x.zip/a" -> {"/vsizip/", "/d/x.zip/a"}; prefix "" for a plain path.
std::pair<std::string, std::string> split_prefix(const std::string& path) {
  if (!is_vsi_path(path)) return {"", path};
  const size_t slash = path.find('/', 4);
  if (slash == std::string::npos) return {path, ""};
  return {path.substr(0, slash + 1), path.substr(slash + 1)};
}

}  // namespace

bool is_browsable_archive(std::string_view file_name) {
  return prefix_for(file_name) != nullptr;
}

bool is_vsi_path(std::string_view path) {
  return path.rfind("/vsi", 0) == 0;
}

std::string archive_root(const std::string& path) {
  const char* prefix = prefix_for(path);
  return prefix ? std::string(prefix) + path : std::string();
}

std::optional<std::string> archive_file_of(const std::string& vsi_path) {
  const auto [prefix, inner] = split_prefix(vsi_path);
  if (prefix.empty()) return std::nullopt;
  if (prefix == "/vsigzip/") return inner;
  const size_t end = archive_end(inner);
  if (end == std::string::npos) return std::nullopt;
  return inner.substr(0, end);
}

std::string vsi_parent(const std::string& vsi_dir) {
  std::string d = vsi_dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  const auto [prefix, inner] = split_prefix(d);
  if (prefix.empty()) return std::filesystem::path(d).parent_path().string();
  const std::optional<std::string> archive = archive_file_of(d);
  if (!archive || inner.size() <= archive->size())  // at the archive's root: leave it
    return std::filesystem::path(archive ? *archive : inner).parent_path().string();
  return d.substr(0, d.find_last_of('/'));
}

std::string display_file_name(const std::string& path) {
  if (path.rfind("PG:", 0) == 0) return path.substr(0, path.find(' '));
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  const size_t slash = p.find_last_of('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

std::optional<std::vector<VsiEntry>> list_vsi_directory(const std::string& vsi_dir,
                                                        std::string* error) {
  ensure_gdal();
  const auto [prefix, inner] = split_prefix(vsi_dir);
  // /vsi7z/ came with GDAL 3.7: say so instead of "cannot read".
  if (prefix == "/vsi7z/") {
    bool known = false;
    char** prefixes = VSIGetFileSystemsPrefixes();
    for (char** p = prefixes; p && *p; ++p) known = known || std::string(*p) == "/vsi7z/";
    CSLDestroy(prefixes);
    if (!known) {
      if (error)
        *error = "7z archives need GDAL 3.7 or later (this is GDAL " +
                 std::string(GDALVersionInfo("RELEASE_NAME")) + ")";
      return std::nullopt;
    }
  }
  GdalMessageCapture capture;  // GDAL's complaints about a damaged archive go to `error`
  VSIStatBufL st;
  char** names = VSIReadDir(vsi_dir.c_str());
  // No names: an empty folder, or not a folder at all (a damaged archive, a missing path). An
  // archive's root does not always stat as a folder, so the listing is tried first.
  if (!names && (VSIStatL(vsi_dir.c_str(), &st) != 0 || !VSI_ISDIR(st.st_mode))) {
    if (error)
      *error = capture.last_error().empty() ? "cannot read " + vsi_dir : capture.last_error();
    return std::nullopt;
  }
  std::vector<VsiEntry> dirs, files;
  for (char** n = names; n && *n; ++n) {
    const std::string name = *n;
    if (name.empty() || name == "." || name == ".." || name[0] == '.') continue;
    const std::string full = vsi_dir + (vsi_dir.back() == '/' ? "" : "/") + name;
    VsiEntry e{name, false, 0};
    if (VSIStatL(full.c_str(), &st) == 0) {
      e.is_dir = VSI_ISDIR(st.st_mode);
      e.size = e.is_dir ? 0 : static_cast<uint64_t>(st.st_size);
    }
    (e.is_dir ? dirs : files).push_back(std::move(e));
  }
  CSLDestroy(names);
  auto by_name = [](const VsiEntry& a, const VsiEntry& b) { return lower(a.name) < lower(b.name); };
  std::sort(dirs.begin(), dirs.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  dirs.insert(dirs.end(), files.begin(), files.end());
  if (error) error->clear();
  return dirs;
}

bool source_exists(const std::string& path) {
  if (path.empty()) return false;
  if (is_vsi_path(path)) {
    ensure_gdal();
    CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    VSIStatBufL st;
    return VSIStatExL(path.c_str(), &st, VSI_STAT_EXISTS_FLAG) == 0;
  }
  const size_t colon = path.find(':');
  if (colon != std::string::npos && colon > 1 && path.find_first_of("/\\") > colon)
    return true;  // PG:..., https://...: nothing on disk to look at
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

}  // namespace faro::io
