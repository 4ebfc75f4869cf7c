// libFuzzer target: the project file reader (io/project_json_read.cpp via project_from_json):
// JSON parsing, version-1 and version-2 layouts, styles, dates and paths relative to the folder.
#include "fuzz_support.hpp"
#include "io/project_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    faro::Session s =
        faro::io::project_from_json(faro::fuzz::as_text(data, size), "/tmp/faro-fuzz", "fuzz.faro");
    // A project that reads must also write back (the dashboard saves what it opened).
    (void)faro::io::project_to_json(s, "/tmp/faro-fuzz", nullptr);
  } catch (const faro::DataError&) {
  } catch (const faro::UsageError&) {
  }
  return 0;
}
