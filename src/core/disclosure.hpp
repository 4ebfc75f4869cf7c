#pragma once
// Partner-safe disclosure control: what may leave the analyst's screen.
//
// Threat: a partner (NGO, university, agency) who receives a map or table must not be able to
// locate a victim. Published research recovered a quarter to most of the addresses behind points
// on printed disease maps, so partner-safe outputs carry no points, ids, coordinates or dates finer
// than the period, and small counts are hidden. The rules, all applied by `protect_table`:
//
// 1. Primary suppression: a count of 1..k-1 (default k = 5) is hidden. Zeros are shown by default:
//    a zero places no victim anywhere, and partners need to see where there is no violence; with
//    `show_zeros = false` zeros are hidden like small counts (then "<5" means 0..4).
// 2. Margins are cells too: the table is units x periods with row totals, column totals and the
//    grand total, and a total of 1..k-1 is hidden like any cell (a sector's total over the whole
//    range is itself a count about that sector).
// 3. Complementary suppression: with the totals, every row and column is an equation
//    (cells = total). A hidden cell is recoverable by subtraction exactly when it is a bridge in
//    the bipartite graph whose nodes are the table's rows and columns (totals included) and whose
//    edges are the hidden cells (it lies on no cycle of hidden cells). We first make every line
//    with one hidden entry hide a second one (the smallest value, zeros first, preferring a cell
//    whose other line also needs a partner), then break every remaining bridge by hiding the
//    smallest cell that closes a cycle through it; repeated to a fixed point. `recoverable_cells`
//    is the independent audit (the tests also check it by linear algebra).
// 4. Differencing across exports (two exports that differ by one filter, e.g. all crimes vs all
//    but homicides, or Jan-Jun vs Jan-Jul): partner-safe exports are recorded in a ledger of the
//    values published per (unit, period) label; a new value that differs by 1..k-1 from any value
//    published before under the same label is hidden before step 3 (so its complement follows).
//    This is conservative (unrelated exports can also trigger it) and order dependent; it is the
//    rule that is checkable without knowing which filters a partner will compare.
// All hidden cells are written identically (one marker, null + suppressed=true in vector files)
// so a reader cannot tell a small count from its complement. The marker is "<k" when every hidden
// value is below k (the usual case: complements are chosen smallest first, zeros before others),
// and "s" (suprimido) when a complement had to be k or more, so "<k" is never false.
//
// Maps: a heatmap bandwidth below `min_bandwidth_m` (default 500 m) is raised, density values are
// rounded to `density_significant_digits`, and points are never drawn.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/messages.hpp"

namespace faro {

constexpr int kDefaultDisclosureK = 5;
constexpr double kDefaultMinBandwidthM = 500.0;

// The unit counts are aggregated to, as the protection notice names it.
// sector_group: groups of sectors (the partner brief's coarser level, core/brief_level.hpp).
enum class DisclosureUnit { sector, grid_cell, hexagon, sector_group };

struct DisclosurePolicy {
  bool partner_safe = true;     // false = internal use: raw counts, stamped "USO INTERNO"
  int k = kDefaultDisclosureK;  // counts 1..k-1 hidden; settable upward only (validate())
  double min_bandwidth_m = kDefaultMinBandwidthM;  // heatmap bandwidth floor, metres
  int density_significant_digits = 2;              // density values shown with 2 digits
  bool show_zeros = true;                          // see rule 1 above
  DisclosureUnit unit = DisclosureUnit::sector;    // aggregation unit named in the footer

