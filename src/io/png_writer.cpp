// PNG encoding with zlib: filter each row, deflate horizontal strips in parallel, join the strips
// into one zlib stream. Every strip but the last ends with Z_FULL_FLUSH (byte-aligned, the
// dictionary reset), so the raw deflate outputs can be concatenated; the last ends with Z_FINISH.
// The zlib trailer is the Adler-32 of all rows, combined from the strips' (adler32_combine).
#include "io/png_writer.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "core/errors.hpp"
#include "core/parallel_for.hpp"
#include "io/atomic_file.hpp"

namespace faro::io {
namespace {

constexpr size_t kIdatChunk = 1 << 20;  // IDAT payload per chunk (any size is valid)

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  out.push_back(static_cast<uint8_t>(v >> 24));
  out.push_back(static_cast<uint8_t>(v >> 16));
  out.push_back(static_cast<uint8_t>(v >> 8));
  out.push_back(static_cast<uint8_t>(v));
}

void put_chunk(std::vector<uint8_t>& out, const char type[4], const uint8_t* data, size_t size) {
  put_u32(out, static_cast<uint32_t>(size));
  const size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  if (size) out.insert(out.end(), data, data + size);
  const uint32_t crc =
      static_cast<uint32_t>(crc32(0, out.data() + start, static_cast<uInt>(out.size() - start)));
  put_u32(out, crc);
}

uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<uint8_t>(a);
  return static_cast<uint8_t>(pb <= pc ? b : c);
}

// Filters one row (`row`, `prev` = the row above or nullptr for the first row) with PNG filter
// `type` (0 none, 1 sub, 2 up, 4 paeth) into `out`: the type byte, then n filtered bytes. One
// tight loop per type (the compiler vectorises sub and up). 4 bytes per pixel (RGBA8).
void filter_row(int type, const uint8_t* row, const uint8_t* prev, size_t n, uint8_t* out) {
  constexpr size_t bpp = 4;
  out[0] = static_cast<uint8_t>(type);
  uint8_t* f = out + 1;
  if (type == 0 || (type == 2 && prev == nullptr)) {
    std::memcpy(f, row, n);  // "up" over the first row is "none"
  } else if (type == 1) {
    std::memcpy(f, row, std::min(n, bpp));
    for (size_t i = bpp; i < n; ++i) f[i] = static_cast<uint8_t>(row[i] - row[i - bpp]);
  } else if (type == 2) {
    for (size_t i = 0; i < n; ++i) f[i] = static_cast<uint8_t>(row[i] - prev[i]);
  } else if (prev == nullptr) {  // paeth over the first row predicts from the left only
    std::memcpy(f, row, std::min(n, bpp));
    for (size_t i = bpp; i < n; ++i) f[i] = static_cast<uint8_t>(row[i] - row[i - bpp]);
  } else {
    for (size_t i = 0; i < std::min(n, bpp); ++i) f[i] = static_cast<uint8_t>(row[i] - prev[i]);
    for (size_t i = bpp; i < n; ++i)
      f[i] = static_cast<uint8_t>(row[i] - paeth(row[i - bpp], prev[i], prev[i - bpp]));
  }
}

// The adaptive heuristic's cost: sum of the filtered bytes read as signed magnitudes.
uint64_t filtered_cost(const uint8_t* out, size_t n) {
  uint64_t sum = 0;
  for (size_t i = 1; i <= n; ++i) sum += out[i] < 128 ? out[i] : 256 - out[i];
  return sum;
}

struct Strip {
  int first_row = 0, rows = 0;
  std::vector<uint8_t> deflated;
  uLong adler = 1;
  size_t raw_bytes = 0;
  std::string error;
};

