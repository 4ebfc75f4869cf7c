#include "io/recent_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "io/atomic_file.hpp"

namespace faro::io {

std::string recent_files_path() {
  for (const char* var : {"FARO_CONFIG_DIR", "FARO_CACHE_DIR"})
    if (const char* d = std::getenv(var); d && *d) return std::string(d) + "/recent.txt";
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
    return std::string(x) + "/faro/recent.txt";
  if (const char* h = std::getenv("HOME"); h && *h)
    return std::string(h) + "/.config/faro/recent.txt";
  return "";
}

std::vector<std::string> read_recent_files(const std::string& path, size_t max) {
  std::vector<std::string> out;
  if (path.empty()) return out;
  std::ifstream in(path);
  std::string line;
  while (out.size() < max && std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string write_recent_files(const std::string& path, const std::vector<std::string>& files) {
  if (path.empty()) return "no folder for the recent files (HOME is not set)";
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::string text;
  for (const std::string& f : files)
    if (f.find('\n') == std::string::npos) text += f + "\n";
  try {
    write_file_atomically(path, text);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace faro::io
