#include "core/incidents.hpp"
#include "core/incident_trim.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace faro {

CategoryDictionary::CategoryDictionary() {
  names_.emplace_back();
  index_.emplace(std::string(), 0);
}

uint16_t CategoryDictionary::intern(std::string_view name) {
  auto it = index_.find(std::string(name));
  if (it != index_.end()) return it->second;
  if (names_.size() >= 0xFFFF)
    throw DataError("too many distinct categories (over 65535); is the category field right?");
  const auto code = static_cast<uint16_t>(names_.size());
  names_.emplace_back(name);
  index_.emplace(names_.back(), code);
  return code;
}

std::optional<uint16_t> CategoryDictionary::find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

void IncidentStore::reserve(size_t n, bool with_weight) {
  x.reserve(n);
  y.reserve(n);
  t.reserve(n);
  category.reserve(n);
  flags.reserve(n);
  if (with_weight) weight.reserve(n);
}

void IncidentStore::push_back(double px, double py, int64_t pt, uint16_t cat, uint8_t fl, float w) {
  x.push_back(px);
  y.push_back(py);
  t.push_back(pt);
  category.push_back(cat);
  flags.push_back(fl);
  if (!weight.empty() || w != 1.0f) {
    // Weights appear lazily: back-fill 1.0 for earlier rows the first time a weight differs.
    if (weight.size() + 1 < x.size()) weight.resize(x.size() - 1, 1.0f);
    weight.push_back(w);
  }
}

IncidentStore IncidentStore::gather(std::span<const uint32_t> rows) const {
  IncidentStore out;
  const size_t n = rows.size();
  out.x.resize(n);
  out.y.resize(n);
  out.t.resize(n);
  out.category.resize(n);
  out.flags.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t r = rows[i];
    out.x[i] = x[r];
    out.y[i] = y[r];
    out.t[i] = t[r];
    out.category[i] = category[r];
    out.flags[i] = flags[r];
  }
  if (!weight.empty()) {
    out.weight.resize(n);
    bool all_one = true;
    for (size_t i = 0; i < n; ++i) all_one &= (out.weight[i] = weight[rows[i]]) == 1.0f;
    if (all_one)
      out.weight.clear();  // as push_back leaves it: weights appear only when one differs
  }
  if (!sector.empty()) {
    out.sector.resize(n);
    for (size_t i = 0; i < n; ++i) out.sector[i] = sector[rows[i]];
  }
  out.categories = categories;
  out.category_field = category_field;
  out.work_srs = work_srs;
  return out;
}

IncidentStore::PointColumns IncidentStore::gather_points(std::span<const uint32_t> rows) const {
  PointColumns out;
  const size_t n = rows.size();
  out.x.resize(n);
  out.y.resize(n);
  for (size_t i = 0; i < n; ++i) {
    out.x[i] = x[rows[i]];
    out.y[i] = y[rows[i]];
  }
  if (!weight.empty()) {
    out.weight.resize(n);
    for (size_t i = 0; i < n; ++i) out.weight[i] = weight[rows[i]];
  }
  return out;
}

size_t IncidentStore::memory_bytes() const {
  return x.capacity() * sizeof(double) + y.capacity() * sizeof(double) +
         t.capacity() * sizeof(int64_t) + category.capacity() * sizeof(uint16_t) +
         flags.capacity() * sizeof(uint8_t) + weight.capacity() * sizeof(float) +
         sector.capacity() * sizeof(SectorCode) + source_rows.memory_bytes() +
         source_starts.capacity() * sizeof(uint32_t);
}

void shrink_to_fit(IncidentStore& s) {
  // One column at a time, so the transient extra memory is one column's copy, not the store's.
  // Loaders reserve from a row estimate (the CSV reader: file size / mean line length x 1.02, plus
  // growth steps), which left ~5 % slack per column at 1.28 M rows: 32.5 bytes per incident.
  auto trim = [](auto& column) {
    if (column.capacity() != column.size()) column.shrink_to_fit();
  };
  trim(s.x);
  trim(s.y);
  trim(s.t);
  trim(s.category);
  trim(s.flags);
  trim(s.weight);
  trim(s.sector);
  s.source_rows.shrink_to_fit();
  trim(s.source_starts);
}

size_t IncidentStore::source_of(size_t i) const {
  // source_starts[0] is 0 when set; the source is the last start at or before i.
  const auto after = std::upper_bound(source_starts.begin(), source_starts.end(), i);
  return after == source_starts.begin() ? 0 : static_cast<size_t>(after - source_starts.begin()) - 1;
}

Box IncidentStore::extent() const {
  Box b;
  for (size_t i = 0; i < x.size(); ++i) b.expand(x[i], y[i]);
  return b;
}

std::optional<CivilSeconds> IncidentStore::min_time() const {
  if (t.empty()) return std::nullopt;
  return *std::min_element(t.begin(), t.end());
}

std::optional<CivilSeconds> IncidentStore::max_time() const {
  if (t.empty()) return std::nullopt;
  return *std::max_element(t.begin(), t.end());
}

}  // namespace faro
