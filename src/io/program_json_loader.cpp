#include "io/program_json_loader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/errors.hpp"
#include "io/goals_json.hpp"

namespace faro::io {
namespace {

using nlohmann::json;

bool has_json_extension(const std::string& path) {
  if (path.size() < 5) return false;
  std::string ext = path.substr(path.size() - 5);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".json";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);  // read-only
  if (!in) throw DataError(path + ": cannot open programs file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string text_field(const json& obj, const char* key) {
  if (!obj.is_object()) return "";
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();  // sector codes written as numbers
  return "";
}

ProgramLoadResult parse_programs(const json& doc, const std::string& path) {
  if (!doc.is_object() || !doc.contains("programs") || !doc["programs"].is_array())
    throw DataError(path + ": expected {\"programs\": [{\"name\": ..., \"sectors\": [...]}]}");
  ProgramLoadResult out;
  out.report.source = path;
  out.report.layer = "programs";
  out.report.method = "json";
  std::map<std::string, size_t> index;
  int64_t row = 0;
  for (const json& p : doc["programs"]) {
    const std::string name = text_field(p, "name");
    const json empty = json::array();
    const json& sectors =
        p.is_object() && p.contains("sectors") && p["sectors"].is_array() ? p["sectors"] : empty;
    // Goals are checked strictly: a bad goal is an error naming it, never a skipped row.
    const std::vector<ProgramGoal> goals =
        p.is_object() && p.contains("goals") ? read_goals_json(p["goals"], path, name)
                                             : std::vector<ProgramGoal>{};
    if (sectors.empty()) {
      ++row;
      ++out.report.rows_read;
      out.report.add(RowIssue::malformed_row, row, "sectors", name);
      continue;
    }
    for (const json& s : sectors) {
      ++row;
      ++out.report.rows_read;
      ProgramSector ps;
      ps.sector = text_field(s, "sector");
      const std::string start = text_field(s, "start"), end = text_field(s, "end");
      if (name.empty() || ps.sector.empty()) {
        out.report.add(RowIssue::malformed_row, row, name.empty() ? "name" : "sector", "");
        continue;
      }
      if (start.empty()) {
        out.report.add(RowIssue::missing_date, row, "start", "");
        continue;
      }
      if (parse_datetime(start, DateOrder::dmy, ps.start) != DateParseStatus::ok) {
        out.report.add(RowIssue::unparseable_date, row, "start", start);
        continue;
      }
      if (!end.empty()) {
        CivilSeconds e = 0;
        if (parse_datetime(end, DateOrder::dmy, e) != DateParseStatus::ok) {
          out.report.add(RowIssue::unparseable_date, row, "end", end);
          continue;
        }
        // A program cannot end before it starts: a typo that would silently empty its window.
        if (e < ps.start)
          throw DataError(path + " program '" + name + "' (entry " + std::to_string(row) +
                          "): ends (" + end + ") before it starts (" + start + ")");
        ps.end = e;
      }
      auto [it, added] = index.emplace(name, out.programs.size());
      if (added) out.programs.push_back(Program{name, {}, {}, goals});
      out.programs[it->second].sectors.push_back(std::move(ps));
      ++out.report.rows_loaded;
    }
  }
  return out;
}

}  // namespace

ProgramLoadResult load_programs_json(const std::string& path) {
  const std::string text = read_text(path);
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) throw DataError(path + ": not valid JSON");
  return parse_programs(doc, path);
}

ProgramLoadResult load_programs_any(const std::string& source) {
  if (has_json_extension(source)) {
    std::ifstream probe(source, std::ios::binary);
    if (probe) {
      json doc = json::parse(read_text(source), nullptr, false);
      if (!doc.is_discarded() && doc.is_object() && doc.contains("programs"))
        return parse_programs(doc, source);
    }
  }
  ProgramLoadResult loaded = load_programs(source);
  attach_goals_sidecar(loaded, source);
  return loaded;
}

}  // namespace faro::io
