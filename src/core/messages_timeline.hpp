#pragma once
// The timeline panel's words (ui/timeline_panel.hpp's TimelineText maps onto these rows, in enum
// order). Part of the ui area: only the dashboard font's glyphs. Included only by
// core/messages_ui.hpp.

// clang-format off
#define FARO_MSG_TIMELINE(X)                                                                    \
  X(timeline_incidents, "incidentes", "incidents")                                              \
  X(timeline_per_sector, "por sector", "per sector")                                            \
  X(timeline_rolling, "media móvil", "rolling mean")                                            \
  X(timeline_counterfactual, "contrafactual", "counterfactual")                                 \
  X(timeline_hint,                                                                              \
    "Arrastre para filtrar fechas; arrastre la ventana para moverla; doble clic para quitarla", \
    "Drag to filter dates; drag the window to move it; double-click to clear")                  \
  X(timeline_no_data, "Sin datos en el periodo", "No data in the period")                       \
  X(timeline_play, "Reproducir", "Play")                                                        \
  X(timeline_pause, "Pausa", "Pause")                                                           \
  X(timeline_speed_format, "%.1f periodos/s", "%.1f periods/s")                                 \
  X(timeline_loop, "Repetir", "Loop")                                                           \
  X(timeline_cumulative, "Acumulado", "Cumulative")                                             \
  X(timeline_playing, "reproduciendo: escala de color fija", "playing: colour scale locked")
// clang-format on
