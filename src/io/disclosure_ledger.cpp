#include "io/disclosure_ledger.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"

namespace faro::io {
namespace fs = std::filesystem;

std::string default_ledger_path() {
  if (const char* l = std::getenv("FARO_LEDGER"); l && *l) return l;
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

namespace {

constexpr const char* kHeader = "# faro-ledger 2";

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == ';' || c == '\t' || c == '\n' || c == '\r') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::string date_text(int64_t days) { return format_date(days * kSecondsPerDay); }

int64_t parse_day(const std::string& text) { return days_of(parse_cli_date(text, "ledger date")); }

void parse_values(const std::string& list, std::set<int64_t>& values) {
  for (const std::string& item : split(list, ',')) {
    if (item.empty()) continue;
    size_t used = 0;
    values.insert(std::stoll(item, &used));
    if (used != item.size()) throw std::invalid_argument(item);
  }
}

}  // namespace

DisclosureLedger load_disclosure_ledger(const std::string& path) {
  DisclosureLedger ledger;
  std::error_code ec;
  if (!fs::exists(path, ec)) return ledger;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError("cannot read the disclosure ledger " + path);
  std::string line;
  size_t line_no = 0;
  bool v2 = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1 && line == kHeader) {
      v2 = true;
      continue;
    }
    if (line.empty()) continue;
    try {
      if (!v2) {  // "<label>\t<values>" from earlier versions
        const size_t tab = line.rfind('\t');
        if (tab == std::string::npos || tab == 0) throw std::invalid_argument("no tab");
        parse_values(line.substr(tab + 1), ledger.labels[line.substr(0, tab)]);
        continue;
      }
      const std::vector<std::string> f = split(line, '\t');
      if (f[0] == "L" && f.size() == 3) {
        parse_values(f[2], ledger.labels[unescape(f[1])]);
      } else if (f[0] == "F" && f.size() == 6) {
        LedgerFact fact;
        fact.scope.filter = unescape(f[1]);
        for (const std::string& u : split(f[2], ';'))
          if (!u.empty()) fact.scope.units.push_back(unescape(u));
        fact.scope.first_day = parse_day(f[3]);
        fact.scope.end_day = parse_day(f[4]);
        fact.hidden = f[5] == "H";
        if (!fact.hidden) {
          size_t used = 0;
          fact.value = std::stoll(f[5], &used);
          if (used != f[5].size()) throw std::invalid_argument(f[5]);
        }
        ledger.facts.push_back(std::move(fact));
      } else if (f[0] == "M" && f.size() == 4) {
        ledger.maps.push_back({unescape(f[1]), parse_day(f[2]), parse_day(f[3])});
      } else {
        throw std::invalid_argument("unknown record");
      }
    } catch (const std::exception&) {
      throw DataError(path + ":" + std::to_string(line_no) +
                      ": malformed disclosure ledger line (the ledger must stay intact: restore "
                      "it or start a new one for a new partner)");
    }
  }
  return ledger;
}

void save_disclosure_ledger(const std::string& path, const DisclosureLedger& ledger) {
  std::ostringstream out;
  out << kHeader << '\n';
  for (const auto& [label, values] : ledger.labels) {
    out << "L\t" << escape(label) << '\t';
    bool first = true;
    for (int64_t v : values) out << (first ? "" : ",") << v, first = false;
    out << '\n';
  }
  for (const LedgerFact& f : ledger.facts) {
    out << "F\t" << escape(f.scope.filter) << '\t';
    for (size_t i = 0; i < f.scope.units.size(); ++i) out << (i ? ";" : "") << escape(f.scope.units[i]);
    out << '\t' << date_text(f.scope.first_day) << '\t' << date_text(f.scope.end_day) << '\t';
    if (f.hidden)
      out << 'H';
    else
      out << f.value;
    out << '\n';
  }
  for (const LedgerMap& m : ledger.maps)
    out << "M\t" << escape(m.filter) << '\t' << date_text(m.first_day) << '\t'
        << date_text(m.end_day) << '\n';
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  write_file_atomically(path, out.str());
}

PublishedLedger load_ledger(const std::string& path) { return load_disclosure_ledger(path).labels; }

LedgerLock::LedgerLock(const std::string& ledger_path) {
  std::error_code ec;
  const fs::path parent = fs::path(ledger_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  const std::string lock_path = ledger_path + ".lock";
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw DataError("cannot lock the disclosure ledger " + ledger_path + ": " +
                    std::strerror(errno) + "; nothing was written");
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    throw DataError("cannot lock the disclosure ledger " + ledger_path + ": " +
                    std::strerror(err) + "; nothing was written");
  }
}

LedgerLock::~LedgerLock() {
  if (fd_ >= 0) {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
}

}  // namespace faro::io
