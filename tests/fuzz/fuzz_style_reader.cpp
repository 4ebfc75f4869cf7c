// libFuzzer target: the map style and layer preset reader (io/map_style_json_read.cpp). A style
// that reads must write back and read again to the same JSON (the style editor round-trips).
#include <cstdlib>

#include "fuzz_support.hpp"
#include "io/map_style_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = faro::fuzz::as_text(data, size);
  try {
    const faro::MapStyle style = faro::io::style_from_json(text, "fuzz.json");
    const std::string once = faro::io::style_to_json(style);
    const std::string twice = faro::io::style_to_json(faro::io::style_from_json(once, "again.json"));
    if (once != twice) std::abort();
  } catch (const faro::DataError&) {
  } catch (const faro::UsageError&) {
  }
  try {
    const faro::StyleLayer layer = faro::io::layer_from_json(text, "fuzz.json");
    (void)faro::io::layer_to_json(layer);
  } catch (const faro::DataError&) {
  } catch (const faro::UsageError&) {
  }
  return 0;
}
