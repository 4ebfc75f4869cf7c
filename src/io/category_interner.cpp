#include "io/category_interner.hpp"

namespace faro::io {

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    p += extra + 1;
  }
  return true;
}

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

uint16_t CategoryInterner::intern(std::string_view raw, bool& transcoded) {
  const uint64_t h = hash_of(raw);
  const size_t mask = slots_.size() - 1;
  size_t i = static_cast<size_t>(h) & mask;
  for (; slots_[i].key.data() != nullptr; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == h && s.key == raw) {
      transcoded = s.entry.transcoded;
      return s.entry.code;
    }
  }
  transcoded = !is_valid_utf8(raw);
  const uint16_t code = transcoded ? dict_.intern(latin1_to_utf8(raw)) : dict_.intern(raw);
  keys_.emplace_back(raw);
  // An empty category still needs a non-null view to mark its slot used.
  const std::string_view key = keys_.back().empty() ? std::string_view("", 0) : keys_.back();
  slots_[i] = Slot{h, key, Entry{code, transcoded}};
  if (++used_ * 2 > slots_.size()) grow();
  return code;
}

void CategoryInterner::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key.data() == nullptr) continue;
    size_t i = static_cast<size_t>(s.hash) & mask;
    while (slots_[i].key.data() != nullptr) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace faro::io
