#include "cli/lang_args.hpp"

#include <string>

#include "core/errors.hpp"

namespace faro::cli {

OptionSpec lang_option(const char* what) {
  return {"lang", "es|en",
          std::string("language of ") + what + " (default: the system locale, LANG)"};
}

std::optional<Language> chosen_language(const ParsedArgs& args, const char* command) {
  const auto code = args.get("lang");
  if (!code) return std::nullopt;
  Language lang = Language::es;
  if (!parse_language(*code, lang))
    throw UsageError(std::string("faro ") + command + ": --lang must be es or en, got '" + *code +
                     "'");
  return lang;
}

Language language_from_args(const ParsedArgs& args, const char* command) {
  return chosen_language(args, command).value_or(language_from_environment());
}

std::string file_notice(const DisclosurePolicy& policy, std::optional<Language> lang,
                        bool with_bandwidth) {
  return lang ? protection_footer(policy, *lang, with_bandwidth)
              : protection_footer_both(policy, with_bandwidth);
}

}  // namespace faro::cli

namespace faro::cli {

std::string tr_either(std::optional<Language> lang, Msg key) {
  if (lang) return tr(key, *lang);
  return std::string(tr(key, Language::es)) + " / " + tr(key, Language::en);
}

std::string synthetic_notice(std::optional<Language> lang) {
  return tr_either(lang, Msg::map_synthetic_stamp);
}

}  // namespace faro::cli
