#pragma once
// The words of the reviewer's checks and of the verdict (core/evaluation_verdict.hpp): synthetic
// control, randomization inference, pre-trend test, placebo in time, spillover, window
// sensitivity, comparative ITS. Part of the eval area (the dashboard draws it: Latin-1 plus a few
// marks, so no ≥ ▲ ●). Included only by core/messages_report.hpp.

// clang-format off
#define FARO_MSG_EVAL_CHECKS(X)                                                                 \
  /* the verdict's headline, one per outcome (an inconclusive one in two wordings) */           \
  X(verdict_consistent_reduction, "Evidencia consistente de reducción",                         \
    "Consistent evidence of a reduction")                                                       \
  X(verdict_consistent_increase, "Evidencia consistente de aumento",                            \
    "Consistent evidence of an increase")                                                       \
  X(verdict_mixed_signal, "Señal no concluyente", "Inconclusive signal")                        \
  X(verdict_no_evidence, "Sin evidencia de efecto", "No evidence of an effect")                 \
  X(verdict_not_estimable, "No se puede evaluar con estos datos",                               \
    "Cannot be evaluated with these data")                                                      \
  /* the rule, stated once wherever the verdict is shown */                                     \
  X(verdict_rule, "Regla: hay evidencia consistente solo si (1) el intervalo robusto de la "    \
    "diferencia en diferencias excluye 1, (2) la inferencia por aleatorización da p < 0,05, "   \
    "(3) el control sintético va en la misma dirección con p de placebo <= 0,10 y (4) la "      \
    "prueba de tendencias previas no rechaza (p > 0,10).",                                      \
    "Rule: the evidence is consistent only if (1) the difference-in-differences robust "        \
    "interval excludes 1, (2) randomization inference gives p < 0.05, (3) the synthetic "       \
    "control points the same way with placebo p <= 0.10 and (4) the pre-trend test does not "   \
    "reject (p > 0.10).")                                                                       \
  /* one line per check: the mark (ok / no / n.d.), then the number it looked at */            \
  X(verdict_check_ok, "cumple", "met")                                                          \
  X(verdict_check_fails, "no cumple", "not met")                                                \
  X(verdict_check_missing, "no disponible", "not available")                                    \
  X(verdict_name_did, "Diferencia en diferencias", "Difference in differences")              \
  X(verdict_name_ri, "Aleatorización", "Randomization")                                       \
  X(verdict_name_sc, "Control sintético", "Synthetic control")                                \
  X(verdict_name_pretrend, "Tendencias previas paralelas", "Parallel pre-trends")             \
  X(verdict_value_did, "%s (IC robusto 95 %% %s a %s)", "%s (robust 95 %% CI %s to %s)")     \
  X(verdict_value_ri, "p = %s (%zu conjuntos placebo%s)", "p = %s (%zu placebo sets%s)")      \
  X(verdict_check_ri_exact, ", todos", ", all of them")                                         \
  X(verdict_value_sc, "razón %s, p de placebo = %s", "ratio %s, placebo p = %s")              \
  /* "name: value — met" / "name: not available — why" */                                     \
  X(verdict_check_line, "%s: %s — %s", "%s: %s, %s")                                          \
  X(check_ratio_interval, "%s (IC 95 %% %s a %s)", "%s (95 %% CI %s to %s)")                   \
  /* the checks' own lines (panel, summary, report) */                                          \
  X(check_placebo_in_time, "Placebo en el tiempo (inicio %d semanas antes): DiD %s",            \
    "Placebo in time (rollout %d weeks earlier): DiD %s")                                       \
  X(check_spillover_ring, "Sectores vecinos excluidos de la comparación (%s): %s",              \
    "Neighbouring sectors excluded from the comparison (%s): %s")                               \
  X(check_spillover_kept, "Sectores vecinos en la comparación dada (%s): %s",                   \
    "Neighbouring sectors in the given comparison (%s): %s")                                    \
  X(check_spillover_off, "Sin anillo de vecinos: la comparación incluye a los sectores "         \
    "colindantes (--buffer none)", "No neighbour ring: the comparison includes the sectors "    \
    "next to treated ones (--buffer none)")                                                     \
  X(check_spillover_touching, "colindantes", "touching")                                        \
  X(check_spillover_buffer, "a menos de %.0f m", "within %.0f m")                               \
  X(check_displacement, "Desplazamiento (vecinos contra comparación lejana): %s",               \
    "Displacement (neighbours against far comparison): %s")                                     \
  X(check_sensitivity_row, "Ventana de %d semanas: DiD %s (%zu sectores)",                      \
    "%d-week window: DiD %s (%zu sectors)")                                                     \
  X(check_comparative_its, "STI comparativa, cambio de nivel relativo: %s",                     \
    "Comparative ITS, relative level change: %s")                                               \
  /* why a check is missing */                                                                  \
  X(eval_why_sc_no_donors, "hay menos de 2 sectores donantes", "fewer than 2 donor sectors")    \
  X(eval_why_sc_flat, "no hay incidentes antes del inicio para ajustar el control sintético",   \
    "no incidents before rollout to fit the synthetic control")                                 \
  X(eval_why_ri_few, "menos de 20 conjuntos placebo posibles (p no puede bajar de 0,05)",      \
    "fewer than 20 possible placebo sets (p cannot fall below 0.05)")                           \
  X(eval_why_pre_trend, "menos de 2 periodos previos con incidentes para la prueba",            \
    "fewer than 2 pre-periods with incidents to test")                                          \
  X(eval_why_no_ring, "ningún sector de comparación está junto a un sector tratado",            \
    "no comparison sector lies next to a treated sector")
// clang-format on
