#pragma once
// A least-recently-used cache of basemap tiles with a memory cap. The live map keeps its tile
// textures here (render/basemap_tile_layer.hpp: 256 x 256 RGBA8 = 256 KiB each, 256 MiB by
// default, i.e. 1024 tiles); the value type is a template parameter so the eviction rules are
// tested without a GL context.
//
// Rules: bytes() never exceeds capacity_bytes(); inserting evicts the least recently used entries
// until the new one fits; find() counts as a use, peek() does not; an entry larger than the whole
// cap is refused. Values are destroyed on eviction (a GL texture is deleted then: keep the
// context current on the thread that inserts).
#include <cstddef>
#include <list>
#include <unordered_map>
#include <utility>

#include "render/basemap_tile_grid.hpp"

namespace faro::render {

// 256 MiB of tile textures: 1024 tiles of 256 x 256 RGBA8, four full 1600 x 900 screens at every
// level of a pan, a zoom in and back.
constexpr size_t kDefaultTileCacheBytes = size_t{256} << 20;

template <class Value>
class TileLru {
 public:
  explicit TileLru(size_t capacity_bytes) : capacity_(capacity_bytes) {}

  size_t capacity_bytes() const { return capacity_; }
  size_t bytes() const { return bytes_; }
  size_t size() const { return entries_.size(); }
  size_t evictions() const { return evictions_; }
  bool contains(const TileKey& key) const { return index_.count(key) > 0; }

  // The value of `key`, now the most recently used; nullptr when absent.
  Value* find(const TileKey& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);
    return &it->second->value;
  }
  // The value of `key` without marking it used.
  const Value* peek(const TileKey& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &it->second->value;
  }

  // Adds (or replaces) `key` as the most recently used entry of `bytes`, evicting the least
  // recently used entries until it fits. Returns false (and keeps nothing) when `bytes` alone
  // exceeds the cap.
  bool insert(const TileKey& key, Value value, size_t bytes) {
    erase(key);
    if (bytes > capacity_) return false;
    while (bytes_ + bytes > capacity_ && !entries_.empty()) {
      Entry& last = entries_.back();
      bytes_ -= last.bytes;
      index_.erase(last.key);
      entries_.pop_back();
      ++evictions_;
    }
    entries_.push_front(Entry{key, std::move(value), bytes});
    index_[key] = entries_.begin();
    bytes_ += bytes;
    return true;
  }

  void erase(const TileKey& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return;
    bytes_ -= it->second->bytes;
    entries_.erase(it->second);
    index_.erase(it);
  }

  void clear() {
    entries_.clear();
    index_.clear();
    bytes_ = 0;
  }

 private:
  struct Entry {
    TileKey key;
    Value value;
    size_t bytes;
  };
  size_t capacity_;
  size_t bytes_ = 0;
  size_t evictions_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<TileKey, typename std::list<Entry>::iterator, TileKeyHash> index_;
};

}  // namespace faro::render
