// libFuzzer target: the date and time parsers (core/civil_time.hpp). Besides not crashing, an
// accepted date must format and parse back to the same instant, and stay in the documented years.
// "24:00" (ISO 8601's end of day) is accepted: it is the next midnight, so "2100-12-31 24:00" is
// the one instant past 2100.
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
    const bool end_of_2100 = t == faro::days_from_civil(2101, 1, 1) * faro::kSecondsPerDay;
    if (end_of_2100) continue;
    if (d.y < 1900 || d.y > 2100) std::abort();
    faro::CivilSeconds back = 0;
    if (faro::parse_datetime(faro::format_datetime(t), order, back) != faro::DateParseStatus::ok ||
        back != t)
      std::abort();
  }
  int seconds = 0;
  if (faro::parse_time_of_day(text, seconds) == faro::DateParseStatus::ok &&
      (seconds < 0 || seconds > 86400))  // 86400: "24:00"
    std::abort();
  try {
    (void)faro::parse_cli_date(text, "--from");
  } catch (const faro::UsageError&) {
  }
  return 0;
}
