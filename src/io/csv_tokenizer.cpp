#include "io/csv_tokenizer.hpp"

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace faro::io {
namespace {

inline unsigned char uchar(char c) {
  return static_cast<unsigned char>(c);
}

}  // namespace

CsvTokenizer::CsvTokenizer(char delimiter) : delim_(delimiter) {
  std::memset(special_, 0, sizeof special_);
  special_[uchar(delimiter)] = special_[uchar('\n')] = special_[uchar('\r')] = true;
  fields_.resize(32);
}

#ifdef __SSE2__
// Bit i set where window[i] is the delimiter, '\n' or '\r': one mask per 64 bytes serves all the
// (short) fields inside it, instead of one 16-byte probe per field.
inline uint64_t special_mask(const char* w, __m128i vd, __m128i vn, __m128i vr) {
  uint64_t m = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 16 * k));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vd), _mm_cmpeq_epi8(v, vn)),
                                     _mm_cmpeq_epi8(v, vr));
    m |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(hit))) << (16 * k);
  }
  return m;
}
#endif

RecordStatus CsvTokenizer::split(const char* p, const char* end, bool at_eof, const char** next) {
  count_ = 0;
  stray_quote_ = false;
#ifdef __SSE2__
  const __m128i vd = _mm_set1_epi8(delim_), vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r');
  const char* window = nullptr;  // start of the 64 bytes `mask` describes (none yet)
  uint64_t mask = 0;
#endif
  for (;;) {
    if (count_ == fields_.size()) fields_.resize(fields_.size() * 2);
    CsvField& f = fields_[count_++];
    f.begin = p;
    f.quoted = p < end && *p == '"';
    if (f.quoted) {
      const char* q = p + 1;
      for (;;) {
        q = static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(end - q)));
        if (!q) return at_eof ? RecordStatus::unterminated_quote : RecordStatus::incomplete;
        if (q + 1 == end && !at_eof) return RecordStatus::incomplete;  // maybe the first of ""
        if (q + 1 < end && q[1] == '"') {
          q += 2;
          continue;
        }
        p = q + 1;
        // RFC 4180 wants a delimiter or line end here; text means the quote was not a closing one.
        if (p < end && !special_[uchar(*p)]) stray_quote_ = true;
        break;
      }
    }
    // Unquoted text (or what follows a closing quote) runs to the next delimiter or line end.
#ifdef __SSE2__
    for (;;) {
      if (window && p >= window && p < window + 64) {
        const uint64_t rest = mask >> (p - window);
        if (rest) {
          p += __builtin_ctzll(rest);
          goto found;
        }
        p = window + 64;
      }
      if (p + 64 > end) break;  // the tail: byte by byte below
      window = p;
      mask = special_mask(p, vd, vn, vr);
    }
#endif
    while (p < end && !special_[uchar(*p)]) ++p;
#ifdef __SSE2__
  found:
#endif
    f.size = static_cast<size_t>(p - f.begin);
    if (p == end) {
      if (!at_eof) return RecordStatus::incomplete;
      *next = end;
      return RecordStatus::ok;
    }
    const char c = *p;
    if (c == delim_) {
      ++p;
      continue;
    }
    if (c == '\n') {
      *next = p + 1;
      return RecordStatus::ok;
    }
    // '\r': CRLF, or a lone CR (classic Mac line end).
    if (p + 1 == end && !at_eof) return RecordStatus::incomplete;
    *next = (p + 1 < end && p[1] == '\n') ? p + 2 : p + 1;
    return RecordStatus::ok;
  }
}

std::string_view CsvTokenizer::value(const CsvField& f, std::string& scratch) {
  if (!f.quoted) return f.raw();
  const char* b = f.begin + 1;
  const char* e = f.begin + f.size;
  // Common case: "text" with no doubled quote inside and nothing after the closing quote.
  if (e - b >= 1 && e[-1] == '"' && !std::memchr(b, '"', static_cast<size_t>(e - 1 - b)))
    return {b, static_cast<size_t>(e - 1 - b)};
  scratch.clear();
  const char* p = b;
  for (; p < e; ++p) {
    if (*p != '"') {
      scratch.push_back(*p);
    } else if (p + 1 < e && p[1] == '"') {
      scratch.push_back('"');
      ++p;
    } else {
      ++p;  // closing quote: anything after it is kept as typed
      break;
    }
  }
  scratch.append(p, e);
  return scratch;
}

char detect_delimiter(std::string_view line) {
  size_t comma = 0, semicolon = 0, tab = 0, pipe = 0;
  bool in_quotes = false;
  for (const char c : line) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
    pipe += c == '|';
  }
  char best = ',';
  size_t best_n = comma;
  if (semicolon > best_n) best = ';', best_n = semicolon;
  if (tab > best_n) best = '\t', best_n = tab;
  if (pipe > best_n) best = '|', best_n = pipe;
  return best;
}

}  // namespace faro::io
