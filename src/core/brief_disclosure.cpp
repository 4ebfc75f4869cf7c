#include "core/brief_disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "core/csv_text.hpp"
#include "core/errors.hpp"

namespace faro {

bool BriefRowMask::any() const {
  bool a =
      week || prev_week || mean_prev4 || same_week_last_year || ytd || ytd_last_year || derived;
  for (uint8_t s : sparkline) a = a || s;
  return a;
}

const BriefRowMask& BriefProtection::mask(const BriefRow& row) const {
  static const BriefRowMask kNothingHidden;
  if (row.sector_index < 0) return all;
  const size_t i = static_cast<size_t>(row.sector_index);
  return i < by_sector.size() ? by_sector[i] : kNothingHidden;
}

namespace {

// Table columns (see the header): six counts, then the sparkline weeks.
enum Col : size_t { kWeek, kPrev, kPrev4, kSameLy, kYtd, kYtdLy, kSpark0 };

// One side of an identity "a sum of published values": a table cell or an early timeline bar
// (timeline bars before the sparkline window, not in the table).
struct Member {
  bool in_table;
  size_t index;
};

// A column whose value is a sum of whole periods the brief also prints: in every row the
// sparkline periods `spark`; or, when it reaches before the sparkline, only in "(all)", the
// sparkline periods plus the early timeline bars `early`.
struct ColumnIdentity {
  size_t col;
  std::vector<size_t> spark, early;
  bool all_only = false;
};

class BriefProtector {
 public:
  BriefProtector(const WeeklyBrief& b, const DisclosurePolicy& p,
                 const std::vector<uint8_t>* extra_hidden)
      : b_(b), p_(p), extra_(extra_hidden) {}

  BriefProtection run() {
    build_cells();
    const size_t n = b_.timeline.size();
    early_ = n > spark_ ? n - spark_ : 0;
    build_identities();
    timeline_hidden_.assign(n, 0);
    for (size_t i = 0; i < early_; ++i)
      timeline_hidden_[i] = b_.timeline[i] >= 1 && b_.timeline[i] < p_.k;
    pre_.assign((rows_ + 1) * (cols_ + 1), 0);
    if (extra_)
      for (size_t i = 0; i < pre_.size() && i < extra_->size(); ++i) pre_[i] = (*extra_)[i];
    for (int round = 0;; ++round) {
      // Each round hides at least one more value, so this bounds the loop; it cannot trigger.
      if (round > static_cast<int>(pre_.size() + timeline_hidden_.size()) + 2)
        throw UsageError("brief protection did not converge");
      t_ = protect_table(cells_, rows_, cols_, p_, nullptr, nullptr, &pre_);
      if (!close_identities() && !break_determined()) break;
    }
    return result();
  }

 private:
  void build_cells() {
    spark_ = b_.all.sparkline.size();
    sectors_ = b_.rows.size();
    rows_ = sectors_ + 1;  // + "in no sector"
    cols_ = kSpark0 + spark_;
    cells_.assign(rows_ * cols_, 0);
    std::vector<int64_t> outside = values(b_.all);
    for (const BriefRow& r : b_.rows) {
      if (r.sector_index < 0 || static_cast<size_t>(r.sector_index) >= sectors_ ||
          r.sparkline.size() != spark_)
        throw UsageError("brief protection: rows do not match their sectors");
      const std::vector<int64_t> v = values(r);
      for (size_t c = 0; c < cols_; ++c) {
        cells_[r.sector_index * cols_ + c] = v[c];
        outside[c] -= v[c];
      }
    }
    for (size_t c = 0; c < cols_; ++c) {
      if (outside[c] < 0) throw UsageError("brief protection: sectors exceed the whole area");
      cells_[sectors_ * cols_ + c] = outside[c];
    }
  }

