// Project JSON -> Session. Every value's type is checked and a bad one is reported with its place
// ("filter.hours[3]: expected an integer 0..23, got string"), so a hand-edited file fails clearly.
// Missing keys keep the Session defaults (older files stay readable); unknown keys are ignored.
#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "io/project_detail.hpp"
#include "io/project_file.hpp"

namespace faro::io {
namespace {

using json = nlohmann::ordered_json;

class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw ProjectError(file_ + ": " + (where.empty() ? "" : where + ": ") + what);
  }
  [[noreturn]] void wrong_type(const std::string& where, const char* expected,
                               const json& got) const {
    fail(where, std::string("expected ") + expected + ", got " + got.type_name());
  }

  // The member `key` of object `obj`, or nullptr when absent (or null and `null_ok`).
  const json* find(const json& obj, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }
  const json& object(const json& obj, const char* key, const std::string& where) const {
    static const json kEmpty = json::object();
    const json* v = find(obj, key);
    if (!v) return kEmpty;
    if (!v->is_object()) wrong_type(join(where, key), "an object", *v);
    return *v;
  }
  void text(const json& obj, const char* key, const std::string& where, std::string& out) const {
    if (const json* v = find(obj, key)) {
      if (!v->is_string()) wrong_type(join(where, key), "a string", *v);
      out = v->get<std::string>();
    }
  }
  void boolean(const json& obj, const char* key, const std::string& where, bool& out) const {
    if (const json* v = find(obj, key)) {
      if (!v->is_boolean()) wrong_type(join(where, key), "true or false", *v);
      out = v->get<bool>();
    }
  }
  template <typename T>
  void number(const json& obj, const char* key, const std::string& where, double lo, double hi,
              T& out) const {
    if (const json* v = find(obj, key)) {
      if (!v->is_number()) wrong_type(join(where, key), "a number", *v);
      const double d = v->get<double>();
      if (!(d >= lo && d <= hi))
        fail(join(where, key), "expected a number in " + range(lo, hi) + ", got " + v->dump());
      out = static_cast<T>(d);
    }
  }
  static std::string range(double lo, double hi) {
    auto s = [](double x) {
      std::string t = std::to_string(x);
      t.erase(t.find_last_not_of('0') + 1);
      if (t.back() == '.') t.pop_back();
      return t;
    };
    return hi >= 1e300 ? "[" + s(lo) + ", ∞)" : "[" + s(lo) + ", " + s(hi) + "]";
  }
  void integer(const json& obj, const char* key, const std::string& where, int lo, int hi,
               int& out) const {
    if (const json* v = find(obj, key)) out = integer_value(*v, join(where, key), lo, hi);
  }
  int integer_value(const json& v, const std::string& where, int lo, int hi) const {
    if (!v.is_number_integer() || v.get<int64_t>() < lo || v.get<int64_t>() > hi)
      fail(where, "expected an integer " + std::to_string(lo) + ".." + std::to_string(hi) +
                      ", got " + (v.is_number() ? v.dump() : v.type_name()));
    return static_cast<int>(v.get<int64_t>());
  }
  const json& array(const json& obj, const char* key, const std::string& where) const {
    static const json kEmpty = json::array();
    const json* v = find(obj, key);
    if (!v) return kEmpty;
    if (!v->is_array()) wrong_type(join(where, key), "an array", *v);
    return *v;
  }
  std::vector<std::string> strings(const json& obj, const char* key,
                                   const std::string& where) const {
    std::vector<std::string> out;
    const json& a = array(obj, key, where);
    for (size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_string()) wrong_type(item(join(where, key), i), "a string", a[i]);
      out.push_back(a[i].get<std::string>());
    }
    return out;
  }
  // A name from a fixed set, turned into its enum by `parse`.
  template <typename E, typename Parse>
  void choice(const json& obj, const char* key, const std::string& where, Parse parse,
              const char* allowed, E& out) const {
    std::string name;
    if (!find(obj, key)) return;
    text(obj, key, where, name);
    auto v = parse(name);
    if (!v) fail(join(where, key), "unknown value '" + name + "' (expected " + allowed + ")");
    out = *v;
  }
  std::optional<CivilSeconds> date(const json& obj, const char* key,
                                   const std::string& where) const {
    const json* v = find(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) wrong_type(join(where, key), "a date string or null", *v);
    CivilSeconds t = 0;
    if (parse_datetime(v->get<std::string>(), DateOrder::dmy, t) != DateParseStatus::ok)
      fail(join(where, key),
           "expected a date YYYY-MM-DD[THH:MM:SS], got '" + v->get<std::string>() + "'");
    return t;
  }

  static std::string join(const std::string& where, const char* key) {
    return where.empty() ? key : where + "." + key;
  }
  static std::string item(const std::string& where, size_t i) {
    return where + "[" + std::to_string(i) + "]";
  }

 private:
  std::string file_;
};

