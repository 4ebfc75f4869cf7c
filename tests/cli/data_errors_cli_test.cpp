// Inputs that used to be accepted silently or with the wrong exit code: broken program files are
// data errors (exit 1) naming the file, a layer a CSV does not have is an error, a broken
// --programs fails even a CSV brief, and no message or `faro info` line shows a password.
#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result faro(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " " + args, &r.out);
  return r;
}

// Two 1 km squares in Mexico City (lon/lat) and three incidents in them.
void write_city(const faro_test::TempDir& t) {
  t.write("s.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"sector":"A"},"geometry":{"type":"Polygon","coordinates":
[[[-99.15,19.40],[-99.14,19.40],[-99.14,19.41],[-99.15,19.41],[-99.15,19.40]]]}},
{"type":"Feature","properties":{"sector":"B"},"geometry":{"type":"Polygon","coordinates":
[[[-99.14,19.40],[-99.13,19.40],[-99.13,19.41],[-99.14,19.41],[-99.14,19.40]]]}}]})");
  t.write("i.csv",
          "longitud,latitud,fecha_hecho,delito\n-99.145,19.405,2024-01-03,ROBO\n"
          "-99.135,19.405,2024-01-04,ROBO\n-99.146,19.404,2024-01-10,ROBO\n");
}

TEST(DataErrorsCli, BrokenProgramFilesAreDataErrorsNamingTheFile) {
  faro_test::TempDir t;
  write_city(t);
  const std::string data =
      "--sectors " + t.file("s.geojson") + " --incidents " + t.file("i.csv") + " --programs ";
  struct Case {
    std::string name, text;
  };
  const Case cases[] = {
      {"header_only.csv", "program,sector,start\n"},
      {"all_bad.csv", "program,sector,start\nP,A,not a date\nP,,2024-01-01\n"},
      {"unknown_sector.csv", "program,sector,start\nP,Z9,2024-01-01\n"},
      {"ends_first.csv", "program,sector,start,end\nP,A,2024-03-01,2024-01-01\n"},
      {"wrong_types.json", R"({"programs":[{"name":["x"],"sectors":7},{"name":3,"sectors":[1]}]})"},
      {"ends_first.json",
       R"({"programs":[{"name":"P","sectors":[{"sector":"A","start":"2024-03-01","end":"2024-01-01"}]}]})"},
  };
  for (const Case& c : cases) {
    const std::string path = t.write(c.name, c.text);
    const Result r = faro("evaluate " + data + path);
    EXPECT_EQ(r.code, 1) << c.name << "\n" << r.out;
    EXPECT_NE(r.out.find(c.name), std::string::npos) << c.name << "\n" << r.out;
  }
  // A broken --programs is never ignored, even by a brief whose CSV does not show programs.
  const Result brief = faro("brief " + data + t.file("header_only.csv") + " -o " + t.file("b.csv"));
  EXPECT_EQ(brief.code, 1) << brief.out;
  EXPECT_NE(brief.out.find("header_only.csv"), std::string::npos) << brief.out;
  // --program NAME is typed by the user: still a usage error.
  const std::string good = t.write("good.csv", "program,sector,start\nP,A,2024-01-08\n");
  EXPECT_EQ(faro("evaluate " + data + good + " --program Nope").code, 2);
}

TEST(DataErrorsCli, ALayerACsvDoesNotHaveIsAnError) {
  faro_test::TempDir t;
  write_city(t);
  const std::string data = "--sectors " + t.file("s.geojson") + " --incidents " + t.file("i.csv");
  const Result bad = faro("counts " + data + " --incidents-layer nope");
  EXPECT_EQ(bad.code, 1) << bad.out;
  EXPECT_NE(bad.out.find("nope"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("i.csv"), std::string::npos) << bad.out;
  EXPECT_EQ(faro("counts " + data + " --incidents-layer i").code, 0);  // its own layer name
}

TEST(DataErrorsCli, PasswordsNeverPrinted) {
  // Port 1 on the loopback refuses at once: the connection fails quickly, as a wrong host would.
  const std::string kv = "'PG:host=127.0.0.1 port=1 dbname=x user=u password=hunter2'";
  const std::string uri = "'PG:postgresql://u:s3cr3t@127.0.0.1:1/x'";
  for (const std::string& args :
       {"info " + uri, "info " + kv, "counts --sectors " + kv + " --incidents " + kv,
        "counts --sectors " + uri + " --incidents " + uri, "export --sectors " + uri +
        " --incidents " + kv + " -o /tmp/faro-never-written.csv"}) {
    const Result r = faro(args);
    EXPECT_NE(r.code, 0) << args;
    EXPECT_EQ(r.out.find("hunter2"), std::string::npos) << args << "\n" << r.out;
    EXPECT_EQ(r.out.find("s3cr3t"), std::string::npos) << args << "\n" << r.out;
  }
}

}  // namespace
