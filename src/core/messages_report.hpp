#pragma once
// The words of the weekly brief (dashboard panel and printed page) and of the program evaluation
// (panel, `faro evaluate`, the reasons an estimate could not be made), one X-macro row per key:
// X(key, Spanish, English). Included only by core/messages.hpp.
//
// The page (cairo, DejaVu) can draw any glyph; the panel's font atlas holds Latin-1 plus a few
// punctuation marks (ui/ui_fonts.hpp), so panel keys avoid ▲ ● √ ≥.

#include "core/messages_eval_checks.hpp"
#include "core/messages_eval_panel.hpp"
#include "core/messages_eval_report.hpp"
#include "core/messages_errors.hpp"
#include "core/messages_goals.hpp"
#include "core/messages_pg.hpp"

// clang-format off
#define FARO_MSG_BRIEF(X)                                                                       \
  /* the panel */                                                                               \
  X(brief_latest, "Última completa", "Last complete")                                          \
  X(brief_bad_week, "Semana no válida (p. ej. 2024-W07)", "Invalid week (e.g. 2024-W07)")       \
  X(brief_no_data, "Sin incidentes cargados.", "No incidents loaded.")                          \
  X(brief_all_area, "Toda el área", "Whole area")                                               \
  X(brief_col_sector, "Sector", "Sector")                                                       \
  X(brief_col_week, "Semana", "Week")                                                           \
  X(brief_col_prev, "Sem. previa", "Prev. week")                                                     \
  X(brief_col_mean4, "Media 4 sem.", "Mean 4 wk")                                               \
  X(brief_col_last_year, "Hace un año", "Year ago")                                                 \
  X(brief_col_ytd, "En el año", "Year to date")                                                              \
  X(brief_col_ytd_last_year, "En el año ant.", "Last yr to date")                                          \
  X(brief_col_z, "Cambio z", "Change z")                                                                      \
  X(brief_col_flag, "Señal", "Flag")                                                            \
  X(brief_col_spark, "12 semanas", "12 weeks")                                                  \
  X(brief_flag_up, "sube", "up")                                                                \
  X(brief_flag_down, "baja", "down")                                                            \
  X(brief_flag_new, "nuevo", "new")                                                             \
  X(brief_hint, "Esperado = media 4 sem. × factor de época de toda el área (las mismas "       \
    "semanas de los 2 años previos frente a sus 4 previas); z = 2(raíz(semana) - "              \
    "raíz(esperado)). Señal: prueba exacta de Poisson, con Benjamini-Hochberg (10 %) sobre "   \
    "los sectores de la semana. Clic: seleccionar el sector; Ctrl+clic: añadir. Cada "         \
    "encabezado se explica al pasar el ratón.",                                                 \
    "Expected = mean 4 wk × the whole area's seasonal factor (the same weeks of the 2 years "   \
    "before against their 4 weeks before); z = 2(sqrt(week) - sqrt(expected)). Flag: exact "   \
    "Poisson test, with Benjamini-Hochberg (10 %) over the week's sectors. Click: select the "  \
    "sector; Ctrl+click: add. Hover a header for what it means.")                               \
  /* one line per column (tooltip in the panel, legend on the page); Latin-1 only */           \
  X(brief_help_sector, "Sector (o grupo de sectores); clic: seleccionarlo en el mapa",          \
    "Sector (or group of sectors); click: select it on the map")                               \
  X(brief_help_week, "Incidentes de la semana elegida, de lunes a domingo",                     \
    "Incidents in the chosen week, Monday to Sunday")                                           \
  X(brief_help_week_period, "Incidentes del periodo elegido (semanas ISO al domingo elegido)",  \
    "Incidents in the chosen period (ISO weeks to the chosen Sunday)")                         \
  X(brief_help_prev, "Incidentes de la semana anterior", "Incidents in the week before")        \
  X(brief_help_prev_period, "Incidentes del periodo anterior", "Incidents in the period before") \
  X(brief_help_mean4, "Media de las 4 semanas previas; lo esperado es esta media × el factor "  \
    "de época de toda el área",                                                                 \
    "Mean of the 4 weeks before; the expected count is this mean × the whole area's seasonal "  \
    "factor")                                                                                   \
  X(brief_help_mean4_period, "Media de los 4 periodos previos; lo esperado es esta media × el " \
    "factor de época de toda el área",                                                          \
    "Mean of the 4 periods before; the expected count is this mean × the whole area's "         \
    "seasonal factor")                                                                          \
  X(brief_help_last_year, "La misma semana ISO un año antes", "The same ISO week a year before") \
  X(brief_help_last_year_period, "El mismo periodo un año antes", "The same period a year before") \
  X(brief_help_ytd, "Semanas ISO 1 a la elegida de este año",                                   \
    "ISO weeks 1 to the chosen one of this year")                                              \
  X(brief_help_ytd_last_year, "Las mismas semanas del año anterior",                           \
    "The same weeks of the year before")                                                        \
  X(brief_help_z, "Frente a lo esperado (media 4 × factor de época), en una escala común a "   \
    "todos los conteos: 0 = igual; ordena la tabla",                                            \
    "Against the expected count (mean 4 × seasonal factor), on one scale for every count: "     \
    "0 = same; orders the table")                                                               \
  X(brief_help_flag, "sube / baja: improbable por azar aun probando todas las unidades (prueba " \
    "exacta de Poisson, Benjamini-Hochberg al 10 %); nuevo: sube con la media 4 en cero",       \
    "up / down: unlikely by chance even with every unit tested (exact Poisson test, "           \
    "Benjamini-Hochberg at 10 %); new: up with a zero mean 4")                                  \
  X(brief_help_spark, "Incidentes por semana, últimas 12; el punto es la semana elegida",       \
    "Incidents per week, last 12; the dot is the chosen week")                                 \
  X(brief_help_spark_period, "Incidentes por periodo, últimos 12; el punto es el elegido",      \
    "Incidents per period, last 12; the dot is the chosen one")                                \
  X(brief_week_outside_data, "%s está fuera de los datos: los incidentes van del %s al %s",     \
    "%s is outside the data: the incidents run from %s to %s")                                 \
  X(brief_export_title, "Exportar informe semanal", "Export weekly brief")                      \
  X(brief_export_week, "Semana: %s (la elegida en el panel del informe)",                       \
    "Week: %s (the one chosen in the brief panel)")                                             \
  X(brief_export_internal, "Interno (mando)", "Internal (command staff)")                       \
  X(brief_export_partner, "Para socios (protegido)", "Partner-safe")                            \
  X(brief_export_internal_help, "Todo a la vista y sellado USO INTERNO: solo para el mando, "   \
    "no se comparte.",                                                                          \
    "Everything shown and stamped INTERNAL USE: for command staff only, never shared.")        \
  X(brief_export_partner_help, "Conteos de 1 a 4 y lo que los delata ocultos, y la salida "     \
    "anotada en el registro de publicaciones: se puede compartir.",                             \
    "Counts of 1 to 4 and what reveals them hidden, and the output recorded in the ledger of "  \
    "publications: safe to share.")                                                             \
  X(brief_export_format, "Formato", "Format")                                                   \
  X(brief_export_file, "Archivo", "File")                                                       \
  X(brief_export_go, "Exportar", "Export")                                                      \
  X(brief_export_button, "Exportar…", "Export…")                                                      \
  X(brief_export_running, "Exportando el informe…", "Exporting the brief…")                     \
  X(brief_export_done, "Escrito: %s", "Written: %s")                                            \
  X(brief_export_failed, "No se pudo exportar: %s", "Could not export: %s")                     \
  X(brief_export_no_week, "Sin semana: cargue incidentes primero.",                             \
    "No week: load incidents first.")


