#pragma once
// What a partner-safe evaluation report may print (core/disclosure.hpp applied to the counts of a
// ProgramEvaluation). The report publishes, for the treated sectors pooled, a count per period
// (the observed ITS series, or the event study's counts without it; the event study's treated
// rates and the synthetic control's treated means are those counts divided by the number of
// sectors) and the window totals before and after rollout, which are sums of those periods; for
// the comparison sectors, the window totals and (event study without intervals) a rate per
// period.
//
// One count table closes the subtraction: rows = before / after rollout, columns = the blocks of
// each side in order (the shorter side padded with zeros), row totals = the window totals, so
// protect_table hides the blocks of 1..k-1 and complements them so no hidden block follows from a
// printed total. A few treated sectors have weekly counts of 0 to 4 in most weeks, so a chart of
// weeks would be nearly all gaps: periods are pooled into blocks counted from the rollout
// outwards (weeks: 1, 4 or 13; months: 1 or 3), the smallest block at which at most a fifth of
// the blocks with incidents are hidden, and the charts draw each block's mean per period.
// A window total of 1..k-1 is hidden; then the DiD ratio (Ta/Tb)/(Ca/Cb) would give it back from
// the three other totals, so all four totals (and their rates and the treated-only ratio) are
// hidden together. Comparison periods of 1..k-1 (its rate times the number of comparison sectors)
// are left out of the rates chart. Model outputs (ratios, intervals, fitted and counterfactual
// values, weights) are printed: they are not counts. Internal reports hide nothing (blocks of 1).
#include <cstdint>
#include <set>
#include <string>

#include "core/disclosure.hpp"
#include "core/program_evaluation.hpp"

namespace faro::render {

struct ReportMasks {
  bool partner_safe = true;
  std::string marker = "<5";
  int k = kDefaultDisclosureK;
  // The window totals (and the rates and the treated-only ratio made from them).
  bool treated_before = false, treated_after = false;
  bool comparison_before = false, comparison_after = false;
  int block = 1;                        // periods per block of the treated charts
  std::set<int64_t> treated_blocks;     // blocks whose pooled treated count is hidden
  std::set<int64_t> comparison_bins;    // relative periods whose comparison count is hidden
  size_t hidden = 0;                    // values hidden (blocks, periods and totals)

  bool any_total() const {
    return treated_before || treated_after || comparison_before || comparison_after;
  }
  // The block of a relative period: blocks run outwards from the rollout (−block..−1 is −1).
  int64_t block_of(int64_t bin) const;
  bool treated_bin(int64_t bin) const { return treated_blocks.count(block_of(bin)) != 0; }
  bool comparison_bin(int64_t b) const { return comparison_bins.count(b) != 0; }
};

// Throws faro::UsageError for an invalid policy (policy.validate()).
ReportMasks report_masks(const ProgramEvaluation& ev, const DisclosurePolicy& policy);

// `v` as printed: the marker when `hidden`, else the count with `decimals` (thin-space thousands).
std::string masked_count(double v, bool hidden, const ReportMasks& m, int decimals = 0);

}  // namespace faro::render
