#include "core/disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <tuple>

#include "core/errors.hpp"

namespace faro {

void DisclosurePolicy::validate() const {
  if (k < kDefaultDisclosureK)
    throw UsageError("k must be at least " + std::to_string(kDefaultDisclosureK) +
                     " (it can be raised, never lowered), got " + std::to_string(k));
  if (k > 1000000) throw UsageError("k is implausibly large: " + std::to_string(k));
  if (!(min_bandwidth_m >= kDefaultMinBandwidthM))
    throw UsageError("the minimum heatmap bandwidth cannot be below 500 m");
  if (density_significant_digits < 1 || density_significant_digits > 6)
    throw UsageError("density significant digits must be 1..6");
}

size_t ProtectedTable::hidden_count() const {
  return static_cast<size_t>(std::count(hidden.begin(), hidden.end(), 1));
}

size_t ProtectedTable::hidden_count(uint8_t why) const {
  size_t n = 0;
  for (size_t i = 0; i < hidden.size(); ++i) n += hidden[i] && reason[i] == why;
  return n;
}

namespace {

// The hidden cells as a bipartite graph: nodes 0..rows are the table's rows (margin row last),
// nodes rows+1 .. rows+1+cols its columns; cell (r, c) is the edge r -- rows+1+c.
class HiddenGraph {
 public:
  explicit HiddenGraph(const ProtectedTable& t) : t_(t), nodes_(t.rows + 1 + t.cols + 1) {}

  // Indices of hidden cells that are bridges (on no cycle of hidden cells). `skip` (a cell index)
  // is treated as published, for component searches.
  std::vector<size_t> bridges() {
    build(std::numeric_limits<size_t>::max());
    disc_.assign(nodes_, -1);
    low_.assign(nodes_, 0);
    timer_ = 0;
    std::vector<size_t> out;
    for (size_t v = 0; v < nodes_; ++v)
      if (disc_[v] < 0) dfs(v, std::numeric_limits<size_t>::max(), out);
    return out;
  }

  // Component (node flags) reached from `start` without using cell `skip`.
  std::vector<uint8_t> component(size_t start, size_t skip) {
    build(skip);
    std::vector<uint8_t> seen(nodes_, 0);
    std::vector<size_t> stack{start};
    seen[start] = 1;
    while (!stack.empty()) {
      const size_t v = stack.back();
      stack.pop_back();
      for (const auto& [w, cell] : adj_[v])
        if (!seen[w]) seen[w] = 1, stack.push_back(w);
    }
    return seen;
  }

 private:
  void build(size_t skip) {
    adj_.assign(nodes_, {});
    for (size_t r = 0; r <= t_.rows; ++r)
      for (size_t c = 0; c <= t_.cols; ++c) {
        const size_t i = t_.index(r, c);
        if (!t_.hidden[i] || i == skip) continue;
        adj_[r].push_back({t_.rows + 1 + c, i});
        adj_[t_.rows + 1 + c].push_back({r, i});
      }
  }

  // Tarjan's bridge search; the graph has at most a few thousand nodes, so recursion is fine.
  void dfs(size_t v, size_t parent_cell, std::vector<size_t>& out) {
    disc_[v] = low_[v] = timer_++;
    for (const auto& [w, cell] : adj_[v]) {
      if (cell == parent_cell) continue;
      if (disc_[w] < 0) {
        dfs(w, cell, out);
        low_[v] = std::min(low_[v], low_[w]);
        if (low_[w] > disc_[v]) out.push_back(cell);
      } else {
        low_[v] = std::min(low_[v], disc_[w]);
      }
    }
  }

  const ProtectedTable& t_;
  size_t nodes_;
  std::vector<std::vector<std::pair<size_t, size_t>>> adj_;  // (neighbour, cell index)
  std::vector<int64_t> disc_, low_;
  int64_t timer_ = 0;
};

class Complementer {
 public:
  Complementer(ProtectedTable& t, int k) : t_(t), k_(k) {}

  void run() {
    for (;;) {
      if (pair_lonely_lines()) continue;
      if (!break_one_bridge()) return;
    }
  }

