// libFuzzer target: the program rollout table reader (io/program_loader.hpp) on CSV bytes
// (program,sector,start[,end]), read through GDAL's CSV driver from an in-memory file.
#include "fuzz_support.hpp"
#include "io/gdal_env.hpp"
#include "io/program_loader.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  faro::io::ensure_gdal();
  faro::fuzz::quiet_gdal();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = "/vsimem/fuzz_programs.csv";
  faro::fuzz::put_vsimem(path, data, size);
  try {
    (void)faro::io::load_programs(path);
  } catch (const faro::DataError&) {
  } catch (const faro::UsageError&) {
  }
  VSIUnlink(path.c_str());
  return 0;
}
