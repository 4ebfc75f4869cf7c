#pragma once
// The dashboard's words for a live PostGIS source (app/pg_live_controller.hpp): the Refresh and
// Reconcile actions, the poll interval, the status bar's "last refresh" and the failure modal.
// Part of the app area (the dashboard draws it: Latin-1 only). Included only by
// core/messages_report.hpp.

#include "core/messages_pg_first_map.hpp"
#include "core/messages_pg_server.hpp"

// clang-format off
#define FARO_MSG_PG(X)                                                                          \
  X(pg_menu_refresh, "Actualizar desde PostGIS", "Refresh from PostGIS")                        \
  X(pg_menu_reconcile, "Conciliar con PostGIS (meses)", "Reconcile with PostGIS (months)")      \
  X(pg_menu_poll, "Actualizar cada", "Refresh every")                                           \
  X(pg_poll_off, "nunca", "off")                                                                \
  X(pg_poll_minutes, "%d min", "%d min")                                                        \
  X(pg_status_refreshing, "Actualizando desde PostGIS...", "Refreshing from PostGIS...")        \
  X(pg_status_loaded, "Cargado %s: %d filas", "Loaded %s: %d rows")                             \
  X(pg_status_last, "Actualizado %s: %d filas nuevas", "Refreshed %s: %d new rows")             \
  X(pg_status_reconciled, "Conciliado %s: %d meses recargados",                                 \
    "Reconciled %s: %d months reloaded")                                                        \
  X(pg_status_never, "PostGIS: sin actualizar", "PostGIS: not refreshed yet")                   \
  X(pg_refresh_failed,                                                                          \
    "No se pudo actualizar desde %s; se conservan los datos anteriores (reintentar: F5). %s",   \
    "Could not refresh from %s; the previous data is kept (retry: F5). %s")                    \
  X(pg_load_failed, "No se pudo abrir %s: %s", "Could not open %s: %s")                        \
  FARO_MSG_PG_FIRST_MAP(X)                                                                      \
  FARO_MSG_PG_SERVER(X)
// clang-format on
