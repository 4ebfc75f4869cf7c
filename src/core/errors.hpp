#pragma once
// Error types shared by every layer. The CLI maps them to exit codes:
// UsageError -> 2, DataError -> 1 (message names the file, and row/field where known).
#include <stdexcept>
#include <string>

namespace faro {

struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A long operation (a background load) stopped because the user cancelled it. Not an error to
// report: the caller simply discards the partial work.
struct Cancelled : std::runtime_error {
  Cancelled() : std::runtime_error("cancelled") {}
  using std::runtime_error::runtime_error;
};

}  // namespace faro
