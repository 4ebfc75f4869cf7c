#pragma once
// Error types shared by every layer, and the one classification both front ends use (the CLI's
// exit code, the dashboard's error modal): core/error_kind.hpp.
//   UsageError    -> 2  the command line (or a dialog field) asked for something impossible
//   DataError     -> 1  an input file is wrong (the message names the file, row/field where known)
//   ResourceError -> 3  the machine could not do it: GL, cairo, FreeType, memory, database, file
//   InternalError -> 4  a bug in Faro (a broken invariant); also std::logic_error and unknown types
#include <stdexcept>
#include <string>

namespace faro {

struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What ran out or refused. `memory` is also what std::bad_alloc maps to.
enum class Resource { gl, cairo, font, memory, database, file };

const char* resource_name(Resource r);  // "GL", "cairo", "FreeType", "memory", "database", "file"

struct ResourceError : std::runtime_error {
  ResourceError(Resource r, const std::string& message) : std::runtime_error(message), resource(r) {}
  Resource resource;
};

// An invariant of Faro's own code does not hold: never the user's fault.
struct InternalError : std::logic_error {
  using std::logic_error::logic_error;
};

// A long operation (a background load) stopped because the user cancelled it. Not an error to
// report: the caller simply discards the partial work.
struct Cancelled : std::runtime_error {
  Cancelled() : std::runtime_error("cancelled") {}
  using std::runtime_error::runtime_error;
};

}  // namespace faro
