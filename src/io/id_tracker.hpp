#pragma once
// Private to src/io: duplicate-id detection that costs O(1) memory for the common case of ids that
// arrive strictly increasing (1..N, OBJECTID order). Increasing ids are kept as runs of consecutive
// values; only after the first out-of-order id does a hash set start (for the ids after it, the
// runs answer for the ones before it). Text ids always go to a set of 64-bit hashes (a false
// duplicate needs a hash collision: ~N^2/2^65, e.g. 1e-7 for 2M rows).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace faro::io {

class IdTracker {
 public:
  // True when `id` was seen before (the caller rejects the row).
  bool seen(int64_t id) {
    if (increasing_) {
      if (runs_.empty() || id > runs_.back().second) {
        if (!runs_.empty() && id == runs_.back().second + 1)
          runs_.back().second = id;
        else
          runs_.emplace_back(id, id);
        return false;
      }
      increasing_ = false;  // first out-of-order id: freeze the runs, start the set
    }
    auto it = std::upper_bound(runs_.begin(), runs_.end(), std::make_pair(id, INT64_MAX));
    if (it != runs_.begin() && std::prev(it)->second >= id) return true;
    return !later_.insert(id).second;
  }

  bool seen(std::string_view text_id) {
    return !text_hashes_.insert(std::hash<std::string_view>{}(text_id)).second;
  }

  bool strictly_increasing() const { return increasing_ && text_hashes_.empty(); }

 private:
  bool increasing_ = true;
  std::vector<std::pair<int64_t, int64_t>> runs_;  // [first, last], sorted, disjoint
  std::unordered_set<int64_t> later_;
  std::unordered_set<uint64_t> text_hashes_;
};

}  // namespace faro::io
