#pragma once
// Private to src/io: streaming inflate of a gzip file read through GDAL's virtual file layer, for
// the CSV fast path's reader thread. The compressed bytes come from VSI (a plain file, an archive
// member, /vsicurl/...), so everything /vsigzip/ opens still opens; the inflate is zlib's (raw
// deflate, no zlib gzip wrapper) and the CRC-32 check is libdeflate's (PCLMUL, several times
// zlib 1.2's) when built with it. Against GDAL's /vsigzip/ reader this saves its per-read
// bookkeeping and zlib's CRC: about 20 % of the inflate thread's CPU on the 158 MB FGJ CSV
// (issue 22 part 3; bench/inflate_bench.cpp has the figures side by side).
// Concatenated members are read in turn, as /vsigzip/ does. Anything that is not a plain gzip
// header (no magic, a header past the first read) makes open() return null: the caller falls
// back to /vsigzip/, which keeps GDAL's behaviour for odd files.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace faro::io {

class GzipStream {
 public:
  // `inner` is the VSI path of the .gz itself (what follows "/vsigzip/"). Null when it cannot be
  // opened or does not start with a gzip header this class reads (the caller falls back).
  static std::unique_ptr<GzipStream> open(const std::string& inner);
  ~GzipStream();
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  // Inflates up to n bytes into out; fewer than n only at the end of the data or on an error.
  size_t read(char* out, size_t n);
  // A corrupt or truncated stream, or a CRC/size mismatch: why (valid once read() fell short).
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  GzipStream() = default;
  bool refill();                // more compressed bytes into in_; false at the end of the file
  bool parse_header();          // at in_ position; false if not a gzip member header
  bool take(size_t n, uint8_t* to);  // n compressed bytes (across refills)
  bool finish_member();         // trailer check, then the next member if any

  void* file_ = nullptr;  // VSILFILE*
  void* z_ = nullptr;     // z_stream*
  std::vector<uint8_t> in_;
  size_t in_pos_ = 0, in_len_ = 0;
  bool eof_ = false, done_ = false;
  uint32_t crc_ = 0;
  uint32_t size_ = 0;  // member's uncompressed size mod 2^32
  std::string error_;
};

}  // namespace faro::io
