// Session -> project JSON (format in project_file.hpp) and the project's path mapping. Reading is
// project_json_read.cpp.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "io/data_loading.hpp"
#include "io/goals_json.hpp"
#include "io/map_style_json_detail.hpp"
#include "io/project_detail.hpp"
#include "io/goals_json.hpp"
#include "io/project_file.hpp"

namespace faro::io {
namespace fs = std::filesystem;

namespace project_detail {

// "/data/x.csv" from "/home/u/p.faro.json" stays absolute: only the root is shared.
std::string to_project_path(const std::string& path, const std::string& dir) {
  if (dir.empty() || is_connection_string(path)) return path;
  const fs::path abs = fs::absolute(path).lexically_normal();
  const fs::path base = fs::absolute(dir).lexically_normal();
  const fs::path rel = abs.lexically_relative(base);
  if (rel.empty()) return abs.string();
  size_t ups = 0, depth = 0;
  for (const auto& part : rel) ups += part == "..";
  for (const auto& part : base.relative_path()) depth += !part.empty();
  return ups >= depth ? abs.string() : rel.generic_string();
}

std::string from_project_path(const std::string& path, const std::string& dir) {
  if (dir.empty() || is_connection_string(path) || fs::path(path).is_absolute()) return path;
  return (fs::path(dir) / path).lexically_normal().string();
}

}  // namespace project_detail

namespace {

using json = nlohmann::ordered_json;  // keys in the order written: "faro_project" first
using project_detail::kRoleNames;
using project_detail::to_project_path;

std::string iso(CivilSeconds t) {
  if (seconds_of_day(t) == 0) return format_date(t);
  std::string s = format_datetime(t);
  s[10] = 'T';
  return s;
}

json source_json(const SourceSpec& s, size_t index, const std::string& dir,
                 std::vector<std::string>* warnings) {
  json j;
  j["role"] = kRoleNames[static_cast<int>(s.role)];
  std::string path = s.path;
  if (is_connection_string(path)) {
    const std::string stripped = strip_password(path);
    if (stripped != path && warnings)
      warnings->push_back("source " + std::to_string(index + 1) + " (" + stripped +
                          "): password not saved in the project; use a PostgreSQL service file "
                          "or PGPASSWORD");
    path = stripped;
  }
  j["path"] = to_project_path(path, dir);
  const std::pair<const char*, const std::string*> optional_fields[] = {
      {"layer", &s.layer},
      {"where", &s.where},
      {"x_field", &s.x_field},
      {"y_field", &s.y_field},
      {"date_field", &s.date_field},
      {"time_field", &s.time_field},
      {"category_field", &s.category_field},
      {"weight_field", &s.weight_field},
      {"srs", &s.srs},
      {"date_order", &s.date_order},
      {"name_field", &s.name_field},
      {"population_field", &s.population_field}};
  for (const auto& [key, value] : optional_fields)
    if (!value->empty()) j[key] = *value;
  return j;
}

json bits(uint32_t mask, int n) {
  json a = json::array();
  for (int i = 0; i < n; ++i)
    if (mask >> i & 1) a.push_back(i);
  return a;
}

}  // namespace

std::string project_to_json(const Session& s, const std::string& project_dir,
                            std::vector<std::string>* warnings) {
  json j;
  j["faro_project"] = Session::kFormatVersion;
  j["title"] = s.title;
  j["language"] = s.language == Language::en ? "en" : "es";
  j["work_srs"] = s.work_srs;
  j["sources"] = json::array();
  for (size_t i = 0; i < s.sources.size(); ++i)
    j["sources"].push_back(source_json(s.sources[i], i, project_dir, warnings));

  json& f = j["filter"];
  f["from"] = s.filter.from ? json(iso(*s.filter.from)) : json(nullptr);
  f["to_exclusive"] = s.filter.to_exclusive ? json(iso(*s.filter.to_exclusive)) : json(nullptr);
  f["categories"] = s.filter.categories;
  f["hours"] = bits(s.filter.hour_mask, 24);
  f["weekdays"] = bits(s.filter.weekday_mask, 7);  // 0 = Monday
  f["sectors"] = s.filter.sectors;

  // The map (io/map_style_json.hpp) without the style file's version key: the project's own
  // version covers it. Layer sources are paths and travel with the project like data sources.
  MapStyle style = s.style;
  style.protection.reset();  // a render-time policy, never saved
  style_json::map_sources(style,
                          [&](const std::string& p) { return to_project_path(p, project_dir); });
  j["style"] = style_json::style_object(style);
  j["camera"] = {{"centre", {s.camera.centre.x, s.camera.centre.y}},
                 {"metres_per_pixel", s.camera.metres_per_pixel}};
  j["selection"] = s.selection;
  // Programs edited in the dashboard (core/session_programs.hpp); absent in older files.
  json programs = json::array();
  for (const ProgramSpec& p : s.programs) {
    json sectors = json::array();
    for (const ProgramSector& ps : p.sectors)
      sectors.push_back({{"sector", ps.sector},
                         {"start", iso(ps.start)},
                         {"end", ps.end ? json(iso(*ps.end)) : json(nullptr)}});
    json program = {{"name", p.name}, {"sectors", sectors}};
    if (p.goals) program["goals"] = goals_to_json(*p.goals);  // absent = the loaded goals
    programs.push_back(std::move(program));
  }
  j["programs"] = programs;
  // Named offence selections saved from the picker (ui/offence_picker.hpp); absent in older files.
  json saved = json::array();
  for (const CategorySelection& c : s.category_selections)
    saved.push_back({{"name", c.name}, {"categories", c.categories}});
  j["category_selections"] = saved;
  return j.dump(2) + "\n";
}

}  // namespace faro::io
