// `faro animate` end to end on the demo city: MP4 and GIF that a standard decoder (ffprobe, from
// Debian's ffmpeg package) reads back with one frame per step at the requested size; usage errors
// before any work, and no temporary file left behind; partner-safe months of the demo city are
// one coarser map for every frame, internal ones a heatmap with one colour maximum.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result faro_animate(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " animate " + args, &r.out);
  return r;
}

// "width,height,frames" of the first video stream, every frame decoded and counted.
std::string probe(const std::string& path) {
  std::string out;
  const int code = faro_test::run_command(
      "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
      "stream=width,height,nb_read_frames -of csv=p=0 " + path + " 2>&1",
      &out);
  if (code != 0) return "ffprobe failed: " + out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ','))
    out.pop_back();
  return out;
}

std::string codec_of(const std::string& path) {
  std::string out;
  faro_test::run_command("ffprobe -v error -select_streams v:0 -show_entries "
                         "stream=codec_name,pix_fmt -of csv=p=0 " + path + " 2>&1",
                         &out);
  return out;
}

class AnimateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string out;
    if (faro_test::run_command("command -v ffprobe", &out) != 0)
      FAIL() << "ffprobe is missing: scripts/install-deps.sh installs the ffmpeg package";
  }
};

TEST_F(AnimateCli, MonthlyMp4At1080pHasOneFramePerMonth) {
  faro_test::TempDir tmp;
  const std::string mp4 = tmp.file("months.mp4");
  const Result r =
      faro_animate("--from 2024-01-01 --to 2024-03-31 --step month --lang en -o " + mp4);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(probe(mp4), "1920,1080,3");
  EXPECT_NE(codec_of(mp4).find("h264,yuv420p"), std::string::npos) << codec_of(mp4);
  EXPECT_NE(r.out.find("frame 3/3: 2024-03-01 – 2024-03-31"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("footer:"), std::string::npos) << "partner-safe by default\n" << r.out;
  // A month of the demo city is too sparse for a partner-safe heatmap (faro render of one month
  // says so too): one coarser map for all three frames, stated once, no heatmap maximum.
  const size_t instead = r.out.find("instead of the heatmap");
  EXPECT_NE(instead, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("instead of the heatmap", instead + 1), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("(every frame)"), std::string::npos) << r.out;
  // Only the video in the folder: the temporary file was renamed.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tmp.path()),
                          std::filesystem::directory_iterator()),
            1);
}

TEST_F(AnimateCli, WeeklyGifHasOneFramePerWeek) {
  faro_test::TempDir tmp;
  const std::string gif = tmp.file("weeks.gif");
  // 2024-01-01 .. 2024-03-31 is 13 whole weeks.
  const Result r = faro_animate(
      "--from 2024-01-01 --to 2024-03-31 --step week --fps 4 --width 480 --height 270 -o " + gif);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(probe(gif), "480,270,13");
  EXPECT_NE(codec_of(gif).find("gif"), std::string::npos);
}

TEST_F(AnimateCli, CumulativeInternalMp4CropsAnOddSizeToEven) {
  faro_test::TempDir tmp;
  const std::string mp4 = tmp.file("cumulative.mp4");
  // Four weeks and three days: the three days do not make a frame, and the command says so.
  const Result r = faro_animate(
      "--from 2024-01-01 --to 2024-01-31 --step week --cumulative --internal --width 321 "
      "--height 181 -o " + mp4);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(probe(mp4), "320,180,4");
  EXPECT_NE(r.out.find("2024-01-29 – 2024-01-31 is shorter than a week"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("frame 4/4: 2024-01-01 – 2024-01-28"), std::string::npos)
      << "cumulative frames start at --from\n" << r.out;
  EXPECT_NE(r.out.find("INTERNAL"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(every frame)"), std::string::npos) << "one colour maximum\n" << r.out;
}

TEST_F(AnimateCli, UsageErrorsComeFirstAndWriteNothing) {
  faro_test::TempDir tmp;
  EXPECT_EQ(faro_animate("-o " + tmp.file("a.avi")).code, 2);
  EXPECT_EQ(faro_animate("--step day -o " + tmp.file("a.mp4")).code, 2);
  EXPECT_EQ(faro_animate("--fps 0 -o " + tmp.file("a.mp4")).code, 2);
  EXPECT_EQ(faro_animate("--from 2024-01-01").code, 2);
  EXPECT_EQ(faro_animate("--choropleth change --layers choropleth -o " + tmp.file("a.mp4")).code, 2);
  const Result short_period =
      faro_animate("--from 2024-01-01 --to 2024-01-20 --step month -o " + tmp.file("a.gif"));
  EXPECT_EQ(short_period.code, 2) << short_period.out;
  EXPECT_NE(short_period.out.find("holds no whole month"), std::string::npos) << short_period.out;
  EXPECT_TRUE(std::filesystem::is_empty(tmp.path()));
  const Result help = faro_animate("--help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--cumulative"), std::string::npos);
}

}  // namespace
