#pragma once
// Where each incident came from in its source (the 1-based CSV data row or feature number that
// Identify reads back on demand), stored as runs instead of one uint32 per incident. Sources are
// read in order, so the rows of the kept incidents rise by one except where a row was rejected
// (bad coordinates, outside the extent) or a new source starts: FGJ's 1.28 M rows make a few
// thousand runs, 8 bytes each, in place of 5 MB. The encoding is lossless for any sequence (a
// shuffled one merely makes one run per incident), so row i is always what was pushed i-th.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace faro {

class SourceRowRuns {
 public:
  // Incidents first_index, first_index + 1, ... up to the next run came from rows first_row,
  // first_row + 1, ...
  struct Run {
    uint32_t first_index;
    uint32_t first_row;
    bool operator==(const Run&) const = default;
  };

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  size_t run_count() const { return runs_.size(); }
  const std::vector<Run>& runs() const { return runs_; }
  size_t memory_bytes() const { return runs_.capacity() * sizeof(Run); }
  void clear() {
    runs_.clear();
    count_ = 0;
  }
  void shrink_to_fit() { runs_.shrink_to_fit(); }

  // Appends the row of incident size(). Amortised O(1): extends the last run when `row` follows it.
  void push_back(uint32_t row) {
    if (runs_.empty() || uint64_t{row} != uint64_t{last_row()} + 1)
      runs_.push_back({static_cast<uint32_t>(count_), row});
    ++count_;
  }
  // The row of incident i < size(). O(log runs).
  uint32_t operator[](size_t i) const {
    const auto after = std::upper_bound(runs_.begin(), runs_.end(), i,
                                        [](size_t v, const Run& r) { return v < r.first_index; });
    const Run& r = *(after - 1);
    return r.first_row + static_cast<uint32_t>(i - r.first_index);
  }
  // Appends every row of `more`, in order.
  void append(const SourceRowRuns& more);
  // Keeps, in order, the rows with keep[i] != 0 (keep.size() == size()). O(size()).
  template <class Flag>
  void keep_rows(const std::vector<Flag>& keep) {
    SourceRowRuns out;
    size_t r = 0;
    for (size_t i = 0; i < count_; ++i) {
      while (r + 1 < runs_.size() && runs_[r + 1].first_index <= i) ++r;
      if (keep[i]) out.push_back(runs_[r].first_row + static_cast<uint32_t>(i - runs_[r].first_index));
    }
    *this = std::move(out);
  }
  // Every row, one per incident (tests, and callers that want the old explicit column).
  std::vector<uint32_t> expand() const;
  // Rebuilds from stored runs (the incident cache); nullopt unless they describe `count` rows
  // (first run at index 0, indices strictly rising and below count).
  static std::optional<SourceRowRuns> from_runs(const std::vector<Run>& runs, size_t count);

  bool operator==(const SourceRowRuns&) const = default;

 private:
  uint32_t last_row() const {
    const Run& r = runs_.back();
    return r.first_row + static_cast<uint32_t>(count_ - 1 - r.first_index);
  }
  std::vector<Run> runs_;  // by first_index, rising
  size_t count_ = 0;
};

static_assert(sizeof(SourceRowRuns::Run) == 8, "the incident cache writes runs as two u32");

}  // namespace faro
