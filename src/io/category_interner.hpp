#pragma once
// Private to src/io: turns raw category bytes into CategoryDictionary codes without allocating
// per row. Text that is not valid UTF-8 is read as Latin-1 (Windows exports of Spanish data) and
// transcoded before it reaches the dictionary; the caller counts RowIssue::transcoded_latin1.
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/incidents.hpp"

namespace faro::io {

class CategoryInterner {
 public:
  explicit CategoryInterner(CategoryDictionary& dict) : dict_(dict) {}
  // Code of `raw`; `transcoded` tells whether it had to be read as Latin-1.
  uint16_t intern(std::string_view raw, bool& transcoded);

 private:
  struct Entry {
    uint16_t code;
    bool transcoded;
  };
  // Every row looks its category up here: 8 bytes at a time with a multiply-xorshift mix, a few
  // times cheaper than std::hash's byte-wise Murmur on 30-60 byte offence names.
  struct WordHash {
    size_t operator()(std::string_view s) const noexcept {
      uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
      size_t i = 0;
      for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
      }
      uint64_t tail = 0;
      std::memcpy(&tail, s.data() + i, s.size() - i);
      h = (h ^ tail) * 0x94D049BB133111EBull;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  CategoryDictionary& dict_;
  std::deque<std::string> keys_;  // stable storage for the map's views
  std::unordered_map<std::string_view, Entry, WordHash> cache_;
};

bool is_valid_utf8(std::string_view s);
// Every byte as the Latin-1 code point of the same value.
std::string latin1_to_utf8(std::string_view s);

}  // namespace faro::io
