#include "app/app_messages.hpp"

#include "core/messages.hpp"

namespace faro::app {
namespace {

Msg key(AppMsg msg) {
  switch (msg) {
    case AppMsg::load_failed:
      return Msg::app_load_failed;
    case AppMsg::project_failed:
      return Msg::app_project_failed;
    case AppMsg::save_failed:
      return Msg::app_save_failed;
    case AppMsg::save_no_path:
      return Msg::app_save_no_path;
    case AppMsg::export_failed:
      return Msg::app_export_failed;
    case AppMsg::export_done:
      return Msg::app_export_done;
    case AppMsg::load_cancelled:
      return Msg::app_load_cancelled;
    case AppMsg::basemap_failed:
      return Msg::app_basemap_failed;
    case AppMsg::animation_failed:
      return Msg::app_animation_failed;
  }
  return Msg::app_load_failed;
}

}  // namespace

std::string app_text(AppMsg msg, Language lang, const std::string& detail) {
  // Substituted by hand, not printf: `detail` is an error message or a path and may hold '%'.
  std::string out = tr(key(msg), lang);
  const size_t at = out.find("%s");
  if (at != std::string::npos) out.replace(at, 2, detail);
  return out;
}

}  // namespace faro::app
