#include "io/csv_records.hpp"

#include <cstring>

namespace faro::io {
namespace {

bool spans_lines(const char* begin, const char* end) {
  size_t n = static_cast<size_t>(end - begin);
  if (n > 0 && end[-1] == '\n') --n;
  return std::memchr(begin, '\n', n) != nullptr ||
         std::memchr(begin, '\r', n > 0 ? n - 1 : 0) != nullptr;
}

}  // namespace

CsvRecordSplitter::CsvRecordSplitter(char delimiter, size_t columns, int64_t rows_before)
    : tok_(delimiter), columns_(columns), row_(rows_before) {}

bool CsvRecordSplitter::field_count_ok(const CsvTokenizer& tok) const {
  // Trailing empty fields (a delimiter at the end of the line) lose nothing; anything else
  // means the columns are shifted.
  const size_t n = tok.field_count();
  bool ok = n >= columns_;
  for (size_t i = columns_; ok && i < n; ++i) ok = tok.fields()[i].size == 0;
  return ok;
}

void CsvRecordSplitter::feed(char* data, char* end, bool last, uint64_t offset,
                             Handler& handler) {
  base_ = offset;
  data_ = data;
  const char* p = data;
  if (skipping_line_) {  // the tail of an over-long record
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (!nl) return;
    p = nl + 1;
    skipping_line_ = false;
    carry_.clear();
  }
  // Put the partial record left by the previous feed right before this one (headroom).
  if (!carry_.empty()) {
    p -= carry_.size();
    std::memcpy(const_cast<char*>(p), carry_.data(), carry_.size());
    carry_.clear();
  }
  split(p, end, last, handler);
}

void CsvRecordSplitter::split(const char* p, const char* end, bool last, Handler& handler) {
  while (p < end && !stopped_) {
    const char* next = nullptr;
    const RecordStatus st = tok_.split(p, end, last, &next);
    if (st == RecordStatus::incomplete) {
      if (static_cast<size_t>(end - p) > kMaxRecordBytes) {
        p = skip_runaway(p, end, "record longer than 1 MiB (runaway quote?)", handler);
        continue;
      }
      carry_.assign(p, end);
      return;
    }
    if (st == RecordStatus::unterminated_quote) {
      p = skip_runaway(p, end, "unterminated quote", handler);
      continue;
    }
    if (tok_.blank()) {  // empty line: not a row
      p = next;
      continue;
    }
    if ((tok_.stray_quote() || !field_count_ok(tok_)) && spans_lines(p, next)) {
      p = skip_runaway(p, end, "unterminated quote", handler);
      continue;
    }
    // p may lie in the headroom (a carried record): negative distances are fine.
    const uint64_t offset = base_ + static_cast<uint64_t>(p - data_);
    p = next;
    handler.record(++row_, tok_, offset);
  }
}

// Rejects the record starting at p and resumes at the next line, so one stray quote costs one
// row, not the rest of the file.
const char* CsvRecordSplitter::skip_runaway(const char* p, const char* end, const char* why,
                                            Handler& handler) {
  handler.rejected(++row_, why);
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  if (nl) return nl + 1;
  skipping_line_ = true;
  return end;
}

}  // namespace faro::io
