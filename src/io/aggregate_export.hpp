#pragma once
// Aggregated exports that may leave the analyst's machine: a unit x period count table after
// disclosure control (core/disclosure.hpp), as CSV or as polygons (GeoJSON, GeoPackage) through
// GDAL. Nothing finer than the aggregation is written: no incident ids, no incident points or
// coordinates, no dates finer than the period. Files are written atomically (io/atomic_file.hpp).
//
// Layout (CSV and vector alike, one record per unit and period, long format):
//   sector,period,count,suppressed
// plus the margins: period "total" (a unit's total over the periods, left out when there is a
// single period, where it would repeat it) and unit "(total)" (all units per period). Hidden
// cells are written as the table's marker ("<5") in CSV and as null with suppressed = 1 in vector
// files; "(outside)" / "(total)" records carry no geometry.
// Provenance: the CSV's first line is a comment "# <notice>"; vector layers carry the notice as
// their description (GeoJSON "description", GeoPackage gpkg_contents) and as the layer metadata
// item FARO_NOTICE. The notice is the protection footer, or "USO INTERNO / INTERNAL USE".
#include <functional>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/sectors.hpp"

namespace faro::io {

struct AggregateExport {
  ProtectedTable table;                   // rows = units, cols = periods, margins included
  std::vector<std::string> row_names;     // table.rows unit names
  std::vector<int> row_sector;            // per row: index into the SectorSet, or -1 (no geometry)
  std::vector<std::string> period_names;  // table.cols period labels (e.g. "2024-02", "all")
  std::string unit_field = "sector";      // name of the unit column / field
  bool internal = false;                  // raw counts; stamped "USO INTERNO / INTERNAL USE"
  std::string notice;                     // protection footer or the internal stamp
};

enum class AggregateFormat { csv, geojson, gpkg };

// The format for an output path, by extension (.csv, .geojson/.json, .gpkg); throws
// faro::UsageError naming the path otherwise.
AggregateFormat aggregate_format_for(const std::string& path);

// Label of each table entry (margins included, row-major like ProtectedTable::value), used as the
// ledger key of rule 4 in core/disclosure.hpp: "unit|period", with "(total)" and "total".
std::vector<std::string> aggregate_labels(const AggregateExport& e);

// The CSV text (UTF-8, RFC 4180 quoting, "\n" line ends).
std::string aggregate_csv(const AggregateExport& e);

// Writes `e` to `path` in the format of its extension. Vector formats need `sectors` (geometry in
// sectors.work_srs; GeoJSON is written in EPSG:4326 per RFC 7946, GeoPackage in the working CRS).
// Throws faro::DataError naming the file on failure.
// `before_commit` (optional) runs after the file is written to its temporary sibling and before it
// is renamed into place (the partner ledger is recorded there: a file whose numbers cannot be
// recorded is not published); when it throws, the target is left untouched.
void write_aggregate(const std::string& path, const AggregateExport& e, const SectorSet& sectors,
                     const std::function<void()>& before_commit = {});

}  // namespace faro::io
