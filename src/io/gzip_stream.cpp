#include "io/gzip_stream.hpp"

#include <cpl_vsi.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

#ifdef FARO_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace faro::io {
namespace {

constexpr size_t kInputBytes = size_t{1} << 20;

uint32_t crc32_update(uint32_t crc, const char* p, size_t n) {
#ifdef FARO_HAVE_LIBDEFLATE
  return libdeflate_crc32(crc, p, n);
#else
  while (n > 0) {  // zlib takes uInt lengths
    const uInt step = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    crc = static_cast<uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(p), step));
    p += step;
    n -= step;
  }
  return crc;
#endif
}

uint32_t le32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

}  // namespace

std::unique_ptr<GzipStream> GzipStream::open(const std::string& inner) {
  VSILFILE* f = VSIFOpenL(inner.c_str(), "rb");
  if (!f) return nullptr;
  std::unique_ptr<GzipStream> s(new GzipStream);
  s->file_ = f;
  s->in_.resize(kInputBytes);
  if (!s->refill() || !s->parse_header()) return nullptr;
  auto* z = new z_stream{};
  if (inflateInit2(z, -MAX_WBITS) != Z_OK) {  // raw deflate: the gzip framing is ours
    delete z;
    return nullptr;
  }
  s->z_ = z;
  return s;
}

GzipStream::~GzipStream() {
  if (z_) {
    inflateEnd(static_cast<z_stream*>(z_));
    delete static_cast<z_stream*>(z_);
  }
  if (file_) VSIFCloseL(static_cast<VSILFILE*>(file_));
}

bool GzipStream::refill() {
  if (eof_) return false;
  // Keep the unread bytes (a header or trailer may straddle the boundary) at the front.
  const size_t left = in_len_ - in_pos_;
  if (left > 0 && in_pos_ > 0) std::memmove(in_.data(), in_.data() + in_pos_, left);
  in_pos_ = 0;
  in_len_ = left;
  const size_t got = VSIFReadL(in_.data() + left, 1, in_.size() - left, static_cast<VSILFILE*>(file_));
  in_len_ += got;
  if (got < in_.size() - left) eof_ = true;
  return got > 0;
}

// RFC 1952 member header: magic, CM = 8 (deflate), FLG, MTIME, XFL, OS, then the optional FEXTRA,
// FNAME, FCOMMENT and FHCRC fields. It must lie whole in the buffer (it is tiny in practice).
bool GzipStream::parse_header() {
  if (in_len_ - in_pos_ < 64 * 1024 && !eof_) refill();
  const uint8_t* p = in_.data() + in_pos_;
  const size_t avail = in_len_ - in_pos_;
  if (avail < 10 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 8) return false;
  const uint8_t flags = p[3];
  if (flags & 0xE0) return false;  // reserved bits: not a header this reader knows
  size_t at = 10;
  if (flags & 4) {  // FEXTRA
    if (avail < at + 2) return false;
    at += 2 + (size_t{p[at]} | size_t{p[at + 1]} << 8);
  }
  for (const uint8_t field : {uint8_t{8}, uint8_t{16}}) {  // FNAME, FCOMMENT: zero-terminated
    if (!(flags & field)) continue;
    if (at >= avail) return false;
    const void* nul = std::memchr(p + at, 0, avail - at);
    if (!nul) return false;
    at = static_cast<size_t>(static_cast<const uint8_t*>(nul) - p) + 1;
  }
  if (flags & 2) at += 2;  // FHCRC
  if (at > avail) return false;
  in_pos_ += at;
  crc_ = 0;
  size_ = 0;
  return true;
}

bool GzipStream::take(size_t n, uint8_t* to) {
  while (n > 0) {
    if (in_pos_ == in_len_ && !refill()) return false;
    const size_t step = std::min(n, in_len_ - in_pos_);
    std::memcpy(to, in_.data() + in_pos_, step);
    in_pos_ += step;
    to += step;
    n -= step;
  }
  return true;
}

bool GzipStream::finish_member() {
  uint8_t trailer[8];
  if (!take(8, trailer)) {
    error_ = "unexpected end of the compressed data (gzip trailer)";
    return false;
  }
  if (le32(trailer) != crc_) {
    error_ = "CRC-32 mismatch: the compressed data is damaged";
    return false;
  }
  if (le32(trailer + 4) != size_) {
    error_ = "length mismatch: the compressed data is damaged";
    return false;
  }
  if (in_pos_ == in_len_) refill();
  // Another member follows (concatenated gzip files read as one, like /vsigzip/); bytes after the
  // last member that are not a gzip header are ignored.
  if (in_pos_ == in_len_ || !parse_header()) {
    done_ = true;
    return false;
  }
  inflateReset(static_cast<z_stream*>(z_));
  return true;
}

size_t GzipStream::read(char* out, size_t n) {
  auto* z = static_cast<z_stream*>(z_);
  size_t produced = 0;
  while (produced < n && !done_ && error_.empty()) {
    if (in_pos_ == in_len_) refill();
    z->next_in = in_.data() + in_pos_;
    z->avail_in = static_cast<uInt>(in_len_ - in_pos_);
    const size_t room = std::min<size_t>(n - produced, 1u << 30);
    z->next_out = reinterpret_cast<Bytef*>(out + produced);
    z->avail_out = static_cast<uInt>(room);
    const int rc = inflate(z, Z_NO_FLUSH);
    const size_t got = room - z->avail_out;
    crc_ = crc32_update(crc_, out + produced, got);
    size_ += static_cast<uint32_t>(got);
    produced += got;
    in_pos_ = static_cast<size_t>(z->next_in - in_.data());
    if (rc == Z_STREAM_END) {
      if (!finish_member()) break;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error_ = std::string("corrupt compressed data") + (z->msg ? std::string(": ") + z->msg : "");
    } else if (in_pos_ == in_len_ && eof_ && produced < n) {
      error_ = "unexpected end of the compressed data (truncated file?)";
    }
  }
  return produced;
}

}  // namespace faro::io
