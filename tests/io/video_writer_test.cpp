// io/video_writer.hpp and its GIF palette: exact colours when there are few, at most 256, the
// nearest colour for the rest; MP4 and GIF files that ffprobe decodes with every frame; nothing at
// the path unless finish() succeeded.
#include "io/video_writer.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>

#include "core/errors.hpp"
#include "io/gif_palette.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

std::vector<uint8_t> image(int w, int h, int seed) {
  std::vector<uint8_t> px(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      p[0] = static_cast<uint8_t>(x * 255 / w);
      p[1] = static_cast<uint8_t>((y * 255 / h + seed * 40) & 255);
      p[2] = static_cast<uint8_t>((x + y) & 255);
      p[3] = 255;
    }
  return px;
}

std::string probe(const std::string& path) {
  std::string out;
  faro_test::run_command("ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                         "stream=codec_name,width,height,nb_read_frames -of csv=p=0 " + path +
                             " 2>&1",
                         &out);
  while (!out.empty() && (out.back() == '\n' || out.back() == ',')) out.pop_back();
  return out;
}

TEST(GifPalette, FewColoursAreKeptExactly) {
  std::vector<uint8_t> px;
  const Rgb8Color colours[] = {{255, 255, 255}, {90, 90, 90}, {252, 255, 164}, {0, 0, 4}};
  for (int i = 0; i < 400; ++i) {
    const Rgb8Color& c = colours[i % 4];
    px.insert(px.end(), {c.r, c.g, c.b, 255});
  }
  const GifPalette p = GifPalette::from_rgba(px);
  EXPECT_EQ(p.colors().size(), 4u);
  for (const Rgb8Color& c : colours) EXPECT_EQ(p.colors()[p.index_of(c.r, c.g, c.b)], c);
}

TEST(GifPalette, ManyColoursAreCutTo256NearestEntries) {
  const std::vector<uint8_t> px = image(256, 256, 0);
  const GifPalette p = GifPalette::from_rgba(px);
  EXPECT_EQ(p.colors().size(), 256u);
  std::vector<uint8_t> idx(256 * 256);
  p.map(px, 256, 256, idx.data(), 256);
  double err = 0;
  for (size_t i = 0; i < idx.size(); ++i) {
    const Rgb8Color& c = p.colors()[idx[i]];
    err += std::abs(c.r - px[i * 4]) + std::abs(c.g - px[i * 4 + 1]) + std::abs(c.b - px[i * 4 + 2]);
  }
  EXPECT_LT(err / idx.size(), 24.0) << "mean absolute error over the three channels";
  EXPECT_THROW(GifPalette::from_rgba(px, 1), UsageError);
}

TEST(VideoWriter, FormatComesFromTheExtension) {
  EXPECT_EQ(video_format_for("a/b.MP4"), VideoFormat::mp4);
  EXPECT_EQ(video_format_for("x.gif"), VideoFormat::gif);
  EXPECT_FALSE(video_format_for("x.avi"));
  EXPECT_FALSE(video_format_for("mp4"));
}

TEST(VideoWriter, Mp4AndGifDecodeWithEveryFrame) {
  faro_test::TempDir tmp;
  for (const auto& [name, format] :
       {std::pair{std::string("v.mp4"), VideoFormat::mp4}, {std::string("v.gif"), VideoFormat::gif}}) {
    const std::string path = tmp.file(name);
    VideoWriter w(path, format, 96, 64, 2);
    for (int i = 0; i < 5; ++i) w.add_frame(image(96, 64, i));
    EXPECT_FALSE(std::filesystem::exists(path)) << "not before finish()";
    w.finish();
    EXPECT_EQ(w.frames(), 5);
    const std::string codec = format == VideoFormat::mp4 ? w.codec() == "libx264" ? "h264" : "mpeg4"
                                                         : "gif";
    EXPECT_EQ(probe(path), codec + ",96,64,5");
  }
}

