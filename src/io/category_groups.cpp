#include "io/category_groups.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <map>

#include "core/errors.hpp"
#include "io/category_interner.hpp"
#include "io/column_detect.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"

namespace faro::io {
namespace {

// Names as the loader interns them (io/category_interner.hpp): Latin-1 bytes become UTF-8.
std::string as_utf8(const char* raw) {
  return is_valid_utf8(raw) ? std::string(raw) : latin1_to_utf8(raw);
}

}  // namespace

const std::vector<std::string>& group_field_candidates() {
  static const std::vector<std::string> names = {
      "grupo",          "grupo_delito",   "categoria_delito", "categoria",
      "category_group", "offense_group",  "offence_group",    "crime_group",
      "group"};
  return names;
}

CategoryGroups read_category_groups(const std::vector<SourceSpec>& sources,
                                    const std::string& category_field) {
  CategoryGroups out;
  const SourceSpec* source = nullptr;
  for (const SourceSpec& s : sources)
    if (s.role == SourceSpec::Role::incidents) {
      source = &s;
      break;
    }
  if (!source || category_field.empty()) return out;
  ensure_gdal();
  const std::string path = incident_vsi_path(source->path);
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!ds) throw DataError(source->path + ": cannot open to read the offence groups");
  OGRLayerH layer = source->layer.empty() ? GDALDatasetGetLayer(ds, 0)
                                          : GDALDatasetGetLayerByName(ds, source->layer.c_str());
  OGRFeatureDefnH defn = layer ? OGR_L_GetLayerDefn(layer) : nullptr;
  int category = -1, group = -1;
  std::string group_name;
  if (defn) {
    const int n = OGR_FD_GetFieldCount(defn);
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) names.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    for (int i = 0; i < n; ++i)
      if (field_name_equals(names[i], category_field)) category = i;
    for (const std::string& candidate : group_field_candidates()) {
      for (int i = 0; i < n && group < 0; ++i)
        if (i != category && field_name_equals(names[i], candidate)) group = i, group_name = names[i];
      if (group >= 0) break;
    }
    if (category >= 0 && group >= 0) {
      // Only the two columns are decoded (and no geometry): the CSV driver skips the rest.
      std::vector<const char*> ignored;
      for (int i = 0; i < n; ++i)
        if (i != category && i != group) ignored.push_back(names[i].c_str());
      ignored.push_back("OGR_GEOMETRY");
      ignored.push_back(nullptr);
      OGR_L_SetIgnoredFields(layer, ignored.data());
    }
  }
  if (category < 0 || group < 0) {
    GDALClose(ds);
    return out;
  }
  // How often each offence appears with each group; the most frequent pairing wins.
  std::map<std::string, std::map<std::string, int64_t>> seen;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    if (OGR_F_IsFieldSetAndNotNull(f, category) && OGR_F_IsFieldSetAndNotNull(f, group)) {
      const std::string g = as_utf8(OGR_F_GetFieldAsString(f, group));
      if (!g.empty()) ++seen[as_utf8(OGR_F_GetFieldAsString(f, category))][g];
    }
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  out.field = group_name;
  for (const auto& [offence, groups] : seen) {
    const auto best = std::max_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
      return a.second < b.second;
    });
    out.group_of[offence] = best->first;
  }
  return out;
}

}  // namespace faro::io
