#pragma once
// Choosing a sector layer's name and population fields, and turning raw field text into unique
// sector names. Internal to faro_io (used by sector_loader.cpp); no GDAL types here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/load_report.hpp"

namespace faro::io {

// Raw values of one kept feature, in layer field order (text as OGR formats it; "" = null/unset).
struct SectorRow {
  int64_t row = 0;  // 1-based feature number in reading order
  int64_t fid = -1;
  std::vector<std::string> values;
};

// Index of the field to name sectors by, or nullopt (sectors are then named after feature ids).
// `requested` non-empty: that field, case-insensitively; throws DataError naming `source` and
// listing the fields when it does not exist. Otherwise the first of the known name fields (sector,
// cuadrante, nomenclatu, nombre, name, ...) whose non-empty values are all distinct; failing that
// the first known name field present; failing that the first text field with distinct values.
// `how` receives the report's note saying which field was chosen and why.
std::optional<size_t> choose_name_field(const std::vector<std::string>& fields,
                                        const std::vector<bool>& is_text,
                                        const std::vector<SectorRow>& rows,
                                        const std::string& requested, const std::string& source,
                                        LoadNote* how);

// Index of the population field (poblacion, population, pop, sumpob1, pob_total, pobtot), or
// nullopt. `requested` non-empty: that field or DataError naming `source`.
std::optional<size_t> choose_population_field(const std::vector<std::string>& fields,
                                              const std::string& requested,
                                              const std::string& source);

// Case-insensitive (ASCII) field lookup.
std::optional<size_t> find_field(const std::vector<std::string>& fields, const std::string& name);

// Unique names, one per row: the name field's text (trimmed); "feature <fid>" when there is no name
// field (the caller notes it once) or the value is empty (counted as missing_name); and "X (2)", "X
// (3)"... for repeats (counted as duplicate_name_renamed). Issues go to `report` with the row
// numbers.
std::vector<std::string> make_unique_names(const std::vector<SectorRow>& rows,
                                           std::optional<size_t> name_field,
                                           const std::string& name_field_label, LoadReport& report);

// Parses a population value ("12345", "12345.0"); nullopt when empty or not a finite number >= 0.
std::optional<double> parse_population(const std::string& text);

}  // namespace faro::io
