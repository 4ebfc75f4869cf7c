// Project JSON -> Session. Every value's type is checked and a bad one is reported with its place
// ("filter.hours[3]: expected an integer 0..23, got string"), so a hand-edited file fails clearly.
// Missing keys keep the Session defaults. Version-2 files are strict (an unknown key is an error
// naming it); version-1 files, written before the map became a style, keep their old leniency and
// their map keys are converted (project_json_v1.cpp).
#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "io/goals_json.hpp"
#include "io/map_style_json.hpp"
#include "io/map_style_json_detail.hpp"
#include "io/project_detail.hpp"
#include "io/project_file.hpp"
#include "io/project_reader.hpp"
#include "io/style_presets.hpp"

namespace faro::io {
namespace {

using project_detail::json;
using project_detail::Reader;

// Keys a version-2 file may hold, per object.
constexpr std::string_view kTopKeys[] = {"faro_project", "title",   "language", "work_srs",
                                         "sources",      "filter",  "style",    "camera",
                                         "selection",    "programs", "category_selections"};
constexpr std::string_view kSourceKeys[] = {
    "role",    "path",       "layer",      "where",           "x_field",
    "y_field", "date_field", "time_field", "category_field",  "weight_field",
    "srs",     "date_order", "name_field", "population_field"};

// The project's "style": the style file's object (io/map_style_json.hpp) with layer sources
// relative to the project. StyleError becomes ProjectError so callers catch one type.
MapStyle read_style(const json& j, const std::string& file, const std::string& dir) {
  try {
    MapStyle style = style_json::read_style_object(j, file, "style", true);
    style_json::map_sources(
        style, [&](const std::string& p) { return project_detail::from_project_path(p, dir); });
    return style;
  } catch (const StyleError& e) {
    throw ProjectError(e.what());
  }
}

SourceSpec read_source(const Reader& r, const json& j, const std::string& where,
                       const std::string& dir, bool strict) {
  if (!j.is_object()) r.wrong_type(where, "an object", j);
  if (strict) r.only(j, kSourceKeys, where);
  SourceSpec s;
  std::string role;
  if (!r.find(j, "role")) r.fail(where, "missing \"role\"");
  r.text(j, "role", where, role);
  bool known = false;
  for (int i = 0; i < 4; ++i)
    if (role == project_detail::kRoleNames[i])
      s.role = static_cast<SourceSpec::Role>(i), known = true;
  if (!known)
    r.fail(Reader::join(where, "role"),
           "unknown role '" + role + "' (expected sectors, incidents, programs or context)");
  if (!r.find(j, "path")) r.fail(where, "missing \"path\"");
  r.text(j, "path", where, s.path);
  s.path = project_detail::from_project_path(s.path, dir);
  const std::pair<const char*, std::string*> optional_fields[] = {
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
  for (const auto& [key, value] : optional_fields) r.text(j, key, where, *value);
  return s;
}

uint32_t read_bits(const Reader& r, const json& obj, const char* key, const std::string& where,
                   int n, uint32_t fallback) {
  if (!r.find(obj, key)) return fallback;
  const json& a = r.array(obj, key, where);
  uint32_t mask = 0;
  for (size_t i = 0; i < a.size(); ++i)
    mask |= 1u << r.integer_value(a[i], Reader::item(Reader::join(where, key), i), 0, n - 1);
  return mask;
}

}  // namespace

namespace {
Session read_project(std::string_view text, const std::string& project_dir,
                     const std::string& file);
}  // namespace

Session project_from_json(std::string_view text, const std::string& project_dir,
                          const std::string& file) {
  try {
    return read_project(text, project_dir, file);
  } catch (const json::exception& e) {
    // Any JSON library error the reader did not foresee (a number out of range, a wrong type)
    // still names the file: never a bare "json.exception..." at the boundary.
    throw ProjectError(file + ": not a readable Faro project (" + e.what() + ")");
  }
}

namespace {

Session read_project(std::string_view text, const std::string& project_dir,
                     const std::string& file) {
  const Reader r(file);
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e400
    // e.byte is 1-based; nlohmann's message already says "unexpected end of input" etc.
    r.fail("", std::string("not valid JSON (") + e.what() + ")");
  } catch (const json::out_of_range& e) {  // 1e400: a number no double holds
    r.fail("", std::string("a number is out of range (") + e.what() + ")");
  }
  if (!j.is_object()) r.fail("", "not a Faro project (the top level is not a JSON object)");
  const json* version = r.find(j, "faro_project");
  if (!version) r.fail("", "not a Faro project (no \"faro_project\" version number)");
  if (!version->is_number_integer() || version->get<int64_t>() < 1)
    r.fail("faro_project", "expected a format version >= 1, got " + version->dump());
  if (version->get<int64_t>() > Session::kFormatVersion)
    r.fail("", "written by a newer Faro (project format " + version->dump() +
                   "; this version reads up to " + std::to_string(Session::kFormatVersion) +
                   "); update Faro to open it");

