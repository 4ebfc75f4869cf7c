#pragma once
// Columnar (struct-of-arrays) incident store. One row = one geocoded incident in the working CRS.
// Budget: <= 30 bytes per incident with the sector assigned (x, y: 16; t: 8; category: 2; flags: 1;
// sector: 2; weight: 4 only when a weight field is used; source rows: 8 bytes per run of consecutive
// rows, a few kB for a whole file, see core/source_row_runs.hpp) = 29. Coordinates stay double and
// t int64 so that every figure is what it was. The UI re-filters these arrays in milliseconds, so
// keep them flat and never add per-row heap objects.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/civil_time.hpp"
#include "core/geometry.hpp"
#include "core/sector_code.hpp"
#include "core/source_row_runs.hpp"

namespace faro {

// Category strings are interned once; rows hold a 16-bit code. Code 0 is always "" (no category).
class CategoryDictionary {
 public:
  CategoryDictionary();
  uint16_t intern(std::string_view name);  // throws DataError past 65535 distinct values
  std::optional<uint16_t> find(std::string_view name) const;
  const std::string& name(uint16_t code) const { return names_[code]; }
  size_t size() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint16_t> index_;
};

enum IncidentFlags : uint8_t {
  kHasTimeOfDay = 1,  // the source gave a time; otherwise t is midnight and hour filters skip the row
};

struct IncidentStore {
  std::vector<double> x, y;        // working CRS metres (easting, northing)
  std::vector<int64_t> t;          // CivilSeconds (local wall-clock, see civil_time.hpp)
  std::vector<uint16_t> category;  // code into `categories`
  std::vector<uint8_t> flags;      // IncidentFlags
  std::vector<float> weight;       // empty = every incident weighs 1
  std::vector<SectorCode> sector;  // empty until assigned; SectorSet index or kNoSector (16 bits)
  // Where each incident came from, so Identify can read its other fields back from the source on
  // demand instead of keeping them: the 1-based record (CSV data row after the header, counting
  // rejected rows too) or feature number (in the order read, after --where) in its source, as
  // runs (source_row_of reads one), and the first store index of each source in load order
  // (empty = one source). Valid only when source_rows.size() == size() (stores built by copying
  // rows leave it empty).
  SourceRowRuns source_rows;
  std::vector<uint32_t> source_starts;
  CategoryDictionary categories;
  std::string category_field;      // source field the categories came from ("" = none)
  std::string work_srs;            // e.g. "EPSG:32614"

  size_t size() const { return x.size(); }
  bool empty() const { return x.empty(); }
  void reserve(size_t n, bool with_weight = false);
  void push_back(double px, double py, int64_t pt, uint16_t cat, uint8_t fl, float w = 1.0f);
  bool has_source_rows() const { return source_rows.size() == x.size(); }
  // Incident i's row in its source (has_source_rows() must hold). O(log runs).
  uint32_t source_row_of(size_t i) const { return source_rows[i]; }
  // Which source (index in load order) incident `i` came from.
  size_t source_of(size_t i) const;
  // Bytes held by the columns (capacity, not size), for the memory budget.
  size_t memory_bytes() const;
  Box extent() const;
  std::optional<CivilSeconds> min_time() const;
  std::optional<CivilSeconds> max_time() const;

  // The incidents at `rows` (indices into this store), in that order, as a store of their own:
  // every column (sector when assigned; weight left empty when every gathered weight is 1), the
  // category dictionary and field, the CRS. No source rows: a copy cannot be read back by row.
  IncidentStore gather(std::span<const uint32_t> rows) const;
  // Only the coordinates and weights of `rows` (weight empty when this store has none), for the
  // density estimate, which streams over them several times: contiguous, not a scattered subset.
  struct PointColumns {
    std::vector<double> x, y;
    std::vector<float> weight;
  };
  PointColumns gather_points(std::span<const uint32_t> rows) const;
  // Keeps, in place and in order, the rows with keep[i] != 0, every column together (weight,
  // sector and source rows too when present). keep.size() == size().
  template <class Flag>
  void keep_rows(const std::vector<Flag>& keep) {
    const bool weights = weight.size() == size(), sectors = sector.size() == size();
    if (has_source_rows()) source_rows.keep_rows(keep);
    size_t out = 0;
    for (size_t i = 0; i < size(); ++i) {
      if (!keep[i]) continue;
      x[out] = x[i];
      y[out] = y[i];
      t[out] = t[i];
      category[out] = category[i];
      flags[out] = flags[i];
      if (weights) weight[out] = weight[i];
      if (sectors) sector[out] = sector[i];
      ++out;
    }
    x.resize(out);
    y.resize(out);
    t.resize(out);
    category.resize(out);
    flags.resize(out);
    if (weights) weight.resize(out);
    if (sectors) sector.resize(out);
  }
};

}  // namespace faro
