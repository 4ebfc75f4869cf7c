#include "io/incident_cache_format.hpp"

#include <cstring>
#include <vector>

namespace faro::io {
namespace {

constexpr char kMagic[8] = {'F', 'A', 'R', 'O', 'I', 'N', 'C', '\0'};
constexpr char kEndMagic[8] = {'F', 'A', 'R', 'O', 'E', 'N', 'D', '\0'};
constexpr uint32_t kMaxString = 1u << 24;

// Word-at-a-time mixing hash: ~10 GB/s, enough to catch torn or bit-rotted entries.
struct Checksum {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  void add(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = ((h ^ w) * 0xff51afd7ed558ccdull);
      h ^= h >> 29;
    }
    for (; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
    h ^= n;
  }
};

class Writer {
 public:
  explicit Writer(std::FILE* f) : f_(f) {}
  void bytes(const void* p, size_t n, bool summed = true) {
    if (n && std::fwrite(p, 1, n, f_) != n) ok_ = false;
    if (summed) sum.add(p, n);
  }
  template <class T>
  void pod(T v) {
    bytes(&v, sizeof v);
  }
  void str(const std::string& s) {
    pod(static_cast<uint32_t>(s.size()));
    bytes(s.data(), s.size());
  }
  template <class T>
  void column(const std::vector<T>& v) {
    bytes(v.data(), v.size() * sizeof(T));
  }
  bool ok() const { return ok_; }
  Checksum sum;

 private:
  std::FILE* f_;
  bool ok_ = true;
};

struct Corrupt {};

class Reader {
 public:
  explicit Reader(std::FILE* f) : f_(f) {}
  void bytes(void* p, size_t n, bool summed = true) {
    if (n && std::fread(p, 1, n, f_) != n) throw Corrupt{};
    if (summed) sum.add(p, n);
  }
  template <class T>
  T pod() {
    T v;
    bytes(&v, sizeof v);
    return v;
  }
  std::string str() {
    const auto n = pod<uint32_t>();
    if (n > kMaxString) throw Corrupt{};
    std::string s(n, '\0');
    bytes(s.data(), n);
    return s;
  }
  template <class T>
  void column(std::vector<T>& v, size_t n) {
    v.resize(n);  // exact size: capacity == n, no growth slack
    bytes(v.data(), n * sizeof(T));
  }
  uint64_t count(uint64_t limit) {
    const auto n = pod<uint64_t>();
    if (n > limit) throw Corrupt{};
    return n;
  }
  Checksum sum;

