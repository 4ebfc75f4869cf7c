#include "io/basemap_reader.hpp"

#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

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

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// An attribution as one short plain line: HTML tags (MBTiles often carry links) and line breaks
// removed, at most 160 characters.
std::string plain_line(const std::string& text) {
  std::string out;
  bool in_tag = false;
  for (char c : text) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  const size_t a = out.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  out = out.substr(a, out.find_last_not_of(' ') - a + 1);
  if (out.size() > 160) out = out.substr(0, 157) + "...";
  return out;
}

// The raster's own credit, else the file name (never the full path).
std::string attribution_of(GDALDatasetH ds, const std::string& source) {
  // In order of preference; keys compared without case (MBTiles "attribution", GeoTIFF
  // "TIFFTAG_COPYRIGHT", hand-made VRTs "copyright").
  static const char* const kKeys[] = {"attribution", "tifftag_copyright", "copyright", "credit",
                                      "license"};
  char** md = GDALGetMetadata(ds, nullptr);
  for (const char* wanted : kKeys)
    for (char** item = md; item && *item; ++item) {
      const std::string kv = *item;
      const size_t eq = kv.find('=');
      if (eq == std::string::npos || lower(kv.substr(0, eq)) != wanted) continue;
      const std::string text = plain_line(kv.substr(eq + 1));
      if (!text.empty()) return text;
    }
  const std::string shown = redact_source(source);
  const std::string name = std::filesystem::path(shown).filename().string();
  return name.empty() ? shown : name;
}

}  // namespace

struct BasemapSource::Impl {
  std::string source, shown, work_srs;
  GDALDatasetUniquePtr dataset;   // as opened (read-only)
  GDALDatasetUniquePtr expanded;  // palette expanded to RGBA (a VRT over `dataset`), or null
  GDALDatasetH input = nullptr;
  BasemapInfo info;

  [[noreturn]] void fail(const std::string& what, const GdalMessageCapture& capture) const {
    throw DataError("basemap '" + shown + "': " + what +
                    (capture.last_error().empty() ? "" : " (" + capture.last_error() + ")"));
  }
};

BasemapSource::BasemapSource(const std::string& source, const std::string& work_srs)
    : impl_(std::make_unique<Impl>()) {
  ensure_gdal();
  GdalMessageCapture capture;
  Impl& m = *impl_;
  m.source = source;
  m.shown = redact_source(source);
  m.work_srs = work_srs;
  m.dataset.reset(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!m.dataset) m.fail("cannot open it as a raster", capture);
  m.input = GDALDataset::ToHandle(m.dataset.get());
  if (GDALGetRasterCount(m.input) < 1) m.fail("it has no raster bands", capture);
  const char* wkt = GDALGetProjectionRef(m.input);
  if (wkt == nullptr || *wkt == '\0') m.fail("it has no coordinate reference system", capture);
  GDALRasterBandH first = GDALGetRasterBand(m.input, 1);
  m.info.source_width = GDALGetRasterXSize(m.input);
  m.info.source_height = GDALGetRasterYSize(m.input);
  m.info.overviews = GDALGetOverviewCount(first);
  m.info.attribution = attribution_of(m.input, source);

  // Palettes are expanded to RGBA first (gdalwarp would interpolate palette indices).
  if (GDALGetRasterColorTable(first) != nullptr) {
    Argv a{{"-of", "VRT", "-expand", "rgba"}};
    GDALTranslateOptions* to = GDALTranslateOptionsNew(a.get(), nullptr);
    m.expanded.reset(GDALDataset::FromHandle(GDALTranslate("", m.input, to, nullptr)));
    GDALTranslateOptionsFree(to);
    if (!m.expanded) m.fail("cannot expand its colour palette", capture);
    m.input = GDALDataset::ToHandle(m.expanded.get());
  }

  // The footprint and full-resolution pixel size once reprojected (what gdalwarp would choose).
  const std::string dst = "DST_SRS=" + work_srs;
  const char* options[] = {dst.c_str(), nullptr};
  void* transformer =
      GDALCreateGenImgProjTransformer2(m.input, nullptr, const_cast<char**>(options));
  if (transformer == nullptr) m.fail("cannot reproject it to " + work_srs, capture);
  double gt[6] = {0, 1, 0, 0, 0, -1};
  double extent[4] = {0, 0, 0, 0};
  int px = 0, lines = 0;
  const CPLErr err = GDALSuggestedWarpOutput2(m.input, GDALGenImgProjTransform, transformer, gt,
                                              &px, &lines, extent, 0);
  GDALDestroyGenImgProjTransformer(transformer);
  if (err != CE_None || px <= 0 || lines <= 0 || !(gt[1] > 0))
    m.fail("cannot find its footprint in " + work_srs, capture);
  m.info.extent = {extent[0], extent[1], extent[2], extent[3]};
  m.info.resolution_m = gt[1];
}

