#include "io/csv_preview.hpp"

#include <cpl_vsi.h>

#include "core/errors.hpp"
#include "core/localized_error.hpp"
#include "io/archive_listing.hpp"
#include "io/category_interner.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"

namespace faro::io {
namespace {

// Enough for 20 rows of very wide files (FGJ rows are ~400 bytes; 4 MiB also covers long quoted
// text fields) without ever reading a large file whole.
constexpr size_t kMaxPreviewBytes = 4u << 20;

std::string trim_copy(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

IncidentColumns detect_columns_tolerant(const std::vector<std::string>& names) {
  // detect_incident_columns() throws when there is no date column (and, with need_xy, no
  // coordinate pair). When the names have no date at all, a placeholder "fecha" is appended so
  // the other columns are still detected; it can only be picked in that case and becomes -1.
  IncidentSourceOptions none;
  std::vector<std::string> with_date = names;
  bool placeholder = false;
  try {
    detect_incident_columns(names, none, "", false);
  } catch (const DataError&) {
    with_date.push_back("fecha");
    placeholder = true;
  }
  IncidentColumns c = detect_incident_columns(with_date, none, "", false);
  try {
    const IncidentColumns xy = detect_incident_columns(with_date, none, "", true);
    c.x = xy.x;
    c.y = xy.y;
  } catch (const DataError&) {
    c.x = c.y = -1;
  }
  if (placeholder && c.date == static_cast<int>(names.size())) c.date = -1;
  c.names = names;
  return c;
}

CsvPreview read_csv_preview(const std::string& path, size_t max_rows) {
  // Through GDAL's virtual files, as the loader reads it: "x.csv.gz" via /vsigzip/, a member of a
  // zip or tar by its /vsizip/ or /vsitar/ path. Only the first few MiB are decompressed.
  ensure_gdal();
  VSILFILE* in = VSIFOpenL(incident_vsi_path(path).c_str(), "rb");
  if (!in) throw LocalizedError(Msg::err_cannot_open, {display_file_name(path)});
  std::string buf(kMaxPreviewBytes, '\0');
  buf.resize(VSIFReadL(buf.data(), 1, buf.size(), in));
  VSIFCloseL(in);
  const bool at_eof = buf.size() < kMaxPreviewBytes;
  if (buf.rfind("\xEF\xBB\xBF", 0) == 0) buf.erase(0, 3);  // UTF-8 byte order mark
  if (buf.find_first_not_of(" \t\r\n") == std::string::npos)
    throw DataError("'" + path + "': the file is empty");

  CsvPreview out;
  out.path = path;
  out.delimiter = detect_delimiter(std::string_view(buf).substr(0, buf.find('\n')));
  CsvTokenizer tok(out.delimiter);
  const char* p = buf.data();
  const char* end = buf.data() + buf.size();
  std::string scratch;
  bool header_done = false;
  while (p < end) {
    const char* next = nullptr;
    const RecordStatus st = tok.split(p, end, at_eof, &next);
    if (st == RecordStatus::incomplete) {
      out.more_rows = true;  // the next record runs past what was read
      break;
    }
    if (st == RecordStatus::unterminated_quote) {
      if (!header_done) throw DataError("'" + path + "': unterminated quote in the header line");
      break;  // the loader will report the row; the preview just stops
    }
    p = next;
    if (tok.blank()) continue;
    std::vector<std::string> fields;
    for (size_t i = 0; i < tok.field_count(); ++i)
      fields.push_back(std::string(CsvTokenizer::value(tok.fields()[i], scratch)));
    if (!header_done) {
      for (std::string& f : fields) f = trim_copy(f);
      out.header = std::move(fields);
      header_done = true;
      continue;
    }
    if (out.rows.size() == max_rows) {
      out.more_rows = true;
      break;
    }
    out.rows.push_back(std::move(fields));
  }
  if (!header_done) throw DataError("'" + path + "': no header line");

  // ImGui needs valid UTF-8: transcode everything when any text is not (a Latin-1 export).
  auto all_valid = [&] {
    for (const std::string& h : out.header)
      if (!is_valid_utf8(h)) return false;
    for (const auto& row : out.rows)
      for (const std::string& v : row)
        if (!is_valid_utf8(v)) return false;
    return true;
  };
  if (!all_valid()) {
    out.latin1 = true;
    for (std::string& h : out.header) h = latin1_to_utf8(h);
    for (auto& row : out.rows)
      for (std::string& v : row) v = latin1_to_utf8(v);
  }
  out.detected = detect_columns_tolerant(out.header);
  return out;
}

}  // namespace faro::io
