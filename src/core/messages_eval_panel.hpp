#pragma once
// The evaluation panel's own words (plain-words header, "What does this mean?", the filters that
// apply and those that do not, the event-study chart). Part of the eval area: the dashboard's font
// atlas (Latin-1 plus a few marks), so no ≥ ▲ ●. Included only by core/messages_report.hpp.
//
// What a person reads first avoids the analysts' words (DiD, STI/ITS, IC/CI, φ); the analyst
// details name them and say what they mean (evp_glossary_*).

// clang-format off
#define FARO_MSG_EVAL_PANEL(X)                                                                  \
  /* while the background job runs */                                                           \
  X(evp_computing, "Calculando…", "Calculating…")                                               \
  X(evp_computing_hint, "La evaluación con todas sus pruebas puede tardar unos segundos.",       \
    "The evaluation with all its checks can take a few seconds.")                              \
  /* the first lines: the change in plain words (percent, low, high) */                         \
  X(evp_change, "Tras el inicio, los incidentes en los sectores del programa cambiaron %s "     \
    "respecto a los sectores de comparación; el cambio real está probablemente entre %s y %s.", \
    "After the rollout, incidents in the program's sectors changed by %s relative to the "      \
    "comparison sectors; the real change is probably between %s and %s.")                      \
  X(evp_change_includes_zero, "Ese rango incluye el 0 %: no se distingue de ningún cambio.",   \
    "That range includes 0 %: it cannot be told apart from no change.")                        \
  X(evp_change_missing, "No se puede medir el cambio: %s.", "The change cannot be measured: %s.") \
  X(evp_few_incidents, "Hay pocos incidentes: el rango es aproximado.",                         \
    "There are few incidents: the range is approximate.")                                      \
  /* what was compared (sectors, windows, rollouts) */                                          \
  X(evp_compared, "Se comparan los sectores del programa (%zu) con sectores sin programa "     \
    "(%zu), %d semanas antes y %d semanas después del inicio en cada sector.",                  \
    "The program's sectors (%zu) are compared with sectors without the program (%zu), %d "      \
    "weeks before and %d weeks after the rollout in each sector.")                             \
  X(evp_rollout_one, "Inicio: %s.", "Rollout: %s.")                                            \
  X(evp_rollout_range, "Inicios escalonados: del %s al %s.", "Staggered rollouts: %s to %s.")   \
  X(evp_excluded, "Sectores del programa que quedan fuera: %zu (sus ventanas no caben en los "  \
    "datos, del %s al %s).",                                                                    \
    "Program sectors left out: %zu (their windows do not fit in the data, %s to %s).")         \
  X(evp_ring, "Sectores vecinos de los del programa que salieron de la comparación, porque el " \
    "programa pudo influir también en ellos (%zu): %s.",                                        \
    "Sectors next to the program's that left the comparison, because the program may have "    \
    "affected them too (%zu): %s.")                                                             \
  X(evp_ring_kept, "Sectores vecinos de los del programa que siguen en la comparación dada "    \
    "(%zu): %s.",                                                                               \
    "Sectors next to the program's that stay in the given comparison (%zu): %s.")              \
  X(evp_ring_none, "Ningún sector de comparación colinda con los del programa.",                \
    "No comparison sector touches the program's sectors.")                                     \
  X(evp_more_names, "… y %zu más", "… and %zu more")                                            \
  /* the filters: which apply, which do not and why */                                          \
  X(evp_filters_title, "Filtros", "Filters")                                                    \
  X(evp_filters_apply, "Se aplican: %s.", "Applied: %s.")                                      \
  X(evp_filters_apply_none, "Se aplican: ninguno (todos los incidentes cargados).",             \
    "Applied: none (every incident loaded).")                                                   \
  X(evp_filter_categories, "delitos: %s", "offences: %s")                                       \
  X(evp_filter_hours, "%d de 24 horas del día", "%d of the 24 hours of the day")                \
  X(evp_filter_weekdays, "%d de 7 días de la semana", "%d of the 7 days of the week")           \
  X(evp_filter_where, "filtro al cargar (--where): %s", "load filter (--where): %s")            \
  X(evp_filter_dates_ignored, "No se aplica el filtro de fechas%s: la evaluación usa sus "      \
    "propias ventanas fijas alrededor del inicio en cada sector.",                              \
    "Not applied: the date filter%s; the evaluation uses its own fixed windows around the "     \
    "rollout in each sector.")                                                                  \
  X(evp_filter_dates_set, " (%s a %s)", " (%s to %s)")                                          \
  X(evp_filter_sectors_ignored, "No se aplica la selección de sectores%s: los sectores del "    \
    "programa y los de comparación los define el programa.",                                    \
    "Not applied: the sector selection%s; the program defines its sectors and the comparison "  \
    "sectors.")                                                                                 \
  X(evp_filter_sectors_set, " (%zu elegidos)", " (%zu chosen)")                                 \
  /* "What does this mean?" */                                                                  \
  X(evp_meaning, "¿Qué significa?", "What does this mean?")                                     \
  X(evp_meaning_compared_title, "Qué se comparó", "What was compared")                          \
  X(evp_meaning_compared, "Se cuentan los incidentes en los sectores del programa antes y "     \
    "después de su inicio, y lo mismo en sectores sin programa en las mismas fechas. Lo que "   \
    "cambió en toda la ciudad (temporada, tendencia) aparece en ambos grupos y se descuenta; "  \
    "la diferencia que queda es el efecto estimado del programa.",                              \
    "Incidents are counted in the program's sectors before and after their rollout, and in "   \
    "sectors without the program over the same dates. What changed across the city (season, "  \
    "trend) shows in both groups and cancels out; the difference left is the program's "        \
    "estimated effect.")                                                                        \
  X(evp_meaning_verdict_title, "Cómo leer el veredicto", "How to read the verdict")             \
  X(evp_meaning_verdict, "«Evidencia consistente» de reducción o de aumento solo se afirma "    \
    "cuando las cuatro pruebas de la regla coinciden. «Señal no concluyente»: alguna prueba "   \
    "apunta a un efecto, pero no todas; no basta para decir que el programa funcionó ni que "   \
    "no funcionó. «Sin evidencia de efecto»: ninguna prueba apunta a un efecto; con estos "     \
    "datos el cambio no se distingue del azar.",                                                \
    "“Consistent evidence” of a reduction or an increase is stated only when the rule's four "  \
    "checks agree. “Inconclusive signal”: some check points to an effect, but not all; it is "  \
    "not enough to say the program worked, nor that it did not. “No evidence of an effect”: "   \
    "no check points to an effect; with these data the change cannot be told apart from "      \
    "chance.")                                                                                  \
  X(evp_meaning_disagree_title, "Por qué dos estimaciones pueden discrepar",                    \
    "Why two estimates can disagree")                                                           \
  X(evp_meaning_disagree, "La comparación con sectores sin programa (la cifra de arriba) "      \
    "descuenta lo que cambió en toda la ciudad. La serie de tiempo de los detalles mira solo "  \
    "los sectores del programa y prolonga su tendencia previa: si toda la ciudad subió o bajó " \
    "a la vez, lo confunde con el programa, y con pocos incidentes por semana su margen es "    \
    "amplio. Si discrepan, confíe más en la comparación con otros sectores y en el veredicto, " \
    "que además exige las otras pruebas.",                                                      \
    "The comparison with sectors without the program (the figure above) removes what changed " \
    "across the city. The time series in the details looks only at the program's sectors and " \
    "extends their earlier trend: if the whole city rose or fell at the same time it mistakes " \
    "that for the program, and with few incidents per week its margin is wide. When they "     \
    "disagree, trust the comparison with other sectors more, and the verdict, which also "      \
    "requires the other checks.")                                                               \
  X(evp_meaning_rule_title, "La regla y sus cuatro pruebas", "The rule and its four checks")    \
  X(evp_meaning_others_title, "Otras comprobaciones", "Other checks")                           \
  X(evp_meaning_chart_title, "La gráfica", "The chart")                                         \
  X(evp_meaning_chart, "Cada punto compara los sectores del programa con los de comparación "   \
    "en un periodo, respecto al periodo justo antes del inicio (1 = igual que entonces). Antes " \
    "del inicio los puntos deberían rondar 1; si el programa funciona, después quedan por "     \
    "debajo. La barra de cada punto es su margen de error (95 %).",                             \
    "Each point compares the program's sectors with the comparison sectors in one period, "     \
    "relative to the period just before the rollout (1 = the same as then). Before the "       \
    "rollout the points should stay near 1; if the program works, they fall below it after. "  \
    "Each point's bar is its margin of error (95 %).")                                         \
  /* the event-study chart */                                                                   \
  X(evp_chart_ratio_title, "Programa frente a comparación, por periodo (1 = como justo antes "  \
    "del inicio)",                                                                              \
    "Program against comparison, by period (1 = as just before the rollout)")                  \
  X(evp_chart_ratio_legend, "punto: razón; barra: margen de error (95 %)",                   \
    "point: ratio; bar: margin of error (95 %)")                                                 \
  X(evp_chart_rates_week, "Incidentes por sector y semana", "Incidents per sector per week")    \
  X(evp_chart_rates_month, "Incidentes por sector y mes", "Incidents per sector per month")     \
  X(evp_chart_rates_note, "La razón con su margen de error aún no está disponible; se "         \
    "muestran las tasas de cada grupo.",                                                        \
    "The ratio with its margin of error is not available yet; each group's rate is shown.")   \
  X(evp_chart_treated, "Sectores del programa", "Program sectors")                              \
  X(evp_chart_comparison, "Sectores de comparación", "Comparison sectors")                      \
  X(evp_chart_weeks_since, "Semanas desde el inicio", "Weeks since the rollout")                \
  X(evp_chart_months_since, "Meses desde el inicio", "Months since the rollout")                \
  X(evp_chart_reference, "referencia", "reference")                                             \
  X(evp_chart_tip_ratio, "Periodo %s: %s (margen %s a %s)", "Period %s: %s (margin %s to %s)")  \
  X(evp_chart_tip_reference, "Periodo %s: referencia (1)", "Period %s: reference (1)")          \
  X(evp_chart_tip_no_ratio, "Periodo %s: sin razón (un grupo sin incidentes)",                  \
    "Period %s: no ratio (a group without incidents)")                                         \
  X(evp_chart_tip_rates, "Periodo %s: programa %s, comparación %s",                            \
    "Period %s: program %s, comparison %s")                                                     \
  X(evp_chart_missing, "Sin gráfica: %s", "No chart: %s")                                       \
  /* the analyst details: the numbers with their names, each name explained */                  \
  X(evp_details, "Detalles para analistas", "Details for analysts")                             \
  X(evp_glossary_did, "DiD (diferencia en diferencias): (tratados después / antes) / "          \
    "(comparación después / antes); 1 = sin efecto.",                                           \
    "DiD (difference in differences): (treated after / before) / (comparison after / "          \
    "before); 1 = no effect.")                                                                  \
  X(evp_glossary_its, "STI (serie de tiempo interrumpida): regresión de Poisson por periodo "   \
    "en los sectores tratados; cambio de nivel y de pendiente al inicio frente a la tendencia " \
    "previa proyectada (contrafactual).",                                                       \
    "ITS (interrupted time series): per-period Poisson regression on the treated sectors; "     \
    "level and slope change at rollout against the projected earlier trend (counterfactual).")  \
  X(evp_glossary_ci, "IC (95 %): intervalo de confianza; contiene el valor real en 95 de cada "  \
    "100 repeticiones.",                                                                        \
    "CI (95 %): confidence interval; holds the real value in 95 of 100 repetitions.")            \
  X(evp_glossary_phi, "φ: sobredispersión (varianza entre media de los conteos); mayor que 1 "  \
    "ensancha el intervalo.",                                                                   \
    "φ: overdispersion (variance over mean of the counts); above 1 it widens the interval.")   \
  X(evp_its_title, "Serie de tiempo (STI) de los sectores del programa",                        \
    "Time series (ITS) of the program's sectors")                                               \
  X(evp_its_observed, "Sectores del programa (observado)", "Program sectors (observed)")       \
  X(evp_its_expected, "Esperado sin el programa (tendencia previa)",                            \
    "Expected without the program (earlier trend)")
// clang-format on
