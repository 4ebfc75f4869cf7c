#include "io/basemap_reader.hpp"

#include <gdal.h>
#include <gdal_utils.h>

#include <memory>
#include <sstream>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(static_cast<GDALDatasetH>(ds)); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

// argv for the GDAL utility option parsers (they copy the strings).
struct Argv {
  std::vector<std::string> args;
  std::vector<char*> ptrs;
  char** get() {
    ptrs.clear();
    for (std::string& a : args) ptrs.push_back(a.data());
    ptrs.push_back(nullptr);
    return ptrs.data();
  }
};

std::string num(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

}  // namespace

BasemapImage read_basemap(const std::string& source, const std::string& work_srs, const Box& view,
                          int width, int height) {
  if (width <= 0 || height <= 0 || view.empty() || !(view.width() > 0) || !(view.height() > 0))
    throw UsageError("basemap: the view must have a positive size");
  ensure_gdal();
  GdalMessageCapture capture;
  const std::string shown = redact_source(source);
  const auto fail = [&](const std::string& what) {
    throw DataError("basemap '" + shown + "': " + what +
                    (capture.last_error().empty() ? "" : " (" + capture.last_error() + ")"));
  };
  DatasetPtr src(
      GDALOpenEx(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!src) fail("cannot open it as a raster");
  auto* in = static_cast<GDALDatasetH>(src.get());
  if (GDALGetRasterCount(in) < 1) fail("it has no raster bands");
  const char* wkt = GDALGetProjectionRef(in);
  if (wkt == nullptr || *wkt == '\0') fail("it has no coordinate reference system");

  // Palettes are expanded to RGBA first (gdalwarp would interpolate palette indices).
  DatasetPtr expanded;
  if (GDALGetRasterColorTable(GDALGetRasterBand(in, 1)) != nullptr) {
    Argv a{{"-of", "VRT", "-expand", "rgba"}};
    GDALTranslateOptions* to = GDALTranslateOptionsNew(a.get(), nullptr);
    expanded.reset(GDALTranslate("", in, to, nullptr));
    GDALTranslateOptionsFree(to);
    if (!expanded) fail("cannot expand its colour palette");
    in = static_cast<GDALDatasetH>(expanded.get());
  }

  // Into memory, on the view's pixel grid; -dstalpha marks where the source has no data.
  Argv a{{"-of", "MEM", "-t_srs", work_srs, "-te", num(view.xmin), num(view.ymin), num(view.xmax),
          num(view.ymax), "-ts", std::to_string(width), std::to_string(height), "-r", "bilinear",
          "-dstalpha", "-ot", "Byte"}};
  GDALWarpAppOptions* wo = GDALWarpAppOptionsNew(a.get(), nullptr);
  int usage_error = 0;
  GDALDatasetH inputs[] = {in};
  DatasetPtr out(GDALWarp("", nullptr, 1, inputs, wo, &usage_error));
  GDALWarpAppOptionsFree(wo);
  if (!out) fail("cannot warp it to " + work_srs);
  auto* o = static_cast<GDALDatasetH>(out.get());

  BasemapImage img;
  img.width = width;
  img.height = height;
  img.box = view;
  img.rgba.assign(static_cast<size_t>(width) * height * 4, 255);
  // The last band is the alpha gdalwarp added; grey sources fill R, G and B from their one band.
  const int bands = GDALGetRasterCount(o);
  const int colour_bands = bands - 1;
  for (int c = 0; c < 4; ++c) {
    const int band = c == 3 ? bands : (colour_bands >= 3 ? c + 1 : 1);
    if (GDALRasterIO(GDALGetRasterBand(o, band), GF_Read, 0, 0, width, height, img.rgba.data() + c,
                     width, height, GDT_Byte, 4, width * 4) != CE_None)
      fail("cannot read the warped pixels");
  }
  return img;
}

}  // namespace faro::io