SourceSpec read_source(const Reader& r, const json& j, const std::string& where,
                       const std::string& dir) {
  if (!j.is_object()) r.wrong_type(where, "an object", j);
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

Rgb read_rgb(const Reader& r, const json& j, const std::string& where) {
  std::string s;
  r.text(j, "rgb", where, s);
  unsigned v = 0;
  int used = 0;
  if (s.size() != 7 || s[0] != '#' || std::sscanf(s.c_str() + 1, "%6x%n", &v, &used) != 1 ||
      used != 6)
    r.fail(Reader::join(where, "rgb"), "expected a colour #rrggbb, got '" + s + "'");
  return {static_cast<uint8_t>(v >> 16), static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)};
}

}  // namespace

Session project_from_json(std::string_view text, const std::string& project_dir,
                          const std::string& file) {
  const Reader r(file);
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is 1-based; nlohmann's message already says "unexpected end of input" etc.
    r.fail("", std::string("not valid JSON (") + e.what() + ")");
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
    s.sources.push_back(read_source(r, sources[i], Reader::item("sources", i), project_dir));

  const json& f = r.object(j, "filter", "");
  s.filter.from = r.date(f, "from", "filter");
  s.filter.to_exclusive = r.date(f, "to_exclusive", "filter");
  s.filter.categories = r.strings(f, "categories", "filter");
  s.filter.hour_mask = read_bits(r, f, "hours", "filter", 24, 0xFFFFFF);
  s.filter.weekday_mask = static_cast<uint8_t>(read_bits(r, f, "weekdays", "filter", 7, 0x7F));
  s.filter.sectors = r.strings(f, "sectors", "filter");

  const json& layers = r.array(j, "layers", "");
  for (size_t i = 0; i < layers.size(); ++i) {
    const std::string where = Reader::item("layers", i);
    if (!layers[i].is_object()) r.wrong_type(where, "an object", layers[i]);
    LayerStyle l;
    r.choice(layers[i], "layer", where, parse_layer_key,
             "basemap, sectors, choropleth, heatmap, programs, context, points or labels", l.id);
    r.boolean(layers[i], "visible", where, l.visible);
    r.number(layers[i], "opacity", where, 0, 1, l.opacity);
    for (const LayerStyle& seen : s.layers)
      if (seen.id == l.id)
        r.fail(where, std::string("layer '") + layer_key(l.id) + "' listed twice");
    s.layers.push_back(l);
  }

  const json& h = r.object(j, "heatmap", "");
  r.choice(h, "kernel", "heatmap", parse_kde_kernel, "gaussian or quartic", s.heatmap.kernel);
  r.number(h, "bandwidth_m", "heatmap", 1, 1e6, s.heatmap.bandwidth_m);  // 1 m .. 1000 km
  r.choice(h, "colormap", "heatmap", parse_colormap, "inferno, viridis or ylorrd",
           s.heatmap.colormap);
  r.boolean(h, "color_max_locked", "heatmap", s.heatmap.color_max_locked);
  r.number(h, "color_max", "heatmap", 0, 1e308, s.heatmap.color_max);

  const json& c = r.object(j, "choropleth", "");
  r.choice(c, "measure", "choropleth", parse_choropleth_measure,
           "count, per-km2, per-10k, change or change-pct", s.choropleth.measure);
  r.choice(c, "scale", "choropleth", parse_choropleth_scale, "quantile, continuous, equal or jenks",
           s.choropleth.scale);
  r.integer(c, "classes", "choropleth", 2, 9, s.choropleth.classes);  // as render --classes
  r.choice(c, "colormap", "choropleth", parse_colormap, "inferno, viridis or ylorrd",
           s.choropleth.colormap);

  const json& p = r.object(j, "points", "");
  r.number(p, "size_px", "points", 0.5, 100, s.points.size_px);
  const json& colors = r.array(p, "category_colors", "points");
  for (size_t i = 0; i < colors.size(); ++i) {
    const std::string where = Reader::item("points.category_colors", i);
    if (!colors[i].is_object()) r.wrong_type(where, "an object", colors[i]);
    std::string category;
    r.text(colors[i], "category", where, category);
    s.points.category_colors.emplace_back(category, read_rgb(r, colors[i], where));
  }

  const json& cam = r.object(j, "camera", "");
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
    ProgramSpec spec;
    r.text(programs[i], "name", where, spec.name);
    if (spec.name.empty()) r.fail(where + ".name", "expected a non-empty program name");
    const json& sectors = r.array(programs[i], "sectors", where);
    for (size_t k = 0; k < sectors.size(); ++k) {
      const std::string at = Reader::item(where + ".sectors", k);
      if (!sectors[k].is_object()) r.wrong_type(at, "an object", sectors[k]);
      ProgramSector ps;
      r.text(sectors[k], "sector", at, ps.sector);
      const std::optional<CivilSeconds> start = r.date(sectors[k], "start", at);
      if (!start) r.fail(at + ".start", "expected the rollout date (YYYY-MM-DD)");
      ps.start = *start;
      ps.end = r.date(sectors[k], "end", at);
      spec.sectors.push_back(std::move(ps));
    }
    s.programs.push_back(std::move(spec));
  }
  return s;
}

}  // namespace faro::io
