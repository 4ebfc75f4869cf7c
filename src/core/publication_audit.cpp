// The cross-output audit; see the header for what is checked and why.
#include "core/publication_audit.hpp"

#include <algorithm>
#include <optional>
#include <tuple>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "core/sparse_rref.hpp"

namespace faro {

std::string offence_filter_key(const std::string& field, std::vector<std::string> values) {
  if (values.empty()) return "";
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string key = field + "=";
  for (size_t i = 0; i < values.size(); ++i) key += (i ? "|" : "") + values[i];
  return key;
}

namespace {

struct AuditFact {
  const CountScope* scope = nullptr;
  bool hidden = false;
  bool is_new = false;
  size_t cell = 0;        // index into the new table (is_new)
  size_t filter = 0;      // index into the distinct filters (0 = every offence)
  size_t first_atom = 0, end_atom = 0;
  std::vector<uint32_t> classes;
};

// Parses "<field>=<v1>|<v2>"; false when it is on another field than `field`.
bool parse_filter(const std::string& key, const std::string& field, std::set<std::string>& values) {
  const size_t eq = key.find('=');
  if (eq == std::string::npos || key.substr(0, eq) != field) return false;
  size_t start = eq + 1;
  while (start <= key.size()) {
    const size_t bar = key.find('|', start);
    values.insert(key.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return true;
}

struct ClassKey {
  uint32_t unit, atom, offence;  // unit 0 = in no sector, u = sector u - 1
};

class Auditor {
 public:
  Auditor(const DisclosureLedger& ledger, const AuditIncidents& inc,
          const std::vector<CountScope>& scopes, const ProtectedTable& table, int k,
          const std::vector<uint8_t>* cost)
      : inc_(inc), table_(table), k_(k), cost_(cost) {
    filters_.push_back("");
    for (const LedgerFact& f : ledger.facts) add_fact(&f.scope, f.hidden, false, 0);
    for (size_t i = 0; i < scopes.size() && i < table.value.size(); ++i)
      if (!scopes[i].units.empty()) add_fact(&scopes[i], table.hidden[i] != 0, true, i);
    build_atoms();
    build_classes();
    build_rows();
  }

  AuditResult run() {
    AuditResult result;
    result.unchecked_facts = unchecked_;
    result.classes = class_keys_.size();
    SparseRref before(class_keys_.size()), after(class_keys_.size());
    for (const AuditFact& f : facts_) {
      if (f.hidden) continue;
      ++result.rows;
      if (!f.is_new) before.add(f.classes, -1);
      after.add(f.classes, f.is_new ? static_cast<int32_t>(f.cell) : -1);
    }
    std::set<std::vector<uint32_t>> seen;
    std::set<size_t> hide;
    auto check = [&](std::vector<uint32_t> region) {
      if (region.empty()) return;
      std::sort(region.begin(), region.end());
      region.erase(std::unique(region.begin(), region.end()), region.end());
      int64_t value = 0;
      for (uint32_t c : region) value += class_count_[c];
      if (value <= 0 || value >= k_) return;
      if (!seen.insert(region).second) return;
      std::vector<int32_t> prov;
      if (!after.determined(region, &prov)) return;
      if (before.determined(region)) {
        ++result.inherited;
        return;
      }
      ++result.violations;
      if (auto cell = pick_cell(region, prov)) hide.insert(*cell);
    };
    // (a) each class.
    for (uint32_t c = 0; c < class_keys_.size(); ++c) check({c});
    // (b) per unit set used by a published number, per offence selection (each filter and each
    // offence atom): every run of consecutive time atoms whose count is 1..k-1 (runs grow from
    // each atom until the count reaches k, so only small runs are tried). Covers a period minus
    // its weeks, ytd(W) - ytd(W-4), and one offence left out.
    std::set<std::vector<std::string>> unit_sets;
    for (const AuditFact& f : facts_) unit_sets.insert(f.scope->units);
    const size_t atoms = ends_.empty() ? 0 : ends_.size() - 1;
    const size_t offence_atoms = accepts_.empty() ? 0 : accepts_[0].size();
    std::vector<std::vector<uint8_t>> selections = accepts_;  // one per filter
    for (size_t o = 0; o < offence_atoms; ++o) {
      std::vector<uint8_t> one(offence_atoms, 0);
      one[o] = 1;
      selections.push_back(one);
    }
    for (const auto& units : unit_sets) {
      const std::vector<uint8_t> in = unit_mask(units);
      for (const std::vector<uint8_t>& sel : selections) {
        std::vector<std::vector<uint32_t>> by_atom(atoms);
        std::vector<int64_t> count(atoms, 0);
        for (uint32_t c = 0; c < class_keys_.size(); ++c) {
          const ClassKey& key = class_keys_[c];
          if (!in[key.unit] || key.offence >= sel.size() || !sel[key.offence]) continue;
          by_atom[key.atom].push_back(c);
          count[key.atom] += class_count_[c];
        }
        for (size_t i = 0; i < atoms; ++i) {
          std::vector<uint32_t> region;
          int64_t value = 0;
          for (size_t j = i; j < atoms && value < k_; ++j) {
            region.insert(region.end(), by_atom[j].begin(), by_atom[j].end());
            value += count[j];
            if (value > 0 && value < k_ && !by_atom[j].empty()) check(region);
          }
        }
      }
    }
    // (c) the days other numbers with the same units and filter leave uncovered.
    for (const AuditFact& f : facts_) {
      std::vector<uint8_t> covered(f.end_atom - f.first_atom, 0);
      for (const AuditFact& g : facts_) {
        if (&g == &f || g.filter != f.filter || g.scope->units != f.scope->units) continue;
        if (g.first_atom < f.first_atom || g.end_atom > f.end_atom) continue;
        if (g.first_atom == f.first_atom && g.end_atom == f.end_atom) continue;
        for (size_t a = g.first_atom; a < g.end_atom; ++a) covered[a - f.first_atom] = 1;
      }
      const size_t n = static_cast<size_t>(std::count(covered.begin(), covered.end(), 1));
      if (n == 0 || n == covered.size()) continue;
      std::vector<uint32_t> region;
      for (uint32_t c : f.classes)
        if (!covered[class_keys_[c].atom - f.first_atom]) region.push_back(c);
      check(region);
    }
    // (d) hidden numbers.
    for (const AuditFact& f : facts_)
      if (f.hidden) check(f.classes);
    result.to_hide.assign(hide.begin(), hide.end());
    return result;
  }

 private:
  void add_fact(const CountScope* scope, bool hidden, bool is_new, size_t cell) {
    if (scope->end_day <= scope->first_day) return;
    size_t filter = 0;
    if (!scope->filter.empty()) {
      std::set<std::string> values;
      if (!parse_filter(scope->filter, inc_.category_field, values)) {
        if (!is_new) ++unchecked_;
        return;
      }
      const auto it = std::find(filters_.begin(), filters_.end(), scope->filter);
      filter = static_cast<size_t>(it - filters_.begin());
      if (it == filters_.end()) {
        filters_.push_back(scope->filter);
        filter_values_.resize(filters_.size());
        filter_values_.back() = std::move(values);
      }
    }
    AuditFact f;
    f.scope = scope;
    f.hidden = hidden;
    f.is_new = is_new;
    f.cell = cell;
    f.filter = filter;
    facts_.push_back(std::move(f));
  }

  void build_atoms() {
    for (const AuditFact& f : facts_) {
      ends_.push_back(f.scope->first_day);
      ends_.push_back(f.scope->end_day);
    }
    std::sort(ends_.begin(), ends_.end());
    ends_.erase(std::unique(ends_.begin(), ends_.end()), ends_.end());
    for (AuditFact& f : facts_) {
      f.first_atom = static_cast<size_t>(
          std::lower_bound(ends_.begin(), ends_.end(), f.scope->first_day) - ends_.begin());
      f.end_atom = static_cast<size_t>(
          std::lower_bound(ends_.begin(), ends_.end(), f.scope->end_day) - ends_.begin());
    }
    // Offence atoms: categories with the same membership in every filter.
    filter_values_.resize(filters_.size());
    std::map<std::vector<uint8_t>, uint32_t> atom_of_signature;
    offence_atom_.assign(inc_.category_names.size(), 0);
    accepts_.assign(filters_.size(), {});
    for (size_t code = 0; code < inc_.category_names.size(); ++code) {
      std::vector<uint8_t> sig(filters_.size(), 1);
      for (size_t f = 1; f < filters_.size(); ++f)
        sig[f] = filter_values_[f].count(inc_.category_names[code]) ? 1 : 0;
      const auto [it, fresh] =
          atom_of_signature.emplace(sig, static_cast<uint32_t>(atom_of_signature.size()));
      offence_atom_[code] = it->second;
      for (size_t f = 0; f < filters_.size(); ++f) {
        if (accepts_[f].size() <= it->second) accepts_[f].resize(it->second + 1, 0);
        accepts_[f][it->second] = sig[f];
      }
    }
  }

  std::vector<uint8_t> unit_mask(const std::vector<std::string>& units) const {
    std::vector<uint8_t> in(inc_.unit_names.size() + 1, 0);
    for (const std::string& name : units) {
      if (name == kEveryUnit) return std::vector<uint8_t>(in.size(), 1);
      if (name == kOutsideUnit) in[0] = 1;
      for (size_t s = 0; s < inc_.unit_names.size(); ++s)
        if (inc_.unit_names[s] == name) in[s + 1] = 1;
    }
    return in;
  }

  void build_classes() {
    if (ends_.size() < 2) return;
    std::unordered_map<uint64_t, uint32_t> id;
    const uint64_t atoms = ends_.size(), offences = accepts_.empty() ? 1 : accepts_[0].size() + 1;
    for (size_t i = 0; i < inc_.t.size(); ++i) {
      const int64_t day = days_of(inc_.t[i]);
      if (day < ends_.front() || day >= ends_.back()) continue;
      const uint32_t atom =
          static_cast<uint32_t>(std::upper_bound(ends_.begin(), ends_.end(), day) - ends_.begin() - 1);
      const uint16_t code = i < inc_.category.size() ? inc_.category[i] : 0;
      const uint32_t offence = code < offence_atom_.size() ? offence_atom_[code] : 0;
      const int32_t sec = i < inc_.sector.size() ? inc_.sector[i] : -1;
      const uint32_t unit =
          sec >= 0 && static_cast<size_t>(sec) < inc_.unit_names.size() ? sec + 1 : 0;
      const uint64_t key = (uint64_t{unit} * atoms + atom) * offences + offence;
      const auto [it, fresh] = id.emplace(key, static_cast<uint32_t>(class_keys_.size()));
      if (fresh) {
        class_keys_.push_back({unit, atom, offence});
        class_count_.push_back(0);
      }
      ++class_count_[it->second];
    }
  }

  void build_rows() {
    std::vector<std::vector<uint32_t>> by_unit(inc_.unit_names.size() + 1);
    for (uint32_t c = 0; c < class_keys_.size(); ++c) by_unit[class_keys_[c].unit].push_back(c);
    for (AuditFact& f : facts_) {
      const std::vector<uint8_t> in = unit_mask(f.scope->units);
      for (size_t u = 0; u < in.size(); ++u) {
        if (!in[u]) continue;
        for (uint32_t c : by_unit[u]) {
          const ClassKey& key = class_keys_[c];
          if (key.atom < f.first_atom || key.atom >= f.end_atom) continue;
          if (key.offence < accepts_[f.filter].size() && !accepts_[f.filter][key.offence]) continue;
          f.classes.push_back(c);
        }
      }
      std::sort(f.classes.begin(), f.classes.end());
    }
  }

  std::optional<size_t> pick_cell(const std::vector<uint32_t>& region,
                                  const std::vector<int32_t>& provenance) const {
    std::vector<uint8_t> units(inc_.unit_names.size() + 1, 0);
    for (uint32_t c : region) units[class_keys_[c].unit] = 1;
    std::optional<size_t> best;
    std::tuple<int, int, int, int64_t> best_score{};
    for (int32_t tag : provenance) {
      const size_t cell = static_cast<size_t>(tag);
      if (cell >= table_.value.size() || table_.hidden[cell]) continue;
      const size_t r = cell / table_.width(), col = cell % table_.width();
      const int margin = (r == table_.rows || col == table_.cols) ? 1 : 0;
      const AuditFact* fact = nullptr;
      for (const AuditFact& f : facts_)
        if (f.is_new && f.cell == cell) fact = &f;
      int shares = 0;
      if (fact) {
        const std::vector<uint8_t> in = unit_mask(fact->scope->units);
        for (size_t u = 0; u < in.size() && !shares; ++u) shares = in[u] && units[u];
      }
      const int cost = cost_ && cell < cost_->size() ? (*cost_)[cell] : 0;
      const std::tuple<int, int, int, int64_t> score{margin, cost, 1 - shares, table_.value[cell]};
      if (!best || score < best_score) best = cell, best_score = score;
    }
    return best;
  }

  const AuditIncidents& inc_;
  const ProtectedTable& table_;
  int k_;
  const std::vector<uint8_t>* cost_ = nullptr;
  size_t unchecked_ = 0;
  std::vector<AuditFact> facts_;
  std::vector<std::string> filters_;
  std::vector<std::set<std::string>> filter_values_;
  std::vector<int64_t> ends_;
  std::vector<uint32_t> offence_atom_;          // by category code
  std::vector<std::vector<uint8_t>> accepts_;   // by filter, by offence atom
  std::vector<ClassKey> class_keys_;
  std::vector<int64_t> class_count_;
};

}  // namespace

AuditResult audit_publication(const DisclosureLedger& ledger, const AuditIncidents& incidents,
                              const std::vector<CountScope>& scopes, const ProtectedTable& table,
                              int k, const std::vector<uint8_t>* cost) {
  return Auditor(ledger, incidents, scopes, table, k, cost).run();
}

ProtectedTable protect_with_ledger(const std::vector<int64_t>& cells, size_t rows, size_t cols,
                                   const DisclosurePolicy& policy,
                                   const std::vector<std::string>& labels,
                                   const std::vector<CountScope>& scopes,
                                   const DisclosureLedger& ledger, const AuditIncidents& incidents,
                                   const std::vector<uint8_t>* pre_hidden,
                                   LedgerProtectionStats* stats) {
  const size_t size = (rows + 1) * (cols + 1);
  std::vector<uint8_t> pre = pre_hidden ? *pre_hidden : std::vector<uint8_t>(size, 0);
  pre.resize(size, 0);
  LedgerProtectionStats local;
  ProtectedTable table;
  constexpr size_t kMaxRounds = 200;
  for (;;) {
    ++local.rounds;
    table = protect_table(cells, rows, cols, policy, &labels, &ledger.labels, &pre);
    if (!policy.partner_safe) break;
    const AuditResult audit = audit_publication(ledger, incidents, scopes, table, policy.k);
    local.inherited = audit.inherited;
    local.unchecked_facts = audit.unchecked_facts;
    if (audit.violations == 0) break;
    bool changed = false;
    for (size_t cell : audit.to_hide)
      if (!pre[cell]) pre[cell] = 1, changed = true, ++local.hidden_for_ledger;
    if (!changed || local.rounds >= kMaxRounds)
      throw DataError(
          "this output cannot be published safely: together with what was published before "
          "(the disclosure ledger), it would reveal a count below " +
          std::to_string(policy.k) +
          ". Use periods and offences aligned with the earlier outputs, or a coarser period");
  }
  if (stats) *stats = local;
  return table;
}

void record_publication(const ProtectedTable& table, const std::vector<std::string>& labels,
                        const std::vector<CountScope>& scopes, DisclosureLedger& ledger) {
  record_published(table, labels, ledger.labels);
  // Repeated numbers (the same scope published again with the same value) are stored once.
  auto key = [](const LedgerFact& f) {
    std::string k = f.scope.filter + '\x1f' + std::to_string(f.scope.first_day) + '\x1f' +
                    std::to_string(f.scope.end_day) + '\x1f' +
                    (f.hidden ? std::string("H") : std::to_string(f.value));
    for (const std::string& u : f.scope.units) k += '\x1f' + u;
    return k;
  };
  std::set<std::string> have;
  for (const LedgerFact& f : ledger.facts) have.insert(key(f));
  for (size_t i = 0; i < scopes.size() && i < table.value.size(); ++i) {
    if (scopes[i].units.empty()) continue;
    LedgerFact f;
    f.scope = scopes[i];
    f.hidden = table.hidden[i] != 0;
    f.value = f.hidden ? 0 : table.value[i];
    if (have.insert(key(f)).second) ledger.facts.push_back(std::move(f));
  }
}

std::vector<uint8_t> whole_unit_suppression(const std::vector<int64_t>& cells, size_t rows,
                                            size_t cols, int k) {
  const size_t width = cols + 1;
  std::vector<uint8_t> pre((rows + 1) * width, 0);
  int64_t grand = 0;
  for (size_t r = 0; r < rows; ++r) {
    int64_t total = 0;
    for (size_t c = 0; c < cols; ++c) total += cells[r * cols + c];
    grand += total;
    if (total > 0 && total < k)
      for (size_t c = 0; c <= cols; ++c) pre[r * width + c] = 1;
  }
  if (grand > 0 && grand < k) std::fill(pre.begin(), pre.end(), 1);
  return pre;
}

}  // namespace faro