void encode_strip(Strip& s, std::span<const uint8_t> rgba, int width, const PngOptions& opt,
                  bool last) {
  const size_t n = static_cast<size_t>(width) * 4;
  std::vector<uint8_t> filtered((n + 1) * static_cast<size_t>(s.rows));
  std::vector<uint8_t> trial(n + 1);
  for (int r = 0; r < s.rows; ++r) {
    const size_t y = static_cast<size_t>(s.first_row + r);
    const uint8_t* row = rgba.data() + y * n;
    const uint8_t* prev = y > 0 ? row - n : nullptr;
    uint8_t* out = filtered.data() + static_cast<size_t>(r) * (n + 1);
    if (opt.filter != PngFilter::adaptive) {
      const int type = opt.filter == PngFilter::none  ? 0
                       : opt.filter == PngFilter::sub ? 1
                       : opt.filter == PngFilter::up  ? 2
                                                      : 4;
      filter_row(type, row, prev, n, out);
      continue;
    }
    filter_row(0, row, prev, n, out);
    uint64_t best = filtered_cost(out, n);
    for (int type : {1, 2, 4}) {
      filter_row(type, row, prev, n, trial.data());
      const uint64_t cost = filtered_cost(trial.data(), n);
      if (cost < best) best = cost, std::memcpy(out, trial.data(), n + 1);
    }
  }
  s.raw_bytes = filtered.size();
  s.adler = adler32(1, filtered.data(), static_cast<uInt>(filtered.size()));

  z_stream z{};
  // Raw deflate (windowBits -15): the zlib header and trailer are written once for all strips.
  if (deflateInit2(&z, std::clamp(opt.zlevel, 1, 9), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    s.error = "zlib deflateInit2 failed";
    return;
  }
  s.deflated.resize(deflateBound(&z, static_cast<uLong>(filtered.size())) + 64);
  z.next_in = filtered.data();
  z.avail_in = static_cast<uInt>(filtered.size());
  z.next_out = s.deflated.data();
  z.avail_out = static_cast<uInt>(s.deflated.size());
  const int rc = deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH);
  if ((last && rc != Z_STREAM_END) || (!last && (rc != Z_OK || z.avail_in != 0)))
    s.error = "zlib deflate failed (" + std::to_string(rc) + ")";
  s.deflated.resize(z.total_out);
  deflateEnd(&z);
}

}  // namespace

std::vector<uint8_t> encode_png_rgba(std::span<const uint8_t> rgba, int width, int height,
                                     const PngOptions& options) {
  if (width <= 0 || height <= 0 ||
      rgba.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 4)
    throw UsageError("encode_png_rgba: buffer of " + std::to_string(rgba.size()) +
                     " bytes is not " + std::to_string(width) + "x" + std::to_string(height) +
                     " RGBA");
  // Strips of at least 64 rows (the full flush costs a few bytes and resets the window).
  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::min(16u, worker_count()));
  threads = std::clamp(threads, 1, std::max(1, height / 64));
  // Keep each strip's filtered bytes under 1 GiB (zlib's uInt counters).
  const size_t row_bytes = static_cast<size_t>(width) * 4 + 1;
  const int max_rows = static_cast<int>(std::max<size_t>(1, (size_t{1} << 30) / row_bytes));
  const int strips_n = std::max(threads, (height + max_rows - 1) / max_rows);
  std::vector<Strip> strips(static_cast<size_t>(strips_n));
  for (int i = 0; i < strips_n; ++i) {
    strips[i].first_row = static_cast<int>(static_cast<int64_t>(height) * i / strips_n);
    strips[i].rows =
        static_cast<int>(static_cast<int64_t>(height) * (i + 1) / strips_n) - strips[i].first_row;
  }
  parallel_workers(static_cast<unsigned>(threads), [&](unsigned t) {
    for (int i = static_cast<int>(t); i < strips_n; i += threads)
      encode_strip(strips[i], rgba, width, options, i == strips_n - 1);
  });

  std::vector<uint8_t> idat;
  idat.push_back(0x78);  // zlib header: deflate, 32 KiB window, no dictionary
  idat.push_back(0x01);  // (0x7801 % 31 == 0; level hint "fastest" is informational)
  uLong adler = 1;
  for (const Strip& s : strips) {
    if (!s.error.empty()) throw DataError("PNG encoding: " + s.error);
    idat.insert(idat.end(), s.deflated.begin(), s.deflated.end());
    adler = adler32_combine(adler, s.adler, static_cast<z_off_t>(s.raw_bytes));
  }
  put_u32(idat, static_cast<uint32_t>(adler));

  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  png.reserve(idat.size() + idat.size() / kIdatChunk * 12 + 64);
  std::vector<uint8_t> ihdr;
  put_u32(ihdr, static_cast<uint32_t>(width));
  put_u32(ihdr, static_cast<uint32_t>(height));
  ihdr.insert(ihdr.end(),
              {8, 6, 0, 0, 0});  // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  put_chunk(png, "IHDR", ihdr.data(), ihdr.size());
  for (size_t at = 0; at < idat.size(); at += kIdatChunk)
    put_chunk(png, "IDAT", idat.data() + at, std::min(kIdatChunk, idat.size() - at));
  put_chunk(png, "IEND", nullptr, 0);
  return png;
}

void write_png_rgba(const std::string& path, std::span<const uint8_t> rgba, int width, int height,
                    const PngOptions& options) {
  if (width <= 0 || height <= 0 ||
      rgba.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 4)
    throw UsageError("write_png_rgba: buffer of " + std::to_string(rgba.size()) + " bytes is not " +
                     std::to_string(width) + "x" + std::to_string(height) + " RGBA for " + path);
  const std::vector<uint8_t> png = encode_png_rgba(rgba, width, height, options);
  write_file_atomically(path,
                        std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

}  // namespace faro::io