BasemapSource::~BasemapSource() = default;

const BasemapInfo& BasemapSource::info() const { return impl_->info; }

BasemapImage BasemapSource::read(const Box& box, int width, int height) {
  if (width <= 0 || height <= 0 || box.empty() || !(box.width() > 0) || !(box.height() > 0))
    throw UsageError("basemap: the view must have a positive size");
  GdalMessageCapture capture;
  Impl& m = *impl_;
  // Into memory, on the box's pixel grid; -dstalpha marks where the source has no data.
  Argv a{{"-of", "MEM", "-t_srs", m.work_srs, "-te", num(box.xmin), num(box.ymin), num(box.xmax),
          num(box.ymax), "-ts", std::to_string(width), std::to_string(height), "-r", "bilinear",
          "-dstalpha", "-ot", "Byte"}};
  GDALWarpAppOptions* wo = GDALWarpAppOptionsNew(a.get(), nullptr);
  int usage_error = 0;
  GDALDatasetH inputs[] = {m.input};
  GDALDatasetUniquePtr out(
      GDALDataset::FromHandle(GDALWarp("", nullptr, 1, inputs, wo, &usage_error)));
  GDALWarpAppOptionsFree(wo);
  if (!out) m.fail("cannot warp it to " + m.work_srs, capture);
  GDALDatasetH o = GDALDataset::ToHandle(out.get());

  BasemapImage img;
  img.width = width;
  img.height = height;
  img.box = box;
  img.rgba.assign(static_cast<size_t>(width) * height * 4, 255);
  // The last band is the alpha gdalwarp added (or carried over); grey sources fill R, G and B
  // from their one band.
  const int bands = GDALGetRasterCount(o);
  const int colour_bands = bands - 1;
  for (int c = 0; c < 4; ++c) {
    const int band = c == 3 ? bands : (colour_bands >= 3 ? c + 1 : 1);
    if (GDALRasterIO(GDALGetRasterBand(o, band), GF_Read, 0, 0, width, height, img.rgba.data() + c,
                     width, height, GDT_Byte, 4, width * 4) != CE_None)
      m.fail("cannot read the warped pixels", capture);
  }
  return img;
}

BasemapImage read_basemap(const std::string& source, const std::string& work_srs, const Box& view,
                          int width, int height) {
  if (width <= 0 || height <= 0 || view.empty() || !(view.width() > 0) || !(view.height() > 0))
    throw UsageError("basemap: the view must have a positive size");
  BasemapSource raster(source, work_srs);
  return raster.read(view, width, height);
}

void check_basemap(const std::string& source) {
  ensure_gdal();
  GdalMessageCapture capture;
  const std::string shown = redact_source(source);
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  const auto fail = [&](const std::string& what) {
    throw DataError("basemap '" + shown + "': " + what +
                    (capture.last_error().empty() ? "" : " (" + capture.last_error() + ")"));
  };
  if (!ds) fail("cannot open it as a raster");
  GDALDatasetH h = GDALDataset::ToHandle(ds.get());
  if (GDALGetRasterCount(h) < 1) fail("it has no raster bands");
  const char* wkt = GDALGetProjectionRef(h);
  if (wkt == nullptr || *wkt == '\0') fail("it has no coordinate reference system");
}

bool is_raster_only(const std::string& source) {
  ensure_gdal();
  GdalMessageCapture capture;  // probing: nothing GDAL says here is worth showing
  {
    GDALDatasetUniquePtr vector(GDALDataset::FromHandle(
        GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (vector && GDALDatasetGetLayerCount(GDALDataset::ToHandle(vector.get())) > 0)
      return false;
  }
  GDALDatasetUniquePtr raster(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  return raster && GDALGetRasterCount(GDALDataset::ToHandle(raster.get())) > 0;
}

}  // namespace faro::io
