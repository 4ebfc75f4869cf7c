// A hostile option corpus fed to every command: each number outside its stated range (huge,
// tiny, negative, NaN, trailing text, overflow) and each output extension that does not match the
// format is a usage error (exit 2) naming the option, before any data is read: never a crash, an
// all-zero grid or a float->int overflow.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

struct Case {
  std::string args;  // after "faro"
  std::string names;  // the message names this option (or the output rule)
};

TEST(OptionCorpusCli, NumbersOutsideTheirRangeAreUsageErrors) {
  faro_test::TempDir dir;
  const std::string d = dir.path().string() + "/";
  const std::vector<Case> corpus = {
      // kde: bandwidth and cell in metres, the kernel must reach a cell, GeoTIFF only
      {"kde --bandwidth 1e12 --cell 100 -o " + d + "k.tif", "--bandwidth"},
      {"kde --bandwidth -5 --cell 100 -o " + d + "k.tif", "--bandwidth"},
      {"kde --bandwidth nan --cell 100 -o " + d + "k.tif", "--bandwidth"},
      {"kde --bandwidth 0.0001 --cell 100 -o " + d + "k.tif", "--bandwidth"},
      {"kde --bandwidth 10 --cell 100 -o " + d + "k.tif", "--bandwidth"},
      {"kde --bandwidth 60 --kernel quartic --cell 100 -o " + d + "k.tif", "--bandwidth"},
      {"kde --bandwidth 400 --cell 1e-300 -o " + d + "k.tif", "--cell"},
      {"kde --bandwidth 400 --cell 1e400 -o " + d + "k.tif", "--cell"},
      {"kde --bandwidth 400 --cell 100 -o " + d + "k.png", ".tif"},
      // render: pixels, bandwidth, PNG only
      {"render --width 20000 -o " + d + "r.png", "--width"},
      {"render --height 0 -o " + d + "r.png", "--height"},
      {"render --width 12abc -o " + d + "r.png", "--width"},
      {"render --bandwidth 1e12 -o " + d + "r.png", "--bandwidth"},
      {"render -o " + d + "r.jpg", ".png"},
      // hotspots: grid cell, permutations, image size
      {"hotspots --unit grid --cell 1e-300 -o " + d + "h.csv", "--cell"},
      {"hotspots --unit hex --cell 1e300 -o " + d + "h.csv", "--cell"},
      {"hotspots --permutations 99999999 -o " + d + "h.csv", "--permutations"},
      {"hotspots --width 5 -o " + d + "h.png", "--width"},
      // knox: bands, permutations, seed
      {"knox --permutations 12abc", "--permutations"},
      {"knox --permutations 0", "--permutations"},
      {"knox --time-bands 7,99999", "--time-bands"},
      {"knox --distance-bands 100,1e12", "--distance-bands"},
      {"knox --seed -1", "--seed"},
      // nearrepeat: radius, days, training years
      {"nearrepeat --evaluate --radius 1e9 --days 7 -o " + d + "n.json", "--radius"},
      {"nearrepeat --evaluate --radius 400 --days 0 -o " + d + "n.json", "--days"},
      {"nearrepeat --evaluate --radius 400 --days 400 -o " + d + "n.json", "--days"},
      {"nearrepeat --evaluate --training-years 2x -o " + d + "n.json", "--training-years"},
      // animate: fps, size, format
      {"animate --fps 0 -o " + d + "a.mp4", "--fps"},
      {"animate --fps 1e300 -o " + d + "a.mp4", "--fps"},
      {"animate --width 99999 -o " + d + "a.mp4", "--width"},
      {"animate -o " + d + "a.avi", ".mp4"},
      // evaluate: window, buffer, seed
      {"evaluate --window 1w", "--window"},
      {"evaluate --window 99999999999w", "--window"},
      {"evaluate --buffer -5", "--buffer"},
      {"evaluate --buffer 1e300", "--buffer"},
      {"evaluate --seed -3", "--seed"},
      // brief, export, dashboard
      {"brief --dpi 5 -o " + d + "b.pdf", "--dpi"},
      {"brief --dpi 1e400 -o " + d + "b.pdf", "--dpi"},
      {"export --k 99999999999 -o " + d + "e.csv", "k"},
      {"export --k 1 -o " + d + "e.csv", "k"},
      {"dashboard --frames 0", "--frames"},
      {"dashboard --size 0x0", "--size"},
  };
  for (const Case& c : corpus) {
    std::string out;
    const int code = faro_test::run_command(std::string(FARO_BINARY) + " " + c.args, &out);
    EXPECT_EQ(code, 2) << "faro " << c.args << "\n" << out;
    EXPECT_NE(out.find(c.names), std::string::npos) << "faro " << c.args << "\n" << out;
  }
}

}  // namespace