 private:
  std::FILE* f_;
};

void write_report(Writer& w, const LoadReport& r) {
  w.str(r.source);
  w.str(r.layer);
  w.str(r.method);
  w.pod<int64_t>(r.rows_read);
  w.pod<int64_t>(r.rows_loaded);
  w.pod<uint32_t>(static_cast<uint32_t>(kRowIssueCount));
  for (const IssueTally& t : r.issues) {
    w.pod<int64_t>(t.count);
    w.pod<uint32_t>(static_cast<uint32_t>(t.examples.size()));
    for (const IssueExample& e : t.examples) {
      w.pod<int64_t>(e.row);
      w.str(e.field);
      w.str(e.value);
    }
  }
  w.pod<int64_t>(r.gdal_warning_count);
  w.pod<uint32_t>(static_cast<uint32_t>(r.gdal_warnings.size()));
  for (const std::string& s : r.gdal_warnings) w.str(s);
  w.pod<uint32_t>(static_cast<uint32_t>(r.notes.size()));
  // Notes by their catalogue key's identifier (stable across catalogue reordering) and arguments.
  for (const LoadNote& n : r.notes) {
    w.str(msg_id(n.key));
    w.pod<uint32_t>(static_cast<uint32_t>(n.args.size()));
    for (const std::string& a : n.args) w.str(a);
  }
}

LoadReport read_report(Reader& in) {
  LoadReport r;
  r.source = in.str();
  r.layer = in.str();
  r.method = in.str();
  r.rows_read = in.pod<int64_t>();
  r.rows_loaded = in.pod<int64_t>();
  if (in.pod<uint32_t>() != kRowIssueCount) throw Corrupt{};  // RowIssue enum changed
  for (IssueTally& t : r.issues) {
    t.count = in.pod<int64_t>();
    const auto n = in.pod<uint32_t>();
    if (n > 1000) throw Corrupt{};
    for (uint32_t k = 0; k < n; ++k) {
      IssueExample e;
      e.row = in.pod<int64_t>();
      e.field = in.str();
      e.value = in.str();
      t.examples.push_back(std::move(e));
    }
  }
  r.gdal_warning_count = in.pod<int64_t>();
  for (uint32_t k = 0, n = in.pod<uint32_t>(); k < n && k < 1000; ++k)
    r.gdal_warnings.push_back(in.str());
  const auto notes = in.pod<uint32_t>();
  if (notes > 10000) throw Corrupt{};
  for (uint32_t k = 0; k < notes; ++k) {
    LoadNote n;
    n.key = msg_from_id(in.str());
    if (n.key == Msg::count_) throw Corrupt{};  // a key this build does not know: reload
    const auto args = in.pod<uint32_t>();
    if (args > 64) throw Corrupt{};
    for (uint32_t a = 0; a < args; ++a) n.args.push_back(in.str());
    r.notes.push_back(std::move(n));
  }
  return r;
}

}  // namespace

bool write_cache_entry(std::FILE* f, const std::string& key_text, const IncidentLoadResult& r) {
  Writer w(f);
  const IncidentStore& s = r.store;
  w.bytes(kMagic, sizeof kMagic);
  w.pod<uint32_t>(kIncidentCacheVersion);
  w.pod<uint32_t>(0);
  w.str(key_text);
  w.pod<uint64_t>(s.size());
  w.pod<uint8_t>(s.weight.empty() ? 0 : 1);
  w.sum = Checksum{};
  w.column(s.x);
  w.column(s.y);
  w.column(s.t);
  w.column(s.category);
  w.column(s.flags);
  if (!s.weight.empty()) w.column(s.weight);
  w.pod<uint8_t>(s.has_source_rows() ? 1 : 0);
  if (s.has_source_rows()) {
    w.pod<uint64_t>(s.source_rows.run_count());
    w.column(s.source_rows.runs());
  }
  w.pod<uint64_t>(w.sum.h);
  w.sum = Checksum{};
  w.pod<uint32_t>(static_cast<uint32_t>(s.categories.size()));
  for (const std::string& name : s.categories.names()) w.str(name);
  w.str(s.category_field);
  w.str(s.work_srs);
  write_report(w, r.report);
  w.pod<uint64_t>(w.sum.h);
  w.bytes(kEndMagic, sizeof kEndMagic);
  return w.ok();
}

std::optional<IncidentLoadResult> read_cache_entry(std::FILE* f, const std::string& key_text) {
  try {
    Reader in(f);
    char magic[8];
    in.bytes(magic, sizeof magic);
    if (std::memcmp(magic, kMagic, sizeof magic) != 0) return std::nullopt;
    if (in.pod<uint32_t>() != kIncidentCacheVersion) return std::nullopt;
    in.pod<uint32_t>();
    if (in.str() != key_text) return std::nullopt;
    // Size check before allocating: the columns must fit in what is left of the file.
    const long here = std::ftell(f);
    std::fseek(f, 0, SEEK_END);
    const long file_size = std::ftell(f);
    std::fseek(f, here, SEEK_SET);
    const uint64_t n = in.count(static_cast<uint64_t>(file_size) / 27 + 1);
    const bool has_weight = in.pod<uint8_t>() != 0;

    IncidentLoadResult r;
    IncidentStore& s = r.store;
    in.sum = Checksum{};
    in.column(s.x, n);
    in.column(s.y, n);
    in.column(s.t, n);
    in.column(s.category, n);
    in.column(s.flags, n);
    if (has_weight) in.column(s.weight, n);
    if (in.pod<uint8_t>() != 0) {
      // At most one run per row; from_runs checks that they describe exactly n rows.
      std::vector<SourceRowRuns::Run> runs;
      in.column(runs, in.count(n));
      auto rows = SourceRowRuns::from_runs(runs, n);
      if (!rows) return std::nullopt;
      s.source_rows = std::move(*rows);
    }
    const uint64_t column_sum = in.sum.h;
    if (in.pod<uint64_t>() != column_sum) return std::nullopt;
    in.sum = Checksum{};
    const auto categories = in.pod<uint32_t>();
    if (categories == 0 || categories > 0xFFFF) return std::nullopt;
    std::vector<std::string> names;
    for (uint32_t k = 0; k < categories; ++k) names.push_back(in.str());
    s.category_field = in.str();
    s.work_srs = in.str();
    r.report = read_report(in);
    const uint64_t meta_sum = in.sum.h;
    if (in.pod<uint64_t>() != meta_sum) return std::nullopt;
    char end[8];
    in.bytes(end, sizeof end);
    if (std::memcmp(end, kEndMagic, sizeof end) != 0) return std::nullopt;
    // Codes are positions: interning in order reproduces them (code 0 = "" already exists).
    if (!names[0].empty()) return std::nullopt;
    for (uint32_t k = 1; k < categories; ++k)
      if (s.categories.intern(names[k]) != k) return std::nullopt;
    for (const uint16_t c : s.category)
      if (c >= categories) return std::nullopt;
    return r;
  } catch (const Corrupt&) {
    return std::nullopt;
  }
}

}  // namespace faro::io
