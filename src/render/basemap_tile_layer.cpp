#include "render/basemap_tile_layer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "render/gl_state.hpp"

namespace faro::render {
namespace {

constexpr int kTile = BasemapTileGrid::kTilePixels;
constexpr size_t kTileBytes = size_t{kTile} * kTile * 4;
// How much coarser the first tiles read for a view are: 8x the pixel size, 1/64 of the tiles.
constexpr int kPreviewLevels = 3;

}  // namespace

BasemapTileLayer::BasemapTileLayer(const BasemapTileGrid& grid, size_t cache_bytes)
    : grid_(grid), cache_(cache_bytes) {
  if (grid_.empty()) throw UsageError("basemap tile layer: empty tile grid");
  const Box& e = grid_.extent();
  origin_ = {std::round((e.xmin + e.xmax) / 2), std::round((e.ymin + e.ymax) / 2)};
  // Two triangles over the unit square; the vertex shader places the corners on the tile's box.
  const std::array<float, 12> corners{0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1};
  program_ = ShaderProgram::from_embedded("basemap_tile.vert", "basemap.frag");
  ScopedGlState saved;  // VAO and buffer bindings made here are put back
  vao_ = VertexArray::create();
  corners_ = Buffer::create();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, corners_.id());
  glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindVertexArray(0);
  check_gl("creating the basemap tile layer");
}

std::vector<TileKey> BasemapTileLayer::missing(const Camera& camera) const {
  const Box view = camera.visible_box();
  const int level = level_for(camera);
  std::vector<TileKey> out;
  const int preview = std::min(level + kPreviewLevels, grid_.top_level());
  if (preview != level)
    for (const TileKey& k : grid_.tiles_covering(view, preview))
      if (!cache_.contains(k)) out.push_back(k);
  for (const TileKey& k : grid_.tiles_covering(view, level))
    if (!cache_.contains(k)) out.push_back(k);
  return out;
}

bool BasemapTileLayer::complete(const Camera& camera) const {
  for (const TileKey& k : grid_.tiles_covering(camera.visible_box(), level_for(camera)))
    if (!cache_.contains(k)) return false;
  return true;
}

void BasemapTileLayer::add_tile(const TileKey& key, std::span<const uint8_t> rgba) {
  if (rgba.size() != kTileBytes)
    throw UsageError("basemap tile: " + std::to_string(rgba.size()) + " bytes, expected " +
                     std::to_string(kTileBytes));
  ScopedGlState saved;  // the texture binding and unpack alignment are put back
  Texture texture = Texture::create();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kTile, kTile, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               rgba.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  check_gl("uploading a basemap tile");
  cache_.insert(key, std::move(texture), kTileBytes);  // an evicted texture is deleted here
  ++version_;
}

void BasemapTileLayer::clear() {
  cache_.clear();
  ++version_;
}

void BasemapTileLayer::draw_slot(const Box& slot, const Texture& texture,
                                 const std::array<float, 4>& uv) {
  program_.set("u_box", std::array<float, 4>{static_cast<float>(slot.xmin - origin_.x),
                                             static_cast<float>(slot.ymin - origin_.y),
                                             static_cast<float>(slot.xmax - origin_.x),
                                             static_cast<float>(slot.ymax - origin_.y)});
  program_.set("u_uv", uv);
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glDrawArrays(GL_TRIANGLES, 0, 6);
}

void BasemapTileLayer::draw(const FrameContext& frame, float opacity, const BasemapStyle& look) {
  const Camera& camera = frame.camera;
  const int level = level_for(camera);
  const std::vector<TileKey> slots = grid_.tiles_covering(camera.visible_box(), level);
  if (slots.empty()) return;
  program_.use();
  program_.set("u_view", camera.view_matrix(origin_));
  program_.set("u_image", 0);
  program_.set("u_opacity", std::clamp(opacity, 0.0f, 1.0f));
  program_.set("u_greyscale", look.greyscale ? 1.0f : 0.0f);
  program_.set("u_dim", std::clamp(look.dim, 0.0f, 1.0f));
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_.id());
  constexpr std::array<float, 4> kWhole{0, 0, 1, 1};
  for (const TileKey& slot : slots) {
    if (const Texture* own = cache_.find(slot)) {
      draw_slot(grid_.tile_box(slot), *own, kWhole);
      continue;
    }
    bool drawn = false;
    for (int up = level + 1; up <= grid_.top_level() && !drawn; ++up) {
      const TileKey a = BasemapTileGrid::ancestor(slot, up);
      if (const Texture* coarse = cache_.find(a)) {
        draw_slot(grid_.tile_box(slot), *coarse, BasemapTileGrid::sub_rect(slot, a));
        drawn = true;
      }
    }
    if (drawn || level == 0) continue;
    // Zooming out: the four finer tiles this slot covers, where cached.
    for (int dr = 0; dr < 2; ++dr)
      for (int dc = 0; dc < 2; ++dc) {
        const TileKey child{level - 1, slot.col * 2 + dc, slot.row * 2 + dr};
        if (const Texture* fine = cache_.find(child)) draw_slot(grid_.tile_box(child), *fine, kWhole);
      }
  }
  glBindVertexArray(0);
}

}  // namespace faro::render