  // Throws faro::UsageError when k < kDefaultDisclosureK (k is settable upward only: a partner
  // must be able to rely on the stated default), the bandwidth floor is below 500 m, or the
  // digits are outside 1..6.
  void validate() const;
  friend bool operator==(const DisclosurePolicy&, const DisclosurePolicy&) = default;
};

// A count table after disclosure control: rows = units, columns = periods. Margins are stored
// with the cells: row r's total at (r, cols), column c's total at (rows, c), grand total at
// (rows, cols). Values are the true counts; `hidden` says what may not be published.
struct ProtectedTable {
  size_t rows = 0, cols = 0;
  std::vector<int64_t> value;   // (rows + 1) x (cols + 1), row-major, margins included
  std::vector<uint8_t> hidden;  // same shape; 1 = suppressed
  std::vector<uint8_t> reason;  // same shape; see SuppressionReason
  std::string marker = "<5";    // text written for every hidden cell

  size_t width() const { return cols + 1; }
  size_t index(size_t r, size_t c) const { return r * width() + c; }
  int64_t at(size_t r, size_t c) const { return value[index(r, c)]; }
  bool is_hidden(size_t r, size_t c) const { return hidden[index(r, c)] != 0; }
  size_t hidden_count() const;
  size_t hidden_count(uint8_t why) const;
};

enum SuppressionReason : uint8_t {
  kPublished = 0,
  kPrimary = 1,        // 1..k-1 (or 0 with show_zeros = false)
  kDifference = 2,     // differs by 1..k-1 from a value published earlier under the same label
  kComplementary = 3,  // hidden so a primary cannot be recovered by subtraction
  kLinked = 4,         // hidden by the caller (`pre_hidden`): an identity outside the table
                       // (e.g. a week's count repeated in a sparkline) ties it to a hidden cell
};

// Values published earlier, by label (e.g. "Sector Centro|2024-02"); see rule 4.
using PublishedLedger = std::map<std::string, std::set<int64_t>>;

// Builds the margins of `cells` (rows x cols, row-major) and applies rules 1-3. When `labels` and
// `ledger` are given (labels: (rows + 1) x (cols + 1), margins included, "" = not tracked), rule 4
// is applied as well. `pre_hidden` (same shape as `labels`, 1 = hide) marks cells the caller must
// hide for reasons outside the table (reason kLinked); rule 3 then protects them too. With
// `policy.partner_safe == false` nothing is hidden.
ProtectedTable protect_table(const std::vector<int64_t>& cells, size_t rows, size_t cols,
                             const DisclosurePolicy& policy,
                             const std::vector<std::string>* labels = nullptr,
                             const PublishedLedger* ledger = nullptr,
                             const std::vector<uint8_t>* pre_hidden = nullptr);

// Adds every published (not hidden) value of `table` to `ledger` under its label.
void record_published(const ProtectedTable& table, const std::vector<std::string>& labels,
                      PublishedLedger& ledger);

// Indices (into value) of hidden cells that the published cells and margins determine exactly
// (bridges of the hidden-cell graph). Empty for a protected table.
std::vector<size_t> recoverable_cells(const ProtectedTable& table);

// `v` rounded to `digits` significant digits (0 stays 0); used for density values and legends.
double round_significant(double v, int digits);

// The footer that states the protection applied, worded from the catalogue (core/messages.hpp):
// "Protección: conteos < 5 suprimidos, ancho de banda ≥ 500 m, unidad: sector" (es) or
// "Protection: counts < 5 suppressed, bandwidth ≥ 500 m, unit: sector" (en).
// `with_bandwidth` = false leaves out the bandwidth clause (tables without a heatmap).
std::string protection_footer(const DisclosurePolicy& policy, Language language,
                              bool with_bandwidth = true);
// The same by language code ("en", else Spanish), for callers that carry a code string.
std::string protection_footer(const DisclosurePolicy& policy, const std::string& language,
                              bool with_bandwidth = true);
// Both languages, "es / en": the one-line notice of files read on both sides of a partnership
// when no --lang was chosen.
std::string protection_footer_both(const DisclosurePolicy& policy, bool with_bandwidth);

// The stamp on internal outputs: "USO INTERNO / INTERNAL USE".
const char* internal_use_stamp();

}  // namespace faro
