// Session -> project JSON (format in project_file.hpp) and the project's path mapping. Reading is
// project_json_read.cpp.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "io/data_loading.hpp"
#include "io/project_detail.hpp"
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

// Names as the CLI options spell them (parse_choropleth_* accepts these).
constexpr const char* kMeasureNames[] = {"count", "per-km2", "per-10k", "change", "change-pct"};
constexpr const char* kScaleNames[] = {"quantile", "continuous", "equal", "jenks"};

template <typename E, size_t N, typename Parse>
std::string enum_name(E value, const char* const (&names)[N], Parse parse) {
  for (const char* n : names)
    if (parse(n) == value) return n;
  return names[0];  // unreachable for the values the parsers know
}

std::string iso(CivilSeconds t) {
  if (seconds_of_day(t) == 0) return format_date(t);
  std::string s = format_datetime(t);
  s[10] = 'T';
  return s;
}

// A float as the shortest decimal that reads back to the same float (0.8f -> 0.8, not
// 0.800000011920929), so hand-edited files stay readable.
double tidy(float f) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, f);
  return std::strtod(std::string(buf, r.ptr).c_str(), nullptr);
}

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
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

  j["layers"] = json::array();
  for (const LayerStyle& l : s.layers)
    j["layers"].push_back(
        {{"layer", layer_key(l.id)}, {"visible", l.visible}, {"opacity", tidy(l.opacity)}});
  j["heatmap"] = {{"kernel", kde_kernel_name(s.heatmap.kernel)},
                  {"bandwidth_m", s.heatmap.bandwidth_m},
                  {"colormap", to_string(s.heatmap.colormap)},
                  {"color_max_locked", s.heatmap.color_max_locked},
                  {"color_max", tidy(s.heatmap.color_max)}};
  j["choropleth"] = {
      {"measure", enum_name(s.choropleth.measure, kMeasureNames, parse_choropleth_measure)},
      {"scale", enum_name(s.choropleth.scale, kScaleNames, parse_choropleth_scale)},
      {"classes", s.choropleth.classes},
      {"colormap", to_string(s.choropleth.colormap)}};
  json colors = json::array();
  for (const auto& [category, rgb] : s.points.category_colors)
    colors.push_back({{"category", category}, {"rgb", hex(rgb)}});
  j["points"] = {{"size_px", tidy(s.points.size_px)}, {"category_colors", colors}};
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
    programs.push_back({{"name", p.name}, {"sectors", sectors}});
  }
  j["programs"] = programs;
  return j.dump(2) + "\n";
}

}  // namespace faro::io
