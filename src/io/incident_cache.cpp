#include "io/incident_cache.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "io/atomic_file.hpp"
#include "io/incident_cache_format.hpp"

namespace faro::io {
namespace fs = std::filesystem;
namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::string hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
}

// The local file a (possibly /vsigzip/ or /vsizip/-prefixed) path reads from, made canonical, with
// the prefix and archive member around it: "/vsigzip/" + "/abs/x.csv.gz" + "". file is "" when the
// data are not a local file (/vsicurl/, databases...).
struct LocalSource {
  std::string prefix, file, member;
};

LocalSource local_file_behind(const std::string& vsi_path) {
  LocalSource out;
  std::string p = vsi_path;
  for (const char* prefix : {"/vsigzip/", "/vsizip/", "/vsitar/", "/vsi7z/"}) {
    if (starts_with(p, prefix)) {
      out.prefix = prefix;
      p = p.substr(out.prefix.size());
      break;
    }
  }
  if (starts_with(p, "/vsi") || p.find(':') != std::string::npos) return {};
  std::error_code ec;
  // An archive member path ("a.zip/dir/x.csv"): walk up to the archive itself.
  for (fs::path q(p); !q.empty(); q = q.parent_path()) {
    if (fs::is_regular_file(q, ec)) {
      const fs::path c = fs::canonical(q, ec);
      if (ec) return {};
      out.file = c.string();
      out.member = p.substr(q.string().size());
      return out;
    }
    if (q == q.parent_path()) break;
  }
  return {};
}

std::string format_double(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

std::string incident_cache_dir() {
  if (const char* d = std::getenv("FARO_CACHE_DIR"); d && *d)
    return (fs::path(d) / "incidents").string();
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d)
    return (fs::path(d) / "faro" / "incidents").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".cache" / "faro" / "incidents").string();
  return "";
}

std::optional<IncidentCacheKey> incident_cache_key(const std::string& vsi_path,
                                                   const IncidentSourceOptions& o,
                                                   const IncidentLoadContext& c) {
  const std::string dir = incident_cache_dir();
  const LocalSource local = local_file_behind(vsi_path);
  if (dir.empty() || local.file.empty()) return std::nullopt;
  struct stat st {};
  if (::stat(local.file.c_str(), &st) != 0) return std::nullopt;

  // The path as read, with the local part made canonical (so ./x.csv and /abs/x.csv share).
  const std::string source_id = local.prefix + local.file + local.member;
  const std::string state = std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) +
                            "." + std::to_string(st.st_mtim.tv_nsec);
  std::string opts;
  for (const std::string* f : {&o.layer, &o.x_field, &o.y_field, &o.date_field, &o.time_field,
                               &o.category_field, &o.weight_field, &o.id_field, &o.srs, &o.where})
    opts += *f + "\x1f";
  opts += o.date_order == DateOrder::dmy ? "dmy" : "mdy";
  opts += "\x1f" + (o.from ? std::to_string(*o.from) : "-");
  opts += "\x1f" + (o.to_exclusive ? std::to_string(*o.to_exclusive) : "-");
  opts += "\x1f" + c.work_srs;
  if (c.sectors_extent && !c.sectors_extent->empty()) {
    const Box& b = *c.sectors_extent;
    opts += "\x1f" + format_double(b.xmin) + " " + format_double(b.ymin) + " " +
            format_double(b.xmax) + " " + format_double(b.ymax) + " " +
            format_double(c.extent_margin_m);
  }

  IncidentCacheKey key;
  key.key_text = "faro-incidents " + std::to_string(kIncidentCacheVersion) + "\n" + source_id +
                 "\n" + state + "\n" + opts;
  key.source_tag = hex(fnv1a(source_id)) + "-";
  key.state_tag = key.source_tag + hex(fnv1a(state)) + "-";
  key.entry_path = (fs::path(dir) / (key.state_tag + hex(fnv1a(key.key_text)) + ".fic")).string();
  return key;
}

std::optional<IncidentLoadResult> read_incident_cache(const IncidentCacheKey& key) {
  std::FILE* f = std::fopen(key.entry_path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::optional<IncidentLoadResult> r;
  try {
    r = read_cache_entry(f, key.key_text);
  } catch (...) {
    r.reset();  // corrupt entries are ignored, never fatal
  }
  std::fclose(f);
  return r;
}

std::string write_incident_cache(const IncidentCacheKey& key, const IncidentLoadResult& result) {
  std::error_code ec;
  const fs::path dir = fs::path(key.entry_path).parent_path();
  fs::create_directories(dir, ec);
  if (ec) return "cannot create " + dir.string() + ": " + ec.message();
  try {
    AtomicOutput out(key.entry_path);
    std::FILE* f = std::fopen(out.temp_path().c_str(), "wb");
    if (!f) return "cannot write " + out.temp_path();
    const bool ok = write_cache_entry(f, key.key_text, result);
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) return "write failed for " + out.temp_path() + " (disk full?)";
    out.commit();
  } catch (const std::exception& e) {
    return e.what();
  }
  // Entries for earlier states of the same file can never be hit again.
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(key.source_tag, 0) == 0 && name.rfind(key.state_tag, 0) != 0)
      fs::remove(entry.path(), ec);
  }
  return "";
}

}  // namespace faro::io
