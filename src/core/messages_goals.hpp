#pragma once
// Program goals ("metas e indicadores"): indicator names, statuses, reasons, the goal line of the
// brief, the Goals panel and the goals PDF. Part of the eval area: the dashboard's font atlas
// (Latin-1 plus a few marks), so no ≥ or true minus signs here. Included only by
// core/messages_report.hpp.

// clang-format off
#define FARO_MSG_GOALS(X)                                                                        \
  /* indicators (short names) */                                                                 \
  X(goals_ind_reduction_pct, "Reducción de incidentes", "Reduction of incidents")                 \
  X(goals_ind_count_max, "Máximo de incidentes", "Maximum number of incidents")                    \
  X(goals_ind_rate_per_10k_max, "Tasa máxima por 10 000 habitantes",                              \
    "Maximum rate per 10,000 inhabitants")                                                        \
  X(goals_ind_did_reduction_pct, "Reducción frente a sectores de comparación",                    \
    "Reduction relative to comparison sectors")                                                   \
  /* targets, as the goal states them: %s = the number */                                       \
  X(goals_target_reduction, "meta: -%s %%", "target: -%s %%")                                     \
  X(goals_target_max, "meta: como máximo %s", "target: at most %s")                              \
  /* statuses */                                                                                 \
  X(goals_status_met, "Cumplida", "Met")                                                          \
  X(goals_status_on_track, "En camino", "On track")                                               \
  X(goals_status_off_track, "Fuera de meta", "Off track")                                         \
  X(goals_status_not_estimable, "No estimable", "Not estimable")                                  \
  /* why a goal is not estimable */                                                              \
  X(goals_why_no_sectors, "ningún sector del programa está en la capa de sectores",               \
    "none of the program's sectors is in the sector layer")                                      \
  X(goals_why_no_population, "algún sector del programa no tiene población",                     \
    "a sector of the program has no population")                                                  \
  X(goals_why_outside_data, "una ventana cae fuera del periodo de los datos",                     \
    "a window falls outside the period the data cover")                                           \
  X(goals_why_not_started, "la ventana de la meta aún no empieza", "the goal's window has not started yet") \
  X(goals_why_zero_baseline, "no hay incidentes en la línea base", "no incidents in the baseline") \
  X(goals_why_no_comparison, "no hay sectores de comparación (todos están en un programa)",       \
    "no comparison sectors (every sector is in a program)")                                       \
  X(goals_why_zero_comparison, "no hay incidentes en los sectores de comparación en una ventana", \
    "no incidents in the comparison sectors in a window")                                         \
  X(goals_why_hidden, "conteo menor que %d, oculto en la versión para socios",                    \
    "count below %d, hidden in the partner version")                                              \
  /* progress and the window */                                                                  \
  X(goals_progress, "avance %s %%", "progress %s %%")                                             \
  X(goals_window_open, "ventana abierta: proyección lineal al %s", "open window: linear projection to %s") \
  X(goals_change, "cambio %s %%", "change %s %%")                                                 \
  X(goals_interval, "rango de 95 %%: %s a %s %%", "95 %% range: %s to %s %%")                     \
  X(goals_all_incidents, "todos los incidentes", "all incidents")                                 \
  X(goals_windows, "%s a %s frente a %s a %s", "%s to %s against %s to %s")                       \
  X(goals_window_only, "%s a %s", "%s to %s")                                                     \
  X(goals_baseline_current, "línea base %s, actual %s", "baseline %s, current %s")               \
  /* the weekly brief's line, one per program: "Metas: ..." */                                   \
  X(goals_brief_label, "Metas", "Goals")                                                          \
  /* the dashboard panel */                                                                      \
  X(goals_panel_title, "Metas", "Goals")                                                          \
  X(goals_panel_none, "Ningún programa tiene metas. Agréguelas en el diálogo del programa "       \
    "(Programas > Editar) o en el archivo de programas.",                                         \
    "No program has goals. Add them in the program dialog (Programs > Edit) or in the programs "  \
    "file.")                                                                                      \
  X(goals_panel_no_data, "Cargue sectores e incidentes para calcular las metas.",                 \
    "Load sectors and incidents to compute the goals.")                                           \
  X(goals_panel_error, "Las metas no se pudieron calcular: %s", "The goals could not be computed: %s") \
  X(goals_panel_as_of, "Datos hasta el %s", "Data up to %s")                                      \
  /* the program dialog's goal editor */                                                         \
  X(goals_edit_header, "Metas del programa", "Program goals")                                     \
  X(goals_edit_indicator, "Indicador", "Indicator")                                               \
  X(goals_edit_where, "Incidentes (p. ej. grupo IN ('a','b'))", "Incidents (e.g. grupo IN ('a','b'))") \
  X(goals_edit_baseline_from, "Línea base desde", "Baseline from")                                \
  X(goals_edit_baseline_to, "Línea base hasta", "Baseline to")                                    \
  X(goals_edit_from, "Ventana desde", "Window from")                                              \
  X(goals_edit_to, "Ventana hasta", "Window to")                                                  \
  X(goals_edit_target, "Meta", "Target")                                                          \
  X(goals_edit_add, "Agregar meta", "Add goal")                                                   \
  X(goals_edit_remove, "Quitar", "Remove")                                                        \
  X(goals_edit_save, "Guardar metas", "Save goals")                                               \
  X(goals_edit_open, "Editar metas...", "Edit goals...")                                           \
  X(goals_edit_invalid, "Meta %d, campo %s: %s", "Goal %d, field %s: %s")                         \
  /* the goals PDF (cairo: full fonts) */                                                        \
  X(goals_report_title, "Metas del programa: %s", "Program goals: %s")                            \
  X(goals_report_subtitle, "Indicadores calculados con los datos; %s", "Indicators computed from the data; %s") \
  X(goals_report_chart, "Incidentes por mes en los sectores del programa (%s)",                    \
    "Incidents per month in the program's sectors (%s)")                                          \
  X(goals_report_target_line, "nivel mensual que cumple la meta", "monthly level that meets the target") \
  X(goals_report_baseline_line, "promedio mensual de la línea base", "baseline monthly mean")     \
  X(goals_report_monthly, "incidentes del mes", "incidents in the month")                          \
  X(goals_report_hidden_month, "mes oculto (conteo pequeño)", "month hidden (small count)")       \
  X(goals_report_no_goals, "Este programa no tiene metas.", "This program has no goals.")        \
  X(goals_report_sectors, "%zu sectores", "%zu sectors")
// clang-format on
