#include "app/live_labels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "render/label_placement.hpp"

namespace faro::app {
namespace {

// The text in two lines, split at the space that makes the wider line narrowest (as the exports
// split it, render/map_overlay.cpp); empty when it has no space.
std::pair<std::string, std::string> two_lines(ImFont* font, float size, const std::string& text) {
  std::pair<std::string, std::string> best;
  float best_w = 1e30f;
  for (size_t pos = text.find(' '); pos != std::string::npos; pos = text.find(' ', pos + 1)) {
    const std::string a = text.substr(0, pos), b = text.substr(pos + 1);
    const float w = std::max(font->CalcTextSizeA(size, 1e9f, 0, a.c_str()).x,
                             font->CalcTextSizeA(size, 1e9f, 0, b.c_str()).x);
    if (w < best_w) best_w = w, best = {a, b};
  }
  return best;
}

}  // namespace

std::vector<std::string> draw_live_labels(const render::StyleRenderer& map, const MapStyle& style,
                                          const render::Camera& camera,
                                          const ui::MapRegion& region,
                                          const LiveLabelOptions& options) {
  const float inv = 1.0f / std::max(options.pixel_scale, 0.01f);
  // Zoom ranges are in metres per 1080 p pixel: an ImGui unit at 100 % scale.
  const std::vector<render::MapLabel> labels =
      map.labels_for(style, camera.metres_per_pixel() * options.pixel_scale);
  if (labels.empty()) return {};
  ImFont* font = ImGui::GetFont();
  // Sector names a little smaller than body text; area names by their layer's size relative to
  // the 12.5 px sector names of the exports; a quarter larger in presentation mode.
  const float sector_size = ImGui::GetFontSize() * 0.85f * (options.presentation ? 1.25f : 1.0f);
  std::vector<render::LabelRequest> requests;
  std::vector<const render::MapLabel*> texts;  // parallel to requests
  std::vector<float> sizes;
  std::vector<std::pair<std::string, std::string>> splits;
  requests.reserve(labels.size());
  for (const render::MapLabel& l : labels) {
    const float size = l.area && l.size_px > 0 ? sector_size * l.size_px / 12.5f : sector_size;
    const Vec2 a = camera.world_to_pixel(l.anchor);
    const Vec2 p0 = camera.world_to_pixel({l.feature_bbox.xmin, l.feature_bbox.ymax});
    const Vec2 p1 = camera.world_to_pixel({l.feature_bbox.xmax, l.feature_bbox.ymin});
    const Box feature{p0.x * inv, p0.y * inv, p1.x * inv, p1.y * inv};
    // Skip labels whose feature is far off screen or smaller than a word (most of them when
    // zoomed out): the placement stays cheap every frame.
    if (feature.xmax < 0 || feature.ymax < 0 || feature.xmin > region.width ||
        feature.ymin > region.height || feature.width() < size * 2 || feature.height() < size)
      continue;
    const ImVec2 text = font->CalcTextSizeA(size, 1e9f, 0, l.text.c_str());
    const bool selected =
        !l.area && std::find(options.selection.begin(), options.selection.end(), l.text) !=
                       options.selection.end();
    render::LabelRequest r{{a.x * inv, a.y * inv},
                           feature,
                           l.priority + (selected ? 1'000'000 : 0),
                           {Vec2{text.x + 4.0, text.y + 2.0}}};
    // A second layout on two lines for names too wide for their area ("Gustavo A. Madero").
    std::pair<std::string, std::string> split = two_lines(font, size, l.text);
    if (!split.first.empty()) {
      const float w = std::max(font->CalcTextSizeA(size, 1e9f, 0, split.first.c_str()).x,
                               font->CalcTextSizeA(size, 1e9f, 0, split.second.c_str()).x);
      r.box_sizes.push_back(Vec2{w + 4.0, 2 * text.y + 2.0});
    }
    requests.push_back(std::move(r));
    texts.push_back(&l);
    sizes.push_back(size);
    splits.push_back(std::move(split));
  }
  const Box screen{0, 0, region.width, region.height};
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  std::vector<std::string> placed;
  for (const render::LabelPlacement& p : render::place_labels(requests, screen, {}, 4.0)) {
    const render::MapLabel& l = *texts[p.request];
    const float size = sizes[p.request];
    const float cx = region.x + static_cast<float>(p.box.xmin + p.box.xmax) / 2;
    const float top = region.y + static_cast<float>(p.box.ymin) + 1;
    std::vector<std::string> lines;
    if (p.layout == 0)
      lines = {l.text};
    else
      lines = {splits[p.request].first, splits[p.request].second};
    for (size_t k = 0; k < lines.size(); ++k) {
      const float w = font->CalcTextSizeA(size, 1e9f, 0, lines[k].c_str()).x;
      const ImVec2 pos(std::round(cx - w / 2), top + static_cast<float>(k) * size);
      // A white halo keeps names readable over the heatmap; area names in grey, sectors' darker.
      for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        dl->AddText(font, size, ImVec2(pos.x + d.x, pos.y + d.y), IM_COL32(255, 255, 255, 220),
                    lines[k].c_str());
      dl->AddText(font, size, pos, l.area ? IM_COL32(70, 70, 85, 255) : IM_COL32(40, 40, 40, 255),
                  lines[k].c_str());
    }
    placed.push_back(l.text);
  }
  return placed;
}

}  // namespace faro::app
