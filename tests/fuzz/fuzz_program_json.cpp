// libFuzzer target: the hand-written program file reader (io/program_json_loader.hpp). It reads
// with std::ifstream, so the bytes go to a scratch file of this process first.
#include <cstdio>

#include "fuzz_support.hpp"
#include "io/program_json_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = faro::fuzz::scratch_file("-programs.json");
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  try {
    (void)faro::io::load_programs_json(path);
  } catch (const faro::DataError&) {
  } catch (const faro::UsageError&) {
  }
  return 0;
}