 private:
  size_t hidden_in_row(size_t r) const {
    size_t n = 0;
    for (size_t c = 0; c <= t_.cols; ++c) n += t_.is_hidden(r, c);
    return n;
  }
  size_t hidden_in_col(size_t c) const {
    size_t n = 0;
    for (size_t r = 0; r <= t_.rows; ++r) n += t_.is_hidden(r, c);
    return n;
  }
  // Smaller is a better complement: values under k first (they keep "<k" true), then a cell
  // whose other line also has a single hidden entry (one cell fixes two lines), then the smaller
  // value, then interior cells before margins, then position (deterministic).
  auto cost(size_t r, size_t c, size_t crossing_hidden) const {
    const int64_t v = t_.at(r, c);
    const bool margin = r == t_.rows || c == t_.cols;
    return std::make_tuple(v >= k_, crossing_hidden != 1, v, margin, t_.index(r, c));
  }
  void hide(size_t r, size_t c) {
    const size_t i = t_.index(r, c);
    t_.hidden[i] = 1;
    t_.reason[i] = kComplementary;
  }

  // Rule: a row or column with exactly one hidden entry gets a second one. Returns whether any
  // cell was hidden.
  bool pair_lonely_lines() {
    bool changed = false;
    for (size_t r = 0; r <= t_.rows; ++r) {
      if (hidden_in_row(r) != 1) continue;
      std::optional<std::tuple<bool, bool, int64_t, bool, size_t>> best;
      size_t best_c = 0;
      for (size_t c = 0; c <= t_.cols; ++c) {
        if (t_.is_hidden(r, c)) continue;
        const auto key = cost(r, c, hidden_in_col(c));
        if (!best || key < *best) best = key, best_c = c;
      }
      if (best) hide(r, best_c), changed = true;
    }
    for (size_t c = 0; c <= t_.cols; ++c) {
      if (hidden_in_col(c) != 1) continue;
      std::optional<std::tuple<bool, bool, int64_t, bool, size_t>> best;
      size_t best_r = 0;
      for (size_t r = 0; r <= t_.rows; ++r) {
        if (t_.is_hidden(r, c)) continue;
        const auto key = cost(r, c, hidden_in_row(r));
        if (!best || key < *best) best = key, best_r = r;
      }
      if (best) hide(best_r, c), changed = true;
    }
    return changed;
  }

  // Every line has 0 or >= 2 hidden entries, yet a hidden cell can still be a bridge (two cycles
  // joined by one cell). Hide the cheapest published cell joining the bridge's two sides, which
  // puts the bridge on a cycle. Returns false when there is no bridge left.
  bool break_one_bridge() {
    HiddenGraph g(t_);
    const std::vector<size_t> bridges = g.bridges();
    if (bridges.empty()) return false;
    const size_t cell = bridges.front();
    const size_t br = cell / t_.width(), bc = cell % t_.width();
    const std::vector<uint8_t> side_a = g.component(br, cell);
    const std::vector<uint8_t> side_b = g.component(t_.rows + 1 + bc, cell);
    std::optional<std::tuple<bool, bool, int64_t, bool, size_t>> best;
    size_t best_r = 0, best_c = 0;
    for (size_t r = 0; r <= t_.rows; ++r)
      for (size_t c = 0; c <= t_.cols; ++c) {
        if (t_.is_hidden(r, c)) continue;
        const size_t cn = t_.rows + 1 + c;
        const bool joins = (side_a[r] && side_b[cn]) || (side_b[r] && side_a[cn]);
        if (!joins) continue;
        const auto key = cost(r, c, 0);
        if (!best || key < *best) best = key, best_r = r, best_c = c;
      }
    if (!best) {
      // Cannot happen in a complete row x column table (every row meets every column), kept as a
      // guard: hide the bridge's whole row so the loop still makes progress.
      for (size_t c = 0; c <= t_.cols; ++c)
        if (!t_.is_hidden(br, c)) hide(br, c);
      return true;
    }
    hide(best_r, best_c);
    return true;
  }

