#include "ui/presentation_text.hpp"

#include <cctype>
#include <filesystem>

#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

const char* month_name(unsigned month, Language lang) {
  // The catalogue's month keys are consecutive (core/messages_report.hpp).
  return tr(static_cast<Msg>(static_cast<int>(Msg::month_jan) + static_cast<int>(month) - 1), lang);
}

// UTF-8 two-byte capitals of Latin-1 (U+00C0..U+00DE but the multiplication sign) are C3 80..9E;
// their small letters are 0x20 further on.
bool latin1_capital(unsigned char lead, unsigned char next) {
  return lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97;
}
bool latin1_small(unsigned char lead, unsigned char next) {
  return lead == 0xC3 && next >= 0xA0 && next <= 0xBF && next != 0xB7;
}

// The first letter in capitals (ASCII or a Latin-1 small letter such as "á").
std::string upper_first(std::string s) {
  if (s.empty()) return s;
  const auto c = static_cast<unsigned char>(s[0]);
  if (s.size() > 1 && latin1_small(c, static_cast<unsigned char>(s[1])))
    s[1] = static_cast<char>(static_cast<unsigned char>(s[1]) - 0x20);
  else
    s[0] = static_cast<char>(std::toupper(c));
  return s;
}

}  // namespace

std::string format_long_date(CivilSeconds t, Language lang) {
  const CivilDate d = civil_from_days(days_of(t));
  return std::to_string(d.d) + " " + month_name(static_cast<unsigned>(d.m), lang) + " " + std::to_string(d.y);
}

std::string format_period(CivilSeconds from, CivilSeconds to_exclusive, Language lang) {
  if (to_exclusive <= from) return "";
  const int64_t first = days_of(from);
  const int64_t last = days_of(to_exclusive - 1);  // a whole-day range ends the day before
  if (last <= first) return format_long_date(from, lang);
  const CivilDate a = civil_from_days(first), b = civil_from_days(last);
  // One year: the year is said once, at the end.
  const std::string start = a.y == b.y
                                ? std::to_string(a.d) + " " + month_name(static_cast<unsigned>(a.m), lang)
                                : format_long_date(from, lang);
  return start + " – " + format_long_date(last * kSecondsPerDay, lang);
}

std::string presentation_period(const Workspace& ws, const FilterState& filter, Language lang) {
  return format_period(filter.from.value_or(ws.data_from),
                       filter.to_exclusive.value_or(ws.data_to_exclusive), lang);
}

std::string readable_category(const std::string& name) {
  bool capital = false;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const auto next = i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
    if (std::islower(c) || latin1_small(c, next)) return name;  // already mixed case
    if (std::isupper(c) || latin1_capital(c, next)) capital = true;
  }
  if (!capital) return name;
  std::string out = name;
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    if (std::isupper(c)) {
      out[i] = static_cast<char>(std::tolower(c));
    } else if (latin1_capital(c, next)) {
      out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string presentation_offences(const FilterState& filter, Language lang) {
  const auto& names = filter.categories;
  if (names.empty()) return tr(Msg::presentation_offences_all, lang);
  if (names.size() > kMaxNamedOffences)
    return tr_format(lang, Msg::presentation_offences_n, static_cast<int>(names.size()));
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? tr(Msg::presentation_and, lang) : ", ";
    out += names[i].empty() ? tr(Msg::no_category, lang) : readable_category(names[i]);
  }
  return upper_first(out);  // one sentence: "Homicidio por arma de fuego y disparos de ..."
}

std::string presentation_title(const Workspace& ws, const Session& session) {
  if (!session.title.empty()) return session.title;
  if (ws.synthetic || ws.title.empty()) return workspace_title(ws, session.language);
  if (ws.title.rfind("PG:", 0) == 0) return ws.title;  // a connection string has no file name
  // The file name without its extension (".csv.gz" too), in words.
  const std::filesystem::path file(ws.title);
  std::filesystem::path stem = file.stem();
  if (file.extension() == ".gz" || file.extension() == ".zip") stem = stem.stem();
  std::string words = stem.string();
  for (char& c : words)
    if (c == '_' || c == '-') c = ' ';
  return upper_first(words);
}

std::string presentation_subtitle(const Workspace& ws, const FilterState& filter, Language lang) {
  const std::string period = presentation_period(ws, filter, lang);
  const std::string offences = presentation_offences(filter, lang);
  return period.empty() ? offences : offences + " · " + period;
}

}  // namespace faro::ui
