// Session helpers: the UI language from the environment.
#include "core/session.hpp"

#include <cstdlib>

namespace faro {
Language language_from_environment() {
  // POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set and non-empty decides.
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (!v || !*v) continue;
    const std::string_view value(v);
    return value.substr(0, 2) == "en" ? Language::en : Language::es;
  }
  return Language::es;
}

}  // namespace faro
