// The 1.28 M-row FGJ file (all offences, CDMX 2019-2024) loaded through the cold gzip path must give
// the very model the uncompressed bytes give: every x/y/t/category/flags/source row bit for bit and
// every report count (rejections by reason). The loader inflates .csv.gz itself (io/gzip_stream.cpp)
// rather than through GDAL's /vsigzip/ reader, so this pins that change to the plain-file path.
// Prints a checksum of the model (FNV-1a over the columns and category names) so a run before and
// after a loader change can be compared by eye (issue 22 part 3).
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "io/incident_loader.hpp"
#include "test_support.hpp"

namespace faro {
namespace {

struct Fnv {
  uint64_t h = 1469598103934665603ull;
  void bytes(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
  }
  template <class T>
  void column(const std::vector<T>& v) {
    bytes(v.data(), v.size() * sizeof(T));
  }
};

uint64_t model_checksum(const IncidentStore& s) {
  Fnv f;
  f.column(s.x);
  f.column(s.y);
  f.column(s.t);
  f.column(s.category);
  f.column(s.flags);
  f.column(s.source_rows.expand());  // the explicit column the store held before runs
  for (const std::string& n : s.categories.names()) f.bytes(n.data(), n.size() + 1);
  return f.h;
}

io::IncidentLoadResult load(const std::string& path) {
  io::IncidentSourceOptions o;
  o.use_cache = false;
  io::IncidentLoadContext c;
  c.work_srs = "EPSG:32614";
  return io::load_incidents(path, o, c);
}

void print_summary(const char* what, const io::IncidentLoadResult& r) {
  std::printf("%s: method %s, read %lld, loaded %lld, checksum %016llx\n", what,
              r.report.method.c_str(), static_cast<long long>(r.report.rows_read),
              static_cast<long long>(r.report.rows_loaded),
              static_cast<unsigned long long>(model_checksum(r.store)));
  for (size_t i = 0; i < kRowIssueCount; ++i)
    if (r.report.issues[i].count > 0)
      std::printf("  %-26s %lld\n", code(static_cast<RowIssue>(i)),
                  static_cast<long long>(r.report.issues[i].count));
}

TEST(LoadIdentityReal, GzipLoadEqualsThePlainFileLoad) {
  FARO_REQUIRE_SHARED(gz, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  const auto plain = std::filesystem::temp_directory_path() /
                     ("faro-identity-" + std::to_string(::getpid()) + ".csv");
  {
    gzFile in = gzopen(gz.c_str(), "rb");
    std::FILE* out = std::fopen(plain.c_str(), "wb");
    ASSERT_TRUE(in && out);
    std::vector<char> buf(size_t{1} << 20);
    for (int got; (got = gzread(in, buf.data(), static_cast<unsigned>(buf.size()))) > 0;)
      std::fwrite(buf.data(), 1, static_cast<size_t>(got), out);
    gzclose(in);
    std::fclose(out);
  }
  const io::IncidentLoadResult a = load(gz);
  const io::IncidentLoadResult b = load(plain.string());
  std::filesystem::remove(plain);
  print_summary("csv.gz", a);
  print_summary("csv   ", b);
  ASSERT_GT(a.report.rows_loaded, 1000000);
  EXPECT_EQ(a.report.rows_read, b.report.rows_read);
  EXPECT_EQ(a.report.rows_loaded, b.report.rows_loaded);
  for (size_t i = 0; i < kRowIssueCount; ++i)
    EXPECT_EQ(a.report.issues[i].count, b.report.issues[i].count)
        << code(static_cast<RowIssue>(i));
  EXPECT_EQ(model_checksum(a.store), model_checksum(b.store));
  EXPECT_EQ(a.store.categories.names(), b.store.categories.names());
}

// The GeoPackage copy bench_load builds (/tmp/faro-bench-load): its Arrow path's checksum, printed
// for before/after comparisons; skipped when the bench has not built it.
TEST(LoadIdentityReal, GpkgArrowChecksum) {
  const auto gpkg = std::filesystem::temp_directory_path() / "faro-bench-load" /
                    "fgj_todos_cdmx_2019_2024.gpkg";
  if (!std::filesystem::exists(gpkg)) GTEST_SKIP() << "run bench_load first: no " << gpkg;
  const io::IncidentLoadResult r = load(gpkg.string());
  print_summary("gpkg  ", r);
  EXPECT_EQ(r.report.method, "arrow");
  EXPECT_GT(r.report.rows_loaded, 1000000);
}

}  // namespace
}  // namespace faro
