#pragma once
// Helpers shared by the incident loader tests: a private cache directory per test, GDAL format
// conversion for building fixtures, and small accessors on the store.
#include <gdal.h>
#include <gdal_utils.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"
#include "test_support.hpp"

namespace faro_test {

// Points FARO_CACHE_DIR at a temporary directory for the fixture's lifetime, so tests never touch
// the user's cache and always start cold.
class IncidentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = std::getenv("FARO_CACHE_DIR");
    if (old) old_cache_ = old;
    ::setenv("FARO_CACHE_DIR", cache_.path().c_str(), 1);
    faro::io::ensure_gdal();
  }
  void TearDown() override {
    if (old_cache_)
      ::setenv("FARO_CACHE_DIR", old_cache_->c_str(), 1);
    else
      ::unsetenv("FARO_CACHE_DIR");
  }

  faro::io::IncidentLoadResult load(const std::string& path, faro::io::IncidentSourceOptions o = {},
                                    const std::string& work_srs = "EPSG:4326") {
    faro::io::IncidentLoadContext c;
    c.work_srs = work_srs;
    return faro::io::load_incidents(path, o, c);
  }

  TempDir dir_;
  TempDir cache_;

 private:
  std::optional<std::string> old_cache_;
};

// Converts `src` to `dst` with GDALVectorTranslate; `args` as on the ogr2ogr command line.
inline bool translate(const std::string& src, const std::string& dst, std::vector<std::string> args,
                      std::vector<std::string> open_options = {}) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<const char*> oo;
  for (const std::string& o : open_options) oo.push_back(o.c_str());
  oo.push_back(nullptr);
  GDALDatasetH in =
      GDALOpenEx(src.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, oo.data(), nullptr);
  if (!in) return false;
  GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
  int usage_error = 0;
  GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, opts, &usage_error);
  GDALVectorTranslateOptionsFree(opts);
  GDALClose(in);
  if (!out) return false;
  GDALClose(out);
  return true;
}

inline int year_of(faro::CivilSeconds t) {
  return faro::civil_from_days(faro::days_of(t)).y;
}

inline std::string category_of(const faro::IncidentStore& s, size_t i) {
  return s.categories.name(s.category[i]);
}

inline bool has_note_containing(const faro::LoadReport& r, const std::string& text) {
  for (const faro::LoadNote& n : r.notes)
    if (faro::format_note(n, faro::Language::en).find(text) != std::string::npos) return true;
  return false;
}

}  // namespace faro_test
