#include "core/localized_error.hpp"

namespace faro {

std::string fill_message(Msg key, Language lang, const std::vector<MessageArg>& args) {
  std::string out = tr(key, lang);
  size_t from = 0;
  for (const MessageArg& arg : args) {
    const std::string a = arg.in(lang);
    const size_t at = out.find("%s", from);
    if (at == std::string::npos) break;
    out.replace(at, 2, a);
    from = at + a.size();
  }
  return out;
}

LocalizedError::LocalizedError(Msg k, std::vector<MessageArg> a)
    : DataError(fill_message(k, Language::en, a)), key(k), args(std::move(a)) {}

std::string LocalizedError::text(Language lang) const {
  return fill_message(key, lang, args);
}

std::string error_text(const std::exception& e, Language lang) {
  if (const auto* l = dynamic_cast<const LocalizedError*>(&e)) return l->text(lang);
  // Usage errors are the dashboard's own checks, several already said in the UI language (the
  // partner rules, core/partner_query.hpp): shown as they are.
  if (lang == Language::en || dynamic_cast<const UsageError*>(&e)) return e.what();
  return fill_message(Msg::err_detail, lang, {e.what()});
}

}  // namespace faro
