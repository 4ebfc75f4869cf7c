#pragma once
// Shared by the libFuzzer targets in tests/fuzz (built with -DFARO_FUZZ=ON, see scripts/fuzz.sh).
// A reader's contract is: any bytes in, either a result or a faro::DataError / UsageError naming
// the file out. Those two are caught; anything else that escapes (another exception type, a
// sanitizer report, an abort) is a finding: libFuzzer stops and saves the input as crash-*.
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/errors.hpp"

namespace faro::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Puts the bytes into GDAL's in-memory file system under `name` (e.g. "/vsimem/fuzz.csv") so the
// readers that take a path read them without touching the disk.
inline void put_vsimem(const std::string& name, const uint8_t* data, size_t size) {
  VSILFILE* f = VSIFileFromMemBuffer(name.c_str(), const_cast<GByte*>(data),
                                     static_cast<vsi_l_offset>(size), /*bTakeOwnership=*/FALSE);
  if (f) VSIFCloseL(f);
}

// A real file for readers that use std::ifstream: one per process (fuzz workers run in parallel).
inline std::string scratch_file(const char* suffix) {
  return "/tmp/faro-fuzz-" + std::to_string(::getpid()) + suffix;
}

// GDAL's own error printing off: the fuzzer's output stays readable and fast.
inline void quiet_gdal() { CPLSetErrorHandler(CPLQuietErrorHandler); }

}  // namespace faro::fuzz
