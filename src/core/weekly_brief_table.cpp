// Sorting and CSV text of the weekly brief table (core/weekly_brief.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "core/csv_text.hpp"
#include "core/weekly_brief.hpp"

namespace faro {
namespace {

struct ColumnName {
  BriefColumn column;
  const char* name;
};
constexpr ColumnName kColumns[] = {
    {BriefColumn::sector, "sector"},
    {BriefColumn::week, "week"},
    {BriefColumn::prev_week, "prev_week"},
    {BriefColumn::mean_prev4, "mean_prev4"},
    {BriefColumn::same_week_last_year, "same_week_last_year"},
    {BriefColumn::ytd, "ytd"},
    {BriefColumn::ytd_last_year, "ytd_last_year"},
    {BriefColumn::z, "z"},
    {BriefColumn::flag, "flag"},
    {BriefColumn::pct_change, "pct_change"},
};

double numeric_key(const BriefRow& r, BriefColumn c) {
  switch (c) {
    case BriefColumn::week:
      return static_cast<double>(r.week);
    case BriefColumn::prev_week:
      return static_cast<double>(r.prev_week);
    case BriefColumn::mean_prev4:
      return r.mean_prev4;
    case BriefColumn::same_week_last_year:
      return static_cast<double>(r.same_week_last_year);
    case BriefColumn::ytd:
      return static_cast<double>(r.ytd);
    case BriefColumn::ytd_last_year:
      return static_cast<double>(r.ytd_last_year);
    case BriefColumn::z:
      return r.z;
    case BriefColumn::flag:  // sorted by order_brief_rows_by_change
      return 0;
    case BriefColumn::pct_change:
      return r.pct_change.value_or(0);
    case BriefColumn::sector:
      return 0;
  }
  return 0;
}

void append_row(std::string& out, const BriefRow& r) {
  out += csv_quote(r.sector);
  for (int64_t v : {r.week, r.prev_week}) out += "," + std::to_string(v);
  out += "," + fixed_decimals(r.mean_prev4, 3);
  for (int64_t v : {r.same_week_last_year, r.ytd, r.ytd_last_year}) out += "," + std::to_string(v);
  out += "," + fixed_decimals(r.z, 3);
  out += ",";
  out += to_string(r.flag);
  out += ",";
  if (r.pct_change) out += fixed_decimals(*r.pct_change, 1);
  out += "\n";
}

}  // namespace

std::optional<BriefColumn> parse_brief_column(std::string_view name) {
  for (const ColumnName& c : kColumns)
    if (name == c.name) return c.column;
  return std::nullopt;
}

int brief_flag_rank(BriefFlag f) {
  return f == BriefFlag::up || f == BriefFlag::new_ ? 0 : f == BriefFlag::down ? 1 : 2;
}

void order_brief_rows_by_change(std::vector<BriefRow>& rows,
                                const std::function<bool(const BriefRow&)>& change_hidden) {
  const auto hidden = [&](const BriefRow& r) { return change_hidden && change_hidden(r); };
  std::stable_sort(rows.begin(), rows.end(), [&](const BriefRow& a, const BriefRow& b) {
    const bool ha = hidden(a), hb = hidden(b);
    if (ha != hb) return hb;  // ranked rows first
    if (ha) return a.sector < b.sector;
    const int ra = brief_flag_rank(a.flag), rb = brief_flag_rank(b.flag);
    if (ra != rb) return ra < rb;
    if (std::abs(a.z) != std::abs(b.z)) return std::abs(a.z) > std::abs(b.z);
    return a.sector < b.sector;
  });
}

void sort_brief_rows(std::vector<BriefRow>& rows, BriefColumn column, bool descending) {
  if (column == BriefColumn::flag) {
    order_brief_rows_by_change(rows);
    if (!descending) std::reverse(rows.begin(), rows.end());
    return;
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const BriefRow& a, const BriefRow& b) {
    if (column == BriefColumn::sector)
      return descending ? b.sector < a.sector : a.sector < b.sector;
    if (column == BriefColumn::pct_change && a.pct_change.has_value() != b.pct_change.has_value())
      return a.pct_change.has_value();  // missing values last either way
    const double ka = numeric_key(a, column), kb = numeric_key(b, column);
    if (ka != kb) return descending ? ka > kb : ka < kb;
    return a.sector < b.sector;
  });
}

std::string weekly_brief_csv(const WeeklyBrief& brief) {
  std::string out;
  for (size_t i = 0; i < std::size(kColumns); ++i) {
    if (i) out += ",";
    out += kColumns[i].name;
  }
  out += "\n";
  for (const BriefRow& r : brief.rows) append_row(out, r);
  append_row(out, brief.all);
  return out;
}

}  // namespace faro
