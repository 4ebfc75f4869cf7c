// Synthetic control. (Stub: filled in by the synthetic-control work.)
#include "core/program_evaluation_detail.hpp"

namespace faro::eval_detail {

Estimate<SyntheticControlResult> synthetic_control(const DailyCounts&,
                                                   const std::vector<TreatedSector>&,
                                                   const std::vector<size_t>&, EvalBin, int) {
  return Estimate<SyntheticControlResult>::missing(EvalReason::sc_no_donors);
}

}  // namespace faro::eval_detail
