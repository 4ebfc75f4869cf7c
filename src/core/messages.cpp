#include "core/messages.hpp"

#include <array>
#include <cstdarg>
#include <cstdio>

namespace faro {
namespace {

struct Entry {
  const char* id;
  const char* es;
  const char* en;
};

constexpr std::array<Entry, kMsgCount> kTable{{
#define FARO_MSG_ENTRY(key, es, en) {#key, es, en},
    FARO_MSG_ALL(FARO_MSG_ENTRY)
#undef FARO_MSG_ENTRY
}};

#define FARO_MSG_ONE(key, es, en) +1
constexpr size_t kAreaEnd[] = {
    0 FARO_MSG_UI(FARO_MSG_ONE),
    0 FARO_MSG_UI(FARO_MSG_ONE) FARO_MSG_BRIEF(FARO_MSG_ONE),
    0 FARO_MSG_UI(FARO_MSG_ONE) FARO_MSG_BRIEF(FARO_MSG_ONE) FARO_MSG_EVAL(FARO_MSG_ONE),
    0 FARO_MSG_UI(FARO_MSG_ONE) FARO_MSG_BRIEF(FARO_MSG_ONE) FARO_MSG_EVAL(FARO_MSG_ONE)
        FARO_MSG_APP(FARO_MSG_ONE),
    0 FARO_MSG_UI(FARO_MSG_ONE) FARO_MSG_BRIEF(FARO_MSG_ONE) FARO_MSG_EVAL(FARO_MSG_ONE)
        FARO_MSG_APP(FARO_MSG_ONE) FARO_MSG_PAGE(FARO_MSG_ONE),
    kMsgCount};
#undef FARO_MSG_ONE

}  // namespace

MsgArea msg_area(Msg key) {
  const size_t i = static_cast<size_t>(key);
  int area = 0;
  while (area < 5 && i >= kAreaEnd[area]) ++area;
  return static_cast<MsgArea>(area);
}

const char* tr(Msg key, Language lang) {
  const size_t i = static_cast<size_t>(key);
  if (i >= kMsgCount) return "?";
  return lang == Language::en ? kTable[i].en : kTable[i].es;
}

const char* msg_id(Msg key) {
  const size_t i = static_cast<size_t>(key);
  return i < kMsgCount ? kTable[i].id : "count_";
}

Msg msg_from_id(std::string_view id) {
  for (size_t i = 0; i < kMsgCount; ++i)
    if (id == kTable[i].id) return static_cast<Msg>(i);
  return Msg::count_;
}

const char* tr(std::string_view id, Language lang) {
  const Msg key = msg_from_id(id);
  if (key == Msg::count_) {
    // Unknown ids show up as themselves so a typo is visible on screen instead of blank.
    static thread_local std::string unknown;
    unknown.assign(id);
    return unknown.c_str();
  }
  return tr(key, lang);
}

std::string tr_format(Language lang, Msg key, ...) {
  const char* fmt = tr(key, lang);
  va_list args;
  va_start(args, key);
  va_list again;
  va_copy(again, args);
  // The format is a catalogue entry, never user input: the tests check both languages' texts
  // take the same conversions, which is what the compiler could not check here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  const int n = std::vsnprintf(nullptr, 0, fmt, args);
  std::string out(n > 0 ? static_cast<size_t>(n) : 0, '\0');
  if (n > 0) std::vsnprintf(out.data(), out.size() + 1, fmt, again);
#pragma GCC diagnostic pop
  va_end(again);
  va_end(args);
  return out;
}

const char* language_code(Language lang) {
  return lang == Language::en ? "en" : "es";
}

Language language_from_code(std::string_view code) {
  return code.substr(0, 2) == "en" ? Language::en : Language::es;
}

bool parse_language(std::string_view code, Language& out) {
  if (code == "es")
    out = Language::es;
  else if (code == "en")
    out = Language::en;
  else
    return false;
  return true;
}

}  // namespace faro
