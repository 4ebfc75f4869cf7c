#include "core/redact.hpp"

#include <cctype>

namespace faro {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Case-insensitive "password" at `at`.
bool password_key_at(const std::string& s, size_t at) {
  static constexpr std::string_view kKey = "password";
  if (at + kKey.size() > s.size()) return false;
  for (size_t i = 0; i < kKey.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != kKey[i]) return false;
  return true;
}

// key=value form (libpq, ODBC, URI query): the value after "password\s*=\s*", quoted or up to the
// next blank. Over-redacting (a URI's following parameters) is safe; leaking is not.
void redact_key_values(std::string& s) {
  for (size_t pos = 0; pos < s.size(); ++pos) {
    if (!password_key_at(s, pos)) continue;
    size_t eq = pos + 8;
    while (eq < s.size() && is_space(s[eq])) ++eq;
    if (eq >= s.size() || s[eq] != '=') continue;
    size_t start = eq + 1;
    while (start < s.size() && is_space(s[start])) ++start;
    size_t end = start;
    if (end < s.size() && (s[end] == '\'' || s[end] == '"')) {  // quoted: to the closing quote
      const char quote = s[end];
      end = start + 1;
      while (end < s.size() && s[end] != quote) end += s[end] == '\\' ? 2 : 1;
      end = std::min(s.size(), end + 1);
    } else {
      while (end < s.size() && !is_space(s[end]) && s[end] != '\'' && s[end] != '"') ++end;
    }
    s.replace(start, end - start, "***");
    pos = start + 2;
  }
}

// scheme://user:secret@host: the part between the first ':' after "://" and the last '@' of the
// authority (a password may itself contain '@' when not percent-encoded).
void redact_uri_userinfo(std::string& s) {
  for (size_t pos = s.find("://"); pos != std::string::npos; pos = s.find("://", pos + 3)) {
    const size_t auth = pos + 3;
    size_t auth_end = auth;
    while (auth_end < s.size() && s[auth_end] != '/' && s[auth_end] != '?' && s[auth_end] != '#' &&
           !is_space(s[auth_end]) && s[auth_end] != '\'' && s[auth_end] != '"')
      ++auth_end;
    const size_t at = s.rfind('@', auth_end == 0 ? 0 : auth_end - 1);
    if (at == std::string::npos || at < auth) continue;
    const size_t colon = s.find(':', auth);
    if (colon == std::string::npos || colon > at) continue;  // user only, no password
    s.replace(colon + 1, at - colon - 1, "***");
  }
}

}  // namespace

std::string redact_credentials(std::string_view text) {
  std::string s(text);
  redact_uri_userinfo(s);
  redact_key_values(s);
  return s;
}

}  // namespace faro
