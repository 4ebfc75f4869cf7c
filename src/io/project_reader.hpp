#pragma once
// Internal to the project file reader (project_json_read.cpp, project_json_v1.cpp): type-checked
// access to project JSON that reports a bad value with its place ("filter.hours[3]: expected an
// integer 0..23, got string"). Not for other callers.
#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/map_style.hpp"
#include "io/project_file.hpp"

namespace faro::io::project_detail {

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
  // Every key of `obj` must be in `allowed` (version-2 files are strict: a misspelt key fails).
  void only(const json& obj, std::span<const std::string_view> allowed,
            const std::string& where) const {
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
        fail(join(where, it.key().c_str()), "unknown key");
  }
  void only(const json& obj, std::initializer_list<std::string_view> allowed,
            const std::string& where) const {
    only(obj, std::span<const std::string_view>(allowed.begin(), allowed.size()), where);
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

// Version-1 files kept the map as "layers" (id, visible, opacity) plus separate "heatmap",
// "choropleth" and "points" objects; returns the equivalent style (project_json_v1.cpp).
MapStyle read_v1_style(const Reader& r, const json& j);

}  // namespace faro::io::project_detail
