// Inputs the libFuzzer targets (tests/fuzz, scripts/fuzz.sh) and their checks turned up, kept as
// regression tests in the normal suite. Each reader's contract: any bytes give a result or a
// faro::DataError naming the file, never another exception (which reached std::terminate).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "io/map_style_json.hpp"
#include "io/program_json_loader.hpp"
#include "io/project_file.hpp"

namespace faro::io {
namespace {

// Catches the DataError the reader must throw and returns its message; anything else propagates
// and fails the test.
template <typename Read>
std::string data_error_of(Read read) {
  try {
    read();
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

// A number beyond double's range made nlohmann::json throw out_of_range (406), which escaped the
// project reader as a bare "[json.exception.out_of_range.406]" (fuzz_project_reader).
TEST(FuzzFindings, ProjectWithOverflowingNumberIsADataErrorNamingTheFile) {
  const std::string msg = data_error_of([] {
    project_from_json(R"({"faro_project": 2, "camera": {"zoom": 1e400}})", "", "big.faro");
  });
  EXPECT_NE(msg.find("big.faro"), std::string::npos) << msg;
  EXPECT_NE(msg.find("1e400"), std::string::npos) << msg;
}

// The same in the style and layer preset reader (fuzz_style_reader).
TEST(FuzzFindings, StyleAndPresetWithOverflowingNumberAreDataErrorsNamingTheFile) {
  const std::string style = data_error_of(
      [] { style_from_json(R"({"faro_style": 1, "layers": [], "x": 1e400})", "big-style.json"); });
  EXPECT_NE(style.find("big-style.json"), std::string::npos) << style;
  const std::string preset = data_error_of(
      [] { layer_from_json(R"({"kind": "heatmap", "opacity": -1e999})", "big-layer.json"); });
  EXPECT_NE(preset.find("big-layer.json"), std::string::npos) << preset;
}

// The program file reader already parsed without exceptions; kept so it stays that way.
TEST(FuzzFindings, ProgramFileWithOverflowingNumberIsADataError) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "faro-fuzz-finding-programs.json").string();
  std::ofstream(path) << R"({"programs": [{"name": "a", "sectors": [{"sector": "x", "start": 1e400}]}]})";
  try {
    const ProgramLoadResult r = load_programs_json(path);
    EXPECT_TRUE(r.programs.empty());  // the entry's start is not a date: skipped and counted
    EXPECT_GT(r.report.rows_read, 0);
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  std::remove(path.c_str());
}

// fuzz_civil_time's first "crash" was its own check: "24:00" (ISO 8601's end of the day) is
// accepted as 86,400 s, the next midnight; the year range applies to the year written.
TEST(FuzzFindings, TwentyFourHundredIsTheNextMidnight) {
  int seconds = -1;
  ASSERT_EQ(parse_time_of_day("24:00", seconds), DateParseStatus::ok);
  EXPECT_EQ(seconds, 86400);
  EXPECT_EQ(parse_time_of_day("24:01", seconds), DateParseStatus::out_of_range);
  CivilSeconds t = 0;
  ASSERT_EQ(parse_datetime("2100-12-31 24:00", DateOrder::dmy, t), DateParseStatus::ok);
  EXPECT_EQ(format_datetime(t), "2101-01-01 00:00:00");
}

}  // namespace
}  // namespace faro::io
