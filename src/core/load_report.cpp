#include "core/load_report.hpp"

#include <algorithm>
#include <sstream>

namespace faro {

bool is_rejection(RowIssue r) {
  return r < RowIssue::missing_time || r == RowIssue::not_a_polygon;
}

const char* code(RowIssue r) {
  switch (r) {
    case RowIssue::missing_coordinates:
      return "missing_coordinates";
    case RowIssue::unparseable_coordinates:
      return "unparseable_coordinates";
    case RowIssue::zero_zero:
      return "zero_zero";
    case RowIssue::outside_extent:
      return "outside_extent";
    case RowIssue::swapped_lat_lon:
      return "swapped_lat_lon";
    case RowIssue::missing_date:
      return "missing_date";
    case RowIssue::unparseable_date:
      return "unparseable_date";
    case RowIssue::date_out_of_range:
      return "date_out_of_range";
    case RowIssue::duplicate_id:
      return "duplicate_id";
    case RowIssue::not_a_point:
      return "not_a_point";
    case RowIssue::reprojection_failed:
      return "reprojection_failed";
    case RowIssue::empty_geometry:
      return "empty_geometry";
    case RowIssue::filtered_by_date:
      return "filtered_by_date";
    case RowIssue::malformed_row:
      return "malformed_row";
    case RowIssue::missing_time:
      return "missing_time";
    case RowIssue::unparseable_time:
      return "unparseable_time";
    case RowIssue::invalid_geometry_repaired:
      return "invalid_geometry_repaired";
    case RowIssue::transcoded_latin1:
      return "transcoded_latin1";
    case RowIssue::duplicate_name_renamed:
      return "duplicate_name_renamed";
    case RowIssue::not_a_polygon:
      return "not_a_polygon";
    case RowIssue::missing_name:
      return "missing_name";
    case RowIssue::count_:
      break;
  }
  return "?";
}

const char* describe(RowIssue r) {
  return describe(r, Language::en);
}

const char* describe_es(RowIssue r) {
  return describe(r, Language::es);
}

const char* describe(RowIssue r, Language lang) {
  if (r == RowIssue::count_) return "?";
  // The catalogue's issue_* keys follow RowIssue's order (tests/core/messages_test.cpp).
  return tr(
      static_cast<Msg>(static_cast<int>(Msg::issue_missing_coordinates) + static_cast<int>(r)),
      lang);
}

void LoadReport::add(RowIssue r, int64_t row, std::string_view field, std::string_view value) {
  IssueTally& t = issues[static_cast<size_t>(r)];
  ++t.count;
  if (t.examples.size() < kMaxExamples) {
    std::string v(value.substr(0, 60));
    t.examples.push_back({row, std::string(field), std::move(v)});
  }
}

void LoadReport::add_gdal_warning(std::string_view msg) {
  ++gdal_warning_count;
  if (gdal_warnings.size() < kMaxExamples) gdal_warnings.emplace_back(msg);
}

int64_t LoadReport::rows_rejected() const {
  int64_t n = 0;
  for (size_t i = 0; i < kRowIssueCount; ++i)
    if (is_rejection(static_cast<RowIssue>(i))) n += issues[i].count;
  return n;
}

int64_t LoadReport::rows_changed() const {
  int64_t n = 0;
  for (size_t i = 0; i < kRowIssueCount; ++i)
    if (!is_rejection(static_cast<RowIssue>(i))) n += issues[i].count;
  return n;
}

void LoadReport::merge(const LoadReport& o) {
  rows_read += o.rows_read;
  rows_loaded += o.rows_loaded;
  for (size_t i = 0; i < kRowIssueCount; ++i) {
    IssueTally& t = issues[i];
    t.count += o.issues[i].count;
    for (const IssueExample& e : o.issues[i].examples) t.examples.push_back(e);
    std::stable_sort(t.examples.begin(), t.examples.end(),
                     [](const IssueExample& a, const IssueExample& b) { return a.row < b.row; });
    if (t.examples.size() > kMaxExamples) t.examples.resize(kMaxExamples);
  }
  gdal_warning_count += o.gdal_warning_count;
  for (const std::string& w : o.gdal_warnings)
    if (gdal_warnings.size() < kMaxExamples) gdal_warnings.push_back(w);
  for (const LoadNote& n : o.notes) notes.push_back(n);
}

namespace {

// How many printf conversions `text` has (%% is a percent sign, not one).
size_t conversions(const char* text) {
  size_t n = 0;
  for (const char* p = text; *p; ++p)
    if (*p == '%') {
      if (p[1] == '%') ++p;
      else ++n;
    }
  return n;
}

std::string role_word(const std::string& role, Language lang) {
  if (role == "date") return tr(Msg::load_role_date, lang);
  if (role == "time") return tr(Msg::load_role_time, lang);
  if (role == "category") return tr(Msg::load_role_category, lang);
  if (role == "weight") return tr(Msg::load_role_weight, lang);
  if (role == "geometry") return tr(Msg::load_role_geometry, lang);
  return role;  // x, y, id: the same in both languages
}

}  // namespace

LoadNote fields_note(const std::vector<std::pair<std::string, std::string>>& roles) {
  LoadNote n{Msg::load_note_fields, {}};
  for (const auto& [role, field] : roles) {
    n.args.push_back(role);
    n.args.push_back(field);
  }
  return n;
}

std::string format_note(const LoadNote& note, Language lang) {
  if (note.key >= Msg::count_) return {};
  if (note.key == Msg::load_note_fields) {
    std::string list;
    for (size_t i = 0; i + 1 < note.args.size(); i += 2)
      list += (list.empty() ? "" : " ") + role_word(note.args[i], lang) + "=" + note.args[i + 1];
    return tr_format(lang, note.key, list.c_str());
  }
  // Every load note's conversion is %s (a test checks), so the arguments pass as C strings,
  // padded with "" up to the text's count.
  const size_t want = conversions(tr(note.key, lang));
  std::vector<const char*> a(std::max<size_t>(want, 6), "");
  for (size_t i = 0; i < note.args.size() && i < a.size(); ++i) a[i] = note.args[i].c_str();
  return tr_format(lang, note.key, a[0], a[1], a[2], a[3], a[4], a[5]);
}

std::string LoadReport::to_text(Language lang) const {
  std::ostringstream out;
  out << "Load report: " << source;
  if (!layer.empty()) out << " (layer " << layer << ")";
  out << "\n  rows read: " << rows_read << ", loaded: " << rows_loaded
      << ", rejected: " << rows_rejected();
  if (!method.empty()) out << "  [read by " << method << "]";
  out << "\n";
  for (const LoadNote& n : notes) out << "  note: " << format_note(n, lang) << "\n";
  for (int pass = 0; pass < 2; ++pass) {
    bool header = false;
    for (size_t i = 0; i < kRowIssueCount; ++i) {
      const auto r = static_cast<RowIssue>(i);
      if (is_rejection(r) != (pass == 0) || issues[i].count == 0) continue;
      if (!header) {
        out << (pass == 0 ? "  rejected rows by reason:\n" : "  rows kept but changed:\n");
        header = true;
      }
      out << "    " << code(r) << " (" << describe(r, lang) << "): " << issues[i].count;
      const auto& ex = issues[i].examples;
      if (!ex.empty()) {
        out << "; e.g.";
        for (size_t k = 0; k < ex.size(); ++k) {
          out << (k ? "," : "") << " row " << ex[k].row;
          if (!ex[k].field.empty()) out << " field " << ex[k].field;
          if (!ex[k].value.empty()) out << " = '" << ex[k].value << "'";
        }
      }
      out << "\n";
    }
  }
  if (gdal_warning_count > 0) {
    out << "  GDAL warnings: " << gdal_warning_count << "\n";
    for (const std::string& w : gdal_warnings) out << "    " << w << "\n";
  }
  return out.str();
}

}  // namespace faro
