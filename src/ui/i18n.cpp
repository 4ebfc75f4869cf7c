#include "ui/i18n.hpp"

#include <array>
#include <string>

namespace faro::ui {
namespace {

struct Entry {
  const char* id;
  const char* es;
  const char* en;
};

constexpr std::array<Entry, kMsgCount> kTable{{
#define FARO_UI_ENTRY(key, es, en) {#key, es, en},
    FARO_UI_MESSAGES(FARO_UI_ENTRY)
#undef FARO_UI_ENTRY
}};

}  // namespace

const char* tr(Msg key, Language lang) {
  const size_t i = static_cast<size_t>(key);
  if (i >= kMsgCount) return "?";
  return lang == Language::en ? kTable[i].en : kTable[i].es;
}

const char* msg_id(Msg key) {
  const size_t i = static_cast<size_t>(key);
  return i < kMsgCount ? kTable[i].id : "count_";
}

Msg msg_from_id(std::string_view id) {
  for (size_t i = 0; i < kMsgCount; ++i)
    if (id == kTable[i].id) return static_cast<Msg>(i);
  return Msg::count_;
}

const char* tr(std::string_view id, Language lang) {
  const Msg key = msg_from_id(id);
  if (key == Msg::count_) {
    // Unknown ids show up as themselves so a typo is visible on screen instead of blank.
    static thread_local std::string unknown;
    unknown.assign(id);
    return unknown.c_str();
  }
  return tr(key, lang);
}

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
