#include "io/gif_palette.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>

#include "core/errors.hpp"

namespace faro::io {
namespace {

constexpr int kBins = 1 << 15;

struct Bin {
  uint32_t count = 0;
  uint64_t r = 0, g = 0, b = 0;  // sums of the exact 8-bit channels
};

int channel(int key, int c) { return (key >> (10 - 5 * c)) & 31; }

struct Box {
  std::vector<int> keys;  // non-empty bins
  double error = 0;       // weighted squared distance of its colours to their mean
};

double box_error(const std::vector<int>& keys, const std::vector<Bin>& bins) {
  double n = 0, s[3] = {0, 0, 0}, s2 = 0;
  for (int k : keys) {
    const Bin& b = bins[k];
    const double v[3] = {static_cast<double>(b.r) / b.count, static_cast<double>(b.g) / b.count,
                         static_cast<double>(b.b) / b.count};
    n += b.count;
    for (int c = 0; c < 3; ++c) s[c] += b.count * v[c], s2 += b.count * v[c] * v[c];
  }
  return n > 0 ? s2 - (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]) / n : 0;
}

// Splits `box` at the weighted median of its widest channel; false when it holds one bin.
bool split(Box& box, const std::vector<Bin>& bins, Box& other) {
  if (box.keys.size() < 2) return false;
  int lo[3] = {31, 31, 31}, hi[3] = {0, 0, 0};
  for (int k : box.keys)
    for (int c = 0; c < 3; ++c) lo[c] = std::min(lo[c], channel(k, c)), hi[c] = std::max(hi[c], channel(k, c));
  int axis = 0;
  for (int c = 1; c < 3; ++c)
    if (hi[c] - lo[c] > hi[axis] - lo[axis]) axis = c;
  std::sort(box.keys.begin(), box.keys.end(),
            [axis](int a, int b) { return channel(a, axis) < channel(b, axis); });
  uint64_t total = 0;
  for (int k : box.keys) total += bins[k].count;
  uint64_t seen = 0;
  size_t cut = 1;
  for (size_t i = 0; i + 1 < box.keys.size(); ++i) {
    seen += bins[box.keys[i]].count;
    cut = i + 1;
    if (2 * seen >= total) break;
  }
  other.keys.assign(box.keys.begin() + static_cast<std::ptrdiff_t>(cut), box.keys.end());
  box.keys.resize(cut);
  box.error = box_error(box.keys, bins);
  other.error = box_error(other.keys, bins);
  return true;
}

}  // namespace

GifPalette GifPalette::from_rgba(std::span<const uint8_t> rgba, int max_colors) {
  if (max_colors < 2 || max_colors > 256) throw UsageError("GIF palette: 2..256 colours");
  std::vector<Bin> bins(kBins);
  for (size_t i = 0; i + 3 < rgba.size(); i += 4) {
    Bin& b = bins[(rgba[i] >> 3) << 10 | (rgba[i + 1] >> 3) << 5 | (rgba[i + 2] >> 3)];
    ++b.count;
    b.r += rgba[i], b.g += rgba[i + 1], b.b += rgba[i + 2];
  }
  std::vector<Box> boxes(1);
  for (int k = 0; k < kBins; ++k)
    if (bins[k].count > 0) boxes[0].keys.push_back(k);
  boxes[0].error = box_error(boxes[0].keys, bins);
  while (static_cast<int>(boxes.size()) < max_colors) {
    // The box with the largest error that can still split.
    size_t worst = boxes.size();
    for (size_t i = 0; i < boxes.size(); ++i)
      if (boxes[i].keys.size() > 1 && (worst == boxes.size() || boxes[i].error > boxes[worst].error))
        worst = i;
    if (worst == boxes.size()) break;
    Box other;
    split(boxes[worst], bins, other);
    boxes.push_back(std::move(other));
  }

  GifPalette p;
  for (const Box& box : boxes) {
    uint64_t n = 0, r = 0, g = 0, b = 0;
    for (int k : box.keys) n += bins[k].count, r += bins[k].r, g += bins[k].g, b += bins[k].b;
    if (n == 0) continue;  // an empty image: one black entry below
    p.colors_.push_back({static_cast<uint8_t>((r + n / 2) / n), static_cast<uint8_t>((g + n / 2) / n),
                         static_cast<uint8_t>((b + n / 2) / n)});
  }
  if (p.colors_.empty()) p.colors_.push_back({0, 0, 0});
  // Nearest palette colour for every 15-bit colour (the bin's centre), so later frames with
  // colours the first did not have still map sensibly.
  p.lookup_.resize(kBins);
  for (int k = 0; k < kBins; ++k) {
    const int c[3] = {channel(k, 0) * 8 + 4, channel(k, 1) * 8 + 4, channel(k, 2) * 8 + 4};
    int best = 0, best_d = std::numeric_limits<int>::max();
    for (size_t i = 0; i < p.colors_.size(); ++i) {
      const int dr = c[0] - p.colors_[i].r, dg = c[1] - p.colors_[i].g, db = c[2] - p.colors_[i].b;
      const int d = dr * dr + dg * dg + db * db;
      if (d < best_d) best_d = d, best = static_cast<int>(i);
    }
    p.lookup_[k] = static_cast<uint8_t>(best);
  }
  return p;
}

void GifPalette::map(std::span<const uint8_t> rgba, int width, int height, uint8_t* out,
                     int stride) const {
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = rgba.data() + static_cast<size_t>(y) * width * 4;
    uint8_t* o = out + static_cast<size_t>(y) * stride;
    for (int x = 0; x < width; ++x, row += 4) o[x] = index_of(row[0], row[1], row[2]);
  }
}

}  // namespace faro::io
