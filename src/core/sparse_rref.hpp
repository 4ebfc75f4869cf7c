#pragma once
// Reduced row echelon form of sparse 0/1-built rows over the field of integers modulo 2^31 - 1,
// kept reduced as rows are added, with each row's provenance (which tagged input rows were
// combined into it). Used by the disclosure audit (core/publication_audit.hpp) to test whether a
// quantity is determined by published counts: v is in the row space exactly when v minus its
// pivot-column entries times their pivot rows is zero. Modular arithmetic can only find more
// vectors in the row space than the rationals do (rank mod p <= rank over Q), never fewer.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace faro {

class SparseRref {
 public:
  using Entry = std::pair<uint32_t, uint32_t>;  // (column, value mod p), sorted by column
  using Row = std::vector<Entry>;

  explicit SparseRref(size_t columns);

  // Adds the 0/1 row with ones at `columns` (sorted, unique). `tag` >= 0 marks it as one of the
  // rows whose use is tracked (provenance); -1 = untracked.
  void add(const std::vector<uint32_t>& columns, int32_t tag);

  // Whether the 0/1 vector with ones at `columns` (sorted, unique) is in the row space; when it
  // is and `provenance` is given, the tags of the rows combined to make it (a superset).
  bool determined(const std::vector<uint32_t>& columns,
                  std::vector<int32_t>* provenance = nullptr) const;

  size_t rank() const { return rows_.size(); }

 private:
  Row reduce(Row v, std::vector<int32_t>* provenance) const;
  void eliminate_from_others(size_t pivot_row);

  size_t columns_;
  std::vector<Row> rows_;
  std::vector<std::vector<int32_t>> provenance_;  // per row, sorted unique tags
  std::vector<int32_t> pivot_row_;                // per column: row whose pivot it is, or -1
  std::vector<std::vector<uint32_t>> rows_with_;  // per column: rows that may hold it (lazy)
};

}  // namespace faro
