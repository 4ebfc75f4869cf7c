#pragma once
// The dashboard's own words (menus, panels, dialogs, status bar), one X-macro row per key:
// X(key, Spanish, English). Included only by core/messages.hpp, which turns every area's table
// into one enum, so a key can never exist in one language only.
//
// Only Latin-1 letters plus “ ” – — • … are used: the UI font atlas holds exactly those glyphs
// (ui/ui_fonts.hpp). Format strings use printf conventions (%s, %d, %lld).

#include "core/messages_edit.hpp"
#include "core/messages_load_notes.hpp"
#include "core/messages_open.hpp"
#include "core/messages_sector_limit.hpp"
#include "core/messages_timeline.hpp"

// clang-format off
#define FARO_MSG_UI(X)                                                                     \
  /* menu bar */                                                                                \
  X(menu_file, "Archivo", "File")                                                               \
  X(menu_open_data, "Abrir datos…", "Open data…")                                               \
  X(menu_open_project, "Abrir proyecto…", "Open project…")                                      \
  X(menu_save_project, "Guardar proyecto", "Save project")                                      \
  X(menu_save_project_as, "Guardar proyecto como…", "Save project as…")                         \
  X(menu_demo_city, "Ciudad demo", "Demo city")                                                 \
  X(menu_export_png_screen, "Exportar PNG (tamaño de pantalla)…", "Export PNG (screen size)…")  \
  X(menu_export_png_4k, "Exportar PNG (4K)…", "Export PNG (4K)…")                               \
  X(menu_export_animation, "Exportar animación (MP4/GIF)…", "Export animation (MP4/GIF)…")      \
  X(menu_recent, "Recientes", "Recent")                                                         \
  X(menu_quit, "Salir", "Quit")                                                                 \
  X(menu_view, "Ver", "View")                                                                   \
  X(menu_presentation, "Modo presentación", "Presentation mode")                                \
  X(menu_fit_all, "Ajustar a todo", "Fit all")                                                  \
  X(menu_zoom_selection, "Acercar a la selección", "Zoom to selection")                         \
  X(menu_load_report, "Informe de carga", "Load report")                                        \
  X(menu_weekly_brief, "Resumen semanal por sector", "Weekly brief by sector")                  \
  X(menu_export_brief, "Exportar informe semanal (PDF, PNG, CSV)…",                             \
    "Export weekly brief (PDF, PNG, CSV)…")                  \
  X(menu_program_evaluation, "Evaluación del programa", "Program evaluation")                 \
  X(menu_add_to_program, "Añadir a programa…", "Add to program…")                             \
  X(menu_presentation_title, "Título de la presentación", "Presentation title")                 \
  X(menu_language, "Idioma", "Language")                                                        \
  X(language_es, "Español", "Spanish")                                                          \
  X(language_en, "Inglés", "English")                                                           \
  /* side panel */                                                                              \
  X(panel_layers, "Capas", "Layers")                                                            \
  X(panel_filters, "Filtros", "Filters")                                                        \
  X(panel_selection, "Selección", "Selection")                                                  \
  X(layer_basemap, "Mapa base", "Basemap")                                                      \
  X(layer_sectors, "Sectores", "Sectors")                                                       \
  X(layer_choropleth, "Coropletas", "Choropleth")                                               \
  X(layer_heatmap, "Mapa de calor", "Heatmap")                                                  \
  X(layer_programs, "Programas", "Programs")                                                    \
  X(layer_context, "Contexto", "Context")                                                       \
  X(layer_points, "Puntos", "Points")                                                           \
  X(layer_labels, "Etiquetas", "Labels")                                                        \
  X(layer_hotspots, "Puntos calientes (Gi*)", "Hot spots (Gi*)")                                \
  X(layer_grid, "Hexágonos", "Hexagons")                                                        \
  X(layer_near_repeat, "Zonas de riesgo", "Risk zones")                                          \
  X(hover_near_repeat_zone, "Zona de repetición cercana (%.0f m): %zu incidente(s), activa %s a %s", \
    "Near-repeat zone (%.0f m): %zu incident(s), active %s to %s")                              \
  X(hover_near_repeat_risk, "riesgo relativo ×%.2f (prueba de Knox)", "relative risk ×%.2f (Knox test)") \
  X(add_layer, "Añadir capa…", "Add layer…")                                                    \
  X(remove_layer, "Quitar capa", "Remove layer")                                                \
  X(map_style, "Estilo", "Style")                                                               \
  X(map_style_replace, "Reemplaza todas las capas por este estilo",                             \
    "Replaces every layer with this style")                                                     \
  X(opacity, "Opacidad", "Opacity")                                                             \
  X(move_up, "Subir", "Move up")                                                                \
  X(move_down, "Bajar", "Move down")                                                            \
  X(bandwidth_m, "Ancho de banda (m)", "Bandwidth (m)")                                         \
  X(kernel, "Núcleo", "Kernel")                                                                 \
  X(kernel_gaussian, "Gaussiano", "Gaussian")                                                   \
  X(kernel_quartic, "Cuártico", "Quartic")                                                      \
  X(colormap, "Paleta", "Colour map")                                                           \
  X(color_max, "Máximo de color", "Colour maximum")                                             \
  X(color_max_locked, "Fijo", "Locked")                                                         \
  X(color_max_auto, "Automático (percentil %.0f)", "Automatic (%.0fth percentile)")             \
  X(measure, "Medida", "Measure")                                                               \
  X(measure_count, "Incidentes", "Incidents")                                                   \
  X(measure_per_km2, "Por km²", "Per km²")                                                      \
  X(measure_per_10k, "Por 10 000 habitantes", "Per 10,000 inhabitants")                         \
  X(measure_change, "Cambio vs. periodo anterior", "Change vs. previous period")                \
  X(measure_change_pct, "Cambio porcentual vs. periodo anterior",                               \
    "Percent change vs. previous period")                                                       \
  X(measure_needs_population, "Los sectores no tienen población.",                              \
    "The sectors have no population.")                                                          \
  X(scale, "Escala", "Scale")                                                                   \
  X(scale_quantile, "Cuantiles", "Quantiles")                                                   \
  X(scale_continuous, "Continua", "Continuous")                                                 \
  X(scale_equal_interval, "Intervalos iguales", "Equal intervals")                              \
  X(scale_jenks, "Cortes naturales (Jenks)", "Natural breaks (Jenks)")                          \
  X(classes, "Clases", "Classes")                                                               \
  X(point_size, "Tamaño de punto (px)", "Point size (px)")                                      \
  X(color_auto, "automático", "automatic")                                                      \
  X(points_not_partner_safe, "Los puntos no son aptos para compartir.",                         \
    "Points are not safe to share with partners.")                                              \
  /* filters */                                                                                 \
  X(date_from, "Desde", "From")                                                                 \
  X(date_to, "Hasta", "To")                                                                     \
  X(date_hint, "AAAA-MM-DD", "YYYY-MM-DD")                                                      \
  X(date_invalid, "Fecha no válida (AAAA-MM-DD)", "Invalid date (YYYY-MM-DD)")                  \
  X(date_order_invalid, "«Desde» es posterior a «Hasta»", "“From” is after “To”")               \
  X(date_data_range, "Datos: %s — %s", "Data: %s — %s")                                         \
  X(whole_period, "Todo el periodo", "Whole period")                                            \
  X(categories, "Categorías", "Categories")                                                     \
  X(all_categories, "Todas", "All")                                                             \
  X(no_category, "(sin categoría)", "(no category)")                                            \
  X(only_this, "Solo esta", "Only this")                                                        \
  X(search, "Buscar…", "Search…")                                                               \
  X(hour_of_day, "Hora del día", "Hour of day")                                                 \
  X(weekday, "Día de la semana", "Day of week")                                                 \
  X(all_hours, "Todas las horas", "All hours")                                                  \
  X(all_days, "Todos los días", "All days")                                                     \
  X(weekday_mon, "Lun", "Mon")                                                                  \
  X(weekday_tue, "Mar", "Tue")                                                                  \
  X(weekday_wed, "Mié", "Wed")                                                                  \
  X(weekday_thu, "Jue", "Thu")                                                                  \
  X(weekday_fri, "Vie", "Fri")                                                                  \
  X(weekday_sat, "Sáb", "Sat")                                                                  \
  X(weekday_sun, "Dom", "Sun")                                                                  \
  X(sector_subset, "Sectores", "Sectors")                                                       \
  X(sectors_all, "Todos los sectores", "All sectors")                                           \
  X(sectors_filtered, "%d sectores en el filtro", "%d sectors in the filter")                   \
  X(selection_count, "%d sectores seleccionados", "%d sectors selected")                        \
  X(selection_none, "Ningún sector seleccionado (clic en el mapa; Ctrl+clic para varios)",      \
    "No sector selected (click on the map; Ctrl+click for several)")                            \
  X(filter_to_selection, "Filtrar a la selección", "Filter to selection")                       \
  X(clear_sector_filter, "Quitar filtro de sectores", "Clear sector filter")                    \
  X(clear_selection, "Borrar selección", "Clear selection")                                     \
  X(incidents_count, "incidentes", "incidents")                                                 \
  X(count_of_total, "%s de %s incidentes", "%s of %s incidents")                                \
  /* status bar */                                                                              \
  X(status_ready, "Listo", "Ready")                                                             \
  X(status_loading, "Cargando…", "Loading…")                                                    \
  X(status_cancel, "Cancelar", "Cancel")                                                        \
  X(status_heatmap_busy, "Recalculando mapa de calor…", "Recomputing heatmap…")                 \
  X(status_sectors, "%d sectores", "%d sectors")                                                \
  X(status_frame_ms, "%.1f ms/cuadro", "%.1f ms/frame")                                         \
  X(status_unsaved, "Proyecto sin guardar", "Unsaved project")                                  \
  X(status_animation_scale, "Animación: escala de color…", "Animation: colour scale…")         \
  X(status_animation_frames, "Animación: cuadro %d de %d", "Animation: frame %d of %d")         \
  X(synthetic_data, "DATOS SINTÉTICOS", "SYNTHETIC DATA")                                       \
  X(timeline_placeholder, "Línea de tiempo", "Timeline")                                        \
  X(timeline_all, "Todos los incidentes", "All incidents")                                      \
  X(timeline_mode_selection, "Selección vs resto", "Selection vs rest")                         \
  X(timeline_mode_programs, "Tratados vs comparación", "Treated vs comparison")                 \
  X(timeline_selected, "Sectores seleccionados", "Selected sectors")                            \
  X(timeline_rest, "Resto de sectores", "Other sectors")                                        \
  X(timeline_treated, "Sectores con programa", "Program sectors")                               \
  X(timeline_comparison, "Sectores de comparación", "Comparison sectors")                       \
  /* file browser */                                                                            \
  X(browser_open_data, "Abrir datos", "Open data")                                              \
  X(browser_open_project, "Abrir proyecto", "Open project")                                     \
  X(browser_save_project, "Guardar proyecto", "Save project")                                   \
  X(browser_export_png, "Exportar PNG", "Export PNG")                                           \
  X(browser_export_animation, "Exportar animación", "Export animation")                         \
  X(browser_open_style, "Abrir estilo o capa", "Open style or layer")                           \
  X(menu_open_style, "Abrir estilo de mapa o capa…", "Open map style or layer…")                \
  X(browser_folder, "Carpeta", "Folder")                                                        \
  X(browser_up, "Subir de carpeta", "Parent folder")                                            \
  X(browser_filter, "Tipo", "Type")                                                             \
  X(browser_all_supported, "Todos los compatibles", "All supported")                            \
  X(browser_file_name, "Nombre de archivo", "File name")                                        \
  X(browser_open, "Abrir", "Open")                                                              \
  X(browser_save, "Guardar", "Save")                                                            \
  X(browser_cancel, "Cancelar", "Cancel")                                                       \
  X(browser_recent, "Recientes", "Recent")                                                      \
  X(browser_unreadable, "No se puede leer la carpeta: %s", "Cannot read the folder: %s")        \
  X(browser_role, "Usar como", "Use as")                                                        \
  X(browser_pg, "Conexión PostGIS (PG:…)", "PostGIS connection (PG:…)")                         \
  X(browser_pg_layer, "Tabla o capa", "Table or layer")                                         \
  X(browser_pg_connect, "Conectar", "Connect")                                                  \
  X(browser_pg_password, "La contraseña no se guarda en el proyecto: use un archivo de servicio " \
    "PG o PGPASSWORD.", "The password is not saved in the project: use a PG service file or "   \
    "PGPASSWORD.")                                                                              \
  X(browser_empty, "(carpeta vacía)", "(empty folder)")                                         \
  X(role_sectors, "Sectores", "Sectors")                                                        \
  X(role_incidents, "Incidentes", "Incidents")                                                  \
  X(role_programs, "Programas", "Programs")                                                     \
  X(role_context, "Contexto", "Context")                                                        \
  X(role_basemap, "Mapa base", "Basemap")                                                       \
  /* CSV mapping */                                                                             \
  X(csv_title, "Columnas del CSV", "CSV columns")                                               \
  X(csv_longitude, "Longitud (x)", "Longitude (x)")                                             \
  X(csv_latitude, "Latitud (y)", "Latitude (y)")                                                \
  X(csv_date, "Fecha", "Date")                                                                  \
  X(csv_time, "Hora", "Time")                                                                   \
  X(csv_category, "Categoría", "Category")                                                      \
  X(csv_date_order, "Orden de fecha con barras", "Slash date order")                            \
  X(csv_dmy, "Día/mes/año", "Day/month/year")                                                   \
  X(csv_mdy, "Mes/día/año", "Month/day/year")                                                   \
  X(csv_none, "(ninguna)", "(none)")                                                            \
  X(csv_detected, "detectada", "detected")                                                      \
  X(csv_preview_rows, "Primeras %d filas", "First %d rows")                                     \
  X(csv_missing_required, "Elija las columnas de longitud, latitud y fecha.",                   \
    "Choose the longitude, latitude and date columns.")                                         \
  X(csv_load, "Cargar", "Load")                                                                 \
  X(csv_read_error, "No se pudo leer el CSV: %s", "Could not read the CSV: %s")                 \
  X(csv_latin1, "El archivo no es UTF-8: se lee como Latin-1.",                                 \
    "The file is not UTF-8: read as Latin-1.")                                                  \
  /* load report and errors */                                                                  \
  X(report_title, "Informe de carga", "Load report")                                            \
  X(report_none, "Todavía no se ha cargado ninguna fuente.", "No source loaded yet.")           \
  X(report_read, "Leídas", "Read")                                                              \
  X(report_loaded, "Cargadas", "Loaded")                                                        \
  X(report_rejected, "Rechazadas", "Rejected")                                                  \
  X(report_changed, "Modificadas", "Changed")                                                   \
  X(report_reason, "Motivo", "Reason")                                                          \
  X(report_rows, "Filas", "Rows")                                                               \
  X(report_examples, "Ejemplos (fila, campo, valor)", "Examples (row, field, value)")           \
  X(report_method, "Lectura: %s", "Read with: %s")                                              \
  X(report_gdal_warnings, "Avisos de GDAL: %lld", "GDAL warnings: %lld")                        \
  X(report_notes, "Notas", "Notes")                                                             \
  X(error_title, "Error", "Error")                                                              \
  X(error_ok, "Aceptar", "OK")                                                                  \
  X(error_more, "(%d mensajes más)", "(%d more messages)")                                      \
  /* map overlay */                                                                             \
  X(legend_heatmap, "Densidad", "Density")                                                      \
  X(legend_units_default, "incidentes/km²", "incidents/km²")                                    \
  X(legend_auto_note, "máximo: percentil %.0f (auto)", "maximum: %.0fth percentile (auto)")     \
  X(legend_locked_note, "máximo fijo", "locked maximum")                                        \
  X(legend_choropleth, "Por sector", "By sector")                                               \
  X(legend_no_change, "Sin cambio", "No change")                                                \
  X(legend_new_sectors, "Sin incidentes antes", "None before")                                  \
  X(tooltip_incidents, "%s incidentes con el filtro actual", "%s incidents in the current filter") \
  X(tooltip_selected, "seleccionado", "selected")                                               \
  X(presentation_exit, "Esc: salir de la presentación", "Esc: leave presentation")              \
  /* presentation subtitle (ui/presentation_text.cpp): offences, then the period */             \
  X(presentation_offences_all, "Todos los delitos", "All offences")                             \
  X(presentation_offences_n, "%d delitos seleccionados", "%d offences selected")                \
  X(presentation_and, " y ", " and ")                                                          \
  /* place on the map: what the tooltip names under the cursor (context areas) */              \
  X(hover_colonia, "Colonia", "Colonia (neighbourhood)")                                        \
  X(hover_alcaldia, "Alcaldía", "Alcaldía (borough)")                                           \
  X(hover_cuadrante, "Cuadrante", "Cuadrante (police quadrant)")                                \
  X(hover_outside_sectors, "Fuera de los sectores", "Outside the sectors")                      \
  /* Identify (analyst view only): an incident's fields read back from its source */           \
  X(identify_title, "Identificar", "Identify")                                                  \
  X(identify_count, "%d incidentes bajo el cursor", "%d incidents under the cursor")            \
  X(identify_reading, "Leyendo la fila %u de %s…", "Reading row %u of %s…")                     \
  X(identify_row, "Fila %u de %s (leída en %.0f ms)", "Row %u of %s (read in %.0f ms)")         \
  X(identify_failed, "No se pudo leer la fila: %s", "Could not read the row: %s")               \
  X(identify_no_rows,                                                                           \
    "Esta fuente no guarda números de fila; vuelva a cargarla para identificar",                \
    "This source keeps no row numbers; load it again to identify")                             \
  X(identify_stale,                                                                             \
    "La fila no coincide con lo cargado: ¿cambió el archivo? Vuelva a cargarlo.",               \
    "The row does not match what was loaded: has the file changed? Load it again.")            \
  X(identify_field, "Campo", "Field")                                                           \
  X(identify_value, "Valor", "Value")                                                           \
  X(identify_close, "Cerrar", "Close")                                                          \
  FARO_MSG_OPEN(X) FARO_MSG_EDIT(X) FARO_MSG_TIMELINE(X) FARO_MSG_LOAD_NOTES(X)               \
  FARO_MSG_SECTOR_LIMIT(X)

// clang-format on