  // Each count column covers a range of weeks; where the range is a whole number of periods
  // inside the sparkline (or the timeline, for "(all)"), it is their sum. With one-week periods
  // this is week = sparkline[11], prev_week = sparkline[10], prev4 = sparkline[7..10] and, early
  // in the year, ytd = the year's sparkline weeks (or timeline bars); with 13-week periods also
  // the same period last year and last year's year-to-date.
  void build_identities() {
    const int64_t n = std::max(1, b_.span_weeks), sel = b_.sel_bin;
    const struct {
      size_t col;
      int64_t first, last;
    } ranges[] = {{kWeek, sel - n + 1, sel},
                  {kPrev, sel - 2 * n + 1, sel - n},
                  {kPrev4, sel - 5 * n + 1, sel - n},
                  {kSameLy, b_.ly_sel_bin - n + 1, b_.ly_sel_bin},
                  {kYtd, b_.ytd_first_bin, sel},
                  {kYtdLy, b_.ly_ytd_first_bin, b_.ly_sel_bin}};
    const int64_t timeline = static_cast<int64_t>(b_.timeline.size());
    for (const auto& r : ranges) {
      if (r.last > sel || r.first > r.last || (sel - r.last) % n != 0 ||
          (r.last - r.first + 1) % n != 0)
        continue;
      const int64_t p_first = (sel - r.last) / n, p_last = (sel - r.first + 1) / n - 1;
      ColumnIdentity id{r.col, {}, {}, p_last >= static_cast<int64_t>(spark_)};
      if (p_last >= timeline || (!id.all_only && p_last >= static_cast<int64_t>(spark_)))
        continue;
      for (int64_t p = p_first; p <= p_last; ++p) {
        if (p < static_cast<int64_t>(spark_))
          id.spark.push_back(spark_ - 1 - static_cast<size_t>(p));
        else
          id.early.push_back(static_cast<size_t>(timeline - 1 - p));
      }
      identities_.push_back(std::move(id));
    }
  }

  std::vector<int64_t> values(const BriefRow& r) const {
    std::vector<int64_t> v = {
        r.week, r.prev_week,    std::llround(r.mean_prev4 * 4), r.same_week_last_year,
        r.ytd,  r.ytd_last_year};
    v.insert(v.end(), r.sparkline.begin(), r.sparkline.end());
    return v;
  }

  bool hidden(Member m) const {
    return m.in_table ? t_.hidden[m.index] != 0 : timeline_hidden_[m.index] != 0;
  }
  int64_t value(Member m) const { return m.in_table ? t_.value[m.index] : b_.timeline[m.index]; }
  Member cell(size_t r, size_t c) const { return {true, t_.index(r, c)}; }

  // An identity among `group` (one is the sum of the others): exactly one hidden member would
  // follow by subtraction, so hide the smallest published other (values under k first). Returns
  // whether anything was hidden.
  bool close_group(const std::vector<Member>& group) {
    size_t n_hidden = 0;
    for (Member m : group) n_hidden += hidden(m);
    if (n_hidden != 1) return false;
    const Member* best = nullptr;
    for (const Member& m : group) {
      if (hidden(m)) continue;
      const auto key = [&](const Member& x) { return std::make_tuple(value(x) >= p_.k, value(x)); };
      if (!best || key(m) < key(*best)) best = &m;
    }
    if (!best) return false;
    if (best->in_table)
      pre_[best->index] = 1;
    else
      timeline_hidden_[best->index] = 1;
    return true;
  }

  bool close_identities() {
    bool changed = false;
    for (const ColumnIdentity& id : identities_)
      for (size_t r = id.all_only ? rows_ : 0; r <= rows_; ++r) {
        std::vector<Member> g{cell(r, id.col)};
        for (size_t j : id.spark) g.push_back(cell(r, kSpark0 + j));
        for (size_t i : id.early) g.push_back({false, i});
        changed |= close_group(g);
      }
    return changed;
  }

