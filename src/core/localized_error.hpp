#pragma once
// A DataError a person may read in the dashboard: a catalogue key and its text arguments, so the
// dashboard says it in the UI language (one language per message) while what() stays English
// for the command line and logs. Arguments are file names and the like, substituted for the
// key's %s in order (never printf: a path may hold '%').
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/messages.hpp"

namespace faro {

// One argument: a text as it is (a file name) or a catalogue word said in the message's language.
struct MessageArg {
  MessageArg(std::string t) : text(std::move(t)) {}
  MessageArg(const char* t) : text(t) {}
  MessageArg(Msg k) : key(k) {}
  std::string in(Language lang) const { return key == Msg::count_ ? text : tr(key, lang); }

  std::string text;
  Msg key = Msg::count_;
};

struct LocalizedError : DataError {
  LocalizedError(Msg key, std::vector<MessageArg> args);
  std::string text(Language lang) const;

  Msg key;
  std::vector<MessageArg> args;
};

// The key's text with each %s replaced by the next argument.
std::string fill_message(Msg key, Language lang, const std::vector<MessageArg>& args);

// What the dashboard shows for `e` in `lang`: a LocalizedError in that language; a UsageError as
// it is (the dashboard's own checks, the partner rules among them, are said in the UI language);
// any other error (GDAL's, the system's, which speak only English) as it is in English, and in
// Spanish quoted as an untranslated technical error, so no sentence mixes the two unmarked.
std::string error_text(const std::exception& e, Language lang);

}  // namespace faro
