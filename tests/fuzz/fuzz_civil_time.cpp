// libFuzzer target: the date and time parsers (core/civil_time.hpp). Besides not crashing, an
// accepted date must format and parse back to the same instant, and stay in the documented years.
#include <cstdlib>

#include "core/civil_time.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = faro::fuzz::as_text(data, size);
  for (faro::DateOrder order : {faro::DateOrder::dmy, faro::DateOrder::mdy}) {
    faro::CivilSeconds t = 0;
    bool has_time = false;
    if (faro::parse_datetime(text, order, t, &has_time) != faro::DateParseStatus::ok) continue;
    const faro::CivilDate d = faro::civil_from_days(faro::days_of(t));
    if (d.y < 1900 || d.y > 2100) std::abort();
    faro::CivilSeconds back = 0;
    if (faro::parse_datetime(faro::format_datetime(t), order, back) != faro::DateParseStatus::ok ||
        back != t)
      std::abort();
  }
  int seconds = 0;
  if (faro::parse_time_of_day(text, seconds) == faro::DateParseStatus::ok &&
      (seconds < 0 || seconds >= 86400))
    std::abort();
  try {
    (void)faro::parse_cli_date(text, "--from");
  } catch (const faro::UsageError&) {
  }
  return 0;
}
