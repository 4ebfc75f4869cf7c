#include "io/vsi_chunk_reader.hpp"

#include <cpl_vsi.h>

#include <cstring>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"
#include "io/gzip_stream.hpp"

namespace faro::io {
namespace {

VSILFILE* as_file(void* f) {
  return static_cast<VSILFILE*>(f);
}

bool starts_with(const std::string& s, const char* prefix) {
  return s.compare(0, std::strlen(prefix), prefix) == 0;
}

}  // namespace

VsiChunkReader::VsiChunkReader(const std::string& vsi_path, const std::string& source)
    : source_(source) {
  ensure_gdal();
  VSIStatBufL st;
  if (VSIStatExL(vsi_path.c_str(), &st, VSI_STAT_EXISTS_FLAG | VSI_STAT_NATURE_FLAG) != 0)
    throw DataError("cannot open '" + source + "': no such file");
  if (VSI_ISDIR(st.st_mode)) throw DataError("cannot open '" + source + "': it is a directory");
  if (starts_with(vsi_path, "/vsigzip/")) {
    GdalMessageCapture quiet;  // a failed try falls back to /vsigzip/, which says why
    gzip_ = GzipStream::open(vsi_path.substr(9));
  }
  if (!gzip_) {
    GdalMessageCapture quiet;  // the reason goes into the exception, not to stderr
    file_ = VSIFOpenL(vsi_path.c_str(), "rb");
    if (!file_) {
      const std::string why = quiet.last_error();
      throw DataError("cannot open '" + source + "'" + (why.empty() ? "" : ": " + why));
    }
  }
  for (size_t i = 0; i < kQueueDepth + 1; ++i) {
    Chunk c;
    c.memory.reset(new char[kHeadroom + kChunkBytes]);
    free_.push_back(std::move(c));
  }
  thread_ = std::thread([this] { run(); });
}

VsiChunkReader::~VsiChunkReader() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (file_) VSIFCloseL(as_file(file_));
}

void VsiChunkReader::run() {
  // GDAL error handlers are per thread: this capture sees what the inflate/read says.
  GdalMessageCapture capture;
  for (;;) {
    Chunk c;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [&] { return stop_ || !free_.empty(); });
      if (stop_) return;
      c = std::move(free_.back());
      free_.pop_back();
    }
    const size_t n = gzip_ ? gzip_->read(c.data(), kChunkBytes)
                           : VSIFReadL(c.data(), 1, kChunkBytes, as_file(file_));
    c.size = n;
    c.last = n < kChunkBytes;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      bytes_read_ += n;
      if (c.last) {
        for (const std::string& w : capture.warnings()) messages_.push_back(w);
        for (const std::string& e : capture.errors()) messages_.push_back(e);
        if (gzip_ && gzip_->failed()) messages_.push_back(gzip_->error());
        had_error_ = !capture.errors().empty() || (gzip_ && gzip_->failed());
      }
      full_.push_back(std::move(c));
    }
    cv_.notify_all();
    if (n < kChunkBytes) return;
  }
}

VsiChunkReader::Chunk VsiChunkReader::next() {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [&] { return !full_.empty(); });
  Chunk c = std::move(full_.front());
  full_.pop_front();
  return c;
}

void VsiChunkReader::recycle(Chunk chunk) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(chunk));
  }
  cv_.notify_all();
}

unsigned long long VsiChunkReader::bytes_read() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_read_;
}

unsigned long long estimate_uncompressed_bytes(const std::string& vsi_path) {
  if (starts_with(vsi_path, "/vsigzip/")) {
    const std::string inner = vsi_path.substr(9);
    if (starts_with(inner, "/vsi")) return 0;  // nested: unknown without inflating
    VSILFILE* f = VSIFOpenL(inner.c_str(), "rb");
    if (!f) return 0;
    unsigned long long isize = 0;
    unsigned char tail[4];
    if (VSIFSeekL(f, 0, SEEK_END) == 0) {
      const vsi_l_offset size = VSIFTellL(f);
      if (size >= 18 && VSIFSeekL(f, size - 4, SEEK_SET) == 0 && VSIFReadL(tail, 1, 4, f) == 4) {
        // ISIZE: uncompressed length mod 2^32, little endian (RFC 1952). Text compresses well,
        // so add 4 GiB until it exceeds the compressed size.
        isize = tail[0] | (tail[1] << 8) | (tail[2] << 16) |
                (static_cast<unsigned long long>(tail[3]) << 24);
        while (isize < size) isize += 1ull << 32;
      }
    }
    VSIFCloseL(f);
    return isize;
  }
  VSIStatBufL st;
  if (VSIStatExL(vsi_path.c_str(), &st, VSI_STAT_SIZE_FLAG) != 0) return 0;
  return static_cast<unsigned long long>(st.st_size);
}

}  // namespace faro::io
