// Saving and opening project files: atomic writes, read-only opening, and the password rule for
// connection strings. The JSON mapping is project_json.cpp / project_json_read.cpp.
#include "io/project_file.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/redact.hpp"
#include "core/localized_error.hpp"
#include "io/atomic_file.hpp"

namespace faro::io {
namespace {

namespace fs = std::filesystem;

// Project files are small (sources, styles, names); anything this big is not one.
constexpr std::uintmax_t kMaxProjectBytes = 64ull << 20;

std::string folder_of(const std::string& path) {
  return fs::absolute(path).lexically_normal().parent_path().string();
}

}  // namespace

std::string strip_password(const std::string& source) {
  // password=secret, password = 'with spaces', PASSWORD=x; the blank after it goes too.
  static const std::regex kPassword(R"(\bpassword\s*=\s*('[^']*'|\S+)\s*)", std::regex::icase);
  // The URI form (postgresql://u:secret@host) keeps its user, the password becomes ***.
  std::string out = redact_credentials(std::regex_replace(source, kPassword, ""));
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  return out;
}

std::vector<std::string> save_project(const Session& session, const std::string& path) {
  std::vector<std::string> warnings;
  std::string text;
  try {
    text = project_to_json(session, folder_of(path), &warnings);
  } catch (const nlohmann::json::type_error& e) {
    // type_error.316: a path or name holding bytes that are not UTF-8 (a Latin-1 file name). JSON
    // cannot carry them, and replacing them would save a path that points nowhere.
    throw ProjectError(path + ": cannot save the project: a source path or name is not valid " +
                       "UTF-8 (e.g. Latin-1 bytes in a file or folder name); rename it to UTF-8 (" +
                       e.what() + ")");
  }
  write_file_atomically(path, text);
  return warnings;
}

Session load_project(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw LocalizedError(Msg::err_project_not_found, {path});
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw DataError(path + ": cannot read project file: " + ec.message());
  if (size > kMaxProjectBytes)
    throw ProjectError(path + ": not a Faro project (" + std::to_string(size >> 20) +
                       " MB; project files are a few kB)");
  std::ifstream in(path, std::ios::binary);  // read-only
  if (!in) throw DataError(path + ": cannot open project file");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw DataError(path + ": error reading project file");
  return project_from_json(buf.str(), folder_of(path), path);
}

}  // namespace faro::io
