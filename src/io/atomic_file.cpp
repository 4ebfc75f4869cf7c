#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/errors.hpp"

namespace faro::io {
namespace fs = std::filesystem;

namespace {
constexpr std::string_view kTempMark = ".faro-tmp.";
constexpr std::string_view kLegacyMark = ".tmp-";  // before the pid-and-random names
std::atomic<uint32_t> g_counter{0};

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Eight hex digits, different for every temporary of this process and unlikely to repeat across
// processes that reuse a pid: a per-process random base plus a counter.
std::string random_tag() {
  static const uint32_t base = std::random_device{}();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", base + 0x9E3779B9u * g_counter++);
  return buf;
}

// Digits at the start of `s` as a pid, with the character that must follow them.
std::optional<long> leading_pid(std::string_view s, char next) {
  long pid = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), pid);
  if (ec != std::errc() || end == s.data() || pid <= 0) return std::nullopt;
  if (end == s.data() + s.size() || *end != next) return std::nullopt;
  return pid;
}

bool process_is_gone(long pid) {
  // EPERM means it exists but belongs to someone else: keep its files.
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}
}  // namespace

std::optional<long> temporary_owner_pid(std::string_view name) {
  if (name.size() < 2 || name[0] != '.') return std::nullopt;
  if (const size_t at = name.find(kTempMark); at != std::string_view::npos)
    return leading_pid(name.substr(at + kTempMark.size()), '.');
  // Older builds: ".<name>.tmp-<pid>-<n><ext>".
  for (size_t at = name.find(kLegacyMark); at != std::string_view::npos;
       at = name.find(kLegacyMark, at + 1))
    if (auto pid = leading_pid(name.substr(at + kLegacyMark.size()), '-')) return pid;
  return std::nullopt;
}

OrphanCleanup remove_orphan_temporaries(const std::string& folder) {
  OrphanCleanup done;
  std::error_code ec;
  fs::directory_iterator it(folder.empty() ? fs::path(".") : fs::path(folder), ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::optional<long> pid = temporary_owner_pid(it->path().filename().string());
    if (!pid || *pid == ::getpid() || !process_is_gone(*pid)) continue;
    std::error_code file_ec;
    const uintmax_t size = it->is_regular_file(file_ec) ? it->file_size(file_ec) : 0;
    if (fs::remove(it->path(), file_ec)) {
      ++done.files;
      done.bytes += file_ec ? 0 : size;
    }
  }
  return done;
}

AtomicOutput::AtomicOutput(std::string target) : target_(std::move(target)) {
  fs::path p(target_);
  remove_orphan_temporaries(p.parent_path().string());
  const std::string ext = p.extension().string();
  temp_ = (p.parent_path() / ("." + p.filename().string() + std::string(kTempMark) +
                              std::to_string(::getpid()) + "." + random_tag() + ext))
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