  // The identities above are closed one at a time; together with the column totals they can
  // still pin a hidden value down (e.g. early in the year ytd = the sparkline weeks, so a row's
  // hidden weeks sum to a printed number while a column total fixes one of them). The exact check
  // is linear algebra: the unknowns are the hidden values, the equations every identity with the
  // printed values moved to the right; a hidden value is determined when the reduced row echelon
  // form has a row with it alone. For each determined small count, hide the smallest printed
  // value of its row and of its column (then the loop re-runs the table and the identities).
  // The "in no sector" row counts as printed where not hidden (a reader knows less: conservative).
  // Returns whether anything was hidden.
  bool break_determined() {
    std::vector<int64_t> unknown(t_.value.size() + early_, -1);  // cell/bar -> unknown index
    size_t n_unknown = 0;
    const size_t tl = t_.value.size();  // timeline bar i is item tl + i
    for (size_t r = 0; r <= rows_; ++r)
      for (size_t c = 0; c < cols_; ++c)
        if (t_.is_hidden(r, c)) unknown[t_.index(r, c)] = static_cast<int64_t>(n_unknown++);
    for (size_t i = 0; i < early_; ++i)
      if (timeline_hidden_[i]) unknown[tl + i] = static_cast<int64_t>(n_unknown++);
    if (n_unknown == 0) return false;
    std::vector<std::vector<double>> eq;
    const auto equation = [&](const std::vector<std::pair<size_t, double>>& terms) {
      std::vector<double> row(n_unknown, 0);
      bool any = false;
      for (auto [item, coef] : terms)
        if (unknown[item] >= 0) row[unknown[item]] += coef, any = true;
      if (any) eq.push_back(std::move(row));
    };
    const auto at = [&](size_t r, size_t c) { return t_.index(r, c); };
    for (size_t c = 0; c < cols_; ++c) {
      std::vector<std::pair<size_t, double>> terms{{at(rows_, c), -1}};
      for (size_t r = 0; r < rows_; ++r) terms.push_back({at(r, c), 1});
      equation(terms);
    }
    for (const ColumnIdentity& id : identities_)
      for (size_t r = id.all_only ? rows_ : 0; r <= rows_; ++r) {
        std::vector<std::pair<size_t, double>> terms{{at(r, id.col), 1}};
        for (size_t j : id.spark) terms.push_back({at(r, kSpark0 + j), -1});
        for (size_t i : id.early) terms.push_back({tl + i, -1});
        equation(terms);
      }
    // Reduced row echelon form (partial pivoting; the entries are small integers).
    size_t rank = 0;
    for (size_t c = 0; c < n_unknown && rank < eq.size(); ++c) {
      size_t p = rank;
      for (size_t r = rank; r < eq.size(); ++r)
        if (std::abs(eq[r][c]) > std::abs(eq[p][c])) p = r;
      if (std::abs(eq[p][c]) < 1e-9) continue;
      std::swap(eq[p], eq[rank]);
      const double d = eq[rank][c];
      for (double& v : eq[rank]) v /= d;
      for (size_t r = 0; r < eq.size(); ++r) {
        if (r == rank || std::abs(eq[r][c]) < 1e-12) continue;
        const double f = eq[r][c];
        for (size_t j = c; j < n_unknown; ++j) eq[r][j] -= f * eq[rank][j];
      }
      ++rank;
    }
    std::vector<uint8_t> determined(n_unknown, 0);
    for (size_t r = 0; r < rank; ++r) {
      size_t nz = 0, last = 0;
      for (size_t j = 0; j < n_unknown; ++j)
        if (std::abs(eq[r][j]) > 1e-9) ++nz, last = j;
      if (nz == 1) determined[last] = 1;
    }
    bool changed = false;
    const auto hide_smallest = [&](const std::vector<size_t>& items) {
      const size_t* best = nullptr;
      for (const size_t& i : items) {
        if (t_.hidden[i]) continue;
        if (!best || std::make_tuple(t_.value[i] >= p_.k, t_.value[i]) <
                         std::make_tuple(t_.value[*best] >= p_.k, t_.value[*best]))
          best = &i;
      }
      if (best && !pre_[*best]) pre_[*best] = 1, changed = true;
    };
    for (size_t item = 0; item < unknown.size(); ++item) {
      if (unknown[item] < 0 || !determined[unknown[item]]) continue;
      const int64_t v = item < tl ? t_.value[item] : b_.timeline[item - tl];
      if (v < 1 || v >= p_.k) continue;
      if (item >= tl) {  // an early timeline bar (only in the "(all)" ytd sum): hide the
        // smallest other printed bar, else the "(all)" year-to-date
        size_t best = early_;
        for (size_t i = 0; i < early_; ++i)
          if (!timeline_hidden_[i] && (best == early_ || b_.timeline[i] < b_.timeline[best]))
            best = i;
        if (best < early_)
          timeline_hidden_[best] = 1, changed = true;
        else if (!t_.is_hidden(rows_, kYtd) && !pre_[at(rows_, kYtd)])
          pre_[at(rows_, kYtd)] = 1, changed = true;
        continue;
      }
      const size_t r = item / t_.width(), c = item % t_.width();
      std::vector<size_t> row_items, col_items;
      for (size_t cc = 0; cc < cols_; ++cc) row_items.push_back(at(r, cc));
      for (size_t rr = 0; rr <= rows_; ++rr) col_items.push_back(at(rr, c));
      hide_smallest(row_items);
      hide_smallest(col_items);
    }
    return changed;
  }

