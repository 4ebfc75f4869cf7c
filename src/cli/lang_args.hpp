#pragma once
// `--lang es|en`, shared by every command that writes something a person reads (brief,
// hotspots, evaluate, export notices, dashboard): one option spec and one parser, so the
// commands agree on the spelling, the default and the error message.
#include <optional>
#include <string>

#include "cli/args.hpp"
#include "core/disclosure.hpp"
#include "core/messages.hpp"

namespace faro::cli {

// The --lang option for `spec.options`; `what` says what it changes ("the page", "notices").
OptionSpec lang_option(const char* what);

// --lang when given, else the environment's language (LC_ALL, LC_MESSAGES, LANG: Spanish unless
// it starts with "en"). Throws UsageError naming the command for anything but es or en.
Language language_from_args(const ParsedArgs& args, const char* command);
// --lang only when given (validated as above); std::nullopt when absent.
std::optional<Language> chosen_language(const ParsedArgs& args, const char* command);

// The protection notice written into files (CSV first line, GeoJSON/GeoPackage description): in
// the chosen language, or both ("es / en") when --lang was not given, since such files travel
// between partners who read either.
std::string file_notice(const DisclosurePolicy& policy, std::optional<Language> lang,
                        bool with_bandwidth = false);
// "DATOS SINTÉTICOS" / "SYNTHETIC DATA", or both joined by " / " when --lang was not given.
std::string synthetic_notice(std::optional<Language> lang);
// A catalogue text in the chosen language, or "es / en" when --lang was not given (the maps and
// files that have always been bilingual stay so by default).
std::string tr_either(std::optional<Language> lang, Msg key);

}  // namespace faro::cli
