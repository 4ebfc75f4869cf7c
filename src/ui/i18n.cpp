#include "ui/i18n.hpp"

#include <string>

namespace faro::ui {

const char* tr_layer(LayerKind kind, Language lang) {
  switch (kind) {
    case LayerKind::basemap:
      return tr(Msg::layer_basemap, lang);
    case LayerKind::sectors:
      return tr(Msg::layer_sectors, lang);
    case LayerKind::choropleth:
      return tr(Msg::layer_choropleth, lang);
    case LayerKind::heatmap:
      return tr(Msg::layer_heatmap, lang);
    case LayerKind::programs:
      return tr(Msg::layer_programs, lang);
    case LayerKind::context:
      return tr(Msg::layer_context, lang);
    case LayerKind::points:
      return tr(Msg::layer_points, lang);
    case LayerKind::labels:
      return tr(Msg::layer_labels, lang);
    case LayerKind::hotspots:
      return tr(Msg::layer_hotspots, lang);
    case LayerKind::grid:
      return tr(Msg::layer_grid, lang);
    case LayerKind::near_repeat:
      return tr(Msg::layer_near_repeat, lang);
  }
  return "?";
}

const char* tr_role(SourceSpec::Role role, Language lang) {
  switch (role) {
    case SourceSpec::Role::sectors:
      return tr(Msg::role_sectors, lang);
    case SourceSpec::Role::incidents:
      return tr(Msg::role_incidents, lang);
    case SourceSpec::Role::programs:
      return tr(Msg::role_programs, lang);
    case SourceSpec::Role::context:
      return tr(Msg::role_context, lang);
  }
  return "?";
}

const char* tr_weekday(int monday_first, Language lang) {
  static constexpr Msg kDays[7] = {Msg::weekday_mon, Msg::weekday_tue, Msg::weekday_wed,
                                   Msg::weekday_thu, Msg::weekday_fri, Msg::weekday_sat,
                                   Msg::weekday_sun};
  if (monday_first < 0 || monday_first > 6) return "?";
  return tr(kDays[monday_first], lang);
}

std::string workspace_title(const Workspace& ws, Language lang) {
  return ws.synthetic ? tr(Msg::menu_demo_city, lang) : ws.title;
}

}  // namespace faro::ui
