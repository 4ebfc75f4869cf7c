// libFuzzer target: the whole CSV fast path (io/csv_fast_reader.hpp): header, delimiter and
// column detection, record splitting across chunks, coordinate/date/time decoding, Latin-1
// transcoding and the load report. The bytes are an in-memory GDAL file; no cache is written.
#include "fuzz_support.hpp"
#include "io/csv_fast_reader.hpp"
#include "io/gdal_env.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  faro::io::ensure_gdal();
  faro::fuzz::quiet_gdal();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = "/vsimem/fuzz_incidents.csv";
  faro::fuzz::put_vsimem(path, data, size);
  faro::io::IncidentSourceOptions options;
  options.use_cache = false;
  // The last byte picks the date order, so both day-first and month-first paths are reached.
  options.date_order = size > 0 && (data[size - 1] & 1) ? faro::DateOrder::mdy : faro::DateOrder::dmy;
  faro::io::IncidentLoadContext context;
  context.work_srs = "EPSG:32614";  // UTM 14N, the CDMX working CRS
  try {
    faro::io::CsvHeader header = faro::io::read_csv_header(path, "fuzz.csv");
    (void)header;
    faro::io::IncidentLoadResult out;
    faro::io::load_csv_fast(path, "fuzz.csv", options, context, out);
  } catch (const faro::DataError&) {
  } catch (const faro::UsageError&) {
  }
  VSIUnlink(path.c_str());
  return 0;
}
