// Session helpers: the default layer stack, stable layer names for project files, and the UI
// language from the environment.
#include "core/session.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace faro {
namespace {

// Bottom to top; also the order layer_style() uses to insert a missing layer.
constexpr std::array<LayerId, kLayerCount> kDefaultOrder = {
    LayerId::basemap,  LayerId::sectors, LayerId::choropleth, LayerId::heatmap,
    LayerId::programs, LayerId::context, LayerId::points,     LayerId::labels};

int default_rank(LayerId id) {
  return static_cast<int>(std::find(kDefaultOrder.begin(), kDefaultOrder.end(), id) -
                          kDefaultOrder.begin());
}

LayerStyle default_style(LayerId id) {
  LayerStyle s;
  s.id = id;
  // The choropleth and the points compete with the heatmap for the eye: off until asked for.
  s.visible = id != LayerId::choropleth && id != LayerId::points;
  s.opacity = id == LayerId::heatmap ? 0.8f : 1.0f;
  return s;
}

}  // namespace

std::vector<LayerStyle> default_layers() {
  std::vector<LayerStyle> out;
  out.reserve(kLayerCount);
  for (LayerId id : kDefaultOrder) out.push_back(default_style(id));
  return out;
}

LayerStyle& layer_style(Session& s, LayerId id) {
  if (s.layers.empty()) s.layers = default_layers();
  for (LayerStyle& l : s.layers)
    if (l.id == id) return l;
  // Missing (an older project file, or a stack edited by hand): insert below the first layer that
  // sits above `id` in the default order, so the stack stays in a sensible order.
  const int rank = default_rank(id);
  auto pos = std::find_if(s.layers.begin(), s.layers.end(),
                          [&](const LayerStyle& l) { return default_rank(l.id) > rank; });
  return *s.layers.insert(pos, default_style(id));
}

const char* layer_key(LayerId id) {
  switch (id) {
    case LayerId::basemap:
      return "basemap";
    case LayerId::sectors:
      return "sectors";
    case LayerId::choropleth:
      return "choropleth";
    case LayerId::heatmap:
      return "heatmap";
    case LayerId::programs:
      return "programs";
    case LayerId::context:
      return "context";
    case LayerId::points:
      return "points";
    case LayerId::labels:
      return "labels";
  }
  return "?";
}

std::optional<LayerId> parse_layer_key(std::string_view key) {
  for (LayerId id : kDefaultOrder)
    if (key == layer_key(id)) return id;
  return std::nullopt;
}

Language language_from_environment() {
  // POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set and non-empty decides.
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (!v || !*v) continue;
    const std::string_view value(v);
    return value.substr(0, 2) == "en" ? Language::en : Language::es;
  }
  return Language::es;
}

}  // namespace faro
