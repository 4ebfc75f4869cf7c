// What a PostGIS source says when it fails: a server that is down, a wrong password, a connection
// lost in the middle of a read, a statement timeout. Each message names the source with the
// password redacted, and the fault kind tells a retryable outage from a bad request.
#include <gtest/gtest.h>

#include <functional>

#include "core/demo_city.hpp"
#include "io/pg_publish.hpp"
#include "io/pg_source.hpp"
#include "pg_test_support.hpp"

namespace {

using namespace faro;
using namespace faro::io;

PgFault fault_of(const std::function<void()>& f, std::string* message) {
  try {
    f();
  } catch (const PgError& e) {
    *message = e.what();
    return e.fault;
  }
  ADD_FAILURE() << "no PgError thrown";
  return PgFault::query;
}

TEST(PgFaults, ServerDownNamesTheSourceWithoutThePassword) {
  // No server listens in a folder that does not exist: needs no server at all.
  std::string msg;
  const PgFault f = fault_of([] { PgConnection db("PG:host=/nonexistent/faro port=5 dbname=x password=s3cret"); }, &msg);
  EXPECT_EQ(f, PgFault::unreachable);
  EXPECT_NE(msg.find("host=/nonexistent/faro"), std::string::npos) << msg;
  EXPECT_NE(msg.find("password=***"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("s3cret"), std::string::npos) << msg;
  EXPECT_NE(msg.find("retry"), std::string::npos) << msg;
}

TEST(PgFaults, WrongPassword) {
  FARO_REQUIRE_PG(pg);
  const char* tcp = std::getenv("FARO_TEST_PG_TCP");  // scram-sha-256 on 127.0.0.1
  ASSERT_TRUE(tcp && *tcp) << "pg-test-cluster.sh exports FARO_TEST_PG_TCP with FARO_TEST_PG";
  std::string msg;
  const PgFault f = fault_of([&] { PgConnection db(std::string(tcp) + " password=not-it"); }, &msg);
  EXPECT_EQ(f, PgFault::auth) << msg;
  EXPECT_NE(msg.find("password"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("not-it"), std::string::npos) << msg;
  // The right one works (the test cluster's password).
  PgConnection ok(std::string(tcp) + " password=faro-test");
}

TEST(PgFaults, StatementTimeout) {
  FARO_REQUIRE_PG(pg);
  PgOptions o;
  o.statement_timeout_ms = 50;
  PgConnection db(pg, o);
  std::string msg;
  EXPECT_EQ(fault_of([&] { db.exec("SELECT pg_sleep(2)"); }, &msg), PgFault::timeout) << msg;
  EXPECT_NE(msg.find("statement timeout"), std::string::npos) << msg;
  db.exec("SELECT 1");  // the connection is still usable: a retry can go ahead
}

TEST(PgFaults, ConnectionLostMidRead) {
  FARO_REQUIRE_PG(pg);
  const DemoCity city = generate_demo_city();
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, city.incidents, city.sectors, {}, opt);
  PgConnection db(pg), admin(pg);
  int pid = 0;
  db.query("SELECT pg_backend_pid()", {}, [&](const PgRow& r) { pid = std::stoi(*r[0]); });
  const pg_sql::Tables t = require_pg_tables(db, opt.table);
  std::string msg;
  size_t rows = 0;
  const PgFault f = fault_of(
      [&] {
        // The admin connection ends ours while rows are arriving (the server is told mid-stream).
        const pg_sql::Statement st = pg_sql::select_incidents(t, {});
        db.stream("SELECT * FROM (" + st.sql + ") AS q, pg_sleep(0.0005)", st.params, [&](const PgRow&) {
          if (++rows == 100)
            admin.exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
        });
      },
      &msg);
  EXPECT_EQ(f, PgFault::lost) << msg;
  EXPECT_NE(msg.find("retry"), std::string::npos) << msg;
  EXPECT_GE(rows, 100u);
  EXPECT_LT(rows, city.incidents.size());
}

TEST(PgFaults, FailedPublishLeavesTheDatabaseAsItWas) {
  FARO_REQUIRE_PG(pg);
  DemoOptions small;
  small.incidents = 500;
  small.sectors = 12;
  const DemoCity city = generate_demo_city(small);
  PgPublishOptions opt;
  opt.table = faro_test::pg_test_prefix();
  publish_to_pg(pg, city.incidents, city.sectors, {}, opt);
  // An append whose last row the server rejects (invalid UTF-8) fails inside COPY, after the
  // other rows were sent: the transaction rolls back and nothing is half-applied.
  IncidentStore more = city.incidents;
  more.category.back() = more.categories.intern("bad \xff byte");
  opt.append = true;
  std::string msg;
  EXPECT_EQ(fault_of([&] { publish_to_pg(pg, more, city.sectors, {}, opt); }, &msg), PgFault::query);
  PgConnection db(pg);
  const PgIncidentBatch b = load_pg_incidents(db, require_pg_tables(db, opt.table), {});
  EXPECT_EQ(b.store.size(), city.incidents.size());
}

}  // namespace
