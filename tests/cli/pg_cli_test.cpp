// `faro publish` and the commands that read a PostGIS source, end to end through the binary and
// the test server (FARO_TEST_PG): the demo city published, then counted in the database, gives the
// same CSV as counting the files on the client; the date/offence filters too; --since reads only
// newer rows; a server that is down gives exit 1 and a message with the password redacted.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pg_test_support.hpp"
#include "faro_run.hpp"
#include "test_support.hpp"

namespace {

using faro_test::run_command;

using faro_cli_test::faro;
using faro_cli_test::read_file;
using faro_cli_test::Result;

std::string quoted(const std::string& s) { return "'" + s + "'"; }

TEST(PgCli, PublishedDemoCityCountsInTheDatabaseEqualTheFiles) {
  FARO_REQUIRE_PG(pg);
  const std::string table = faro_test::pg_test_prefix();
  Result r = faro("publish --to " + quoted(pg) + " --table " + table);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("SRID 32614"), std::string::npos) << r.out;
  faro_test::TempDir tmp;
  for (const std::string filters :
       {std::string("--by month"),
        std::string("--by week --from 2021-02-01 --to 2022-06-30 --offence homicidio")}) {
    const std::string server = tmp.file("server.csv"), client = tmp.file("client.csv");
    r = faro("counts --incidents " + quoted(pg) + " --table " + table + " " + filters + " -o " + server);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("counted in the database"), std::string::npos) << r.out;
    r = faro("counts " + filters + " -o " + client);
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string a = read_file(server), b = read_file(client);
    EXPECT_GT(a.size(), 1000u);
    EXPECT_EQ(a, b) << filters;
  }
}

// A daily feed: --append adds rows with new ids; --since reads only those.
TEST(PgCli, AppendThenSinceReadsOnlyTheNewRows) {
  FARO_REQUIRE_PG(pg);
  const std::string table = faro_test::pg_test_prefix();
  Result r = faro("publish --to " + quoted(pg) + " --table " + table);
  ASSERT_EQ(r.code, 0) << r.out;
  const size_t at = r.out.find("(ids 1..");
  ASSERT_NE(at, std::string::npos) << r.out;
  const long n = std::stol(r.out.substr(at + 8));
  r = faro("publish --to " + quoted(pg) + " --table " + table + " --append");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("(ids " + std::to_string(n + 1) + ".." + std::to_string(2 * n) + ")"),
            std::string::npos) << r.out;
  r = faro("counts --incidents " + quoted(pg) + " --table " + table + " --since " + std::to_string(n));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("counted in the database, " + std::to_string(n) + " incidents"),
            std::string::npos) << r.out;
  // Through load_data() (rows pulled, assigned on the client) the refresh reads the same rows.
  r = faro("summary --incidents " + quoted(pg) + " --table " + table + " --since " + std::to_string(n));
  EXPECT_NE(r.out.find("next refresh: --since " + std::to_string(2 * n)), std::string::npos) << r.out;
}

TEST(PgCli, WhereIsRefusedForADatabaseSource) {
  FARO_REQUIRE_PG(pg);
  const Result r = faro("counts --incidents " + quoted(pg) + " --where \"delito = 'x'\"");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--offence"), std::string::npos) << r.out;
}

TEST(PgCli, ServerDownExitsOneWithTheSourceRedacted) {
  const Result r = faro("counts --incidents 'PG:host=/nonexistent/faro port=5 dbname=x password=s3cret'");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("password=***"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("s3cret"), std::string::npos) << r.out;
}

}  // namespace
