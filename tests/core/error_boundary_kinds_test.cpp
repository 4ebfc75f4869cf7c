// The one error boundary's classification (core/error_kind.hpp): every exception type lands in a
// kind with its exit code and a heading in both languages; nothing is left unclassified.
#include <gtest/gtest.h>

#include <filesystem>
#include <new>
#include <stdexcept>

#include "core/error_kind.hpp"
#include "core/errors.hpp"
#include "core/hex_grid.hpp"
#include "core/redact.hpp"

namespace faro {
namespace {

template <class E>
ErrorReport classify_thrown(E e) {
  try {
    throw e;
  } catch (...) {
    return classify_exception(std::current_exception());
  }
}

TEST(ErrorBoundaryKinds, EveryTypeHasAKindAndAnExitCode) {
  struct Case {
    ErrorReport report;
    ErrorKind kind;
    int exit;
  };
  const Case cases[] = {
      {classify_thrown(UsageError("--cell must be ...")), ErrorKind::usage, 2},
      {classify_thrown(DataError("x.csv row 3: bad date")), ErrorKind::data, 1},
      {classify_thrown(ResourceError(Resource::gl, "framebuffer incomplete")), ErrorKind::resource, 3},
      {classify_thrown(ResourceError(Resource::cairo, "cairo error")), ErrorKind::resource, 3},
      {classify_thrown(ResourceError(Resource::font, "FreeType")), ErrorKind::resource, 3},
      {classify_thrown(ResourceError(Resource::database, "PG down")), ErrorKind::resource, 3},
      {classify_thrown(std::bad_alloc()), ErrorKind::resource, 3},
      {classify_thrown(std::length_error("vector::reserve")), ErrorKind::resource, 3},
      {classify_thrown(std::filesystem::filesystem_error(
           "rename", std::make_error_code(std::errc::no_space_on_device))),
       ErrorKind::resource, 3},
      {classify_thrown(InternalError("incidents not assigned to sectors")), ErrorKind::internal, 4},
      {classify_thrown(std::logic_error("broken invariant")), ErrorKind::internal, 4},
      {classify_thrown(std::runtime_error("some library")), ErrorKind::internal, 4},
      {classify_thrown(42), ErrorKind::internal, 4},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.report.kind, c.kind) << c.report.message;
    EXPECT_EQ(exit_code(c.report.kind), c.exit) << c.report.message;
    EXPECT_FALSE(c.report.message.empty());
  }
  EXPECT_EQ(classify_exception(nullptr).kind, ErrorKind::internal);
  EXPECT_EQ(cases[6].report.resource, Resource::memory);
  EXPECT_EQ(cases[8].report.resource, Resource::file);
}

TEST(ErrorBoundaryKinds, HeadingsNameTheKindInBothLanguages) {
  const ErrorReport gl = classify_thrown(ResourceError(Resource::gl, "multisample incomplete"));
  EXPECT_EQ(headed_error_text(gl, Language::en), "resource error (GL): multisample incomplete");
  EXPECT_EQ(headed_error_text(gl, Language::es),
            "recurso insuficiente (GL): multisample incomplete");
  const ErrorReport mem = classify_thrown(std::bad_alloc());
  EXPECT_EQ(error_heading(mem, Language::en), "resource error (memory)");
  EXPECT_EQ(error_heading(mem, Language::es), "recurso insuficiente (memoria)");
  const ErrorReport data = classify_thrown(DataError("x.csv: empty"));
  EXPECT_EQ(describe_error(data, Language::en), "x.csv: empty");  // the CLI adds "faro CMD:"
  EXPECT_EQ(headed_error_text(data, Language::en), "data error: x.csv: empty");
  const ErrorReport bug = classify_thrown(std::logic_error("oops"));
  EXPECT_NE(describe_error(bug, Language::en).find("internal error"), std::string::npos);
}

TEST(ErrorBoundaryKinds, RedactsKeyValueAndUriPasswords) {
  EXPECT_EQ(redact_credentials("PG:host=db user=u password=secret dbname=x"),
            "PG:host=db user=u password=*** dbname=x");
  EXPECT_EQ(redact_credentials("PG:host=db PASSWORD = 'two words' dbname=x"),
            "PG:host=db PASSWORD = *** dbname=x");
  EXPECT_EQ(redact_credentials("PG:postgresql://u:secret@host:5432/db"),
            "PG:postgresql://u:***@host:5432/db");
  EXPECT_EQ(redact_credentials("cannot open 'postgresql://u:p@ss@host/db?sslmode=require'"),
            "cannot open 'postgresql://u:***@host/db?sslmode=require'");
  EXPECT_EQ(redact_credentials("postgresql://host/db?password=secret&x=1").find("secret"),
            std::string::npos);
  // Nothing to hide: unchanged (a user without password, a plain path, a time 12:30@home).
  EXPECT_EQ(redact_credentials("postgresql://u@host/db"), "postgresql://u@host/db");
  EXPECT_EQ(redact_credentials("/data/x.csv"), "/data/x.csv");
}

TEST(ErrorBoundaryKinds, TinyGridCellIsAUsageErrorNotOverflow) {
  const Box city{0, 0, 20'000, 20'000};
  for (CellShape shape : {CellShape::square, CellShape::hexagon})
    EXPECT_THROW(CellGrid(shape, 1e-300, city), UsageError);
  const CellGrid grid(CellShape::square, 100, city);
  EXPECT_FALSE(grid.cell_of(1e300, 5).has_value());  // far point: no index cast overflow
  EXPECT_TRUE(grid.cell_of(150, 150).has_value());
}

}  // namespace
}  // namespace faro
