#pragma once
// Private to src/io: turns raw category bytes into CategoryDictionary codes without allocating
// per row. Text that is not valid UTF-8 is read as Latin-1 (Windows exports of Spanish data) and
// transcoded before it reaches the dictionary; the caller counts RowIssue::transcoded_latin1.
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

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
  // Every row looks its category up here: an open-addressing table (power-of-two size, linear
  // probing, full hash kept per slot) over a word-at-a-time hash, several times cheaper than
  // std::unordered_map with std::hash on 30-60 byte offence names.
  struct Slot {
    uint64_t hash = 0;
    std::string_view key;  // into keys_; empty data() = free slot
    Entry entry{};
  };
  static uint64_t hash_of(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    uint64_t tail = 0;
    if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
  }
  void grow();

  CategoryDictionary& dict_;
  std::deque<std::string> keys_;  // stable storage for the table's views
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t used_ = 0;
};

bool is_valid_utf8(std::string_view s);
// Every byte as the Latin-1 code point of the same value.
std::string latin1_to_utf8(std::string_view s);

}  // namespace faro::io
