#pragma once
// The one error boundary's classification, shared by the CLI (exit code + message on stderr) and
// the dashboard (a modal per error; the app keeps running). Every exception type lands in one of
// four kinds; nothing is left to std::terminate.
//
//   kind      exit  caught types
//   usage      2    UsageError
//   data       1    DataError
//   resource   3    ResourceError (GL, cairo, FreeType, memory, database, file), std::bad_alloc,
//                   std::length_error (a size too large to allocate), std::system_error /
//                   std::filesystem::filesystem_error (the operating system refused)
//   internal   4    InternalError, any other std::logic_error, any other exception (its type is
//                   a bug: it should have been one of the above)
#include <exception>
#include <string>

#include "core/errors.hpp"
#include "core/language.hpp"

namespace faro {

enum class ErrorKind { usage, data, resource, internal };

struct ErrorReport {
  ErrorKind kind = ErrorKind::internal;
  Resource resource = Resource::memory;  // meaningful only when kind == resource
  std::string message;                   // the exception's own text (names the file where known)
};

// Never throws. `e` null gives an internal error.
ErrorReport classify_exception(std::exception_ptr e, Language lang = Language::en);

// 0 ok, 1 data, 2 usage, 3 resource, 4 internal.
int exit_code(ErrorKind kind);

// "data error", "resource error (GL)", ... in `lang`.
std::string error_heading(const ErrorReport& r, Language lang);

// One line for a person: "resource error (GL): multisample framebuffer incomplete ...". Usage
// and data errors are shown as they are (their text already says which option or file is wrong).
std::string describe_error(const ErrorReport& r, Language lang);

// The dashboard's modal text: always headed by the kind ("error en los datos: ..."), so a person
// sees at once whether to fix a file, an option, the machine, or report a bug.
std::string headed_error_text(const ErrorReport& r, Language lang);

}  // namespace faro
