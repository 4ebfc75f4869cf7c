// Incident loading at real scale: the 1.28 M-row FGJ CSV (gzip) through Faro's fast path (cold,
// cache disabled), a warm load (cache hit), GDAL's own CSV driver scanning the same /vsigzip/ file,
// and a GeoPackage of the same rows via Faro's Arrow path (also with PROJ for every point instead of
// the interpolation grid) and GDAL's raw Arrow stream.
//   bench_load --benchmark_filter='Gpkg|CsvGzCold'   (one process per figure for clean peak RSS)
// Counters: rows/s, bytes_per_incident (store.memory_bytes()/N), peak_rss_mb (getrusage; it is the
// process-wide peak, so run one benchmark per process with --benchmark_filter for clean figures),
// cpu_s_per_load (all threads; on a shared 2-core machine wall time depends on the neighbours).
// Skips (with an error message) when ../shared/data is absent.
#include <benchmark/benchmark.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_recordbatch.h>
#include <sys/resource.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"

namespace {
namespace fs = std::filesystem;

const std::string kCsvGz =
    std::string(FARO_SHARED_DATA) + "/cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz";
const std::string kVsiCsv = "/vsigzip/" + kCsvGz;
const fs::path kBenchDir = fs::temp_directory_path() / "faro-bench-load";
const std::string kGpkg = (kBenchDir / "fgj_todos_cdmx_2019_2024.gpkg").string();

// CPU seconds of the whole process (all threads), immune to how busy the other cores are.
double process_cpu_s() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

bool have_data(benchmark::State& state) {
  if (fs::exists(kCsvGz)) return true;
  state.SkipWithError(("shared data not found: " + kCsvGz + " (benchmark skipped)").c_str());
  return false;
}

// The benchmark's own cache directory, so "warm" means Faro's cache and nothing of the user's.
void use_bench_cache() {
  fs::create_directories(kBenchDir / "cache");
  ::setenv("FARO_CACHE_DIR", (kBenchDir / "cache").c_str(), 1);
}

faro::io::IncidentLoadResult faro_load(const std::string& source, bool use_cache) {
  faro::io::IncidentSourceOptions o;
  o.use_cache = use_cache;
  faro::io::IncidentLoadContext c;
  c.work_srs = "EPSG:32614";
  return faro::io::load_incidents(source, o, c);
}

void report(benchmark::State& state, int64_t rows, const faro::IncidentStore* store, double cpu0) {
  state.counters["cpu_s_per_load"] =
      (process_cpu_s() - cpu0) / static_cast<double>(state.iterations());
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  if (store && store->size() > 0)
    state.counters["bytes_per_incident"] =
        static_cast<double>(store->memory_bytes()) / static_cast<double>(store->size());
  state.counters["peak_rss_mb"] = peak_rss_mb();
}

// Creates the GeoPackage once (GDAL's VectorTranslate from the CSV), reused across runs.
bool ensure_gpkg(benchmark::State& state) {
  if (!have_data(state)) return false;
  faro::io::ensure_gdal();
  if (fs::exists(kGpkg)) return true;
  fs::create_directories(kBenchDir);
  const char* oo[] = {"X_POSSIBLE_NAMES=longitud", "Y_POSSIBLE_NAMES=latitud",
                      "AUTODETECT_TYPE=YES", nullptr};
  GDALDatasetH in =
      GDALOpenEx(kVsiCsv.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, oo, nullptr);
  const char* args[] = {"-f",   "GPKG",  "-a_srs", "EPSG:4326",
                        "-nln", "fgj",   "-lco",   "SPATIAL_INDEX=NO",
                        "-gt",  "65536", nullptr};
  GDALVectorTranslateOptions* opts =
      GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
  const std::string tmp = kGpkg + ".tmp.gpkg";
  GDALDatasetH out =
      in ? GDALVectorTranslate(tmp.c_str(), nullptr, 1, &in, opts, nullptr) : nullptr;
  GDALVectorTranslateOptionsFree(opts);
  if (in) GDALClose(in);
  if (!out) {
    state.SkipWithError("could not create the benchmark GeoPackage");
    return false;
  }
  GDALClose(out);
  fs::rename(tmp, kGpkg);
  return true;
}

void BM_FaroCsvGzCold(benchmark::State& state) {
  if (!have_data(state)) return;
  int64_t rows = 0;
  faro::IncidentStore last;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    last = faro::IncidentStore{};  // one store alive at a time, for the peak RSS
    auto r = faro_load(kVsiCsv, /*use_cache=*/false);
    rows = r.report.rows_loaded;
    last = std::move(r.store);
  }
  report(state, rows, &last, cpu0);
}

// The same rows from an uncompressed copy (written once next to the GeoPackage, not timed): the
// cold gzip load minus this is what inflating costs the loader (issue 21 item 7; with
// inflate_bench's figures for zlib and libdeflate alone).
void BM_FaroCsvPlainCold(benchmark::State& state) {
  if (!have_data(state)) return;
  const std::string plain = (kBenchDir / "fgj_todos_cdmx_2019_2024.csv").string();
  if (!fs::exists(plain)) {
    fs::create_directories(kBenchDir);
    gzFile in = gzopen(kCsvGz.c_str(), "rb");
    std::FILE* out = std::fopen((plain + ".tmp").c_str(), "wb");
    std::vector<char> buf(size_t{1} << 20);
    for (int got;
         in && out && (got = gzread(in, buf.data(), static_cast<unsigned>(buf.size()))) > 0;)
      std::fwrite(buf.data(), 1, static_cast<size_t>(got), out);
    if (in) gzclose(in);
    if (out) std::fclose(out);
    fs::rename(plain + ".tmp", plain);
  }
  int64_t rows = 0;
  faro::IncidentStore last;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    last = faro::IncidentStore{};
    auto r = faro_load(plain, /*use_cache=*/false);
    rows = r.report.rows_loaded;
    last = std::move(r.store);
  }
  report(state, rows, &last, cpu0);
}