  BriefRowMask row_mask(size_t r) const {
    BriefRowMask m;
    m.week = t_.is_hidden(r, kWeek);
    m.prev_week = t_.is_hidden(r, kPrev);
    m.mean_prev4 = t_.is_hidden(r, kPrev4);
    m.same_week_last_year = t_.is_hidden(r, kSameLy);
    m.ytd = t_.is_hidden(r, kYtd);
    m.ytd_last_year = t_.is_hidden(r, kYtdLy);
    m.derived = m.week || m.mean_prev4;
    for (size_t j = 0; j < spark_; ++j) m.sparkline.push_back(t_.is_hidden(r, kSpark0 + j));
    return m;
  }

  BriefProtection result() const {
    BriefProtection out;
    out.partner_safe = true;
    out.marker = t_.marker;
    out.by_sector.resize(sectors_);
    for (size_t s = 0; s < sectors_; ++s) out.by_sector[s] = row_mask(s);
    out.all = row_mask(rows_);
    out.outside_week_hidden = t_.is_hidden(sectors_, kWeek);
    out.timeline_hidden = timeline_hidden_;
    for (size_t j = 0; j < spark_ && early_ + j < out.timeline_hidden.size(); ++j)
      out.timeline_hidden[early_ + j] = out.all.sparkline[j];
    // The row-total column is never printed; count printed-table cells and timeline bars.
    for (size_t r = 0; r <= rows_; ++r)
      for (size_t c = 0; c < cols_; ++c) out.hidden_values += t_.is_hidden(r, c);
    for (size_t i = 0; i < early_; ++i) out.hidden_values += timeline_hidden_[i];
    for (size_t i = 0; i < out.timeline_hidden.size(); ++i)
      if (out.timeline_hidden[i] && b_.timeline[i] >= p_.k) out.marker = "s";
    out.csv_notice = protection_footer_both(p_, false);
    return out;
  }

  const WeeklyBrief& b_;
  const DisclosurePolicy& p_;
  const std::vector<uint8_t>* extra_ = nullptr;
  size_t spark_ = 0, sectors_ = 0, rows_ = 0, cols_ = 0, early_ = 0;
  std::vector<ColumnIdentity> identities_;
  std::vector<int64_t> cells_;
  std::vector<uint8_t> pre_, timeline_hidden_;
  ProtectedTable t_;
};

void append_row(std::string& out, const BriefRow& r, const BriefRowMask& m,
                const std::string& marker) {
  const auto count = [&](int64_t v, bool h) { return "," + (h ? marker : std::to_string(v)); };
  out += csv_quote(r.sector);
  out += count(r.week, m.week) + count(r.prev_week, m.prev_week);
  out += "," + (m.mean_prev4 ? marker : fixed_decimals(r.mean_prev4, 3));
  out += count(r.same_week_last_year, m.same_week_last_year) + count(r.ytd, m.ytd) +
         count(r.ytd_last_year, m.ytd_last_year);
  if (m.derived) {
    out += "," + marker + "," + marker + "," + marker + "\n";
    return;
  }
  out += "," + fixed_decimals(r.z, 3) + "," + to_string(r.flag) + ",";
  if (r.pct_change) out += fixed_decimals(*r.pct_change, 1);
  out += "\n";
}

}  // namespace

BriefProtection protect_weekly_brief(const WeeklyBrief& brief, const DisclosurePolicy& policy,
                                     const std::vector<uint8_t>* extra_hidden) {
  if (!policy.partner_safe) {
    BriefProtection out;
    out.partner_safe = false;
    out.timeline_hidden.assign(brief.timeline.size(), 0);
    return out;
  }
  policy.validate();
  return BriefProtector(brief, policy, extra_hidden).run();
}

std::string weekly_brief_csv(const WeeklyBrief& brief, const BriefProtection& protection) {
  std::string out = "# ";
  out += protection.partner_safe ? protection.csv_notice : std::string(internal_use_stamp());
  out +=
      "\nsector,week,prev_week,mean_prev4,same_week_last_year,ytd,ytd_last_year,z,flag,"
      "pct_change\n";
  for (const BriefRow& r : brief.rows) append_row(out, r, protection.mask(r), protection.marker);
  append_row(out, brief.all, protection.mask(brief.all), protection.marker);
  return out;
}

}  // namespace faro
