// The timeline panel's user-facing texts, Spanish and English. One row per TimelineText, in enum
// order; the static_assert keeps the table and the enum the same length.
#include "ui/timeline_panel.hpp"

namespace faro::ui {
namespace {

struct Row {
  TimelineText id;
  const char* es;
  const char* en;
};

constexpr Row kTexts[] = {
    {TimelineText::incidents, "incidentes", "incidents"},
    {TimelineText::per_sector, "por sector", "per sector"},
    {TimelineText::rolling, "media móvil", "rolling mean"},
    {TimelineText::counterfactual, "contrafactual", "counterfactual"},
    {TimelineText::hint,
     "Arrastre para filtrar fechas; arrastre la ventana para moverla; doble clic para quitarla",
     "Drag to filter dates; drag the window to move it; double-click to clear"},
    {TimelineText::no_data, "Sin datos en el periodo", "No data in the period"},
    {TimelineText::play, "Reproducir", "Play"},
    {TimelineText::pause, "Pausa", "Pause"},
    {TimelineText::speed_format, "%.1f periodos/s", "%.1f periods/s"},
    {TimelineText::loop, "Repetir", "Loop"},
    {TimelineText::cumulative, "Acumulado", "Cumulative"},
    {TimelineText::playing, "reproduciendo: escala de color fija", "playing: colour scale locked"},
};
static_assert(sizeof kTexts / sizeof kTexts[0] == static_cast<size_t>(TimelineText::count_),
              "every TimelineText needs a row");

}  // namespace

const char* timeline_text(TimelineText id, Language language) {
  const auto i = static_cast<size_t>(id);
  if (i >= static_cast<size_t>(TimelineText::count_)) return "";
  return language == Language::es ? kTexts[i].es : kTexts[i].en;
}

}  // namespace faro::ui
