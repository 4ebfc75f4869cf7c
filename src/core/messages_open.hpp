#pragma once
// Opening data: the file browser's archive and "All files" words, recent files, incidents without
// sectors (the sector panels say what they need), and the loader's errors in the UI language.
// Part of the ui area (the dashboard's font atlas: Latin-1 plus a few marks). Included only by
// core/messages_ui.hpp.

// clang-format off
#define FARO_MSG_OPEN(X)                                                                        \
  X(browser_all_files, "Todos los archivos", "All files")                                       \
  X(browser_archive_hint, "Doble clic en un .zip, .tar o .7z para ver su contenido",             \
    "Double-click a .zip, .tar or .7z to see what it holds")                                    \
  X(needs_sectors_title, "Este panel necesita sectores", "This panel needs sectors")            \
  X(needs_sectors_body,                                                                         \
    "Los incidentes están cargados, pero sin polígonos de sectores no hay conteos por sector. "  \
    "Abra los sectores (cuadrantes o colonias) para usar este panel.",                           \
    "The incidents are loaded, but without sector polygons there are no counts per sector. "     \
    "Open the sectors (police quadrants or neighbourhoods) to use this panel.")                 \
  X(needs_sectors_open, "Abrir sectores…", "Open sectors…")                                     \
  X(err_file_not_found, "%s: no se encontró el archivo de %s", "%s: %s file not found")          \
  X(err_project_not_found, "%s: no se encontró el archivo del proyecto",                        \
    "%s: project file not found")                                                              \
  X(err_cannot_open, "%s: no se pudo abrir el archivo para leerlo",                             \
    "%s: cannot open the file for reading")                                                    \
  X(err_detail, "error técnico, sin traducción: «%s»", "%s")                                    \
  X(role_word_sectors, "sectores", "sectors")                                                   \
  X(role_word_incidents, "incidentes", "incidents")                                             \
  X(role_word_programs, "programas", "programs")                                                \
  X(role_word_context, "contexto", "context")

// clang-format on
