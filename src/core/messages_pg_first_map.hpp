#pragma once
// The dashboard's words for the first map of a live PostGIS source (app/pg_first_map.hpp): what
// the status bar says while the map shows the server's heatmap grid and the rows still stream in.
// Part of the app area (the dashboard draws it: Latin-1 only). Included only by
// core/messages_pg.hpp.

// clang-format off
#define FARO_MSG_PG_FIRST_MAP(X)                                                                \
  X(pg_first_map_shown,                                                                         \
    "Primer mapa desde el servidor: sectores y mapa de calor de %s incidentes; cargando las "   \
    "filas...",                                                                                 \
    "First map from the server: sectors and a heatmap of %s incidents; loading the rows...")   \
  X(pg_first_map_query, "Consultando el primer mapa en %s...",                                  \
    "Querying the first map from %s...")
// clang-format on
