#pragma once
// One message catalogue for every word a person sees: the dashboard, maps and legends, the
// printed brief, CSV and GeoJSON notices, evaluation sentences and errors, in Spanish and
// English. Core computes enums and numbers; the edges (ui, render, cli, io's reports) turn them
// into sentences through tr() / tr_format().
//
// Keys come from one X-macro table per area (messages_ui.hpp, messages_report.hpp,
// messages_map.hpp), each row X(key, Spanish, English), joined into one enum here: a key can
// never exist in one language only, and the tests check that no text is empty and that the
// two languages differ where they should. Texts are UTF-8; format strings use printf
// conventions (%s, %d, %zu, %lld; %% for a percent sign).
#include <cstddef>
#include <string>
#include <string_view>

#include "core/messages_map.hpp"
#include "core/messages_report.hpp"
#include "core/messages_ui.hpp"
// Language lives in core/session.hpp (the session saves it); the catalogue only reads it.
#include "core/language.hpp"

namespace faro {

// The areas in enum order. The first four are drawn by the dashboard, so their texts stay within
// its font atlas (Latin-1 plus a few marks, ui/ui_fonts.hpp); page and map texts are drawn by
// cairo with the full DejaVu fonts.
#define FARO_MSG_ALL(X) \
  FARO_MSG_UI(X) FARO_MSG_BRIEF(X) FARO_MSG_EVAL(X) FARO_MSG_APP(X) FARO_MSG_PAGE(X) FARO_MSG_MAP(X)
enum class MsgArea { ui, brief, eval, app, page, map };

enum class Msg {
#define FARO_MSG_ENUM(key, es, en) key,
  FARO_MSG_ALL(FARO_MSG_ENUM)
#undef FARO_MSG_ENUM
      count_
};

constexpr size_t kMsgCount = static_cast<size_t>(Msg::count_);

// The text of `key` in `lang`. Never null, never empty.
const char* tr(Msg key, Language lang);
// The key's identifier ("menu_file"), for tests and diagnostics.
const char* msg_id(Msg key);
// Looks a key up by its identifier; Msg::count_ when unknown.
Msg msg_from_id(std::string_view id);
// tr() by identifier; returns the identifier itself when unknown (visible, never a crash).
const char* tr(std::string_view id, Language lang);

MsgArea msg_area(Msg key);

// printf into the key's text: tr_format(lang, Msg::load_sectors, path.c_str()). The arguments
// must match the conversions of both languages' texts (the tests check they agree).
std::string tr_format(Language lang, Msg key, ...);

// "es" / "en", and back: "en" (or "en_US...") is English, anything else Spanish.
const char* language_code(Language lang);
Language language_from_code(std::string_view code);
// Parses a --lang value into `out`; false (out unchanged) unless it is "es" or "en".
bool parse_language(std::string_view code, Language& out);

}  // namespace faro
