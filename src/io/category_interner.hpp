#pragma once
// Private to src/io: turns raw category bytes into CategoryDictionary codes without allocating
// per row. Text that is not valid UTF-8 is read as Latin-1 (Windows exports of Spanish data) and
// transcoded before it reaches the dictionary; the caller counts RowIssue::transcoded_latin1.
#include <cstdint>
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
  CategoryDictionary& dict_;
  std::deque<std::string> keys_;  // stable storage for the map's views
  std::unordered_map<std::string_view, Entry> cache_;
};

bool is_valid_utf8(std::string_view s);
// Every byte as the Latin-1 code point of the same value.
std::string latin1_to_utf8(std::string_view s);

}  // namespace faro::io