void BM_FaroCsvGzWarmCache(benchmark::State& state) {
  if (!have_data(state)) return;
  use_bench_cache();
  faro_load(kVsiCsv, true);  // fills the cache (not timed)
  int64_t rows = 0;
  faro::IncidentStore last;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    last = faro::IncidentStore{};
    auto r = faro_load(kVsiCsv, true);
    if (r.report.method != "cache") state.SkipWithError("expected a cache hit");
    rows = r.report.rows_loaded;
    last = std::move(r.store);
  }
  report(state, rows, &last, cpu0);
}

// GDAL's CSV driver over the same /vsigzip/ stream: points from the coordinate columns and the
// three attribute fields read per feature (no reprojection, no validation: a lower bound for it).
void BM_GdalCsvDriverScan(benchmark::State& state) {
  if (!have_data(state)) return;
  faro::io::ensure_gdal();
  int64_t rows = 0;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    const char* oo[] = {"X_POSSIBLE_NAMES=longitud", "Y_POSSIBLE_NAMES=latitud", nullptr};
    GDALDatasetH ds =
        GDALOpenEx(kVsiCsv.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, oo, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int f_date = OGR_FD_GetFieldIndex(defn, "fecha_hecho");
    const int f_time = OGR_FD_GetFieldIndex(defn, "hora_hecho");
    const int f_cat = OGR_FD_GetFieldIndex(defn, "delito");
    rows = 0;
    double checksum = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
      if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) checksum += OGR_G_GetX(g, 0);
      checksum += static_cast<double>(std::strlen(OGR_F_GetFieldAsString(f, f_date)) +
                                      std::strlen(OGR_F_GetFieldAsString(f, f_time)) +
                                      std::strlen(OGR_F_GetFieldAsString(f, f_cat)));
      OGR_F_Destroy(f);
      ++rows;
    }
    benchmark::DoNotOptimize(checksum);
    GDALClose(ds);
  }
  report(state, rows, nullptr, cpu0);
}

void BM_FaroGpkgArrow(benchmark::State& state) {
  if (!ensure_gpkg(state)) return;
  int64_t rows = 0;
  faro::IncidentStore last;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    last = faro::IncidentStore{};
    auto r = faro_load(kGpkg, false);
    if (r.report.method != "arrow") state.SkipWithError("expected the Arrow path");
    rows = r.report.rows_loaded;
    last = std::move(r.store);
  }
  report(state, rows, &last, cpu0);
}

// The same with PROJ for every point (FARO_EXACT_REPROJECTION=1: io/reproject_grid.hpp's
// interpolation off), to show what the grid saves.
void BM_FaroGpkgArrowExactProj(benchmark::State& state) {
  if (!ensure_gpkg(state)) return;
  ::setenv("FARO_EXACT_REPROJECTION", "1", 1);
  int64_t rows = 0;
  faro::IncidentStore last;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    last = faro::IncidentStore{};
    auto r = faro_load(kGpkg, false);
    rows = r.report.rows_loaded;
    last = std::move(r.store);
  }
  report(state, rows, &last, cpu0);
  ::unsetenv("FARO_EXACT_REPROJECTION");
}

// GDAL's raw Arrow stream of the same GeoPackage, restricted to the fields Faro reads.
void BM_GdalGpkgRawArrow(benchmark::State& state) {
  if (!ensure_gpkg(state)) return;
  int64_t rows = 0;
  const double cpu0 = process_cpu_s();
  for (auto _ : state) {
    GDALDatasetH ds =
        GDALOpenEx(kGpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds) {
      state.SkipWithError("cannot open the benchmark GeoPackage");
      return;
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    const char* ignored[] = {"id",      "anio",    "trimestre", "alcaldia_hecho",
                             "colonia", "latitud", "longitud",  nullptr};
    OGR_L_SetIgnoredFields(layer, ignored);
    ArrowArrayStream stream{};
    const char* opts[] = {"INCLUDE_FID=NO", "MAX_FEATURES_IN_BATCH=65536", nullptr};
    rows = 0;
    if (OGR_L_GetArrowStream(layer, &stream, const_cast<char**>(opts))) {
      for (;;) {
        ArrowArray batch{};
        if (stream.get_next(&stream, &batch) != 0 || !batch.release) break;
        rows += batch.length;
        batch.release(&batch);
      }
      stream.release(&stream);
    }
    GDALClose(ds);
  }
  report(state, rows, nullptr, cpu0);
}

BENCHMARK(BM_FaroCsvGzCold)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_FaroCsvPlainCold)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_FaroCsvGzWarmCache)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);
BENCHMARK(BM_GdalCsvDriverScan)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK(BM_FaroGpkgArrow)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_FaroGpkgArrowExactProj)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_GdalGpkgRawArrow)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
