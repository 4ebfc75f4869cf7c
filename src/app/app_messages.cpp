#include "app/app_messages.hpp"

namespace faro::app {
namespace {

struct Pair {
  const char* es;
  const char* en;
};

Pair texts(AppMsg msg) {
  switch (msg) {
    case AppMsg::load_failed:
      return {"No se pudieron cargar los datos: %s", "Could not load the data: %s"};
    case AppMsg::project_failed:
      return {"No se pudo abrir el proyecto: %s", "Could not open the project: %s"};
    case AppMsg::save_failed:
      return {"No se pudo guardar el proyecto: %s", "Could not save the project: %s"};
    case AppMsg::save_no_path:
      return {"Elija dónde guardar el proyecto (Archivo > Guardar proyecto como…).",
              "Choose where to save the project (File > Save project as…)."};
    case AppMsg::export_failed:
      return {"No se pudo exportar el mapa: %s", "Could not export the map: %s"};
    case AppMsg::export_done:
      return {"Mapa exportado: %s", "Map exported: %s"};
    case AppMsg::load_cancelled:
      return {"Carga cancelada.", "Load cancelled."};
    case AppMsg::basemap_unsupported:
      return {"El mapa interactivo aún no dibuja mapas base ráster (%s); use «faro render "
              "--basemap» para exportarlo.",
              "The live map cannot draw raster basemaps yet (%s); use “faro render --basemap” "
              "to export one."};
  }
  return {"%s", "%s"};
}

}  // namespace

std::string app_text(AppMsg msg, Language lang, const std::string& detail) {
  const Pair p = texts(msg);
  std::string out = lang == Language::en ? p.en : p.es;
  const size_t at = out.find("%s");
  if (at != std::string::npos) out.replace(at, 2, detail);
  return out;
}

}  // namespace faro::app
