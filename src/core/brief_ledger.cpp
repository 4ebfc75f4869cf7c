#include "core/brief_ledger.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/time_bins.hpp"

namespace faro {
namespace {

enum Col : size_t { kWeek, kPrev, kPrev4, kSameLy, kYtd, kYtdLy, kSpark0 };

size_t spark_count(const WeeklyBrief& b) { return b.all.sparkline.size(); }

std::vector<int64_t> row_values(const BriefRow& r) {
  std::vector<int64_t> v = {r.week, r.prev_week,    std::llround(r.mean_prev4 * 4),
                            r.same_week_last_year, r.ytd, r.ytd_last_year};
  v.insert(v.end(), r.sparkline.begin(), r.sparkline.end());
  return v;
}

void mark_row(ProtectedTable& t, size_t r, const BriefRowMask& m, size_t spark) {
  const bool h[] = {m.week, m.prev_week, m.mean_prev4, m.same_week_last_year, m.ytd, m.ytd_last_year};
  for (size_t c = 0; c < kSpark0; ++c) t.hidden[t.index(r, c)] = h[c];
  for (size_t j = 0; j < spark; ++j)
    t.hidden[t.index(r, kSpark0 + j)] = j < m.sparkline.size() ? m.sparkline[j] : 1;
}

int64_t week_day(int64_t bin) { return days_of(bin_start(BinKind::week, bin)); }

}  // namespace

ProtectedTable brief_count_table(const WeeklyBrief& b, const BriefProtection& protection) {
  const size_t spark = spark_count(b), units = b.rows.size(), rows = units + 1,
               cols = kSpark0 + spark;
  std::vector<int64_t> cells(rows * cols, 0);
  std::vector<int64_t> outside = row_values(b.all);
  for (const BriefRow& r : b.rows) {
    if (r.sector_index < 0 || static_cast<size_t>(r.sector_index) >= units) continue;
    const std::vector<int64_t> v = row_values(r);
    for (size_t c = 0; c < cols && c < v.size(); ++c) {
      cells[r.sector_index * cols + c] = v[c];
      outside[c] -= v[c];
    }
  }
  for (size_t c = 0; c < cols; ++c) cells[units * cols + c] = std::max<int64_t>(0, outside[c]);
  DisclosurePolicy raw;
  raw.partner_safe = false;
  ProtectedTable t = protect_table(cells, rows, cols, raw);
  std::fill(t.hidden.begin(), t.hidden.end(), 1);
  if (!protection.partner_safe) {
    std::fill(t.hidden.begin(), t.hidden.end(), 0);
    return t;
  }
  for (const BriefRow& r : b.rows)
    if (r.sector_index >= 0 && static_cast<size_t>(r.sector_index) < units)
      mark_row(t, static_cast<size_t>(r.sector_index), protection.mask(r), spark);
  mark_row(t, rows, protection.all, spark);
  t.hidden[t.index(units, kWeek)] = protection.outside_week_hidden;
  for (size_t r = 0; r <= rows; ++r) t.hidden[t.index(r, cols)] = 1;  // row totals: not printed
  return t;
}

std::vector<CountScope> brief_count_scopes(const WeeklyBrief& b, const SectorSet& sectors,
                                           const std::string& filter) {
  const size_t spark = spark_count(b), units = b.rows.size(), rows = units + 1,
               cols = kSpark0 + spark;
  std::vector<std::vector<std::string>> unit_names(rows);
  for (size_t s = 0; s < sectors.size(); ++s) {
    const int32_t u = s < b.unit_of_sector.size() ? b.unit_of_sector[s] : -1;
    unit_names[u >= 0 && static_cast<size_t>(u) < units ? u : units].push_back(sectors.sectors[s].name);
  }
  unit_names[units].push_back(kOutsideUnit);
  for (auto& names : unit_names) std::sort(names.begin(), names.end());

  const int64_t n = std::max(1, b.span_weeks), sel = b.sel_bin;
  std::vector<std::pair<int64_t, int64_t>> bins(cols);  // first, last week bin (inclusive)
  bins[kWeek] = {sel - n + 1, sel};
  bins[kPrev] = {sel - 2 * n + 1, sel - n};
  bins[kPrev4] = {sel - 5 * n + 1, sel - n};
  bins[kSameLy] = {b.ly_sel_bin - n + 1, b.ly_sel_bin};
  bins[kYtd] = {b.ytd_first_bin, sel};
  bins[kYtdLy] = {b.ly_ytd_first_bin, b.ly_sel_bin};
  for (size_t j = 0; j < spark; ++j) {
    const int64_t p = static_cast<int64_t>(spark - 1 - j);
    bins[kSpark0 + j] = {sel - (p + 1) * n + 1, sel - p * n};
  }
  std::vector<CountScope> scopes((rows + 1) * (cols + 1));
  for (size_t r = 0; r <= rows; ++r)
    for (size_t c = 0; c < cols; ++c) {
      CountScope& s = scopes[r * (cols + 1) + c];
      if (bins[c].second < bins[c].first) continue;  // an empty window (e.g. ytd in week 0)
      s.filter = filter;
      s.units = r == rows ? std::vector<std::string>{kEveryUnit} : unit_names[r];
      if (s.units.empty()) continue;
      s.first_day = week_day(bins[c].first);
      s.end_day = week_day(bins[c].second + 1);
    }
  return scopes;
}

BriefProtection protect_brief_with_ledger(const WeeklyBrief& brief, const DisclosurePolicy& policy,
                                          const SectorSet& sectors, const std::string& filter,
                                          const DisclosureLedger& ledger,
                                          const AuditIncidents& incidents,
                                          LedgerProtectionStats* stats) {
  BriefProtection protection = protect_weekly_brief(brief, policy);
  if (!policy.partner_safe) return protection;
  const std::vector<CountScope> scopes = brief_count_scopes(brief, sectors, filter);
  std::vector<uint8_t> extra(scopes.size(), 0);
  // What hiding a cell takes from the reader: the period's count most, then the comparisons,
  // the year-to-date columns least (they are what consecutive briefs subtract).
  const size_t cols = kSpark0 + spark_count(brief);
  std::vector<uint8_t> cost(scopes.size(), 1);
  for (size_t i = 0; i < cost.size(); ++i) {
    const size_t c = i % (cols + 1);
    cost[i] = c == kWeek ? 4 : c == kPrev || c == kPrev4 ? 3 : c == kSameLy ? 2 : c >= kSpark0 ? 1 : 0;
  }
  LedgerProtectionStats local;
  for (;;) {
    ++local.rounds;
    const ProtectedTable table = brief_count_table(brief, protection);
    const AuditResult audit = audit_publication(ledger, incidents, scopes, table, policy.k, &cost);
    local.inherited = audit.inherited;
    local.unchecked_facts = audit.unchecked_facts;
    if (audit.violations == 0) break;
    bool changed = false;
    for (size_t cell : audit.to_hide)
      if (cell < extra.size() && !extra[cell]) extra[cell] = 1, changed = true, ++local.hidden_for_ledger;
    if (!changed || local.rounds > 200)
      throw DataError("this brief cannot be given out safely: together with the partner outputs "
                      "in the disclosure ledger it would reveal a count below " +
                      std::to_string(policy.k));
    protection = protect_weekly_brief(brief, policy, &extra);
  }
  if (stats) *stats = local;
  return protection;
}

void record_brief(const WeeklyBrief& brief, const BriefProtection& protection,
                  const SectorSet& sectors, const std::string& filter, DisclosureLedger& ledger) {
  if (!protection.partner_safe) return;
  const ProtectedTable table = brief_count_table(brief, protection);
  const std::vector<CountScope> scopes = brief_count_scopes(brief, sectors, filter);
  std::vector<std::string> no_labels(table.value.size());
  record_publication(table, no_labels, scopes, ledger);
}

}  // namespace faro
