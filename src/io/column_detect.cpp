#include "io/column_detect.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "core/errors.hpp"

namespace faro::io {
namespace {

// Coordinate pairs in priority order: a pair is only taken when both of its names exist, so
// "x"/"y" never pairs with "lat".
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kCoordinatePairs{{
    {"longitud", "latitud"},
    {"longitude", "latitude"},
    {"lon", "lat"},
    {"lng", "lat"},
    {"long", "lat"},
    {"x", "y"},
    {"point_x", "point_y"},
    {"coord_x", "coord_y"},
}};

constexpr std::array<std::string_view, 9> kDateNames{
    "fecha_hecho",        "fecha",        "date", "date_", "datetime", "fecha_hora", "occurred",
    "dispatch_date_time", "dispatch_date"};
constexpr std::array<std::string_view, 2> kDatePrefixes{"occurred_", "fecha_"};

constexpr std::array<std::string_view, 7> kTimeNames{"hora_hecho", "hora",  "time",         "time_",
                                                     "hour",       "horas", "dispatch_time"};
constexpr std::array<std::string_view, 1> kTimePrefixes{"hora_"};

constexpr std::array<std::string_view, 14> kCategoryNames{
    "delito",  "categoria_delito",  "categoria", "categoría",    "category",
    "offense", "offence",           "crime",     "crime_type",   "tipo_delito",
    "tipo",    "text_general_code", "ucr_desc",  "incident_type"};

constexpr std::array<std::string_view, 7> kIdNames{
    "id", "objectid", "folio", "incident_id", "id_carpeta", "cartodb_id", "ogc_fid"};

int find_exact(const std::vector<std::string>& names, std::string_view wanted) {
  for (size_t i = 0; i < names.size(); ++i)
    if (field_name_equals(names[i], wanted)) return static_cast<int>(i);
  return -1;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() > prefix.size() && field_name_equals(s.substr(0, prefix.size()), prefix);
}

template <size_t N, size_t M>
int find_candidate(const std::vector<std::string>& names,
                   const std::array<std::string_view, N>& exact,
                   const std::array<std::string_view, M>& prefixes, int exclude = -1) {
  for (std::string_view c : exact) {
    const int i = find_exact(names, c);
    if (i >= 0 && i != exclude) return i;
  }
  for (std::string_view p : prefixes)
    for (size_t i = 0; i < names.size(); ++i)
      if (static_cast<int>(i) != exclude && starts_with_ci(names[i], p)) return static_cast<int>(i);
  return -1;
}

[[noreturn]] void fail(const std::string& source, const std::string& what,
                       const std::vector<std::string>& names) {
  throw DataError("'" + source + "': " + what + "; available fields: " + list_fields(names));
}

// A field the user named must exist: a typo should not silently fall back to detection.
int required_named(const std::vector<std::string>& names, const std::string& wanted,
                   const char* option, const std::string& source) {
  const int i = find_exact(names, wanted);
  if (i < 0)
    fail(source, std::string("no field '") + wanted + "' (given as " + option + ")", names);
  return i;
}

void detect_xy(const std::vector<std::string>& names, const IncidentSourceOptions& o,
               IncidentColumns& c, const std::string& source) {
  if (!o.x_field.empty()) c.x = required_named(names, o.x_field, "x field", source);
  if (!o.y_field.empty()) c.y = required_named(names, o.y_field, "y field", source);
  if (c.x >= 0 && c.y >= 0) return;
  for (const auto& [xn, yn] : kCoordinatePairs) {
    const int xi = c.x >= 0 ? c.x : find_exact(names, xn);
    const int yi = c.y >= 0 ? c.y : find_exact(names, yn);
    // When one side was given, the other is taken from any pair whose partner name exists.
    const bool x_ok = c.x >= 0 || xi >= 0;
    const bool y_ok = c.y >= 0 || yi >= 0;
    if (x_ok && y_ok && xi != yi) {
      c.x = xi;
      c.y = yi;
      return;
    }
  }
}

}  // namespace

bool field_name_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char ca = static_cast<unsigned char>(a[i]), cb = static_cast<unsigned char>(b[i]);
    if (ca >= 'A' && ca <= 'Z') ca = static_cast<unsigned char>(ca - 'A' + 'a');
    if (cb >= 'A' && cb <= 'Z') cb = static_cast<unsigned char>(cb - 'A' + 'a');
    if (ca != cb) return false;
  }
  return true;
}

std::string list_fields(const std::vector<std::string>& names) {
  if (names.empty()) return "(none)";
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i == 40) {
      out += ", ... (" + std::to_string(names.size() - 40) + " more)";
      break;
    }
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

const std::string& IncidentColumns::name(int index) const {
  static const std::string kNone;
  return index >= 0 && index < static_cast<int>(names.size()) ? names[index] : kNone;
}

LoadNote IncidentColumns::describe() const {
  std::vector<std::pair<std::string, std::string>> roles;
  auto add = [&](const char* what, int i) {
    if (i >= 0) roles.emplace_back(what, name(i));
  };
  add("x", x);
  add("y", y);
  add("date", date);
  add("time", time);
  add("category", category);
  add("id", id);
  add("weight", weight);
  return fields_note(roles);
}

IncidentColumns detect_incident_columns(const std::vector<std::string>& names,
                                        const IncidentSourceOptions& o, const std::string& source,
                                        bool need_xy) {
  IncidentColumns c;
  c.names = names;
  if (need_xy || !o.x_field.empty() || !o.y_field.empty()) {
    detect_xy(names, o, c, source);
    if (need_xy && !c.has_xy())
      fail(source,
           "no point geometry and no coordinate columns (looked for longitud/latitud, lon/lat, "
           "lng/lat, long/lat, x/y; name them with --x-field/--y-field)",
           names);
  }

  if (!o.date_field.empty()) {
    c.date = required_named(names, o.date_field, "date field", source);
  } else {
    c.date = find_candidate(names, kDateNames, kDatePrefixes);
    if (c.date < 0)
      fail(source,
           "no date column (looked for fecha_hecho, fecha, date, date_, datetime, occurred_*; "
           "name it with --date-field)",
           names);
  }

  if (!o.time_field.empty())
    c.time = required_named(names, o.time_field, "time field", source);
  else
    c.time = find_candidate(names, kTimeNames, kTimePrefixes, c.date);

  constexpr std::array<std::string_view, 0> kNoPrefixes{};
  if (!o.category_field.empty())
    c.category = required_named(names, o.category_field, "category field", source);
  else
    c.category = find_candidate(names, kCategoryNames, kNoPrefixes);

  if (!o.id_field.empty())
    c.id = required_named(names, o.id_field, "id field", source);
  else
    c.id = find_candidate(names, kIdNames, kNoPrefixes);

  if (!o.weight_field.empty())
    c.weight = required_named(names, o.weight_field, "weight field", source);
  return c;
}

}  // namespace faro::io
