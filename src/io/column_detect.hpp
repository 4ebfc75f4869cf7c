#pragma once
// Which columns of a source hold an incident's coordinates, date, time, category, id and weight.
// Names are matched case-insensitively against ordered candidate lists (first match wins), unless
// the user named the field in IncidentSourceOptions. Shared by the CSV fast path and the OGR paths
// so both read the same columns.
#include <string>
#include <vector>

#include "io/incident_loader.hpp"

namespace faro::io {

struct IncidentColumns {
  // Indexes into the field list passed to detect_incident_columns, -1 = absent.
  int x = -1, y = -1, date = -1, time = -1, category = -1, id = -1, weight = -1;
  std::vector<std::string> names;  // the field list as given (for messages)

  bool has_xy() const { return x >= 0 && y >= 0; }
  const std::string& name(int index) const;  // "" for -1
  // "fields: x=longitud y=latitud date=fecha_hecho time=hora_hecho category=delito id=id"
  // The detected columns as a load_note_fields note (role, field name pairs).
  LoadNote describe() const;
};

// Detects the incident columns among `field_names`.
// need_xy: the source has no point geometry, so coordinate columns are required.
// Throws DataError naming `source` and listing the available fields when a field named in `options`
// does not exist, when no date column is found, or when need_xy and no coordinate pair is found.
IncidentColumns detect_incident_columns(const std::vector<std::string>& field_names,
                                        const IncidentSourceOptions& options,
                                        const std::string& source, bool need_xy);

// Case-insensitive ASCII comparison of field names (bytes >= 0x80 compare exactly).
bool field_name_equals(std::string_view a, std::string_view b);

// Comma-separated field list for error messages, truncated after ~40 names.
std::string list_fields(const std::vector<std::string>& field_names);

}  // namespace faro::io
