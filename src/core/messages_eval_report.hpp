#pragma once
// The evaluation report's page words (render/evaluation_report_*): titles, section heads, axis
// and legend labels, footers. Part of the page area (cairo, DejaVu: any glyph). Included only by
// core/messages_report.hpp.
// The rows marked "dashboard" are drawn by the dashboard (File ▸ Export evaluation report and its
// dialog, ui/evaluation_export_dialog.hpp): they stay within the UI font atlas (Latin-1 plus
// – — “ ” ‘ ’ • … − ≤ ≥ φ →; tests/ui/evaluation_export_dialog_test.cpp checks it).

// clang-format off
#define FARO_MSG_EVAL_REPORT(X)                                                                 \
  /* page titles and the lines every page carries */                                            \
  X(eval_report_title, "Evaluación de programa", "Program evaluation")                          \
  X(eval_report_page1, "Resumen para el mando", "Summary for command staff")                    \
  X(eval_report_page_analysts, "Detalle para analistas", "Detail for analysts")                 \
  X(eval_report_offences, "Delitos: %s", "Offences: %s")                                        \
  X(eval_report_all_offences, "todos", "all")                                                   \
  X(eval_report_other_filters, "otros filtros: %s", "other filters: %s")                        \
  X(eval_report_hours, "horas %s", "hours %s")                                                  \
  X(eval_report_weekdays, "días %s", "days %s")                                                 \
  X(eval_report_dates, "Fechas: datos del %s al %s; ventanas de %d semanas antes y después "    \
    "del inicio en cada sector",                                                                \
    "Dates: data from %s to %s; windows of %d weeks before and after the rollout in each "      \
    "sector")                                                                                   \
  X(eval_report_dates_ignored, " (el filtro de fechas del tablero no se aplica: las ventanas "  \
    "salen de los inicios)",                                                                    \
    " (the dashboard's date filter does not apply: the windows come from the rollouts)")        \
  X(eval_report_comparison_default, "Comparación: %zu sectores sin programa%s",                 \
    "Comparison: %zu sectors in no program%s")                                                  \
  X(eval_report_comparison_given, "Comparación: %zu sectores dados (--comparison)%s",           \
    "Comparison: %zu given sectors (--comparison)%s")                                           \
  X(eval_report_neighbours_out, "; %zu vecinos excluidos (%s): %s",                             \
    "; %zu neighbours excluded (%s): %s")                                                       \
  X(eval_report_neighbours_none, "; ningún vecino excluido", "; no neighbour excluded")         \
  X(eval_report_excluded_treated, "Tratados excluidos: %s", "Treated sectors excluded: %s")     \
  X(eval_report_none, "ninguno", "none")                                                        \
  X(eval_report_sources, "Fuentes: %s", "Sources: %s")                                          \
  X(eval_report_page_of, "Página %d de %d", "Page %d of %d")                                    \
  X(eval_report_true_effect, "Ciudad demo: el efecto real es una razón de %s",                  \
    "Demo city: the true effect is a rate ratio of %s")                                         \
  /* page 1 */                                                                                  \
  X(eval_report_program_line, "Programa: %s · %zu sectores tratados",                           \
    "Program: %s · %zu treated sectors")                                                        \
  X(eval_report_rollouts, "Inicio por sector: %s", "Rollout by sector: %s")                     \
  X(eval_report_verdict, "Veredicto", "Verdict")                                                \
  X(eval_report_counts_sentence, "En los sectores tratados: %s incidentes en las %d semanas "   \
    "antes del inicio y %s en las %d semanas después.",                                         \
    "In the treated sectors: %s incidents in the %d weeks before rollout and %s in the %d "     \
    "weeks after.")                                                                             \
  X(eval_report_map_title, "Sectores tratados y de comparación",                                \
    "Treated and comparison sectors")                                                           \
  X(eval_report_map_no_gl, "Mapa trazado sin OpenGL (solo contornos)",                          \
    "Map drawn without OpenGL (outlines only)")                                                 \
  X(eval_report_legend_treated, "Tratados", "Treated")                                          \
  X(eval_report_legend_comparison, "Comparación", "Comparison")                                 \
  X(eval_report_legend_ring, "Vecinos excluidos", "Neighbours excluded")                        \
  X(eval_report_legend_excluded, "Tratados excluidos", "Treated, excluded")                     \
  X(eval_report_legend_other, "Fuera de la evaluación", "Not in the evaluation")                              \
  X(eval_report_timeline_title, "Incidentes en los sectores tratados por %s y lo esperado sin " \
    "el programa",                                                                              \
    "Incidents in the treated sectors per %s and what was expected without the program")       \
  X(eval_report_week, "semana", "week")                                                         \
  X(eval_report_month, "mes", "month")                                                          \
  X(eval_report_observed, "Observado", "Observed")                                              \
  X(eval_report_blocks_weeks, "(media por semana, bloques de %d semanas)",                     \
    "(mean per week, %d-week blocks)")                                                          \
  X(eval_report_blocks_months, "(media por mes, bloques de %d meses)",                          \
    "(mean per month, %d-month blocks)")                                                        \
  X(eval_report_counterfactual, "Esperado sin programa (tendencia previa, margen del 95 %%)", \
    "Expected without the program (pre-trend, 95 %% range)")                                    \
  X(eval_report_rollout_at, "Inicio %s", "Rollout %s")                                          \
  X(eval_report_rollout_staggered, "Inicios %s a %s (sectores alineados en su inicio)",         \
    "Rollouts %s to %s (sectors aligned at their rollout)")                                     \
  X(eval_report_weeks_since, "semanas desde el inicio", "weeks since rollout")                  \
  X(eval_report_months_since, "meses desde el inicio", "months since rollout")                  \
  X(eval_report_not_available, "no disponible: %s", "not available: %s")                        \
  /* analyst pages */                                                                           \
  X(eval_report_counts_title, "Incidentes en las ventanas antes y después",                     \
    "Incidents in the windows before and after")                                                \
  X(eval_report_col_group, "Grupo", "Group")                                                    \
  X(eval_report_col_sectors, "Sectores", "Sectors")                                             \
  X(eval_report_col_before, "Antes", "Before")                                                  \
  X(eval_report_col_after, "Después", "After")                                                  \
  X(eval_report_col_rate_before, "Tasa antes", "Rate before")                                   \
  X(eval_report_col_rate_after, "Tasa después", "Rate after")                                   \
  X(eval_report_rate_note, "Tasas: incidentes por sector y semana.",                            \
    "Rates: incidents per sector per week.")                                                    \
  X(eval_report_did_title, "Diferencia en diferencias (DiD)", "Difference in differences (DiD)") \
  X(eval_report_col_estimate, "Estimación", "Estimate")                                         \
  X(eval_report_col_ratio, "Razón", "Ratio")                                                    \
  X(eval_report_col_ci, "IC 95 %%", "95 %% CI")                                                 \
  X(eval_report_col_change, "Cambio", "Change")                                                 \
  X(eval_report_did_poisson, "DiD, intervalo de Poisson", "DiD, Poisson interval")              \
  X(eval_report_did_robust, "DiD, intervalo robusto (φ = %s, bloques de %d sem.)",              \
    "DiD, robust interval (φ = %s, %d-week blocks)")                                            \
  X(eval_report_treated_change, "Solo tratados, después / antes",                               \
    "Treated only, after / before")                                                             \
  X(eval_report_its_title, "Serie de tiempo interrumpida (STI)",                                \
    "Interrupted time series (ITS)")                                                            \
  X(eval_report_its_trend, "Tendencia previa, por año", "Pre-trend, per year")                  \
  X(eval_report_its_level, "Cambio de nivel al inicio", "Level change at rollout")              \
  X(eval_report_its_slope, "Cambio de pendiente, por año", "Slope change, per year")            \
  X(eval_report_its_model, "Poisson segmentada: %zu sectores, %d periodos antes y %d después, " \
    "%zu observaciones; dispersión φ = %s; estacionalidad: %s.",                                \
    "Segmented Poisson: %zu sectors, %d periods before and %d after, %zu observations; "        \
    "dispersion φ = %s; seasonality: %s.")                                                      \
  X(eval_report_yes, "sí", "yes")                                                               \
  X(eval_report_no_short_window, "no (ventana de menos de 52 semanas)",                         \
    "no (window under 52 weeks)")                                                               \
  X(eval_report_es_title, "Estudio de eventos", "Event study")                                  \
  X(eval_report_es_ratio_axis, "Razón tratados / comparación respecto al periodo −1, IC 95 %%", \
    "Treated / comparison ratio relative to period −1, 95 %% CI")                               \
  X(eval_report_es_rates_axis, "Incidentes por sector y %s (sin intervalos todavía)",           \
    "Incidents per sector per %s (no intervals yet)")                                           \
  X(eval_report_es_treated, "Tratados", "Treated")                                              \
  X(eval_report_es_comparison, "Comparación", "Comparison")                                     \
  X(eval_report_pre_trend, "Prueba conjunta de tendencias previas: χ² = %s, gl = %d, p = %s",   \
    "Joint pre-trend test: χ² = %s, df = %d, p = %s")                                           \
  X(eval_report_pre_trend_missing, "Prueba conjunta de tendencias previas: %s",                 \
    "Joint pre-trend test: %s")                                                                 \
  X(eval_report_checks_title, "Regla del veredicto y comprobaciones",                           \
    "The verdict's rule and the checks")                                                        \
  X(eval_report_other_checks, "Otras comprobaciones", "Other checks")                           \
  X(eval_report_sc_title, "Control sintético", "Synthetic control")                             \
  X(eval_report_sc_summary, "Razón de tasas %s (después: tratados / sintético); RMSPE previo "  \
    "%s; p de placebo %s (rango %d de %zu)",                                                    \
    "Rate ratio %s (after: treated / synthetic); pre-period RMSPE %s; placebo p %s (rank %d "   \
    "of %zu)")                                                                                  \
  X(eval_report_sc_donor, "Sector donante", "Donor sector")                                     \
  X(eval_report_sc_weight, "Peso", "Weight")                                                    \
  X(eval_report_sc_more, "%zu donantes más con peso menor", "%zu more donors with less weight") \
  X(eval_report_sc_treated, "Tratados, media por sector", "Treated, mean per sector")           \
  X(eval_report_sc_synthetic, "Sintético", "Synthetic")                                         \
  X(eval_report_ri_title, "Inferencia por aleatorización", "Randomization inference")           \
  X(eval_report_ri_line, "p = %s: %zu de %zu conjuntos placebo igual o más extremos (%s)",      \
    "p = %s: %zu of %zu placebo sets as extreme or more (%s)")                                  \
  X(eval_report_ri_exact, "todos los conjuntos posibles", "every possible set")                 \
  X(eval_report_ri_draws, "sorteos con semilla %llu", "draws with seed %llu")                   \
  X(eval_report_sensitivity_title, "Sensibilidad a la ventana", "Window sensitivity")           \
  X(eval_report_col_window, "Ventana", "Window")                                                \
  X(eval_report_col_did, "DiD (IC 95 %%)", "DiD (95 %% CI)")                                    \
  X(eval_report_window_weeks, "%d semanas", "%d weeks")                                         \
  /* the dashboard's File ▸ Export evaluation report and its dialog (dashboard: Latin-1) */     \
  X(menu_export_evaluation, "Exportar informe de evaluación (PDF)…",                            \
    "Export evaluation report (PDF)…")                                                          \
  X(eval_export_title, "Exportar informe de evaluación", "Export evaluation report")            \
  X(eval_export_program, "Programa: %s · ventana de %d semanas, por %s (lo elegido en el "      \
    "panel de evaluación)",                                                                     \
    "Program: %s · %d-week windows, by %s (as chosen in the evaluation panel)")                 \
  X(eval_export_no_program, "No hay programas: cargue o defina uno primero.",                   \
    "No programs: load or define one first.")                                                   \
  X(eval_export_partner_help, "Conteos de 1 a 4 ocultos (<5) en tablas y gráficas; razones, "   \
    "intervalos y veredicto a la vista: se puede compartir.",                                   \
    "Counts of 1 to 4 hidden (<5) in tables and charts; ratios, intervals and the verdict "     \
    "shown: safe to share.")                                                                    \
  X(eval_export_internal_help, "Todo a la vista y cada página sellada USO INTERNO: solo para "  \
    "el mando, no se comparte.",                                                                \
    "Everything shown and every page stamped INTERNAL USE: for command staff only, never "      \
    "shared.")                                                                                  \
  X(eval_export_pages, "PDF A4 de 2 a 4 páginas: resumen para el mando, luego el detalle para " \
    "analistas.",                                                                               \
    "A4 PDF of 2 to 4 pages: a summary for command staff, then the detail for analysts.")       \
  X(eval_export_running, "Calculando la evaluación y escribiendo el informe…",                  \
    "Computing the evaluation and writing the report…")
// clang-format on
