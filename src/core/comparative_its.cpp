// Comparative interrupted time series. (Stub: filled in by the comparative-ITS work.)
#include "core/program_evaluation_detail.hpp"

namespace faro::eval_detail {

Estimate<ComparativeItsResult> comparative_its(const DailyCounts&,
                                               const std::vector<TreatedSector>&,
                                               const std::vector<size_t>&, EvalBin, int) {
  return Estimate<ComparativeItsResult>::missing(EvalReason::its_fit_failed);
}

}  // namespace faro::eval_detail
