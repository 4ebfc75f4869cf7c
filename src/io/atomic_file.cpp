#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/errors.hpp"

namespace faro::io {
namespace fs = std::filesystem;

namespace {
std::atomic<int> g_counter{0};

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}
}  // namespace

AtomicOutput::AtomicOutput(std::string target) : target_(std::move(target)) {
  fs::path p(target_);
  const std::string ext = p.extension().string();
  temp_ = (p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                              "-" + std::to_string(g_counter++) + ext))
              .string();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicOutput::commit() {
  fsync_path(temp_);
  if (std::rename(temp_.c_str(), target_.c_str()) != 0)
    throw DataError("cannot write " + target_ + ": " + std::strerror(errno));
  committed_ = true;
  const fs::path dir = fs::path(target_).parent_path();
  fsync_path(dir.empty() ? "." : dir.string());
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  AtomicOutput out(path);
  FILE* f = std::fopen(out.temp_path().c_str(), "wb");
  if (!f) throw DataError("cannot write " + path + ": " + std::strerror(errno));
  const size_t written = std::fwrite(contents.data(), 1, contents.size(), f);
  const bool ok = written == contents.size() && std::fflush(f) == 0;
  std::fclose(f);
  if (!ok) throw DataError("cannot write " + path + ": disk full or I/O error");
  out.commit();
}

}  // namespace faro::io
