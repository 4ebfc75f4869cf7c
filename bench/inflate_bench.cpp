// The inflate behind the cold load of a .csv.gz, side by side (issue 21 item 7): GDAL's /vsigzip/
// read in 4 MiB chunks (what the loader's background thread, io/vsi_chunk_reader.cpp, did before
// issue 22 and still does for gzip headers it does not read itself: zlib inflate + CRC-32 inside
// GDAL); plain zlib inflating the same bytes from memory; libdeflate (Debian libdeflate-dev)
// inflating the whole file in one call, as it must (no streaming API): the compressed file in
// memory, the output sized from the gzip ISIZE trailer (the size mod 2^32, so it is grown and
// retried when short) and one call per gzip member; and Faro's own stream (io/gzip_stream.cpp), what
// the loader uses now. Counters: MB_per_s of uncompressed CSV.
//   inflate_bench --benchmark_min_time=1 --benchmark_repetitions=5
// Skips when ../shared/data is absent; the libdeflate case needs FARO_HAVE_LIBDEFLATE (CMake finds
// libdeflate through pkg-config).
#include <benchmark/benchmark.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#ifdef FARO_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

#include "io/gzip_stream.hpp"

namespace {

const std::string kCsvGz =
    std::string(FARO_SHARED_DATA) + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";
constexpr size_t kChunk = size_t{4} << 20;  // VsiChunkReader::kChunkBytes

bool have_data(benchmark::State& state) {
  if (std::filesystem::exists(kCsvGz)) return true;
  state.SkipWithError(("no " + kCsvGz).c_str());
  return false;
}

// The compressed file (read once; the page cache holds it for the /vsigzip/ case too).
const std::vector<uint8_t>& compressed() {
  static const std::vector<uint8_t> bytes = [] {
    std::ifstream in(kCsvGz, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
  }();
  return bytes;
}

// What the loader does: VSIFReadL of 4 MiB chunks from /vsigzip/ until the end.
void BM_VsigzipChunks(benchmark::State& state) {
  if (!have_data(state)) return;
  GDALAllRegister();
  std::vector<char> buf(kChunk);
  size_t total = 0;
  for (auto _ : state) {
    VSILFILE* f = VSIFOpenL(("/vsigzip/" + kCsvGz).c_str(), "rb");
    total = 0;
    for (size_t got; (got = VSIFReadL(buf.data(), 1, kChunk, f)) > 0;) total += got;
    VSIFCloseL(f);
  }
  state.counters["MB_per_s"] = benchmark::Counter(static_cast<double>(total) / 1e6,
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_VsigzipChunks)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the loader does since issue 22 part 3 (io/gzip_stream.cpp): the compressed bytes read through
// VSI, zlib raw inflate, the CRC-32 by libdeflate when built with it, into 4 MiB chunks.
void BM_FaroGzipStreamChunks(benchmark::State& state) {
  if (!have_data(state)) return;
  GDALAllRegister();
  std::vector<char> buf(kChunk);
  size_t total = 0;
  for (auto _ : state) {
    auto s = faro::io::GzipStream::open(kCsvGz);
    if (!s) {
      state.SkipWithError("not a gzip file GzipStream reads");
      return;
    }
    total = 0;
    for (size_t got; (got = s->read(buf.data(), kChunk)) > 0;) {
      total += got;
      if (got < kChunk) break;
    }
    if (s->failed()) state.SkipWithError(s->error().c_str());
  }
  state.counters["MB_per_s"] = benchmark::Counter(static_cast<double>(total) / 1e6,
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FaroGzipStreamChunks)->Unit(benchmark::kMillisecond)->UseRealTime();

// zlib alone (gzip wrapper, CRC-32 checked) from memory into a reused 4 MiB buffer.
void BM_ZlibInflate(benchmark::State& state) {
  if (!have_data(state)) return;
  const std::vector<uint8_t>& in = compressed();
  std::vector<uint8_t> out(kChunk);
  size_t total = 0;
  for (auto _ : state) {
    z_stream z{};
    inflateInit2(&z, 15 + 32);  // auto-detect the gzip header
    z.next_in = const_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    total = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END || z.avail_in > 0) {
      if (rc == Z_STREAM_END) inflateReset(&z);  // next gzip member
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      rc = inflate(&z, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END) break;
      total += out.size() - z.avail_out;
    }
    inflateEnd(&z);
  }
  state.counters["MB_per_s"] = benchmark::Counter(static_cast<double>(total) / 1e6,
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ZlibInflate)->Unit(benchmark::kMillisecond)->UseRealTime();

#ifdef FARO_HAVE_LIBDEFLATE
// libdeflate: the whole file at once. The output buffer starts at the ISIZE trailer (the last
// member's size mod 2^32) and doubles when a member does not fit; members are inflated in turn.
void BM_LibdeflateWhole(benchmark::State& state) {
  if (!have_data(state)) return;
  const std::vector<uint8_t>& in = compressed();
  size_t total = 0;
  for (auto _ : state) {
    libdeflate_decompressor* d = libdeflate_alloc_decompressor();
    uint32_t isize;
    std::memcpy(&isize, in.data() + in.size() - 4, 4);
    std::vector<uint8_t> out(std::max<size_t>(isize, 1 << 20));
    size_t in_at = 0, out_at = 0;
    while (in_at < in.size()) {
      size_t used = 0, produced = 0;
      const libdeflate_result r =
          libdeflate_gzip_decompress_ex(d, in.data() + in_at, in.size() - in_at,
                                        out.data() + out_at, out.size() - out_at, &used, &produced);
      if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
        out.resize(out.size() * 2);
        continue;
      }
      if (r != LIBDEFLATE_SUCCESS) {
        state.SkipWithError("libdeflate: corrupt gzip");
        break;
      }
      in_at += used;
      out_at += produced;
    }
    total = out_at;
    benchmark::DoNotOptimize(out.data());
    libdeflate_free_decompressor(d);
  }
  state.counters["MB_per_s"] = benchmark::Counter(static_cast<double>(total) / 1e6,
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_LibdeflateWhole)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

}  // namespace

BENCHMARK_MAIN();
