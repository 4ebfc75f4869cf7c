#include "io/video_writer.hpp"

#include <algorithm>
#include <cctype>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gif_palette.hpp"

namespace faro::io {
namespace {

std::string av_message(int code) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
  av_strerror(code, buf, sizeof buf);
  return buf;
}

}  // namespace

std::optional<VideoFormat> video_format_for(const std::string& path) {
  std::string ext;
  if (const auto dot = path.rfind('.'); dot != std::string::npos) ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "mp4") return VideoFormat::mp4;
  if (ext == "gif") return VideoFormat::gif;
  return std::nullopt;
}

struct VideoWriter::Impl {
  AtomicOutput out;
  VideoFormat format;
  int src_width, src_height, width, height;
  std::string codec_name;
  AVFormatContext* fmt = nullptr;
  AVCodecContext* enc = nullptr;
  AVStream* stream = nullptr;
  SwsContext* sws = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  std::optional<GifPalette> palette;  // of the current frame (GIF)
  int frames = 0;
  bool finished = false;

  explicit Impl(std::string path) : out(std::move(path)) {}
  ~Impl() {
    if (fmt && fmt->pb) avio_closep(&fmt->pb);
    avformat_free_context(fmt);
    avcodec_free_context(&enc);
    sws_freeContext(sws);
    av_frame_free(&frame);
    av_packet_free(&packet);
  }

  [[noreturn]] void fail(const std::string& what, int code) const {
    throw DataError(out.target() + ": " + what + (code < 0 ? ": " + av_message(code) : ""));
  }

  // Sends `f` (nullptr = flush) and writes every packet the encoder has ready.
  void encode(AVFrame* f) {
    int rc = avcodec_send_frame(enc, f);
    if (rc < 0) fail("encoding a frame", rc);
    while ((rc = avcodec_receive_packet(enc, packet)) >= 0) {
      // Every frame lasts one tick (1/fps): the GIF muxer needs the last frame's delay.
      if (packet->duration <= 0) packet->duration = 1;
      av_packet_rescale_ts(packet, enc->time_base, stream->time_base);
      packet->stream_index = stream->index;
      rc = av_interleaved_write_frame(fmt, packet);
      if (rc < 0) fail("writing a frame", rc);
    }
    if (rc != AVERROR(EAGAIN) && rc != AVERROR_EOF) fail("encoding a frame", rc);
  }
};

VideoWriter::VideoWriter(std::string path, VideoFormat format, int width, int height, double fps)
    : impl_(std::make_unique<Impl>(std::move(path))) {
  // libx264 and the muxers report their settings and statistics on stderr; Faro states the codec
  // itself, so only FFmpeg's errors get through.
  av_log_set_level(AV_LOG_ERROR);
  Impl& m = *impl_;
  if (width < 2 || height < 2 || width > 16384 || height > 16384)
    throw UsageError("video size must be between 2 and 16384 pixels, got " +
                     std::to_string(width) + "x" + std::to_string(height));
  if (!(fps >= 0.1 && fps <= 60)) throw UsageError("--fps must be between 0.1 and 60");
  m.format = format;
  m.src_width = width, m.src_height = height;
  // yuv420p halves the chroma in both directions: H.264 needs even sizes. GIF takes any size.
  m.width = format == VideoFormat::mp4 ? width & ~1 : width;
  m.height = format == VideoFormat::mp4 ? height & ~1 : height;

  const char* container = format == VideoFormat::mp4 ? "mp4" : "gif";
  int rc = avformat_alloc_output_context2(&m.fmt, nullptr, container, m.out.temp_path().c_str());
  if (rc < 0 || !m.fmt) m.fail("cannot make a " + std::string(container) + " file", rc);

  const AVCodec* codec = nullptr;
  if (format == VideoFormat::mp4) {
    // H.264 plays everywhere (browsers, PowerPoint, phones); Debian's libavcodec links libx264.
    // A build without it still writes a playable MP4 with FFmpeg's own MPEG-4 part 2 encoder.
    codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) codec = avcodec_find_encoder(AV_CODEC_ID_MPEG4);
  } else {
    codec = avcodec_find_encoder(AV_CODEC_ID_GIF);
  }
  if (!codec) m.fail(std::string("this FFmpeg has no encoder for ") + container, 0);
  m.codec_name = codec->name;
  m.enc = avcodec_alloc_context3(codec);
  if (!m.enc) m.fail("out of memory", 0);
  const AVRational rate = av_d2q(fps, 1000);
  m.enc->width = m.width;
  m.enc->height = m.height;
  m.enc->framerate = rate;
  m.enc->time_base = av_inv_q(rate);
  m.enc->pix_fmt = format == VideoFormat::mp4 ? AV_PIX_FMT_YUV420P : AV_PIX_FMT_PAL8;
  AVDictionary* options = nullptr;
  if (format == VideoFormat::mp4) {
    // Tag the colours as HD video (BT.709, limited range): players assume it at 1080p, and the
    // conversion below uses the same matrix, so the legend's colours survive.
    m.enc->colorspace = AVCOL_SPC_BT709;
    m.enc->color_primaries = AVCOL_PRI_BT709;
    m.enc->color_trc = AVCOL_TRC_BT709;
    m.enc->color_range = AVCOL_RANGE_MPEG;
    m.enc->gop_size = std::max(1, static_cast<int>(fps * 10));  // a keyframe every ~10 s: seeking
    if (m.codec_name == "libx264") {
      // crf 20: text and thin sector lines stay sharp; maps change little between frames, so
      // the files stay small anyway.
      av_dict_set(&options, "preset", "medium", 0);
      av_dict_set(&options, "crf", "20", 0);
    } else {
      m.enc->flags |= AV_CODEC_FLAG_QSCALE;
      m.enc->global_quality = FF_QP2LAMBDA * 3;
    }
    if (m.fmt->oformat->flags & AVFMT_GLOBALHEADER) m.enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  } else {
    // Whole frames: libavcodec's GIF encoder crops a frame to what changed (and marks unchanged
    // pixels transparent) by comparing palette indices with the previous frame, which is wrong
    // when the previous frame had a palette of its own (a frame back on the first frame's palette
    // would keep the previous frame's pixels). Bigger files, right pixels.
    av_dict_set(&options, "gifflags", "0", 0);
  }
  rc = avcodec_open2(m.enc, codec, &options);
  av_dict_free(&options);
  if (rc < 0) m.fail("cannot open the " + m.codec_name + " encoder", rc);

  m.stream = avformat_new_stream(m.fmt, nullptr);
  if (!m.stream) m.fail("out of memory", 0);
  m.stream->time_base = m.enc->time_base;
  m.stream->avg_frame_rate = rate;
  rc = avcodec_parameters_from_context(m.stream->codecpar, m.enc);
  if (rc < 0) m.fail("stream parameters", rc);

  m.frame = av_frame_alloc();
  m.packet = av_packet_alloc();
  if (!m.frame || !m.packet) m.fail("out of memory", 0);
  m.frame->format = m.enc->pix_fmt;
  m.frame->width = m.width;
  m.frame->height = m.height;
  rc = av_frame_get_buffer(m.frame, 0);
  if (rc < 0) m.fail("frame buffer", rc);

  if (format == VideoFormat::mp4) {
    // The even part of the RGBA image (the source stride stays the full width: a crop, no scaling).
    m.sws = sws_getContext(m.width, m.height, AV_PIX_FMT_RGBA, m.width, m.height,
                           AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr,
                           nullptr);
    if (!m.sws) m.fail("no RGBA to yuv420p conversion", 0);
    sws_setColorspaceDetails(m.sws, sws_getCoefficients(SWS_CS_ITU709), 1,
                             sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
  }

  rc = avio_open(&m.fmt->pb, m.out.temp_path().c_str(), AVIO_FLAG_WRITE);
  if (rc < 0) m.fail("cannot write", rc);
  AVDictionary* mux = nullptr;
  // The index first, so a browser or a slide can start playing before the whole file arrives.
  if (format == VideoFormat::mp4) av_dict_set(&mux, "movflags", "+faststart", 0);
  rc = avformat_write_header(m.fmt, &mux);
  av_dict_free(&mux);
  if (rc < 0) m.fail("cannot write the header", rc);
}

