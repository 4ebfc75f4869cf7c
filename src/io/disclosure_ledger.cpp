#include "io/disclosure_ledger.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "io/atomic_file.hpp"

namespace faro::io {
namespace fs = std::filesystem;

std::string default_ledger_path() {
  std::string dir;
  if (const char* d = std::getenv("FARO_CACHE_DIR"); d && *d)
    dir = d;
  else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
    dir = std::string(x) + "/faro";
  else if (const char* h = std::getenv("HOME"); h && *h)
    dir = std::string(h) + "/.cache/faro";
  else
    dir = (fs::temp_directory_path() / "faro-cache").string();
  return dir + "/disclosure_ledger.tsv";
}

PublishedLedger load_ledger(const std::string& path) {
  PublishedLedger ledger;
  std::error_code ec;
  if (!fs::exists(path, ec)) return ledger;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError("cannot read the disclosure ledger " + path);
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    const size_t tab = line.rfind('\t');
    if (tab == std::string::npos || tab == 0)
      throw DataError(path + ":" + std::to_string(line_no) + ": malformed disclosure ledger line");
    std::set<int64_t>& values = ledger[line.substr(0, tab)];
    std::istringstream list(line.substr(tab + 1));
    std::string item;
    while (std::getline(list, item, ',')) {
      try {
        size_t used = 0;
        values.insert(std::stoll(item, &used));
        if (used != item.size()) throw std::invalid_argument(item);
      } catch (const std::exception&) {
        throw DataError(path + ":" + std::to_string(line_no) + ": bad count '" + item +
                        "' in the disclosure ledger");
      }
    }
  }
  return ledger;
}

void save_ledger(const std::string& path, const PublishedLedger& ledger) {
  std::ostringstream out;
  for (const auto& [label, values] : ledger) {
    std::string clean = label;  // labels are unit|period; keep the format line-based
    for (char& c : clean)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    out << clean << '\t';
    bool first = true;
    for (int64_t v : values) out << (first ? "" : ",") << v, first = false;
    out << '\n';
  }
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  write_file_atomically(path, out.str());
}

}  // namespace faro::io
