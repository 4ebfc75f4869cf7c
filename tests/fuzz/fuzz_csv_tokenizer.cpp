// libFuzzer target: the RFC 4180 record splitter of the CSV fast path (io/csv_tokenizer.hpp).
// The input is split twice: whole (at_eof) and as two chunks joined the way csv_fast_reader does
// (an incomplete record is retried with the next chunk appended); both must give the same records.
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "io/csv_tokenizer.hpp"

namespace {

std::vector<std::string> split_all(faro::io::CsvTokenizer& tok, const std::string& text,
                                   size_t first_chunk) {
  std::vector<std::string> records;
  std::string buffer = text.substr(0, first_chunk);
  size_t fed = buffer.size();
  size_t pos = 0;
  std::string scratch;
  for (;;) {
    const bool at_eof = fed == text.size();
    if (at_eof && pos >= buffer.size()) break;
    const char* begin = buffer.data() + pos;
    const char* next = nullptr;
    const auto st = tok.split(begin, buffer.data() + buffer.size(), at_eof, &next);
    if (st == faro::io::RecordStatus::incomplete) {
      if (at_eof) std::abort();  // the contract: incomplete only before the end of the input
      buffer.append(text, fed, std::string::npos);
      fed = text.size();
      continue;
    }
    if (st == faro::io::RecordStatus::unterminated_quote) {
      records.push_back("<unterminated>");
      break;
    }
    if (next <= begin || next > buffer.data() + buffer.size()) std::abort();  // no progress
    std::string joined;
    for (size_t i = 0; i < tok.field_count(); ++i) {
      joined += faro::io::CsvTokenizer::value(tok.fields()[i], scratch);
      joined += '\x1f';
    }
    records.push_back(joined);
    pos = static_cast<size_t>(next - buffer.data());
  }
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(faro::fuzz::as_text(data, size));
  const char delim = faro::io::detect_delimiter(text.substr(0, text.find('\n')));
  faro::io::CsvTokenizer whole(delim), chunked(delim);
  const auto a = split_all(whole, text, text.size());
  const auto b = split_all(chunked, text, size == 0 ? 0 : data[0] % (size + 1));
  if (a != b) std::abort();  // chunk boundaries must not change the records
  return 0;
}
