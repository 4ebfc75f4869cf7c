#include "io/incidents_only.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "io/reproject.hpp"

namespace faro::io {
namespace {

constexpr double kExtentMarginM = 5000;  // as IncidentLoadContext::extent_margin_m with sectors
constexpr double kKeptShare = 0.98;      // 1st to 99th percentile in each axis

double quantile(std::vector<double> v, double q) {
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(std::floor(q * (v.size() - 1))));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}


}  // namespace

std::string utm_srs_for_points(const std::vector<double>& lon, const std::vector<double>& lat) {
  if (lon.empty() || lon.size() != lat.size())
    throw DataError("no incident has usable coordinates to choose a working CRS from");
  return utm_srs_for_lonlat(quantile(lon, 0.5), quantile(lat, 0.5));
}

Box robust_extent(const std::vector<double>& x, const std::vector<double>& y, double keep,
                  double margin_m) {
  Box b;
  if (x.empty()) return b;
  const double lo = (1 - keep) / 2, hi = 1 - lo;
  b.expand(quantile(x, lo), quantile(y, lo));
  b.expand(quantile(x, hi), quantile(y, hi));
  // The outer 2 % of a city's incidents are still in the city (its far boroughs): grow by half
  // the box's larger side, so only rows far beyond the city are cut.
  return b.grown(std::max(margin_m, 0.5 * std::max(b.width(), b.height())));
}

std::string reproject_to_median_utm(IncidentStore& s, LoadReport& report) {
  const std::string work = utm_srs_for_points(s.x, s.y);
  const Reprojector to_utm("EPSG:4326", work);
  std::vector<int> ok(s.size(), 1);
  const size_t failed = to_utm.transform(s.size(), s.x.data(), s.y.data(), ok.data());
  if (failed > 0) {
    std::vector<char> keep(s.size(), 1);
    for (size_t i = 0; i < s.size(); ++i)
      if (!ok[i]) {
        keep[i] = 0;
        report.add(RowIssue::reprojection_failed, s.has_source_rows() ? s.source_row_of(i) : 0, "",
                   work);
      }
    s.keep_rows(keep);
    report.rows_loaded -= static_cast<int64_t>(failed);
  }
  return work;
}

IncidentsOnlyResult load_incidents_without_sectors(const std::string& source,
                                                   const IncidentSourceOptions& options,
                                                   const std::string& work_srs) {
  IncidentsOnlyResult out;
  IncidentLoadContext ctx;  // no sectors_extent: the extent check is done below
  // With no CRS given, read longitude/latitude first and choose the UTM zone from them.
  ctx.work_srs = work_srs.empty() ? "EPSG:4326" : work_srs;
  IncidentLoadResult il = load_incidents(source, options, ctx);
  out.store = std::move(il.store);
  out.report = std::move(il.report);
  IncidentStore& s = out.store;
  out.work_srs = work_srs;
  if (work_srs.empty()) {
    out.work_srs = reproject_to_median_utm(s, out.report);
    out.report.note(Msg::load_note_no_sectors_work_crs, {describe_srs(out.work_srs)});
  }
  // The extent check the sectors would have made, from the incidents themselves.
  const Box box = robust_extent(s.x, s.y, kKeptShare, kExtentMarginM);
  std::vector<char> keep(s.size(), 1);
  size_t outside = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (!box.contains(s.x[i], s.y[i])) {
      keep[i] = 0;
      ++outside;
      out.report.add(RowIssue::outside_extent, s.has_source_rows() ? s.source_row_of(i) : 0);
    }
  if (outside) s.keep_rows(keep);
  out.report.rows_loaded = static_cast<int64_t>(s.size());
  s.work_srs = out.work_srs;
  s.sector.assign(s.size(), kNoSector);
  return out;
}

}  // namespace faro::io