#define FARO_MSG_PAGE(X)                                                                        \
  /* the printed page ("\n" splits a column header in two lines); any glyph DejaVu has */      \
  X(brief_title, "Informe semanal", "Weekly brief")                                             \
  X(brief_page_col_prev, "Semana\nprevia", "Prev.\nweek")                                       \
  X(brief_page_col_mean4, "Media\n4 sem.", "Mean\n4 weeks")                                   \
  X(brief_page_col_last_year, "Hace\nun año", "A year\nago")                         \
  X(brief_page_col_ytd, "En el\naño", "Year to\ndate")                                                    \
  X(brief_page_col_ytd_last_year, "En el año\nanterior", "Last yr\nto date")                            \
  X(brief_page_col_spark, "Últimas\n12 semanas", "Last\n12 weeks")                              \
  X(brief_page_col_z, "Cambio\nz", "Change\nz")                                                \
  X(brief_map_title, "Mapa de calor de la semana · sectores con señal resaltados",             \
    "Heatmap of the week · flagged sectors outlined")                                           \
  X(brief_map_no_gl, "Mapa sin densidad: OpenGL no disponible en esta máquina",                 \
    "Map without density: no OpenGL on this machine")                                           \
  X(brief_table_title, "Sectores con señal y mayor cambio (z)",                                 \
    "Flagged sectors and largest changes (z)")                                                  \
  X(brief_near_repeat_zones,                                                                    \
    "Repetición cercana (%s m, %lld días%s), zonas activas al cierre: %zu%s",                    \
    "Near repeat (%s m, %lld days%s), zones active at the end: %zu%s")                           \
  X(brief_near_repeat_knox, "; Knox: riesgo ×%s", "; Knox: risk ×%s")                            \
  X(brief_near_repeat_rates,                                                                    \
    "En la semana, %lld de %lld incidentes (%s %%) cayeron en zonas activas, que cubrían el %s %% " \
    "del área.",                                                                                 \
    "This week %lld of %lld incidents (%s %%) fell in active zones, which covered %s %% of the "  \
    "area.")                                                                                     \
  X(brief_timeline_title, "Toda el área: incidentes por semana ISO, últimas 52 semanas",        \
    "Whole area: incidents per ISO week, last 52 weeks")                                        \
  X(brief_timeline_week, "semana seleccionada", "selected week")                                \
  X(brief_sectors_word, "sectores", "sectors")                                                  \
  X(brief_sector_word, "sector", "sector")                                                      \
  X(brief_generated, "Generado", "Generated")                                                   \
  X(brief_filter, "Filtro", "Filter")                                                           \
  /* the method under the page: the expected count (seasonal or not), then the test */        \
  X(brief_method, "Esperado = media 4 sem. × factor de época %s (toda el área: las mismas "     \
    "semanas ISO ±1 de %s frente a sus 4 semanas previas); z = 2(√semana − √esperado).",       \
    "Expected = mean 4 weeks × seasonal factor %s (whole area: the same ISO weeks ±1 of %s "    \
    "against their 4 weeks before); z = 2(√week − √expected).")                                 \
  X(brief_method_no_season, "Sin factor de época (%s): esperado = %s; z = 2(√%s − √esperado).", \
    "No seasonal factor (%s): expected = %s; z = 2(√%s − √expected).")                          \
  X(brief_no_season_short, "los datos no cubren esas semanas del año anterior",                \
    "the data do not cover those weeks of the year before")                                     \
  X(brief_no_season_few, "menos de %d incidentes en esas semanas de años anteriores",           \
    "fewer than %d incidents in those weeks of earlier years")                                  \
  X(brief_method_test, "Señal: prueba exacta de Poisson frente a la media 4 y "                \
    "Benjamini–Hochberg al 10 %% sobre %d pruebas (unidades con incidentes y toda el área); "   \
    "señales: %d, de ellas ≤ %s esperables por azar.",                                          \
    "Flag: exact Poisson test against the mean 4 with Benjamini–Hochberg at 10 %% over %d "     \
    "tests (units with incidents, and the whole area); flags: %d, ≤ %s of them expected by "   \
    "chance.")                                                                                  \
  X(brief_method_test_partner, "Señal: prueba exacta de Poisson frente a la media 4 y "        \
    "Benjamini–Hochberg (10 %) sobre las unidades con incidentes y toda el área: en promedio, " \
    "a lo sumo 1 de cada 10 señales se debe al azar.",                                          \
    "Flag: exact Poisson test against the mean 4 with Benjamini–Hochberg (10 %) over the "      \
    "units with incidents and the whole area: on average at most 1 flag in 10 is chance.")     \
  X(brief_unit_week_word, "semana", "week")                                                     \
  X(brief_unit_period_word, "periodo", "period")                                                \
  X(brief_expected, "esperado", "expected")                                                     \
  X(brief_outside, "fuera de todo sector", "in no sector")                                      \
  X(brief_baseline, "media 4 sem.", "mean 4 weeks")                                             \
  X(brief_earlier_rollouts, "Despliegues de programas antes de este periodo:",                  \
    "Program rollouts before this period:")                                                     \
  /* the partner brief's level (core/brief_level.hpp) and its period wording */                 \
  X(brief_level_week, "semana %s", "week %s")                                                   \
  X(brief_level_weeks, "%d semanas al %s", "%d weeks to %s")                                    \
  X(brief_level_by, "por %s", "by %s")                                                          \
  X(brief_level_notice, "nivel: %s", "level: %s")                                               \
  X(brief_unit_alcaldia, "alcaldía", "borough")                                                 \
  X(brief_unit_municipio, "municipio", "municipality")                                          \
  X(brief_unit_distrito, "distrito", "district")                                                \
  X(brief_table_title_level, "Señal y mayor cambio (|z|), %s",                                  \
    "Flags and largest changes (|z|), %s")                                                      \
  X(brief_hidden_rows, "%d más con el cambio suprimido (sin ordenar por cambio): %s",           \
    "%d more with their change suppressed (not ranked by change): %s")                          \
  X(brief_page_col_period, "Periodo", "Period")                                                 \
  X(brief_page_col_prev_period, "Periodo\nanterior", "Prev.\nperiod")                           \
  X(brief_page_col_mean4_period, "Media\n4 per.", "Mean\n4 periods")                           \
  X(brief_page_col_last_year_period, "Hace\nun año", "A year\nago")                \
  X(brief_page_col_spark_period, "Últimos\n12 periodos", "Last\n12 periods")                    \
  X(brief_baseline_period, "media 4 periodos", "mean 4 periods")                                \
  X(brief_map_title_period, "Mapa de calor del periodo · unidades con señal resaltadas",         \
    "Heatmap of the period · flagged units outlined")                                           \
  X(brief_timeline_title_period, "Toda el área: incidentes por periodo de %d semanas ISO",      \
    "Whole area: incidents per period of %d ISO weeks")                                         \
  X(brief_method_period, "Esperado = media 4 periodos × factor de época %s (toda el área: las " \
    "mismas semanas ISO ±1 de %s frente a sus 4 periodos previos); z = 2(√periodo − "          \
    "√esperado).",                                                                              \
    "Expected = mean 4 periods × seasonal factor %s (whole area: the same ISO weeks ±1 of %s "  \
    "against their 4 periods before); z = 2(√period − √expected).")                             \
  X(month_jan, "ene", "Jan")                                                                    \
  X(month_feb, "feb", "Feb")                                                                    \
  X(month_mar, "mar", "Mar")                                                                    \
  X(month_apr, "abr", "Apr")                                                                    \
  X(month_may, "may", "May")                                                                    \
  X(month_jun, "jun", "Jun")                                                                    \
  X(month_jul, "jul", "Jul")                                                                    \
  X(month_aug, "ago", "Aug")                                                                    \
  X(month_sep, "sep", "Sep")                                                                    \
  X(month_oct, "oct", "Oct")                                                                    \
  X(month_nov, "nov", "Nov")                                                                    \
  X(month_dec, "dic", "Dec")   \
  FARO_MSG_EVAL_REPORT(X)

