#pragma once
// Small text helpers shared by the CSV writers in core (weekly brief, its partner-safe variant).
#include <cstdio>
#include <string>

namespace faro {

// RFC 4180 field: quoted (with doubled quotes) only when it holds a comma, quote or line break.
inline std::string csv_quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) {
    if (ch == '"') q += '"';
    q += ch;
  }
  return q + "\"";
}

// `v` with `decimals` digits after the point; never "-0.0" (no negative zero in a file).
inline std::string fixed_decimals(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

}  // namespace faro
