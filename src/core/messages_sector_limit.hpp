#pragma once
// The one limit of assigning incidents to sectors: store.sector is 16 bits (core/incidents.hpp),
// so a sector layer with more polygons than that is refused by name rather than misassigned. Part
// of the ui area (the dashboard's error modal shows it: Latin-1 only). Included only by
// core/messages_ui.hpp.

// clang-format off
#define FARO_MSG_SECTOR_LIMIT(X)                                                                \
  X(sector_set_too_large,                                                                       \
    "la capa de sectores tiene %s polígonos; Faro asigna incidentes a %s sectores como máximo "  \
    "(use una capa con menos polígonos, o celdas hexagonales para los puntos calientes)",        \
    "the sector layer has %s polygons; Faro assigns incidents to at most %s sectors "           \
    "(use a layer with fewer polygons, or hex cells for hotspots)")
// clang-format on
