// Randomization inference. (Stub: filled in by the randomization work.)
#include "core/program_evaluation_detail.hpp"

namespace faro::eval_detail {

Estimate<RandomizationResult> randomization_inference(const DailyCounts&,
                                                      const std::vector<TreatedSector>&,
                                                      const std::vector<size_t>&, int, double,
                                                      size_t, size_t, uint64_t) {
  return Estimate<RandomizationResult>::missing(EvalReason::ri_too_few_sets);
}

}  // namespace faro::eval_detail
