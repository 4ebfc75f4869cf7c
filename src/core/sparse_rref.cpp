#include "core/sparse_rref.hpp"

#include <algorithm>
#include <iterator>

namespace faro {
namespace {

constexpr uint64_t kPrime = 2147483647ULL;  // 2^31 - 1

uint32_t mul(uint64_t a, uint64_t b) { return static_cast<uint32_t>(a * b % kPrime); }

uint32_t inverse(uint32_t a) {  // Fermat: a^(p-2)
  uint64_t result = 1, base = a, e = kPrime - 2;
  while (e) {
    if (e & 1) result = result * base % kPrime;
    base = base * base % kPrime;
    e >>= 1;
  }
  return static_cast<uint32_t>(result);
}

// a - f * b, both sorted by column; zero entries dropped.
SparseRref::Row subtract(const SparseRref::Row& a, uint32_t f, const SparseRref::Row& b) {
  SparseRref::Row out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      out.push_back(a[i++]);
    } else {
      const uint32_t sub = mul(f, b[j].second);
      if (i < a.size() && a[i].first == b[j].first) {
        const uint32_t v = static_cast<uint32_t>((a[i].second + kPrime - sub) % kPrime);
        if (v) out.emplace_back(a[i].first, v);
        ++i;
      } else if (sub) {
        out.emplace_back(b[j].first, static_cast<uint32_t>(kPrime - sub));
      }
      ++j;
    }
  }
  return out;
}

void merge_into(std::vector<int32_t>& into, const std::vector<int32_t>& more) {
  if (more.empty()) return;
  std::vector<int32_t> out;
  out.reserve(into.size() + more.size());
  std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(out));
  into.swap(out);
}

}  // namespace

SparseRref::SparseRref(size_t columns)
    : columns_(columns), pivot_row_(columns, -1), rows_with_(columns) {}

SparseRref::Row SparseRref::reduce(Row v, std::vector<int32_t>* provenance) const {
  // Rows are kept reduced: pivot row R_p holds 1 at p and otherwise only non-pivot columns, so
  // v - sum over pivot columns p of v[p] * R_p clears every pivot column in one pass.
  std::vector<std::pair<uint32_t, uint32_t>> uses;  // (row, factor)
  for (const Entry& e : v)
    if (pivot_row_[e.first] >= 0) uses.emplace_back(pivot_row_[e.first], e.second);
  for (const auto& [row, factor] : uses) {
    v = subtract(v, factor, rows_[row]);
    if (provenance) merge_into(*provenance, provenance_[row]);
  }
  return v;
}

void SparseRref::add(const std::vector<uint32_t>& columns, int32_t tag) {
  Row v;
  v.reserve(columns.size());
  for (uint32_t c : columns)
    if (c < columns_) v.emplace_back(c, 1u);
  std::vector<int32_t> prov;
  if (tag >= 0) prov.push_back(tag);
  v = reduce(std::move(v), &prov);
  if (v.empty()) return;
  const uint32_t inv = inverse(v.front().second);
  for (Entry& e : v) e.second = mul(e.second, inv);
  const size_t index = rows_.size();
  const uint32_t pivot = v.front().first;
  rows_.push_back(std::move(v));
  provenance_.push_back(std::move(prov));
  pivot_row_[pivot] = static_cast<int32_t>(index);
  for (const Entry& e : rows_[index]) rows_with_[e.first].push_back(static_cast<uint32_t>(index));
  eliminate_from_others(index);
}

void SparseRref::eliminate_from_others(size_t pivot_row) {
  const uint32_t pivot = rows_[pivot_row].front().first;
  const std::vector<uint32_t> candidates = rows_with_[pivot];  // copy: the lists grow below
  for (uint32_t i : candidates) {
    if (i == pivot_row) continue;
    Row& row = rows_[i];
    const auto it = std::lower_bound(row.begin(), row.end(), Entry{pivot, 0},
                                     [](const Entry& a, const Entry& b) { return a.first < b.first; });
    if (it == row.end() || it->first != pivot) continue;  // stale entry
    const uint32_t factor = it->second;
    const Row before = row;
    row = subtract(row, factor, rows_[pivot_row]);
    merge_into(provenance_[i], provenance_[pivot_row]);
    // Columns the row gained: register them (stale ones are skipped when used).
    for (const Entry& e : row)
      if (!std::binary_search(before.begin(), before.end(), Entry{e.first, 0},
                              [](const Entry& a, const Entry& b) { return a.first < b.first; }))
        rows_with_[e.first].push_back(i);
  }
}

bool SparseRref::determined(const std::vector<uint32_t>& columns,
                            std::vector<int32_t>* provenance) const {
  Row v;
  v.reserve(columns.size());
  for (uint32_t c : columns)
    if (c < columns_) v.emplace_back(c, 1u);
  std::vector<int32_t> prov;
  v = reduce(std::move(v), provenance ? &prov : nullptr);
  if (!v.empty()) return false;
  if (provenance) *provenance = std::move(prov);
  return true;
}

}  // namespace faro
