#include "core/source_row_runs.hpp"

namespace faro {

void SourceRowRuns::append(const SourceRowRuns& more) {
  for (size_t k = 0; k < more.runs_.size(); ++k) {
    const Run& r = more.runs_[k];
    const size_t end = k + 1 < more.runs_.size() ? more.runs_[k + 1].first_index : more.count_;
    const size_t n = end - r.first_index;
    // The first row goes through push_back (it may extend our last run); the rest follow it.
    push_back(r.first_row);
    count_ += n - 1;
  }
}

std::vector<uint32_t> SourceRowRuns::expand() const {
  std::vector<uint32_t> out(count_);
  for (size_t k = 0; k < runs_.size(); ++k) {
    const size_t end = k + 1 < runs_.size() ? runs_[k + 1].first_index : count_;
    for (size_t i = runs_[k].first_index; i < end; ++i)
      out[i] = runs_[k].first_row + static_cast<uint32_t>(i - runs_[k].first_index);
  }
  return out;
}

std::optional<SourceRowRuns> SourceRowRuns::from_runs(const std::vector<Run>& runs, size_t count) {
  if (runs.empty() != (count == 0)) return std::nullopt;
  if (!runs.empty() && runs.front().first_index != 0) return std::nullopt;
  for (size_t k = 0; k < runs.size(); ++k) {
    if (runs[k].first_index >= count) return std::nullopt;
    if (k > 0 && runs[k].first_index <= runs[k - 1].first_index) return std::nullopt;
  }
  // Rebuilt run by run so that runs which continue each other merge (the canonical form ==
  // compares).
  SourceRowRuns out;
  for (size_t k = 0; k < runs.size(); ++k) {
    const size_t end = k + 1 < runs.size() ? runs[k + 1].first_index : count;
    out.push_back(runs[k].first_row);
    out.count_ += end - runs[k].first_index - 1;
  }
  return out;
}

}  // namespace faro
