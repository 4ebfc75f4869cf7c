#pragma once
// GDAL process setup and per-thread capture of GDAL errors/warnings into a LoadReport, so nothing
// GDAL says is printed and lost. GDAL types stay out of this header.
#include <memory>
#include <string>
#include <vector>

namespace faro::io {

// Registers drivers once (thread-safe) and sets options Faro relies on: read-only opening, no
// .aux.xml/.shx side files written next to user data (SHAPE_RESTORE_SHX stays NO).
void ensure_gdal();

// Owns a string GDAL allocated (OSRExportToWkt...) and releases it with CPLFree on every path.
// GDAL 3.6 declares its own CPLCharUniquePtr only when building GDAL itself.
struct CplFree {
  void operator()(char* p) const;
};
using CplString = std::unique_ptr<char, CplFree>;

// RAII: while alive, GDAL CE_Warning/CE_Failure messages raised on this thread are collected here
// instead of going to stderr.
class GdalMessageCapture {
 public:
  GdalMessageCapture();
  ~GdalMessageCapture();
  GdalMessageCapture(const GdalMessageCapture&) = delete;
  GdalMessageCapture& operator=(const GdalMessageCapture&) = delete;
  const std::vector<std::string>& warnings() const { return warnings_; }
  const std::vector<std::string>& errors() const { return errors_; }
  // Last error text, or "" (for composing DataError messages).
  std::string last_error() const { return errors_.empty() ? std::string() : errors_.back(); }

 private:
  friend struct GdalCaptureAccess;
  std::vector<std::string> warnings_;
  std::vector<std::string> errors_;
};

// "PG:dbname=x password=secret" -> "PG:dbname=x password=***" for reports and project files.
std::string redact_source(const std::string& source);

}  // namespace faro::io
