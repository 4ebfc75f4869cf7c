#include "io/png_writer.hpp"

#include <cpl_string.h>
#include <gdal.h>

#include <memory>

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {
struct DatasetCloser {
  void operator()(GDALDatasetH ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;
}  // namespace

void write_png_rgba(const std::string& path, std::span<const uint8_t> rgba, int width, int height,
                    const PngOptions& options) {
  if (width <= 0 || height <= 0 ||
      rgba.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 4)
    throw UsageError("write_png_rgba: buffer of " + std::to_string(rgba.size()) + " bytes is not " +
                     std::to_string(width) + "x" + std::to_string(height) + " RGBA for " + path);
  GdalMessageCapture capture;  // ensures GDAL is registered; keeps driver messages off stderr
  GDALDriverH mem = GDALGetDriverByName("MEM");
  GDALDriverH png = GDALGetDriverByName("PNG");
  if (!mem || !png) throw DataError("cannot write " + path + ": GDAL has no MEM or PNG driver");

  // The MEM dataset has no geotransform or SRS, so the PNG gets neither (and no world file).
  Dataset src(GDALCreate(mem, "", width, height, 4, GDT_Byte, nullptr));
  if (!src) throw DataError("cannot write " + path + ": " + capture.last_error());
  // Interleaved RGBA in, one band per channel out: pixel stride 4, line stride 4 * width, band 1.
  const CPLErr err = GDALDatasetRasterIO(src.get(), GF_Write, 0, 0, width, height,
                                         const_cast<uint8_t*>(rgba.data()), width, height, GDT_Byte,
                                         4, nullptr, 4, static_cast<GSpacing>(width) * 4, 1);
  if (err != CE_None) throw DataError("cannot write " + path + ": " + capture.last_error());
  const GDALColorInterp interp[4] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
  for (int b = 0; b < 4; ++b)
    GDALSetRasterColorInterpretation(GDALGetRasterBand(src.get(), b + 1), interp[b]);

  AtomicOutput out(path);
  const std::string zlevel = std::to_string(options.zlevel);
  CPLStringList create_options;
  create_options.SetNameValue("ZLEVEL", zlevel.c_str());
  create_options.SetNameValue("WORLDFILE", "NO");
  Dataset dst(GDALCreateCopy(png, out.temp_path().c_str(), src.get(), FALSE, create_options.List(),
                             nullptr, nullptr));
  if (!dst) throw DataError("cannot write " + path + ": " + capture.last_error());
  // Closing flushes the file; only then is it complete.
  dst.reset();
  if (!capture.errors().empty())
    throw DataError("cannot write " + path + ": " + capture.last_error());
  out.commit();
}

}  // namespace faro::io
