#include "render/evaluation_report_disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "core/civil_time.hpp"
#include "render/brief_page_parts.hpp"

namespace faro::render {
namespace {

// The treated sectors' pooled count per relative period, as the report prints it: the ITS series
// when there is one (page 1's timeline), else the event study's counts.
std::map<int64_t, int64_t> treated_counts(const ProgramEvaluation& ev) {
  std::map<int64_t, int64_t> out;
  if (ev.its) {
    for (const ItsPoint& p : ev.its.value->series)
      out[p.relative_bin] = std::llround(p.observed);
  }
  if (ev.event_study)
    for (const EventStudyPoint& p : *ev.event_study.value)
      out.try_emplace(p.relative_bin, std::llround(p.treated_count));
  return out;
}

bool small(double v, int k) {
  const int64_t n = std::llround(v);
  return n > 0 && n < k;
}

struct BlockTable {
  int block = 1;
  std::set<int64_t> hidden;  // blocks
  bool before_total = false, after_total = false;
  std::string marker;
  size_t with_incidents = 0, hidden_with_incidents = 0;
};

// Protects the counts pooled in blocks of `block` periods: rows before / after, one column per
// block of each side, row totals = the window totals.
BlockTable protect_blocks(const std::map<int64_t, int64_t>& counts, int block,
                          const DisclosurePolicy& policy) {
  BlockTable out;
  out.block = block;
  std::map<int64_t, int64_t> sums;
  for (const auto& [bin, n] : counts) sums[floor_div(bin, block)] += n;
  std::vector<int64_t> before, after;
  for (const auto& [b, n] : sums) (b < 0 ? before : after).push_back(b);
  const size_t cols = std::max(before.size(), after.size());
  if (cols == 0) return out;
  std::vector<int64_t> cells(2 * cols, 0);
  for (size_t c = 0; c < before.size(); ++c) cells[c] = sums.at(before[c]);
  for (size_t c = 0; c < after.size(); ++c) cells[cols + c] = sums.at(after[c]);
  const ProtectedTable t = protect_table(cells, 2, cols, policy);
  out.marker = t.marker;
  for (size_t c = 0; c < before.size(); ++c)
    if (t.is_hidden(0, c)) out.hidden.insert(before[c]);
  for (size_t c = 0; c < after.size(); ++c)
    if (t.is_hidden(1, c)) out.hidden.insert(after[c]);
  out.before_total = t.is_hidden(0, cols);
  out.after_total = t.is_hidden(1, cols);
  for (const auto& [b, n] : sums)
    if (n > 0) {
      ++out.with_incidents;
      out.hidden_with_incidents += out.hidden.count(b);
    }
  return out;
}

}  // namespace

int64_t ReportMasks::block_of(int64_t bin) const { return floor_div(bin, std::max(1, block)); }

ReportMasks report_masks(const ProgramEvaluation& ev, const DisclosurePolicy& policy) {
  policy.validate();
  ReportMasks m;
  m.partner_safe = policy.partner_safe;
  m.k = policy.k;
  m.marker = "<" + std::to_string(policy.k);
  if (!policy.partner_safe) return m;

  // The smallest block at which at most a fifth of the blocks with incidents are hidden (else the
  // largest tried).
  const std::map<int64_t, int64_t> counts = treated_counts(ev);
  const std::vector<int> blocks =
      ev.by == EvalBin::week ? std::vector<int>{1, 4, 13} : std::vector<int>{1, 3};
  BlockTable chosen;
  for (int b : blocks) {
    chosen = protect_blocks(counts, b, policy);
    if (5 * chosen.hidden_with_incidents <= chosen.with_incidents) break;
  }
  m.block = chosen.block;
  m.treated_blocks = chosen.hidden;
  if (!chosen.marker.empty()) m.marker = chosen.marker;
  if (!ev.eligible.empty()) {
    const bool any = chosen.before_total || chosen.after_total || small(ev.treated.before, m.k) ||
                     small(ev.treated.after, m.k) || small(ev.comparison.before, m.k) ||
                     small(ev.comparison.after, m.k);
    // One hidden total would follow from the DiD ratio and the three others: all four go.
    m.treated_before = m.treated_after = m.comparison_before = m.comparison_after = any;
  }
  // Comparison periods: the pooled count behind each rate of the event study.
  if (ev.event_study) {
    const double n = static_cast<double>(ev.comparison.sectors.size());
    for (const EventStudyPoint& p : *ev.event_study.value)
      if (small(p.comparison_rate * n, m.k)) m.comparison_bins.insert(p.relative_bin);
  }
  m.hidden = m.treated_blocks.size() + m.comparison_bins.size() + (m.any_total() ? 4 : 0);
  return m;
}

std::string masked_count(double v, bool hidden, const ReportMasks& m, int decimals) {
  return hidden ? m.marker : brief::format_count(v, decimals);
}

}  // namespace faro::render
