// Event-study intervals and the pre-trend test. (Stub: filled in by the event-study work.)
#include "core/program_evaluation_detail.hpp"

namespace faro::eval_detail {

Estimate<PreTrendTest> event_study_intervals(const DailyCounts&, const std::vector<TreatedSector>&,
                                             const std::vector<size_t>&, EvalBin, int,
                                             std::vector<EventStudyPoint>&) {
  return Estimate<PreTrendTest>::missing(EvalReason::pre_trend_too_few);
}

}  // namespace faro::eval_detail
