#pragma once
// How many permutations a Gi* hot-spot analysis runs, chosen from the number of units so that the
// false-discovery-rate correction can reach the 99 % class at all.
//
// Why: a conditional-permutation p (core/gi_star.hpp) is two-sided, 2 (min(ge, le) + 1) / (P + 1),
// so the smallest p that P permutations can give is 2 / (P + 1). Benjamini-Hochberg at level q
// over m units rejects the most extreme unit only when p_(1) m / 1 < q (gi_bin's classes are
// strict: p_fdr < 0.01 for 99 %). So the 99 % class is reachable only when
//     2 m / (P + 1) < q   <=>   P + 1 > 2 m / q   <=>   P >= floor(2 m / q)   (q = 0.01: P >= 200 m).
// With 999 permutations that is m < 5 units; a 1 km hexagon grid over Mexico City (~900 cells)
// needs 180,000. Without FDR the raw p must be < q: P >= floor(2 / q) = 200.
//
// The rule: the permutations needed, at least 999, when that is at most kMaxPermutations (a few
// seconds on two cores for ~500 units). Above the cap the classes come from the analytic p (the
// normal approximation of Gi*), FDR-corrected, with a permutation check: kCheckPermutations
// conditional permutations per unit, and no unit's class is higher than its own raw permutation p
// allows (the normal approximation is optimistic for skewed counts in small neighbourhoods; the
// check keeps only classes the permutation distribution supports too). A number the user gives is
// kept (0 = analytic p alone), with a warning when FDR cannot reach 99 % with it.
#include <cstddef>
#include <optional>
#include <string>

#include "core/language.hpp"

namespace faro {

inline constexpr double kFdrTopClassQ = 0.01;     // the 99 % class: p_fdr < 0.01
inline constexpr int kMinRulePermutations = 999;  // never fewer when chosen automatically
inline constexpr int kMaxPermutations = 99'999;   // the cap (and the largest --permutations)
inline constexpr int kCheckPermutations = 9'999;  // the check of the analytic fallback

// Where the p behind the classes comes from.
enum class PValueMethod {
  permutation,       // conditional permutations
  analytic_checked,  // normal approximation, each class confirmed by the permutation p
  analytic,          // normal approximation alone (the user asked for 0 permutations)
};

struct PermutationChoice {
  PValueMethod method = PValueMethod::permutation;
  int permutations = kMinRulePermutations;  // run for the p (permutation) or the check; 0 analytic
  int needed = 0;             // permutations the 99 % class needs over these units (see above)
  bool user_given = false;    // the user's number, kept
  bool reaches_top = true;    // whether the 99 % class can be reached with this choice
  friend bool operator==(const PermutationChoice&, const PermutationChoice&) = default;
};

// Smallest P whose smallest two-sided permutation p, 2 / (P + 1), passes Benjamini-Hochberg at `q`
// over `units` units (fdr) or `q` itself (no fdr): floor(2 m / q), resp. floor(2 / q).
long long permutations_needed(size_t units, bool fdr, double q = kFdrTopClassQ);

// The rule above. `user`: the number the user gave (kept), nullopt = choose.
PermutationChoice choose_permutations(size_t units, bool fdr, std::optional<int> user);

// "permutation 180000", "analytic (checked with 9999 permutations)", "analytic": for CSV files
// (language-neutral, one field without commas).
std::string p_method_field(const PermutationChoice& c);
// The same in words for maps ("p: 999 permutaciones", "p normal, comprobada con 9 999
// permutaciones").
std::string p_method_text(const PermutationChoice& c, Language lang);
// The warning for a user's number that cannot reach the 99 % class ("" when it can): names the
// number needed and the automatic choice.
std::string p_method_warning(const PermutationChoice& c, size_t units, Language lang);

}  // namespace faro
