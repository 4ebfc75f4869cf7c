#include "io/sector_fields.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "core/errors.hpp"

namespace faro::io {
namespace {

// Preference order. A field qualifies first by having distinct values (cuadrante layers carry
// both "Sector", repeated, and a unique code such as "Nomenclatu" or "cuadrante").
const char* const kNameFields[] = {
    "sector",    "cuadrante", "nomenclatu", "nombre", "name",  "nomgeo", "nomut", "district",
    "dist_numc", "dist_num",  "cve_sector", "cvegeo", "cveut", "clave",  "code",  "id"};
const char* const kPopulationFields[] = {"poblacion", "population", "pop",
                                         "sumpob1",   "pob_total",  "pobtot"};

bool iequals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool distinct_values(const std::vector<SectorRow>& rows, size_t field) {
  std::unordered_set<std::string> seen;
  for (const SectorRow& r : rows) {
    const std::string v = trim(r.values[field]);
    if (v.empty() || !seen.insert(v).second) return false;
  }
  return !rows.empty();
}

std::string field_list(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) out += (out.empty() ? "" : ", ") + f;
  return out.empty() ? "(none)" : out;
}

}  // namespace

std::optional<size_t> find_field(const std::vector<std::string>& fields, const std::string& name) {
  for (size_t i = 0; i < fields.size(); ++i)
    if (iequals(fields[i], name)) return i;
  return std::nullopt;
}

std::optional<size_t> choose_name_field(const std::vector<std::string>& fields,
                                        const std::vector<bool>& is_text,
                                        const std::vector<SectorRow>& rows,
                                        const std::string& requested, const std::string& source,
                                        LoadNote* how) {
  if (!requested.empty()) {
    const auto f = find_field(fields, requested);
    if (!f)
      throw DataError("sector source '" + source + "' has no field '" + requested +
                      "' for sector names (fields: " + field_list(fields) + ")");
    *how = {Msg::load_note_name_requested, {fields[*f]}};
    return f;
  }
  std::optional<size_t> first_known;
  for (const char* candidate : kNameFields) {
    const auto f = find_field(fields, candidate);
    if (!f) continue;
    if (!first_known) first_known = f;
    if (distinct_values(rows, *f)) {
      *how = {Msg::load_note_name_distinct, {fields[*f]}};
      return f;
    }
  }
  if (first_known) {
    *how = {Msg::load_note_name_repeats, {fields[*first_known]}};
    return first_known;
  }
  for (size_t f = 0; f < fields.size(); ++f) {
    if (is_text[f] && distinct_values(rows, f)) {
      *how = {Msg::load_note_name_first_text, {fields[f]}};
      return f;
    }
  }
  *how = {Msg::load_note_name_none, {field_list(fields)}};
  return std::nullopt;
}

std::optional<size_t> choose_population_field(const std::vector<std::string>& fields,
                                              const std::string& requested,
                                              const std::string& source) {
  if (!requested.empty()) {
    const auto f = find_field(fields, requested);
    if (!f)
      throw DataError("sector source '" + source + "' has no population field '" + requested +
                      "' (fields: " + field_list(fields) + ")");
    return f;
  }
  for (const char* candidate : kPopulationFields)
    if (const auto f = find_field(fields, candidate)) return f;
  return std::nullopt;
}

std::vector<std::string> make_unique_names(const std::vector<SectorRow>& rows,
                                           std::optional<size_t> name_field,
                                           const std::string& name_field_label,
                                           LoadReport& report) {
  std::vector<std::string> names;
  names.reserve(rows.size());
  // First pass: every distinct original name is reserved, so a renamed "X (2)" never takes the
  // name of a later feature actually called "X (2)".
  std::unordered_set<std::string> taken;
  std::vector<std::string> base(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    base[i] = name_field ? trim(rows[i].values[*name_field]) : std::string();
    if (base[i].empty()) {
      if (name_field) report.add(RowIssue::missing_name, rows[i].row, name_field_label, "");
      base[i] = "feature " + std::to_string(rows[i].fid >= 0 ? rows[i].fid : rows[i].row);
    }
  }
  std::unordered_map<std::string, int> uses;
  for (const std::string& b : base) ++uses[b];
  for (const auto& [b, n] : uses) taken.insert(b);
  std::unordered_map<std::string, int> seen;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (++seen[base[i]] == 1) {
      names.push_back(base[i]);
      continue;
    }
    int k = seen[base[i]];
    std::string candidate;
    do {
      candidate = base[i] + " (" + std::to_string(k++) + ")";
    } while (taken.count(candidate));
    taken.insert(candidate);
    report.add(RowIssue::duplicate_name_renamed, rows[i].row, name_field_label, base[i]);
    names.push_back(std::move(candidate));
  }
  return names;
}

std::optional<double> parse_population(const std::string& text) {
  const std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || !std::isfinite(v) || v < 0) return std::nullopt;
  return v;
}

}  // namespace faro::io