VideoWriter::~VideoWriter() = default;

void VideoWriter::add_frame(std::span<const uint8_t> rgba) {
  Impl& m = *impl_;
  if (m.finished) throw DataError(m.out.target() + ": frame after finish()");
  if (rgba.size() != static_cast<size_t>(m.src_width) * m.src_height * 4)
    throw DataError(m.out.target() + ": frame of the wrong size");
  int rc = av_frame_make_writable(m.frame);
  if (rc < 0) m.fail("frame buffer", rc);
  if (m.format == VideoFormat::mp4) {
    const uint8_t* src[1] = {rgba.data()};
    const int stride[1] = {m.src_width * 4};
    sws_scale(m.sws, src, stride, 0, m.height, m.frame->data, m.frame->linesize);
  } else {
    // A palette per frame: what a partner-safe frame shows changes with its period (the density
    // floor hides more of the ramp in a short period), so the first frame's colours are not
    // enough. Flat fills keep their exact colour (their own palette entry) in every frame; FFmpeg
    // writes a local colour table where the palette differs from the first frame's.
    m.palette = GifPalette::from_rgba(rgba);
    m.palette->map(rgba, m.width, m.height, m.frame->data[0], m.frame->linesize[0]);
    // PAL8's palette is data[1]: 256 native-endian 0xAARRGGBB words. Unused entries are opaque
    // black: an entry with alpha 0 would become the encoder's transparent index.
    auto* pal = reinterpret_cast<uint32_t*>(m.frame->data[1]);
    std::fill(pal, pal + AVPALETTE_COUNT, 0xFF000000u);
    const auto& colors = m.palette->colors();
    for (size_t i = 0; i < colors.size(); ++i)
      pal[i] = 0xFF000000u | static_cast<uint32_t>(colors[i].r) << 16 |
               static_cast<uint32_t>(colors[i].g) << 8 | colors[i].b;
  }
  m.frame->pts = m.frames;
  m.encode(m.frame);
  ++m.frames;
}

void VideoWriter::finish() {
  Impl& m = *impl_;
  if (m.finished) return;
  if (m.frames == 0) throw DataError(m.out.target() + ": no frames to write");
  m.encode(nullptr);
  const int rc = av_write_trailer(m.fmt);
  if (rc < 0) m.fail("cannot finish the file", rc);
  avio_closep(&m.fmt->pb);
  m.finished = true;
  m.out.commit();
}

const std::string& VideoWriter::codec() const { return impl_->codec_name; }
int VideoWriter::frames() const { return impl_->frames; }
int VideoWriter::width() const { return impl_->width; }
int VideoWriter::height() const { return impl_->height; }

}  // namespace faro::io