  ProtectedTable& t_;
  int k_;
};

}  // namespace

ProtectedTable protect_table(const std::vector<int64_t>& cells, size_t rows, size_t cols,
                             const DisclosurePolicy& policy, const std::vector<std::string>* labels,
                             const PublishedLedger* ledger,
                             const std::vector<uint8_t>* pre_hidden) {
  if (cells.size() != rows * cols)
    throw UsageError("protect_table: " + std::to_string(cells.size()) + " cells for a " +
                     std::to_string(rows) + "x" + std::to_string(cols) + " table");
  ProtectedTable t;
  t.rows = rows;
  t.cols = cols;
  t.value.assign((rows + 1) * (cols + 1), 0);
  t.hidden.assign(t.value.size(), 0);
  t.reason.assign(t.value.size(), kPublished);
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c) {
      const int64_t v = cells[r * cols + c];
      t.value[t.index(r, c)] = v;
      t.value[t.index(r, cols)] += v;
      t.value[t.index(rows, c)] += v;
      t.value[t.index(rows, cols)] += v;
    }
  t.marker = "<" + std::to_string(policy.k);
  if (!policy.partner_safe) return t;

  for (size_t i = 0; i < t.value.size(); ++i) {
    const int64_t v = t.value[i];
    if ((v >= 1 && v < policy.k) || (v == 0 && !policy.show_zeros)) {
      t.hidden[i] = 1;
      t.reason[i] = kPrimary;
    }
  }
  if (pre_hidden) {
    if (pre_hidden->size() != t.value.size())
      throw UsageError("protect_table: pre_hidden does not match the table with its margins");
    for (size_t i = 0; i < t.value.size(); ++i)
      if ((*pre_hidden)[i] && !t.hidden[i]) t.hidden[i] = 1, t.reason[i] = kLinked;
  }
  if (labels && ledger) {
    if (labels->size() != t.value.size())
      throw UsageError("protect_table: labels do not match the table with its margins");
    for (size_t i = 0; i < t.value.size(); ++i) {
      if (t.hidden[i] || (*labels)[i].empty()) continue;
      auto it = ledger->find((*labels)[i]);
      if (it == ledger->end()) continue;
      for (int64_t earlier : it->second) {
        const int64_t d = std::llabs(earlier - t.value[i]);
        if (d >= 1 && d < policy.k) {
          t.hidden[i] = 1;
          t.reason[i] = kDifference;
          break;
        }
      }
    }
  }
  Complementer(t, policy.k).run();
  for (size_t i = 0; i < t.value.size(); ++i)
    if (t.hidden[i] && t.value[i] >= policy.k) t.marker = "s";
  return t;
}

void record_published(const ProtectedTable& table, const std::vector<std::string>& labels,
                      PublishedLedger& ledger) {
  if (labels.size() != table.value.size())
    throw UsageError("record_published: labels do not match the table with its margins");
  for (size_t i = 0; i < table.value.size(); ++i)
    if (!table.hidden[i] && !labels[i].empty()) ledger[labels[i]].insert(table.value[i]);
}

std::vector<size_t> recoverable_cells(const ProtectedTable& table) {
  std::vector<size_t> out = HiddenGraph(table).bridges();
  std::sort(out.begin(), out.end());
  return out;
}

double round_significant(double v, int digits) {
  if (v == 0 || !std::isfinite(v)) return v;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(v)))) + 1;
  const double scale = std::pow(10.0, digits - magnitude);
  return std::round(v * scale) / scale;
}

std::string protection_footer(const DisclosurePolicy& policy, Language language,
                              bool with_bandwidth) {
  const Msg unit = policy.unit == DisclosureUnit::grid_cell ? Msg::unit_grid_cell
                   : policy.unit == DisclosureUnit::hexagon ? Msg::unit_hexagon
                   : policy.unit == DisclosureUnit::sector_group ? Msg::unit_sector_group
                                                            : Msg::unit_sector;
  char bw[32];
  std::snprintf(bw, sizeof bw, "%.0f", policy.min_bandwidth_m);
  return tr_format(language, Msg::protection_counts, policy.k) +
         (with_bandwidth ? tr_format(language, Msg::protection_bandwidth, bw) : std::string()) +
         tr_format(language, Msg::protection_unit, tr(unit, language));
}

std::string protection_footer(const DisclosurePolicy& policy, const std::string& language,
                              bool with_bandwidth) {
  return protection_footer(policy, language_from_code(language), with_bandwidth);
}

std::string protection_footer_both(const DisclosurePolicy& policy, bool with_bandwidth) {
  return protection_footer(policy, Language::es, with_bandwidth) + " / " +
         protection_footer(policy, Language::en, with_bandwidth);
}

const char* internal_use_stamp() {
  return "USO INTERNO / INTERNAL USE";
}

}  // namespace faro
