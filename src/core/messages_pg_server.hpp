#pragma once
// The dashboard's words for a PostGIS source in server mode (app/pg_server_view.hpp): the table is
// larger than --pg-max-rows, so the map's heatmap and points come from the server per view and
// the panels that need individual rows say so. Part of the app area (the dashboard draws it:
// Latin-1 only). Included only by core/messages_pg.hpp.

// clang-format off
#define FARO_MSG_PG_SERVER(X)                                                                   \
  X(pg_view_failed,                                                                             \
    "No se pudo consultar el mapa en %s; se conserva la vista anterior (se reintenta al mover " \
    "el mapa). %s",                                                                             \
    "Could not query the map from %s; the previous view is kept (moving the map retries). %s") \
  X(pg_server_mode,                                                                             \
    "Modo servidor: unas %s filas (más de %s); mapa de calor, puntos y conteos por sector se "  \
    "calculan en el servidor para la vista",                                                    \
    "Server mode: about %s rows (more than %s); heatmap, points and sector counts are "         \
    "computed in the server for the view")                                                      \
  X(pg_server_zoom_points, "Acerque el mapa para ver los puntos (más de %s en la vista)",       \
    "Zoom in to see points (more than %s in view)")                                             \
  X(pg_server_panel,                                                                            \
    "Este panel necesita las filas individuales, que en modo servidor no se traen (la tabla "   \
    "tiene más de %s). Filtre por fechas u ofensas en la fuente, o abra con --pg-max-rows 0.",  \
    "This panel needs the individual rows, which server mode does not fetch (the table has "    \
    "more than %s). Narrow the source by dates or offences, or open it with --pg-max-rows 0.")
// clang-format on
