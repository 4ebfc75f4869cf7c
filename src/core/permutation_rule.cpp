#include "core/permutation_rule.hpp"

#include <algorithm>
#include <cmath>

#include "core/messages.hpp"

namespace faro {

long long permutations_needed(size_t units, bool fdr, double q) {
  // P + 1 > 2 m / q with m = 1 without FDR (the raw p alone must pass q).
  const double m = fdr ? static_cast<double>(std::max<size_t>(units, 1)) : 1.0;
  return static_cast<long long>(std::floor(2.0 * m / q));
}

PermutationChoice choose_permutations(size_t units, bool fdr, std::optional<int> user) {
  PermutationChoice c;
  const long long needed = permutations_needed(units, fdr);
  c.needed = static_cast<int>(std::min<long long>(needed, 2'000'000'000));
  if (user) {
    c.user_given = true;
    c.permutations = std::max(0, *user);
    c.method = c.permutations > 0 ? PValueMethod::permutation : PValueMethod::analytic;
    c.reaches_top = c.permutations == 0 || c.permutations >= needed;
    return c;
  }
  if (needed <= kMaxPermutations) {
    c.method = PValueMethod::permutation;
    c.permutations = static_cast<int>(std::max<long long>(kMinRulePermutations, needed));
  } else {
    c.method = PValueMethod::analytic_checked;
    c.permutations = kCheckPermutations;
  }
  c.reaches_top = true;
  return c;
}

std::string p_method_field(const PermutationChoice& c) {
  switch (c.method) {
    case PValueMethod::permutation:
      return "permutation " + std::to_string(c.permutations);
    case PValueMethod::analytic_checked:
      return "analytic (checked with " + std::to_string(c.permutations) + " permutations)";
    case PValueMethod::analytic:
      return "analytic";
  }
  return "";
}

std::string p_method_text(const PermutationChoice& c, Language lang) {
  switch (c.method) {
    case PValueMethod::permutation:
      return tr_format(lang, Msg::hotspot_p_permutations, c.permutations);
    case PValueMethod::analytic_checked:
      return tr_format(lang, Msg::hotspot_p_checked, c.permutations);
    case PValueMethod::analytic:
      return tr(Msg::hotspot_p_analytic, lang);
  }
  return "";
}

std::string p_method_warning(const PermutationChoice& c, size_t units, Language lang) {
  if (c.reaches_top || c.permutations <= 0) return "";
  const double smallest = 2.0 / (c.permutations + 1.0);
  return tr_format(lang, Msg::hotspot_p_warning, c.permutations, units, smallest,
                   static_cast<long long>(c.needed));
}

}  // namespace faro