// Frames with the same layout in different colours decode in their own colours: a palette per
// frame, and no "unchanged rectangle" kept from a frame with another palette (the third frame is
// back on the first frame's palette: libavcodec's cropping would keep the second frame's pixels).
TEST(VideoWriter, GifFramesKeepTheirOwnColours) {
  faro_test::TempDir tmp;
  const std::string path = tmp.file("colours.gif");
  const auto two_colour = [](uint8_t r, uint8_t g, uint8_t b) {
    std::vector<uint8_t> px(32 * 16 * 4, 255);
    for (int i = 0; i < 32 * 16; ++i)
      if ((i % 32) >= 16) px[i * 4] = r, px[i * 4 + 1] = g, px[i * 4 + 2] = b;
    return px;
  };
  VideoWriter w(path, VideoFormat::gif, 32, 16, 2);
  w.add_frame(two_colour(200, 30, 30));
  // A third colour in the second frame takes a palette entry the first frame left unused: it must
  // not be the encoder's transparent index (which would show the first frame through it).
  std::vector<uint8_t> second = two_colour(30, 30, 200);
  for (int i = 0; i < 32 * 16; ++i)
    if ((i % 32) < 8) second[i * 4] = 40, second[i * 4 + 1] = 160, second[i * 4 + 2] = 60;
  w.add_frame(second);
  w.add_frame(two_colour(200, 30, 30));  // the first frame's palette again
  w.finish();
  std::string raw;
  ASSERT_EQ(faro_test::run_command("ffmpeg -v error -i " + path +
                                       " -vsync passthrough -f rawvideo -pix_fmt rgb24 - 2>/dev/null",
                                   &raw),
            0);
  ASSERT_EQ(raw.size(), 3u * 32 * 16 * 3);
  const auto pixel = [&](int frame, int x) {
    const size_t at = (static_cast<size_t>(frame) * 32 * 16 + 8 * 32 + x) * 3;
    return std::array<int, 3>{static_cast<uint8_t>(raw[at]), static_cast<uint8_t>(raw[at + 1]),
                              static_cast<uint8_t>(raw[at + 2])};
  };
  EXPECT_EQ(pixel(0, 20), (std::array<int, 3>{200, 30, 30}));
  EXPECT_EQ(pixel(1, 20), (std::array<int, 3>{30, 30, 200}));
  EXPECT_EQ(pixel(1, 4), (std::array<int, 3>{40, 160, 60}));
  EXPECT_EQ(pixel(1, 12), (std::array<int, 3>{255, 255, 255}));
  EXPECT_EQ(pixel(2, 4), (std::array<int, 3>{255, 255, 255}));
  EXPECT_EQ(pixel(2, 20), (std::array<int, 3>{200, 30, 30}));
}

// A legend ramp next to a large flat fill, as on a map: every column of the ramp decodes close to
// its own colour (none falls onto the fill's colour).
TEST(VideoWriter, AGifRampKeepsItsColours) {
  faro_test::TempDir tmp;
  const std::string path = tmp.file("ramp.gif");
  const int w = 400, h = 100;
  std::vector<uint8_t> px(static_cast<size_t>(w) * h * 4, 255);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      if (y < 80) {
        p[0] = 248, p[1] = 248, p[2] = 245;  // the map's pale background
      } else {
        p[0] = static_cast<uint8_t>(200 + x * 55 / w);  // red to yellow, like inferno's top
        p[1] = static_cast<uint8_t>(60 + x * 180 / w);
        p[2] = static_cast<uint8_t>(40 + x * 60 / w);
      }
    }
  VideoWriter writer(path, VideoFormat::gif, w, h, 2);
  writer.add_frame(px);
  writer.add_frame(px);
  writer.finish();
  std::string raw;
  ASSERT_EQ(faro_test::run_command("ffmpeg -v error -i " + path +
                                       " -vsync passthrough -f rawvideo -pix_fmt rgb24 - "
                                       "2>/dev/null",
                                   &raw),
            0);
  ASSERT_EQ(raw.size(), 2u * w * h * 3);
  for (int frame = 0; frame < 2; ++frame)
    for (int x = 0; x < w; ++x) {
      const size_t at = (static_cast<size_t>(frame) * w * h + 90 * w + x) * 3;
      const uint8_t* want = &px[(static_cast<size_t>(90) * w + x) * 4];
      int worst = 0;
      for (int c = 0; c < 3; ++c)
        worst = std::max(worst, std::abs(static_cast<uint8_t>(raw[at + c]) - want[c]));
      EXPECT_LE(worst, 12) << "frame " << frame << " column " << x;
    }
}

TEST(VideoWriter, OddSizesLoseTheirLastColumnAndRowInMp4) {
  faro_test::TempDir tmp;
  const std::string path = tmp.file("odd.mp4");
  VideoWriter w(path, VideoFormat::mp4, 97, 65, 2);
  EXPECT_EQ(w.width(), 96);
  EXPECT_EQ(w.height(), 64);
  w.add_frame(image(97, 65, 0));
  EXPECT_THROW(w.add_frame(image(96, 64, 0)), DataError);
  w.finish();
  EXPECT_NE(probe(path).find(",96,64,1"), std::string::npos) << probe(path);
}

TEST(VideoWriter, NothingAppearsWithoutFinish) {
  faro_test::TempDir tmp;
  {
    VideoWriter w(tmp.file("gone.gif"), VideoFormat::gif, 32, 32, 2);
    w.add_frame(image(32, 32, 0));
  }
  {
    VideoWriter w(tmp.file("empty.mp4"), VideoFormat::mp4, 32, 32, 2);
    EXPECT_THROW(w.finish(), DataError);  // no frames
  }
  EXPECT_TRUE(std::filesystem::is_empty(tmp.path()));
  EXPECT_THROW(VideoWriter(tmp.file("x.mp4"), VideoFormat::mp4, 32, 32, 0), UsageError);
  EXPECT_THROW(VideoWriter(tmp.file("x.mp4"), VideoFormat::mp4, 1, 32, 2), UsageError);
  EXPECT_THROW(VideoWriter("/nonexistent-dir/x.mp4", VideoFormat::mp4, 32, 32, 2), DataError);
}

}  // namespace
}  // namespace faro::io
