#pragma once
// Private to src/io: the binary layout of an incident cache entry (native byte order; the cache
// is per machine). Layout:
//   "FAROINC\0" u32 version u32 0 | str key | u64 n u8 has_weight |
//   x f64[n] y f64[n] t i64[n] category u16[n] flags u8[n] (weight f32[n]) u8 has_rows
//   (u64 runs, {u32 first_index, u32 first_row}[runs]: core/source_row_runs.hpp) |
//   u64 column checksum |
//   u32 categories, str each | str category_field | str work_srs | LoadReport |
//   u64 metadata checksum | "FAROEND\0"
// where str = u32 length + bytes. Any mismatch makes the entry unusable.
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "io/incident_loader.hpp"

namespace faro::io {

// 2: source rows (Identify); 3: source rows as runs; 4: load notes as catalogue keys (an older
// entry is rebuilt, never misread).
constexpr uint32_t kIncidentCacheVersion = 4;

// False when a write failed.
bool write_cache_entry(std::FILE* f, const std::string& key_text, const IncidentLoadResult& r);
// nullopt when the entry is for another key, truncated, or corrupt.
std::optional<IncidentLoadResult> read_cache_entry(std::FILE* f, const std::string& key_text);

}  // namespace faro::io
