// libFuzzer target: Faro's own gzip reader (io/gzip_stream.hpp) on any bytes. The stream is read
// twice, in one large read and in small reads of a size taken from the input; both must give the
// same bytes and the same verdict (failed or not), never more than 64 MB (a bomb is cut short),
// and never crash. A header it does not read makes open() return null, which is fine (the caller
// falls back to /vsigzip/).
#include <string>

#include "fuzz_support.hpp"
#include "io/gzip_stream.hpp"

namespace {

constexpr size_t kMaxOut = size_t{64} << 20;

struct Read {
  bool opened = false, failed = false;
  std::string bytes;
  bool operator==(const Read&) const = default;
};

Read read_all(const std::string& path, size_t chunk) {
  Read r;
  auto gz = faro::io::GzipStream::open(path);
  if (!gz) return r;
  r.opened = true;
  std::string buf(chunk, '\0');
  while (r.bytes.size() < kMaxOut) {
    const size_t want = std::min(chunk, kMaxOut - r.bytes.size());
    const size_t got = gz->read(buf.data(), want);
    if (got > want) std::abort();  // never more than asked
    r.bytes.append(buf.data(), got);
    if (got < want) break;
  }
  r.failed = gz->failed();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = "/vsimem/fuzz_stream.gz";
  faro::fuzz::put_vsimem(path, data, size);
  const size_t small = size == 0 ? 1 : 1 + data[size - 1] % 97;
  const Read whole = read_all(path, size_t{1} << 20);
  const Read pieces = read_all(path, small);
  VSIUnlink(path.c_str());
  // Cut short at the same 64 MB, the two agree on every byte and on the verdict.
  if (whole.bytes.size() >= kMaxOut || pieces.bytes.size() >= kMaxOut) return 0;
  if (!(whole == pieces)) std::abort();
  return 0;
}
