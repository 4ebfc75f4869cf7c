#include "io/gdal_env.hpp"

#include "core/redact.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>
#include <regex>

namespace faro::io {

void CplFree::operator()(char* p) const { CPLFree(p); }

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Never write side files next to user data: no .aux.xml from PAM, no rebuilt .shx.
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    CPLSetConfigOption("SHAPE_RESTORE_SHX", "NO");
    // A CSV with many rows should not be scanned twice just to guess types.
    CPLSetConfigOption("OGR_CSV_AUTODETECT_MAX_BYTES", nullptr);
  });
}

struct GdalCaptureAccess {
  static void CPL_STDCALL handler(CPLErr cls, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalMessageCapture*>(CPLGetErrorHandlerUserData());
    if (!self) return;
    if (cls == CE_Warning) self->warnings_.emplace_back(msg ? msg : "");
    else if (cls >= CE_Failure) self->errors_.emplace_back(msg ? msg : "");
  }
};

GdalMessageCapture::GdalMessageCapture() {
  ensure_gdal();
  // Per-thread handler stack: captures only what this thread's GDAL calls say.
  CPLPushErrorHandlerEx(&GdalCaptureAccess::handler, this);
}

GdalMessageCapture::~GdalMessageCapture() { CPLPopErrorHandler(); }

std::string redact_source(const std::string& source) { return redact_credentials(source); }

}  // namespace faro::io