#define FARO_MSG_EVAL(X)                                                                        \
  /* the panel and `faro evaluate`'s summary */                                                 \
  X(eval_program, "Programa", "Program")                                                        \
  X(eval_window_weeks, "Ventana (semanas)", "Window (weeks)")                                   \
  X(eval_by_week, "Por semana", "By week")                                                      \
  X(eval_by_month, "Por mes", "By month")                                                       \
  X(eval_group, "Grupo", "Group")                                                               \
  X(eval_sectors, "Sectores", "Sectors")                                                        \
  X(eval_before, "Antes", "Before")                                                             \
  X(eval_after, "Después", "After")                                                             \
  X(eval_rate, "Tasa/sector/sem.", "Rate/sector/wk")                                            \
  X(eval_treated, "Tratados", "Treated")                                                        \
  X(eval_comparison, "Comparación", "Comparison")                                               \
  X(eval_count_line, "%s: %zu sectores, antes %.0f → después %.0f",                             \
    "%s: %zu sectors, before %.0f → after %.0f")                                                \
  X(eval_did_ratio, "Razón de tasas DiD (IC 95 %%): %s", "DiD rate ratio (95 %% CI): %s")       \
  X(eval_did_robust, "Con sobredispersión: ", "Overdispersion-adjusted: ")                      \
  X(eval_did_missing, "DiD no estimable: ", "DiD not estimable: ")                              \
  X(eval_its_level, "STI cambio de nivel: ", "ITS level change: ")                              \
  X(eval_its_slope, "STI cambio de pendiente / año: ", "ITS slope change / year: ")             \
  X(eval_its_missing, "STI no estimable: ", "ITS not estimable: ")                              \
  X(eval_event_study_missing, "Estudio de eventos no estimable: ", "Event study not estimable: ") \
  X(eval_excluded_count, "%zu sectores excluidos (ventana fuera de los datos)",                 \
    "%zu sectors excluded (window outside the data)")                                           \
  X(eval_excluded_sector, "excluido %s: %s", "excluded %s: %s")                                 \
  X(eval_treated_observed, "Tratados (observado)", "Treated (observed)")                        \
  X(eval_counterfactual, "Contrafactual (tendencia previa)", "Counterfactual (pre-trend)")      \
  X(eval_rollout, "Inicio", "Rollout")                                                          \
  X(eval_no_programs, "No hay programas cargados ni definidos (seleccione sectores > Añadir a " \
    "programa…).", "No programs loaded or defined (select sectors > Add to program…).")        \
  /* the plain-words DiD sentence: change, CI low, CI high, then the notes in parentheses */    \
  X(eval_did_sentence, "%s respecto a los sectores de comparación, IC 95 %% %s a %s",           \
    "%s relative to comparison sectors, 95 %% CI %s to %s")                                     \
  X(eval_note_no_change, "no se distingue de un cambio nulo", "not distinguishable from no change") \
  X(eval_note_widened, "intervalo ampliado por sobredispersión de los conteos, φ = %s",         \
    "interval widened for overdispersion of the counts, φ = %s")                                \
  X(eval_caution, "menos de 10 incidentes en un grupo y periodo: el intervalo es aproximado",   \
    "fewer than 10 incidents in a group and period: the interval is approximate")               \
  /* why an estimate could not be made (core/program_evaluation.hpp EvalReason) */              \
  X(eval_why_no_sectors, "el programa no tiene sectores", "the program has no sectors")         \
  X(eval_why_windows, "periodo previo o posterior demasiado corto: ningún sector tratado tiene " \
    "%d semanas de datos a ambos lados de su inicio (datos %s a %s); acorte la ventana",         \
    "too-short pre- or post-period: no treated sector has %d weeks of data on both sides of "   \
    "its rollout (data %s to %s); shorten the window")                                          \
  X(eval_why_no_comparison, "no hay sectores de comparación: todos están en un programa; use "  \
    "--comparison", "no comparison sectors: every sector is in a program; give --comparison")   \
  X(eval_why_zero_cell, "sin incidentes en los %s: la razón de tasas no tiene estimación ni "   \
    "intervalo finitos",                                                                        \
    "no incidents in the %s: the rate ratio has no finite estimate or interval")                \
  X(eval_cell_treated_before, "sectores tratados antes del inicio",                             \
    "treated sectors before rollout")                                                           \
  X(eval_cell_treated_after, "sectores tratados después del inicio",                            \
    "treated sectors after rollout")                                                            \
  X(eval_cell_comparison_before, "sectores de comparación antes del inicio",                    \
    "comparison sectors before rollout")                                                        \
  X(eval_cell_comparison_after, "sectores de comparación después del inicio",                   \
    "comparison sectors after rollout")                                                         \
  X(eval_why_its_pre_period, "periodo previo demasiado corto: %d %s antes del inicio; la serie " \
    "necesita al menos %d",                                                                     \
    "too-short pre-period: %d %s before rollout; the time series needs at least %d")            \
  X(eval_unit_weeks, "semanas", "weeks")                                                        \
  X(eval_unit_months, "meses", "months")                                                        \
  X(eval_why_its_no_incidents, "sin incidentes en ningún sector tratado dentro de las ventanas", \
    "no incidents in any treated sector within the windows")                                    \
  X(eval_why_its_none_before, "sin incidentes en los sectores tratados antes del inicio: no hay " \
    "cambio de nivel que estimar",                                                              \
    "no incidents in the treated sectors before rollout: no level change to estimate")          \
  X(eval_why_its_none_after, "sin incidentes en los sectores tratados después del inicio: no "  \
    "hay cambio de nivel que estimar",                                                          \
    "no incidents in the treated sectors after rollout: no level change to estimate")           \
  X(eval_why_its_fit, "el modelo de Poisson no se pudo ajustar: %s",                            \
    "the Poisson model could not be fitted: %s")                                                \
  X(eval_why_event_study, "ningún sector tratado tiene periodos completos a ambos lados de su " \
    "inicio", "no treated sector has whole periods on both sides of its rollout")               \
  X(eval_why_rollout_early, "inicio %s: quedan menos de %d semanas de datos antes",             \
    "rollout %s leaves less than %d weeks of data before it")                                   \
  X(eval_why_rollout_late, "inicio %s: quedan menos de %d semanas de datos después",            \
    "rollout %s leaves less than %d weeks of data after it")                                    \
  X(eval_why_program_ended, "el programa terminó ahí el %s, dentro de la ventana posterior de " \
    "%d semanas", "the program ended there on %s, inside the %d-week after-window")            \
  FARO_MSG_EVAL_CHECKS(X) FARO_MSG_EVAL_PANEL(X) FARO_MSG_GOALS(X)