  const bool v1 = version->get<int64_t>() == 1;
  if (!v1) r.only(j, kTopKeys, "");

  Session s;  // a temporary: the caller only sees it when everything parsed
  r.text(j, "title", "", s.title);
  std::string language = "es";
  r.text(j, "language", "", language);
  if (language != "es" && language != "en")
    r.fail("language", "expected \"es\" or \"en\", got '" + language + "'");
  s.language = language == "en" ? Language::en : Language::es;
  r.text(j, "work_srs", "", s.work_srs);
  const json& sources = r.array(j, "sources", "");
  for (size_t i = 0; i < sources.size(); ++i)
    s.sources.push_back(read_source(r, sources[i], Reader::item("sources", i), project_dir, !v1));

  const json& f = r.object(j, "filter", "");
  if (!v1)
    r.only(f, {"from", "to_exclusive", "categories", "hours", "weekdays", "sectors"}, "filter");
  s.filter.from = r.date(f, "from", "filter");
  s.filter.to_exclusive = r.date(f, "to_exclusive", "filter");
  s.filter.categories = r.strings(f, "categories", "filter");
  s.filter.hour_mask = read_bits(r, f, "hours", "filter", 24, 0xFFFFFF);
  s.filter.weekday_mask = static_cast<uint8_t>(read_bits(r, f, "weekdays", "filter", 7, 0x7F));
  s.filter.sectors = r.strings(f, "sectors", "filter");

  // No style (a hand-written project) = the dashboard's default style.
  if (v1)
    s.style = project_detail::read_v1_style(r, j);
  else if (const json* style = r.find(j, "style"))
    s.style = read_style(*style, file, project_dir);
  else
    s.style = default_style();

  const json& cam = r.object(j, "camera", "");
  if (!v1) r.only(cam, {"centre", "metres_per_pixel"}, "camera");
  if (const json* centre = r.find(cam, "centre")) {
    if (!centre->is_array() || centre->size() != 2 || !(*centre)[0].is_number() ||
        !(*centre)[1].is_number())
      r.fail("camera.centre", "expected [x, y] in working CRS metres, got " + centre->dump());
    s.camera.centre = {(*centre)[0].get<double>(), (*centre)[1].get<double>()};
  }
  r.number(cam, "metres_per_pixel", "camera", 0, 1e308, s.camera.metres_per_pixel);
  s.selection = r.strings(j, "selection", "");
  const json& programs = r.array(j, "programs", "");  // absent (older files) = none
  for (size_t i = 0; i < programs.size(); ++i) {
    const std::string where = Reader::item("programs", i);
    if (!programs[i].is_object()) r.wrong_type(where, "an object", programs[i]);
    if (!v1) r.only(programs[i], {"name", "sectors", "goals"}, where);
    ProgramSpec spec;
    r.text(programs[i], "name", where, spec.name);
    if (spec.name.empty()) r.fail(where + ".name", "expected a non-empty program name");
    const json& sectors = r.array(programs[i], "sectors", where);
    for (size_t k = 0; k < sectors.size(); ++k) {
      const std::string at = Reader::item(where + ".sectors", k);
      if (!sectors[k].is_object()) r.wrong_type(at, "an object", sectors[k]);
      if (!v1) r.only(sectors[k], {"sector", "start", "end"}, at);
      ProgramSector ps;
      r.text(sectors[k], "sector", at, ps.sector);
      const std::optional<CivilSeconds> start = r.date(sectors[k], "start", at);
      if (!start) r.fail(at + ".start", "expected the rollout date (YYYY-MM-DD)");
      ps.start = *start;
      ps.end = r.date(sectors[k], "end", at);
      spec.sectors.push_back(std::move(ps));
    }
    // Goals edited in the dashboard; their errors name the file, the program, goal and field.
    if (const json* goals = r.find(programs[i], "goals")) {
      try {
        spec.goals = read_goals_json(*goals, file, spec.name);
      } catch (const ProjectError&) {
        throw;
      } catch (const DataError& e) {
        throw ProjectError(e.what());
      }
    }
    s.programs.push_back(std::move(spec));
  }
  const json& saved = r.array(j, "category_selections", "");  // absent (older files) = none
  for (size_t i = 0; i < saved.size(); ++i) {
    const std::string where = Reader::item("category_selections", i);
    if (!saved[i].is_object()) r.wrong_type(where, "an object", saved[i]);
    r.only(saved[i], {"name", "categories"}, where);
    CategorySelection c;
    r.text(saved[i], "name", where, c.name);
    if (c.name.empty()) r.fail(where + ".name", "expected a non-empty selection name");
    c.categories = r.strings(saved[i], "categories", where);
    s.category_selections.push_back(std::move(c));
  }
  return s;
}

}  // namespace

}  // namespace faro::io
