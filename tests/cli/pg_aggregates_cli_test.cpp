// `faro brief`, `faro evaluate` and `faro export` on a PostGIS source count in the database
// (cli/pg_aggregates.hpp): through the binary and the test server (FARO_TEST_PG), each gives the
// same output as the same data from files (the demo city, published) and as pulling the rows
// (--pg-client), and the log shows that no incident row was fetched ("0 incident rows fetched",
// io::pg_rows_fetched counts every row load_pg_incidents / pg_points read).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
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

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// Publishes the demo city under this test's own table prefix; returns the PG options.
std::string published_demo(const std::string& pg) {
  const std::string table = faro_test::pg_test_prefix();
  Result r = faro("publish --to " + quoted(pg) + " --table " + table);
  EXPECT_EQ(r.code, 0) << r.out;
  return "--incidents " + quoted(pg) + " --table " + table;
}

const char* kNoRows = ": 0 incident rows fetched from the database";

TEST(PgAggregatesCli, InternalBriefCountedInTheDatabaseEqualsFilesAndPulledRows) {
  FARO_REQUIRE_PG(pg);
  const std::string source = published_demo(pg);
  faro_test::TempDir tmp;
  for (const std::string options :
       {std::string(""), std::string("--week 2022-W10"), std::string("--week 2023-W01")}) {
    const std::string server = tmp.file("server.csv"), pulled = tmp.file("pulled.csv"),
                      files = tmp.file("files.csv");
    Result r = faro("brief --internal " + source + " " + options + " -o " + server);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_TRUE(has(r.out, "the brief's table is counted in the database")) << r.out;
    EXPECT_TRUE(has(r.out, kNoRows)) << r.out;
    r = faro("brief --internal --pg-client " + source + " " + options + " -o " + pulled);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_FALSE(has(r.out, kNoRows)) << r.out;  // the comparison path did pull rows
    EXPECT_TRUE(has(r.out, "incident rows fetched from the database")) << r.out;
    r = faro("brief --internal " + options + " -o " + files);
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string a = read_file(server);
    EXPECT_GT(a.size(), 500u);
    EXPECT_EQ(a, read_file(pulled)) << options;
    EXPECT_EQ(a, read_file(files)) << options;
  }
}

TEST(PgAggregatesCli, PartnerBriefStillPullsTheRowsItsAuditReads) {
  FARO_REQUIRE_PG(pg);
  const std::string source = published_demo(pg);
  faro_test::TempDir tmp;
  const Result r = faro("brief " + source + " --ledger " + tmp.file("ledger.json") + " -o " +
                        tmp.file("partner.csv"));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_FALSE(has(r.out, "counted in the database")) << r.out;
  EXPECT_FALSE(has(r.out, kNoRows)) << r.out;
}

// The evaluation report without the lines naming the sources (they name the files or the table).
nlohmann::json evaluation_numbers(const std::string& path) {
  nlohmann::json j = nlohmann::json::parse(read_file(path));
  for (const char* key : {"sources", "synthetic", "true_rate_ratio"}) j.erase(key);
  return j;
}

TEST(PgAggregatesCli, EvaluationCountedInTheDatabaseEqualsFilesAndPulledRows) {
  FARO_REQUIRE_PG(pg);
  const std::string source = published_demo(pg);
  faro_test::TempDir tmp;
  for (const std::string options :
       {std::string("--window 26w"), std::string("--by month --from 2020-02-01 --to 2023-11-30 --offence "
                   "'disparos de arma de fuego'")}) {
    const std::string server = tmp.file("server.json"), pulled = tmp.file("pulled.json"),
                      files = tmp.file("files.json");
    Result r = faro("evaluate " + source + " " + options + " -o " + server);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_TRUE(has(r.out, "daily counts are made in the database")) << r.out;
    EXPECT_TRUE(has(r.out, kNoRows)) << r.out;
    r = faro("evaluate --pg-client " + source + " " + options + " -o " + pulled);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_FALSE(has(r.out, kNoRows)) << r.out;
    r = faro("evaluate " + options + " -o " + files);
    ASSERT_EQ(r.code, 0) << r.out;
    const nlohmann::json a = evaluation_numbers(server);
    EXPECT_TRUE(a.contains("did")) << a.dump();
    EXPECT_EQ(a, evaluation_numbers(pulled)) << options;
    EXPECT_EQ(a, evaluation_numbers(files)) << options;
  }
}

TEST(PgAggregatesCli, InternalExportCountedInTheDatabaseEqualsTheFiles) {
  FARO_REQUIRE_PG(pg);
  const std::string source = published_demo(pg);
  faro_test::TempDir tmp;
  for (const std::string options :
       {std::string("--by month"), std::string("--by week --from 2021-02-01 --to 2022-06-30 --offence "
                   "'homicidio por arma de fuego,homicidio doloso (otros)'")}) {
    const std::string server = tmp.file("server.csv"), pulled = tmp.file("pulled.csv"),
                      files = tmp.file("files.csv");
    Result r = faro("export --internal " + source + " " + options + " -o " + server);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_TRUE(has(r.out, kNoRows)) << r.out;
    r = faro("export --internal --pg-client " + source + " " + options + " -o " + pulled);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_FALSE(has(r.out, kNoRows)) << r.out;
    r = faro("export --internal " + options + " -o " + files);
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string a = read_file(server), b = read_file(files);
    EXPECT_GT(a.size(), 1000u);
    EXPECT_FALSE(has(r.out, " 0 incidents")) << r.out;  // the filter keeps some
    EXPECT_EQ(a, read_file(pulled)) << options;
    // The files' notice line adds "DATOS SINTÉTICOS / SYNTHETIC DATA" (the demo city); a published
    // table does not carry that mark, so the table is compared from the header on.
    EXPECT_EQ(a.substr(a.find('\n')), b.substr(b.find('\n'))) << options;
  }
}

}  // namespace