#define FARO_MSG_APP(X)                                                                         \
  FARO_MSG_ERRORS(X)                                                                            \
  FARO_MSG_PG(X)                                                                                \
  /* the app's own messages (job errors, export notices) */                                     \
  /* partner outputs: the disclosure rules of core/partner_query.hpp, in words a presenter reads */ \
  X(partner_where_refused,                                                                      \
    "Un filtro libre (--where) solo se permite en salidas internas (--internal): puede aislar "  \
    "un solo incidente. Para socios, filtre por delito (--offence).",                             \
    "A free filter (--where) is allowed only in internal outputs (--internal): it can isolate "   \
    "one incident. For partners, filter by offence (--offence).")                                \
  X(partner_window_weeks,                                                                       \
    "Para socios, el periodo debe cubrir semanas ISO completas (de lunes a domingo): %s a %s no " \
    "lo hace.",                                                                                  \
    "For partners, the period must cover whole ISO weeks (Monday to Sunday): %s to %s does not.") \
  X(partner_window_months,                                                                      \
    "Para socios, el periodo debe cubrir meses completos (del día 1 al último): %s a %s no lo "   \
    "hace.",                                                                                     \
    "For partners, the period must cover whole months (the 1st to the last day): %s to %s does " \
    "not.")                                                                                      \
  X(partner_window_years,                                                                       \
    "Para socios, el periodo debe cubrir años completos: %s a %s no lo hace.",                   \
    "For partners, the period must cover whole years: %s to %s does not.")                       \
  X(partner_window_any,                                                                         \
    "Para socios, el periodo debe cubrir semanas ISO completas (de lunes a domingo) o meses "     \
    "completos: %s a %s no lo hace.",                                                            \
    "For partners, the period must cover whole ISO weeks (Monday to Sunday) or whole months: "    \
    "%s to %s does not.")                                                                        \
  X(partner_map_too_close,                                                                      \
    "Este mapa no se puede entregar: difiere de un mapa ya entregado (%s a %s) en solo %lld "     \
    "incidentes, menos de %d, y comparar los dos mostraría dónde ocurrieron. Entregue el mismo "  \
    "periodo y los mismos delitos, o unos que difieran en al menos %d incidentes.",              \
    "This map cannot be given out: it differs from a map already given out (%s to %s) by only "   \
    "%lld incidents, fewer than %d, and comparing the two would show where they happened. Give "  \
    "out the same period and offences, or ones that differ by at least %d incidents.")           \
  X(partner_cell_too_small,                                                                     \
    "Para socios, las celdas miden al menos %d m (se pidieron %s m): una celda pequeña ubica un " \
    "incidente.",                                                                                \
    "For partners, cells are at least %d m (%s m was asked): a small cell places an incident.")  \
  X(partner_raw_cells_refused,                                                                  \
    "Para socios, los puntos calientes necesitan permutaciones (--permutations 99 o más): sin "   \
    "ellas la salida publica conteos crudos por celda.",                                          \
    "For partners, hot spots need permutations (--permutations 99 or more): without them the "   \
    "output publishes raw counts per cell.")                                                     \
  X(partner_dashboard_filter,                                                                   \
    "Para socios, quite los filtros de hora, día de la semana y sector antes de exportar: pueden " \
    "aislar incidentes. Filtre por delito y por semanas o meses completos.",                      \
    "For partners, clear the hour, weekday and sector filters before exporting: they can isolate " \
    "incidents. Filter by offence and by whole weeks or months.")                                \
  X(partner_unknown_offence,                                                                    \
    "No hay incidentes del delito «%s» (campo %s) en la selección. Valores presentes: %s",         \
    "No incident of the offence \"%s\" (field %s) in the selection. Values present: %s")                                              \
  X(app_load_failed, "No se pudieron cargar los datos: %s", "Could not load the data: %s")     \
  X(app_project_failed, "No se pudo abrir el proyecto: %s", "Could not open the project: %s")  \
  X(app_save_failed, "No se pudo guardar el proyecto: %s", "Could not save the project: %s")   \
  X(app_save_no_path, "Elija dónde guardar el proyecto (Archivo > Guardar proyecto como…).",   \
    "Choose where to save the project (File > Save project as…).")                             \
  X(app_export_failed, "No se pudo exportar el mapa: %s", "Could not export the map: %s")      \
  X(app_export_done, "Mapa exportado: %s", "Map exported: %s")                                  \
  X(app_animation_failed, "No se pudo exportar la animación: %s",                              \
    "Could not export the animation: %s")                                                       \
  X(app_load_cancelled, "Carga cancelada.", "Load cancelled.")                                  \
  /* raster basemaps: File > Open, the Layers panel, the credit line (map corner, exports) */   \
  X(app_basemap_failed, "No se pudo abrir el mapa base: %s", "Could not open the basemap: %s") \
  X(basemap_greyscale, "Escala de grises", "Greyscale")                                         \
  X(basemap_dim, "Atenuar", "Dim")                                                              \
  X(basemap_look_tip, "Gris y atenuado: el mapa de calor se lee mejor sobre el mapa base",      \
    "Grey and dimmed: the heatmap reads better over the basemap")                               \
  X(map_basemap_credit, "Mapa base: %s", "Basemap: %s")                                         \
  /* loading progress (io/data_loading.hpp, io/workspace_loader.cpp) */                         \
  X(load_demo_city, "ciudad demo", "demo city")                                                 \
  X(load_sectors, "sectores: %s", "sectors: %s")                                                \
  X(load_incidents, "incidentes: %s", "incidents: %s")                                          \
  X(load_programs, "programas: %s", "programs: %s")                                             \
  X(load_context, "contexto: %s", "context: %s")                                                \
  X(load_assigning, "asignando incidentes a sectores", "assigning incidents to sectors")        \
  X(load_sectors_incidents_done, "sectores e incidentes cargados", "sectors and incidents loaded") \
  X(load_filtering, "filtrando", "filtering")                                                   \
  X(load_done, "cargado", "loaded")                                                             \
  /* program edit dialog */                                                                     \
  X(program_edit_no_name, "El nombre del programa está vacío.", "Program name is empty.")       \
  X(program_edit_bad_start, "La fecha de inicio debe ser una fecha válida AAAA-MM-DD, no '%s'.", \
    "Rollout date must be a valid YYYY-MM-DD date, got '%s'.")                                  \
  X(program_edit_bad_end, "La fecha de fin debe estar vacía o ser AAAA-MM-DD válida, no '%s'.", \
    "End date must be empty or a valid YYYY-MM-DD date, got '%s'.")                             \
  X(program_edit_end_before_start, "La fecha de fin debe ser posterior a la de inicio.",        \
    "End date must be after the rollout date.")
// clang-format on
