#pragma once
// Animated maps as video files through Debian's FFmpeg libraries (libavcodec, libavformat,
// libswscale): MP4 with H.264 (libx264; MPEG-4 part 2 when this libavcodec has no libx264) in
// yuv420p with BT.709 colours, or a looping GIF with a 256-colour palette per frame
// (io/gif_palette.hpp).
// Frames are RGBA8, rows top-down, all of one size. The file is written to a temporary sibling and
// renamed when finish() succeeds (io/atomic_file.hpp), so a cancelled or failed export leaves no
// partial video behind. FFmpeg stays out of this header.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace faro::io {

enum class VideoFormat { mp4, gif };

// By the file's extension (.mp4, .gif; case-insensitive); nullopt for anything else.
std::optional<VideoFormat> video_format_for(const std::string& path);

class VideoWriter {
 public:
  // Opens the encoder for `width` x `height` frames at `fps` frames per second (0.1..60). H.264
  // needs even sizes: an odd last column or row is cropped. Throws UsageError for bad sizes or
  // rates, DataError when the encoder or the file cannot be opened.
  VideoWriter(std::string path, VideoFormat format, int width, int height, double fps);
  ~VideoWriter();  // without finish(): the temporary file is removed
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  // Encodes one frame (width * height * 4 bytes). Throws DataError.
  void add_frame(std::span<const uint8_t> rgba);
  // Flushes the encoder, writes the trailer and renames the file into place. Throws DataError.
  void finish();

  const std::string& codec() const;  // "libx264", "mpeg4" or "gif"
  int frames() const;                // frames added so far
  int width() const;                 // of the encoded video (even for MP4)
  int height() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faro::io
