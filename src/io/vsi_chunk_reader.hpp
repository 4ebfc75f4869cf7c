#pragma once
// Private to src/io: reads a file through GDAL's virtual file layer on a background thread, in
// fixed-size chunks handed over through a bounded queue. The thread does the I/O and any
// decompression (/vsigzip/ inflate, through io/gzip_stream.hpp when the file has a plain gzip
// header), so the consumer parses while the next chunk is inflated; memory stays at
// kQueueDepth + 1 chunks whatever the file size.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace faro::io {

class VsiChunkReader {
 public:
  static constexpr size_t kChunkBytes = size_t{4} << 20;
  // Free space before each chunk's data, so the consumer can prepend a partial record from the
  // previous chunk without copying the new one.
  static constexpr size_t kHeadroom = (size_t{1} << 20) + 64;
  static constexpr size_t kQueueDepth = 2;

  struct Chunk {
    std::unique_ptr<char[]> memory;  // kHeadroom + kChunkBytes
    size_t size = 0;                 // data bytes, starting at data()
    bool last = false;               // no more data after this chunk
    char* data() const { return memory.get() + kHeadroom; }
  };

  // Opens `vsi_path` read-only; throws DataError naming `source` when it cannot be opened.
  VsiChunkReader(const std::string& vsi_path, const std::string& source);
  ~VsiChunkReader();  // stops and joins the thread
  VsiChunkReader(const VsiChunkReader&) = delete;
  VsiChunkReader& operator=(const VsiChunkReader&) = delete;

  // Blocks until the next chunk is ready. After a chunk with last == true, do not call again.
  Chunk next();
  // Gives a consumed chunk's memory back to the reader.
  void recycle(Chunk chunk);

  unsigned long long bytes_read() const;
  // GDAL warnings and errors raised while reading (e.g. a corrupt gzip stream); valid after the
  // last chunk was taken.
  const std::vector<std::string>& messages() const { return messages_; }
  bool had_error() const { return had_error_; }

 private:
  void run();

  void* file_ = nullptr;  // VSILFILE*, or null when gzip_ reads
  std::unique_ptr<class GzipStream> gzip_;
  std::string source_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Chunk> full_;
  std::vector<Chunk> free_;
  bool stop_ = false;
  unsigned long long bytes_read_ = 0;
  std::vector<std::string> messages_;
  bool had_error_ = false;
  std::thread thread_;
};

// Uncompressed size of `vsi_path` when it can be known without reading it: the file size, the gzip
// ISIZE trailer for /vsigzip/ of a plain file, or VSIStatL for archive members; 0 if unknown.
unsigned long long estimate_uncompressed_bytes(const std::string& vsi_path);

}  // namespace faro::io
