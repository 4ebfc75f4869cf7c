// The CLI's one error boundary (cli/error_boundary.hpp) and its command table: every kind of
// exception thrown inside every command maps to its exit code with a message naming the command
// (and the output file for resource errors); the usage text and each command's --help come from
// the same tables and agree (-o, never --o).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <new>
#include <sstream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/error_boundary.hpp"
#include "core/errors.hpp"
#include "render/gl.hpp"

namespace faro::cli {
namespace {

struct Thrower {
  const char* what;
  std::function<void()> raise;
  int exit;
  const char* says;  // in the message besides "faro <command>:"
};

const std::vector<Thrower>& throwers() {
  static const std::vector<Thrower> kAll = {
      {"usage", [] { throw UsageError("--cell must be a distance"); }, 2, "--cell"},
      {"data", [] { throw DataError("'x.csv' row 7: bad date"); }, 1, "x.csv"},
      {"gl", [] { throw render::GlError("multisample framebuffer incomplete (status 0x8CD6)"); }, 3,
       "resource error (GL)"},
      {"cairo", [] { throw ResourceError(Resource::cairo, "cairo error: out of memory"); }, 3,
       "resource error (cairo)"},
      {"freetype", [] { throw ResourceError(Resource::font, "FreeType initialisation failed"); },
       3, "resource error (FreeType)"},
      {"database", [] { throw ResourceError(Resource::database, "database is locked"); }, 3,
       "resource error (database)"},
      {"bad_alloc", [] { throw std::bad_alloc(); }, 3, "out of memory"},
      {"filesystem",
       [] {
         throw std::filesystem::filesystem_error(
             "rename", std::make_error_code(std::errc::no_space_on_device));
       },
       3, "resource error (file)"},
      {"logic_error", [] { throw std::logic_error("incidents not assigned to sectors"); }, 4,
       "internal error"},
      {"internal", [] { throw InternalError("empty Voronoi cell"); }, 4, "internal error"},
      {"runtime_error", [] { throw std::runtime_error("json.exception.type_error.316"); }, 4,
       "internal error"},
      {"not an exception", [] { throw 7; }, 4, "unknown type"},
  };
  return kAll;
}

TEST(ErrorBoundaryCli, EveryKindThroughEveryCommandHasItsExitCode) {
  ASSERT_GE(command_table().size(), 14u);
  for (const CommandEntry& c : command_table()) {
    for (const Thrower& t : throwers()) {
      std::ostringstream err;
      const int code = run_guarded(c.name, {"-o", "big.png"}, [&]() -> int {
        t.raise();
        return 0;
      }, err);
      EXPECT_EQ(code, t.exit) << c.name << " / " << t.what;
      const std::string text = err.str();
      EXPECT_EQ(text.rfind("faro " + std::string(c.name) + ":", 0), 0u) << text;
      EXPECT_NE(text.find(t.says), std::string::npos) << c.name << " / " << t.what << ": " << text;
      if (t.exit >= 3) {
        EXPECT_NE(text.find("big.png"), std::string::npos) << text;
      }
    }
  }
}

TEST(ErrorBoundaryCli, MessagesNeverCarryAPassword) {
  std::ostringstream err;
  const int code = run_guarded("counts", {}, [&]() -> int {
    throw ResourceError(Resource::database,
                        "cannot connect to PG:postgresql://u:secret@db/x password=hunter2");
  }, err);
  EXPECT_EQ(code, 3);
  EXPECT_EQ(err.str().find("secret"), std::string::npos) << err.str();
  EXPECT_EQ(err.str().find("hunter2"), std::string::npos) << err.str();
}

TEST(ErrorBoundaryCli, UsageListsEveryCommandOfTheTable) {
  std::ostringstream out;
  print_usage(out);
  for (const CommandEntry& c : command_table()) {
    EXPECT_NE(out.str().find("  " + std::string(c.name) + " "), std::string::npos) << c.name;
    EXPECT_NE(out.str().find(c.summary), std::string::npos) << c.name;
  }
  EXPECT_NE(out.str().find("3 resource error"), std::string::npos);
  EXPECT_NE(out.str().find("4 internal error"), std::string::npos);
  std::ostringstream o, e;
  EXPECT_EQ(run_command("frobnicate", {}, o, e), kExitUsage);
}

TEST(ErrorBoundaryCli, EveryCommandsHelpWritesOptionsAsTheSynopsisDoes) {
  for (const CommandEntry& c : command_table()) {
    if (std::string(c.name) == "dashboard") continue;  // its --help is checked by its own tests
    std::ostringstream out, err;
    ASSERT_EQ(run_command(c.name, {"--help"}, out, err), kExitOk) << c.name << err.str();
    const std::string help = out.str();
    EXPECT_NE(help.find("usage: faro " + std::string(c.name)), std::string::npos) << c.name;
    EXPECT_EQ(help.find("--o "), std::string::npos) << c.name << ":\n" << help;
    // A command whose synopsis says -o lists -o among its options.
    if (std::string(c.synopsis).find("-o ") != std::string::npos) {
      EXPECT_NE(help.find("\n  -o "), std::string::npos) << c.name << ":\n" << help;
    }
  }
}

}  // namespace
}  // namespace faro::cli
