#include "io/incident_sink.hpp"

#include <ogr_srs_api.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/errors.hpp"
#include "io/column_detect.hpp"
#include "io/incident_block_stage.hpp"
#include "io/reproject.hpp"

namespace faro::io {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Years 1900..2100 as a day range: one comparison per row instead of a calendar conversion.
bool year_in_range(int64_t days) {
  constexpr int64_t kFirst = days_from_civil(1900, 1, 1), kPastLast = days_from_civil(2101, 1, 1);
  return days >= kFirst && days < kPastLast;
}

}  // namespace

bool is_missing_marker(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty() || s == "-") return true;
  for (std::string_view m : {"na", "n/a", "null", "nan", "none", "nil"}) {
    if (s.size() != m.size()) continue;
    bool same = true;
    for (size_t i = 0; i < s.size() && same; ++i) same = (s[i] | 0x20) == m[i] || s[i] == m[i];
    if (same) return true;
  }
  return false;
}

// Clinger's fast path: [-]digits[.digits] with a mantissa below 2^53 and at most 22 decimals is
// one exact division, bit-identical to from_chars. Anything else returns false.
bool fast_decimal(std::string_view s, double& out) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* p = s.data();
  const char* const e = p + s.size();
  const bool negative = p < e && *p == '-';
  p += negative;
  uint64_t mantissa = 0;
  int digits = 0, decimals = 0;
  bool dot = false;
  for (; p < e; ++p) {
    const char c = *p;
    if (c >= '0' && c <= '9') {
      if (++digits > 19) return false;
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      decimals += dot;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  if (digits == 0 || mantissa > (uint64_t{1} << 53) || decimals > 22) return false;
  const double v = static_cast<double>(mantissa) / kPow10[decimals];
  out = negative ? -v : v;
  return true;
}

bool parse_coordinate(std::string_view text, char decimal_comma, double& out) {
  if (fast_decimal(text, out)) return true;
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  char buf[64];
  if (decimal_comma && s.find(decimal_comma) != std::string_view::npos && s.size() < sizeof buf &&
      s.find('.') == std::string_view::npos) {
    for (size_t i = 0; i < s.size(); ++i) buf[i] = s[i] == decimal_comma ? '.' : s[i];
    s = std::string_view(buf, s.size());
  }
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

SinkConfig make_sink_config(const IncidentSourceOptions& options,
                            const IncidentLoadContext& context, const IncidentColumns& columns,
                            std::string source_srs) {
  SinkConfig c;
  c.source_srs = std::move(source_srs);
  c.work_srs = context.work_srs;
  c.date_order = options.date_order;
  c.from = options.from;
  c.to_exclusive = options.to_exclusive;
  if (context.sectors_extent && !context.sectors_extent->empty())
    c.accept_box = context.sectors_extent->grown(context.extent_margin_m);
  c.x_name = columns.name(columns.x);
  c.y_name = columns.name(columns.y);
  c.date_name = columns.name(columns.date);
  c.time_name = columns.name(columns.time);
  c.category_name = columns.name(columns.category);
  c.id_name = columns.name(columns.id);
  c.weight_name = columns.name(columns.weight);
  c.has_time_column = columns.time >= 0;
  c.use_weight = columns.weight >= 0;
  return c;
}

IncidentSink::IncidentSink(SinkConfig config, IncidentStore& store, LoadReport& report)
    : cfg_(std::move(config)),
      store_(store),
      report_(report),
      categories_(store.categories),
      block_(new SinkBlock) {
  // Fails early (DataError) on a CRS PROJ does not understand; the stage builds its own copy.
  const Reprojector validate(cfg_.source_srs, cfg_.work_srs);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  if (OSRSetFromUserInput(srs, cfg_.source_srs.c_str()) == OGRERR_NONE)
    geographic_ = OSRIsGeographic(srs) != 0;
  OSRDestroySpatialReference(srs);
  for (auto* v : {&block_->row, &block_->t}) v->reserve(kBlockRows);
  store_.work_srs = cfg_.work_srs;
  store_.category_field = cfg_.category_name;
  stage_ = std::make_unique<BlockStage>(cfg_, geographic_, store_);
}

IncidentSink::~IncidentSink() = default;

void IncidentSink::reserve(size_t rows) {
  stage_->wait_idle();  // the stage appends to the store
  store_.reserve(rows, cfg_.use_weight);  // source rows are runs: nothing per row to reserve
}

void IncidentSink::flush() {
  if (block_->size() > 0) stage_->submit(block_);
}

void IncidentSink::finish() {
  flush();
  stage_->finish(report_);
  report_.rows_read += rows_read_;
  report_.rows_loaded = static_cast<int64_t>(store_.size());
  if (geographic_ && stage_->out_of_lonlat_range() * 2 > rows_read_ && rows_read_ > 0)
    report_.note(Msg::load_note_crs_suspicious);
  if (!cfg_.has_time_column && report_.count(RowIssue::missing_time) > 0)
    report_.note(Msg::load_note_no_time_column);
}

void IncidentSink::reject(RowIssue why, int64_t row, std::string_view field,
                          std::string_view value) {
  ++rows_read_;
  report_.add(why, row, field, value);
}

bool IncidentSink::decode_coordinates(const RawIncident& r, double& x, double& y) {
  switch (r.geometry) {
    case RawIncident::Geometry::point:
      x = r.x;
      y = r.y;
      if (std::isfinite(x) && std::isfinite(y)) return true;
      report_.add(RowIssue::empty_geometry, r.row, cfg_.geometry_name, "POINT EMPTY");
      return false;
    case RawIncident::Geometry::null_geometry:
      report_.add(RowIssue::missing_coordinates, r.row, cfg_.geometry_name, "");
      return false;
    case RawIncident::Geometry::empty:
      report_.add(RowIssue::empty_geometry, r.row, cfg_.geometry_name, r.geometry_type);
      return false;
    case RawIncident::Geometry::not_a_point:
      report_.add(RowIssue::not_a_point, r.row, cfg_.geometry_name, r.geometry_type);
      return false;
    case RawIncident::Geometry::from_columns:
      break;
  }
  const Cell* cells[2] = {&r.xcell, &r.ycell};
  const std::string* names[2] = {&cfg_.x_name, &cfg_.y_name};
  double* out[2] = {&x, &y};
  bool good[2];
  for (int k = 0; k < 2; ++k) {
    const Cell& c = *cells[k];
    good[k] = (c.kind == Cell::text && parse_coordinate(c.str, cfg_.decimal_comma, *out[k])) ||
              (c.kind == Cell::integer && ((*out[k] = static_cast<double>(c.i)), true)) ||
              (c.kind == Cell::real && std::isfinite(*out[k] = c.d));
  }
  if (good[0] && good[1]) return true;
  // Missing wins over unparseable so a half-empty pair reads as "missing".
  for (int k = 0; k < 2; ++k) {
    const Cell& c = *cells[k];
    if (!good[k] && (c.kind == Cell::null || c.kind == Cell::absent ||
                     (c.kind == Cell::text && is_missing_marker(c.str)))) {
      report_.add(RowIssue::missing_coordinates, r.row, *names[k], c.str);
      return false;
    }
  }
  const int bad = good[0] ? 1 : 0;
  report_.add(RowIssue::unparseable_coordinates, r.row, *names[bad], cells[bad]->str);
  return false;
}

bool IncidentSink::decode_time(const RawIncident& r, int64_t& t, uint8_t& flags) {
  const Cell& d = r.date;
  bool has_time = false;
  DateParseStatus st = DateParseStatus::ok;
  std::string_view shown = d.str;
  switch (d.kind) {
    case Cell::absent:
    case Cell::null:
      st = DateParseStatus::empty;
      break;
    case Cell::text:
      if (d.str == last_date_text_ && !d.str.empty()) {
        t = last_date_value_;
        has_time = last_date_has_time_;
      } else if ((st = parse_datetime(d.str, cfg_.date_order, t, &has_time)) ==
                 DateParseStatus::ok) {
        last_date_text_.assign(d.str);
        last_date_value_ = t;
        last_date_has_time_ = has_time;
      }
      break;
    case Cell::date:
      t = d.i * kSecondsPerDay;
      if (!year_in_range(d.i)) st = DateParseStatus::out_of_range;
      break;
    case Cell::datetime:
      t = d.i;
      has_time = true;
      if (!year_in_range(days_of(t))) st = DateParseStatus::out_of_range;
      break;
    default:
      scratch_ = d.kind == Cell::integer ? std::to_string(d.i) : std::to_string(d.d);
      shown = scratch_;
      st = parse_datetime(scratch_, cfg_.date_order, t, &has_time);
      break;
  }
  if (st != DateParseStatus::ok) {
    const RowIssue why = st == DateParseStatus::empty          ? RowIssue::missing_date
                         : st == DateParseStatus::out_of_range ? RowIssue::date_out_of_range
                                                               : RowIssue::unparseable_date;
    report_.add(why, r.row, cfg_.date_name, shown);
    return false;
  }

  uint8_t change = 0;  // SinkBlock change bits
  if (cfg_.has_time_column) {
    const Cell& c = r.time;
    int secs = -1;
    DateParseStatus ts = DateParseStatus::empty;
    if (c.kind == Cell::time) {
      secs = static_cast<int>(c.i), ts = DateParseStatus::ok;
    } else if (c.kind == Cell::datetime) {
      secs = seconds_of_day(c.i), ts = DateParseStatus::ok;
    } else if (c.kind == Cell::integer) {
      // An integer "hour" column (0..23).
      ts = c.i >= 0 && c.i <= 23 ? DateParseStatus::ok : DateParseStatus::malformed;
      secs = static_cast<int>(c.i) * 3600;
    } else if (c.kind == Cell::text) {
      const std::string_view s = trim(c.str);
      if (s.size() <= 2 && !s.empty() &&
          s.find_first_not_of("0123456789") == std::string_view::npos &&
          std::stoi(std::string(s)) <= 23) {
        secs = std::stoi(std::string(s)) * 3600, ts = DateParseStatus::ok;
      } else {
        ts = parse_time_of_day(s, secs);
      }
    }
    if (ts == DateParseStatus::ok) {
      t = days_of(t) * kSecondsPerDay + secs;
      has_time = true;
    } else if (!has_time) {
      change = ts == DateParseStatus::empty ? SinkBlock::kMissingTime : SinkBlock::kUnparseableTime;
      if (change == SinkBlock::kUnparseableTime &&
          block_->time_examples.size() < SinkBlock::kPendingExamples)
        block_->time_examples.emplace_back(r.row, std::string(c.str));
    }
  } else if (!has_time) {
    change = SinkBlock::kMissingTime;
  }
  flags = has_time ? kHasTimeOfDay : 0;
  block_->changes.push_back(change);  // popped by add() when the row is rejected later
  return true;
}

bool IncidentSink::decode_id(const RawIncident& r) {
  const Cell& c = r.id;
  bool dup = false;
  std::string_view shown = c.str;
  // Numbers are formatted for the report only when they are duplicates (not once per row).
  if (c.kind == Cell::integer) {
    dup = ids_.seen(c.i);
    if (dup) shown = scratch_ = std::to_string(c.i);
  } else if (c.kind == Cell::real) {
    dup = c.d == std::floor(c.d) && std::abs(c.d) < 9e15 ? ids_.seen(static_cast<int64_t>(c.d))
                                                         : ids_.seen(std::to_string(c.d));
    if (dup) shown = scratch_ = std::to_string(c.d);
  } else if (c.kind == Cell::text) {
    const std::string_view s = trim(c.str);
    if (s.empty()) return true;
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    // Only canonical integers share the integer space ("007" and "7" are different ids).
    const bool canonical = ec == std::errc() && end == s.data() + s.size() &&
                           (s[0] != '0' || s.size() == 1) && s[0] != '+';
    dup = canonical ? ids_.seen(v) : ids_.seen(s);
  }
  if (dup) report_.add(RowIssue::duplicate_id, r.row, cfg_.id_name, shown);
  return !dup;
}

bool IncidentSink::decode_weight(const RawIncident& r, float& w) {
  w = 1.0f;
  if (!cfg_.use_weight) return true;
  const Cell& c = r.weight;
  double v = 0;
  bool good = true;
  if (c.kind == Cell::integer)
    v = static_cast<double>(c.i);
  else if (c.kind == Cell::real)
    v = c.d;
  else if (c.kind == Cell::text)
    good = parse_coordinate(c.str, cfg_.decimal_comma, v);
  else
    good = false;
  if (!good || !std::isfinite(v)) {
    report_.add(RowIssue::malformed_row, r.row, cfg_.weight_name, c.str);
    return false;
  }
  w = static_cast<float>(v);
  return true;
}

uint16_t IncidentSink::decode_category(const RawIncident& r) {
  const Cell& c = r.category;
  std::string_view raw;
  switch (c.kind) {
    case Cell::text:
      raw = c.str;
      break;
    case Cell::integer:
      raw = scratch_ = std::to_string(c.i);
      break;
    case Cell::real:
      raw = scratch_ = std::to_string(c.d);
      break;
    default:
      return 0;
  }
  bool transcoded = false;
  const uint16_t code = categories_.intern(raw, transcoded);
  if (transcoded) {
    block_->changes.back() |= SinkBlock::kTranscoded;
    if (block_->category_examples.size() < SinkBlock::kPendingExamples)
      block_->category_examples.emplace_back(r.row, std::string(raw));
  }
  return code;
}

void IncidentSink::add(const RawIncident& r) {
  ++rows_read_;
  double x = 0, y = 0;
  int64_t t = 0;
  uint8_t flags = 0;
  float w = 1.0f;
  if (!decode_coordinates(r, x, y) || !decode_time(r, t, flags)) return;
  SinkBlock& b = *block_;
  if ((cfg_.from && t < *cfg_.from) || (cfg_.to_exclusive && t >= *cfg_.to_exclusive)) {
    b.changes.pop_back();
    report_.add(RowIssue::filtered_by_date, r.row, cfg_.date_name, format_datetime(t));
    return;
  }
  if (!decode_id(r) || !decode_weight(r, w)) {
    b.changes.pop_back();
    return;
  }
  const uint16_t cat = decode_category(r);
  b.row.push_back(r.row);
  b.x.push_back(x);
  b.y.push_back(y);
  b.t.push_back(t);
  b.cat.push_back(cat);
  b.flags.push_back(flags);
  if (cfg_.use_weight) b.w.push_back(w);
  if (b.size() >= kBlockRows) flush();
}

}  // namespace faro::io
