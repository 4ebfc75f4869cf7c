// io/gzip_stream.hpp: the .csv.gz fast path's own inflate (zlib raw deflate, libdeflate CRC-32),
// against what zlib's gzip writer produced: header fields, concatenated members, small reads that
// split everything, and the damaged files /vsigzip/ also refuses (truncated, CRC, length).
#include "io/gzip_stream.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {
namespace fs = std::filesystem;

// One gzip member of `text`, with a file name and comment in the header when `named`.
std::string gzip(const std::string& text, bool named) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  gz_header h{};
  char name[] = "incidentes.csv", comment[] = "FGJ";
  if (named) {
    h.name = reinterpret_cast<Bytef*>(name);
    h.comment = reinterpret_cast<Bytef*>(comment);
    h.hcrc = 1;
    deflateSetHeader(&z, &h);
  }
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Text that does not compress to nothing: numbered CSV-like lines.
std::string sample_text(int lines) {
  std::string s;
  for (int i = 0; i < lines; ++i)
    s += std::to_string(i) + ",2023-05-0" + std::to_string(i % 9 + 1) + ",ROBO " +
         std::to_string(i * 7919 % 1000) + "\n";
  return s;
}

class GzipStreamTest : public ::testing::Test {
 protected:
  void SetUp() override { faro::io::ensure_gdal(); }
  std::string write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_.file(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  // Everything the stream gives, read `step` bytes at a time.
  static std::string read_all(faro::io::GzipStream& s, size_t step) {
    std::string out, buf(step, '\0');
    for (size_t got; (got = s.read(buf.data(), step)) > 0;) {
      out.append(buf.data(), got);
      if (got < step) break;
    }
    return out;
  }
  faro_test::TempDir dir_;
};

TEST_F(GzipStreamTest, ReadsHeaderFieldsAndConcatenatedMembers) {
  const std::string a = sample_text(20000), b = sample_text(300);
  const std::string path = write("two.csv.gz", gzip(a, true) + gzip(b, false));
  for (size_t step : {size_t{7}, size_t{4096}, size_t{4} << 20}) {
    auto s = faro::io::GzipStream::open(path);
    ASSERT_TRUE(s);
    EXPECT_EQ(read_all(*s, step), a + b) << "step " << step;
    EXPECT_FALSE(s->failed()) << s->error();
  }
}

TEST_F(GzipStreamTest, NotGzipIsLeftToVsigzip) {
  EXPECT_FALSE(faro::io::GzipStream::open(write("plain.csv.gz", "id,fecha\n1,2023-01-01\n")));
  EXPECT_FALSE(faro::io::GzipStream::open(dir_.file("missing.csv.gz")));
}

TEST_F(GzipStreamTest, DamagedStreamsFail) {
  const std::string text = sample_text(50000), good = gzip(text, false);
  std::string bad_crc = good, bad_size = good;
  bad_crc[bad_crc.size() - 8] ^= 1;
  bad_size[bad_size.size() - 1] ^= 1;
  const std::pair<const char*, std::string> cases[] = {
      {"truncated", good.substr(0, good.size() / 2)},
      {"trailer cut", good.substr(0, good.size() - 3)},
      {"crc", bad_crc},
      {"length", bad_size}};
  for (const auto& [what, bytes] : cases) {
    auto s = faro::io::GzipStream::open(write(std::string(what) + ".gz", bytes));
    ASSERT_TRUE(s) << what;
    const std::string out = read_all(*s, size_t{1} << 20);
    EXPECT_TRUE(s->failed()) << what;
    EXPECT_FALSE(s->error().empty()) << what;
    EXPECT_LE(out.size(), text.size()) << what;
  }
}

}  // namespace
