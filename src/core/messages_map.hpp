#pragma once
// The words drawn on maps and written into exported files: legends, units, sources, stamps, the
// protection notice, hot-spot classes, and the load report's reasons. One X-macro row per key:
// X(key, Spanish, English). Included only by core/messages.hpp.

// clang-format off
#define FARO_MSG_MAP(X)                                                                         \
  /* heatmap and program legends (render/map_scene.cpp builds them) */                          \
  X(map_density_title, "Densidad de incidentes", "Incident density")                            \
  X(map_near_repeat_title, "Repetición cercana (%s m, %lld días)",                              \
    "Near repeat (%s m, %lld days)")                                                           \
  X(map_near_repeat_fresh, "recién activada", "just activated")                                  \
  X(map_near_repeat_expiring, "por expirar", "about to expire")                                  \
  X(map_units_density, "incidentes/km²", "incidents/km²")                                       \
  X(map_units_density_per_year, "incidentes/km² por año", "incidents/km² per year")             \
  X(map_per_year_suffix, " por año", " per year")                                               \
  X(map_fixed_max, "máx. fijo", "fixed max.")                                                   \
  X(map_max_percentile, "máx. = percentil %s", "max. = percentile %s")                          \
  X(map_kernel, "kernel", "kernel")                                                             \
  X(map_programs, "Programas", "Programs")                                                      \
  X(map_since, "desde %s", "since %s")                                                          \
  X(map_program_pending, "aún sin iniciar en el periodo", "not yet started in the period")      \
  X(map_incidents, "Incidentes", "Incidents")                                                   \
  X(map_source_prefix, "Fuente: ", "Source: ")                                                  \
  X(map_synthetic_city, "ciudad sintética", "synthetic city")                                   \
  X(map_source_synthetic, "Faro — ciudad sintética", "Faro — synthetic city")                   \
  X(map_demo_city, "Ciudad demo", "Demo city")                                                  \
  X(map_synthetic_stamp, "DATOS SINTÉTICOS", "SYNTHETIC DATA")                                  \
  X(map_more_entries, "… y %zu más", "… and %zu more")                                          \
  /* choropleth units and legend (core ChoroplethMeasure, render/choropleth_legend.cpp); the */ \
  /* two "% ..." texts are plain: tr() only, never tr_format() */                               \
  X(units_count, "incidentes", "incidents")                                                     \
  X(units_per_km2, "incidentes/km²", "incidents/km²")                                           \
  X(units_per_10k, "incidentes por 10 000 hab.", "incidents per 10,000 inhabitants")            \
  X(units_change, "cambio en incidentes", "change in incidents")                                \
  X(units_change_pct, "% de cambio", "% change")                                                \
  X(map_change_count_title, "Cambio en incidentes", "Change in incidents")                      \
  X(map_change_pct_title, "% de cambio", "% change")                                            \
  X(legend_zero_no_change, "0 (sin cambio)", "0 (no change)")                                   \
  X(legend_new_was_zero, "nuevo (antes 0)", "new (was 0)")                                      \
  X(legend_none_either, "sin incidentes en ambos periodos", "none in either period")            \
  X(legend_per_sector, "Incidentes por sector", "Incidents per sector")                         \
  X(legend_red_blue, "rojo = aumento, azul = disminución", "red = increase, blue = decrease")   \
  X(legend_continuous_centred, "escala continua centrada en 0", "continuous scale centred at 0") \
  X(legend_continuous, "escala continua", "continuous scale")                                   \
  /* partner-safe protection (core/disclosure.hpp) */                                           \
  X(protection_counts, "Protección: conteos < %d suprimidos", "Protection: counts < %d suppressed") \
  X(protection_bandwidth, ", ancho de banda ≥ %s m", ", bandwidth ≥ %s m")                      \
  X(protection_unit, ", unidad: %s", ", unit: %s")                                              \
  X(unit_sector, "sector", "sector")                                                            \
  X(unit_sector_group, "grupo de sectores", "group of sectors")                                 \
  X(unit_grid_cell, "celda de cuadrícula", "grid cell")                                         \
  X(unit_hexagon, "hexágono", "hexagon")                                                        \
  X(suppressed, "suprimido", "suppressed")                                                      \
  X(marker_suppressed, "%s = suprimido", "%s = suppressed")                                     \
  /* hot spots (faro hotspots' PNG legend) */                                                   \
  X(hotspot_title, "Gi* (puntos calientes)", "Gi* (hot spots)")                                 \
  X(hotspot_map_title, "Puntos calientes Gi*", "Gi* hot spots")                                 \
  X(hotspot_start, "inicio", "start")                                                           \
  X(hotspot_end, "fin", "end")                                                                  \
  X(hotspot_incidents, "%s incidentes", "%s incidents")                                         \
  X(hotspot_queen, "contigüidad reina (tolerancia de %s m)", "queen contiguity (%s m tolerance)") \
  X(hotspot_distance_band, "banda de distancia de %s m entre centros",                          \
    "distance band %s m between centres")                                                       \
  X(hotspot_hot, "Caliente %d %%", "Hot %d %%")                                                 \
  X(hotspot_cold, "Frío %d %%", "Cold %d %%")                                                   \
  X(hotspot_not_significant, "No significativo", "Not significant")                             \
  /* hot spots in the dashboard, `faro render` and `faro hotspots` (issue 15): how p was  */  \
  /* made (core/permutation_rule.hpp), emerging patterns (core/emerging_hotspots.hpp), the   */  \
  /* Layers panel's options and the presentation tooltip's units. Latin-1 only: ImGui too.  */  \
  X(hotspot_p_permutations, "p de %d permutaciones", "p from %d permutations")                  \
  X(hotspot_p_checked, "p normal, comprobada con %d permutaciones",                             \
    "normal p, checked with %d permutations")                                                   \
  X(hotspot_p_analytic, "p normal (analítica)", "normal (analytic) p")                          \
  X(hotspot_p_warning,                                                                          \
    "con %d permutaciones y %zu unidades la corrección FDR no puede llegar a la clase del "     \
    "99 %% (p mínima %.2g); hacen falta %lld (sin --permutations se eligen solas)",             \
    "with %d permutations and %zu units the FDR correction cannot reach the 99 %% class "       \
    "(smallest p %.2g); it needs %lld (without --permutations they are chosen for you)")        \
  X(hotspot_title_cells, "Gi* (%s de %s)", "Gi* (%s of %s)")                                   \
  X(hotspot_cells_squares, "celdas", "cells")                                                   \
  X(hotspot_cells_hexagons, "hexágonos", "hexagons")                                            \
  X(emerging_title, "Patrón emergente (%d meses)", "Emerging pattern (%d months)")              \
  X(emerging_title_weeks, "Patrón emergente (%d semanas)", "Emerging pattern (%d weeks)")       \
  X(emerging_map_title, "Puntos calientes emergentes", "Emerging hot spots")                    \
  X(emerging_needs_bins, "Emergentes: hacen falta al menos 2 meses; Gi* del periodo",          \
    "Emerging: needs at least 2 months; Gi* of the period")                                     \
  X(emerging_none, "Sin patrón detectado", "No pattern detected")                               \
  X(emerging_new_hot, "Nuevo punto caliente", "New hot spot")                                   \
  X(emerging_consecutive_hot, "Punto caliente consecutivo", "Consecutive hot spot")             \
  X(emerging_intensifying_hot, "Punto caliente en aumento", "Intensifying hot spot")            \
  X(emerging_persistent_hot, "Punto caliente persistente", "Persistent hot spot")               \
  X(emerging_diminishing_hot, "Punto caliente en descenso", "Diminishing hot spot")             \
  X(emerging_sporadic_hot, "Punto caliente esporádico", "Sporadic hot spot")                    \
  X(emerging_oscillating_hot, "Punto caliente oscilante", "Oscillating hot spot")               \
  X(emerging_historical_hot, "Punto caliente histórico", "Historical hot spot")                 \
  X(emerging_new_cold, "Nuevo punto frío", "New cold spot")                                     \
  X(emerging_consecutive_cold, "Punto frío consecutivo", "Consecutive cold spot")               \
  X(emerging_intensifying_cold, "Punto frío en aumento", "Intensifying cold spot")              \
  X(emerging_persistent_cold, "Punto frío persistente", "Persistent cold spot")                 \
  X(emerging_diminishing_cold, "Punto frío en descenso", "Diminishing cold spot")               \
  X(emerging_sporadic_cold, "Punto frío esporádico", "Sporadic cold spot")                      \
  X(emerging_oscillating_cold, "Punto frío oscilante", "Oscillating cold spot")                 \
  X(emerging_historical_cold, "Punto frío histórico", "Historical cold spot")                   \
  X(hotspot_unit, "Unidad", "Unit")                                                             \
  X(hotspot_unit_sectors, "Sectores", "Sectors")                                                \
  X(hotspot_unit_grid, "Cuadrícula", "Square grid")                                             \
  X(hotspot_unit_hex, "Hexágonos", "Hexagons")                                                  \
  X(hotspot_cell_size, "Celda", "Cell size")                                                    \
  X(hotspot_emerging, "Emergentes (por mes)", "Emerging (by month)")                            \
  X(hotspot_fdr, "Corrección FDR", "FDR correction")                                            \
  X(hotspot_show, "Mostrar puntos calientes", "Show hot spots")                                 \
  X(hotspot_partner_cells, "Para socios las celdas miden al menos %d m",                        \
    "For partners, cells are at least %d m")                                                    \
  X(tooltip_hexagon, "Hexágono de %s", "%s hexagon")                                            \
  X(map_change_not_publishable, "no publicable (conteo < 5 en un periodo)",                    \
    "not publishable (a count < 5 in one period)")                                              \
  X(map_heatmap_hidden_title, "Oculto", "Hidden")                                               \
  X(map_heatmap_hidden, "incidentes aislados (<5) no mostrados",                                \
    "isolated incidents (<5) not shown")                                                        \
  X(grid_legend_title, "Incidentes por hexágono de %s", "Incidents per %s hexagon")            \
  X(footer_adapted_bandwidth,                                                                   \
    "Ancho de banda ampliado a %s para proteger conteos pequeños; se muestra el %.0f %% de los " \
    "incidentes", "Bandwidth raised to %s to protect small counts; %.0f %% of the incidents shown") \
  X(footer_adapted_hexagons,                                                                    \
    "Hexágonos de %s en lugar del mapa de calor para proteger conteos pequeños; se muestra el "  \
    "%.0f %% de los incidentes",                                                                \
    "Hexagons of %s instead of the heatmap to protect small counts; %.0f %% of the incidents "  \
    "shown")                                                                                    \
  X(footer_adapted_sectors,                                                                     \
    "Conteos por sector en lugar del mapa de calor para proteger conteos pequeños; se muestra " \
    "el %.0f %% de los incidentes",                                                             \
    "Sector counts instead of the heatmap to protect small counts; %.0f %% of the incidents "   \
    "shown")                                                                                    \
  /* what protect_style changed (core/style_protection.hpp), as `faro render` reports it */     \
  X(change_bandwidth_adapted,                                                                   \
    "ancho de banda ampliado de %.0f m a %.0f m para proteger conteos pequeños (se muestra el " \
    "%.0f %% de los incidentes)",                                                               \
    "bandwidth raised from %.0f m to %.0f m to protect small counts (%.0f %% of the incidents " \
    "shown)")                                                                                   \
  X(change_hexagons_instead,                                                                    \
    "hexágonos de %.0f m en lugar del mapa de calor para proteger conteos pequeños (se muestra " \
    "el %.0f %% de los incidentes)",                                                            \
    "hexagons of %.0f m instead of the heatmap to protect small counts (%.0f %% of the "        \
    "incidents shown)")                                                                         \
  X(change_sectors_instead,                                                                     \
    "conteos por sector en lugar del mapa de calor para proteger conteos pequeños (se muestra " \
    "el %.0f %% de los incidentes)",                                                            \
    "sector counts instead of the heatmap to protect small counts (%.0f %% of the incidents "   \
    "shown)")                                                                                   \
  /* groups of sectors, the coarsest partner-safe map (core/adaptive_protection.hpp) */          \
  X(footer_adapted_groups,                                                                      \
    "Conteos por grupos de sectores (%s) en lugar del mapa de calor para proteger conteos "     \
    "pequeños; se muestra el %.0f %% de los incidentes",                                        \
    "Counts per group of sectors (%s) instead of the heatmap to protect small counts; %.0f %% " \
    "of the incidents shown")                                                                   \
  X(change_groups_instead,                                                                      \
    "conteos por grupos de sectores en lugar del mapa de calor para proteger conteos pequeños " \
    "(se muestra el %.0f %% de los incidentes)",                                                \
    "counts per group of sectors instead of the heatmap to protect small counts (%.0f %% of "   \
    "the incidents shown)")                                                                     \
  X(legend_by_group, "%s por %s", "%s per %s")                                                  \
  X(change_points_removed, "capa de puntos quitada (ubicaciones exactas de incidentes)",         \
    "points layer removed (exact incident locations)")                                          \
  X(change_near_repeat_removed,                                                                 \
    "capa de zonas de repetición cercana quitada (se derivan de ubicaciones exactas)",           \
    "near-repeat zones layer removed (derived from exact incident locations)")                  \
  X(change_bandwidth_raised, "ancho de banda aumentado de %.0f m a %.0f m",                     \
    "bandwidth raised from %.0f m to %.0f m")                                                   \
  X(change_color_max_rounded, "máximo de color fijo redondeado de %g a %g",                     \
    "fixed colour maximum rounded from %g to %g")                                               \
  X(change_choropleth_protected,                                                                \
    "coropletas: sectores con menos de %.0f incidentes (y complementos) coloreados como "       \
    "suprimidos",                                                                               \
    "choropleth: sector counts below %.0f (and complements) coloured as suppressed")            \
  X(change_density_floor, "densidades bajo el pico de %.0f incidentes no se dibujan",           \
    "densities below the peak of %.0f incidents not drawn")                                     \
  /* load report reasons (core/load_report.hpp RowIssue) */                                     \
  X(issue_missing_coordinates, "sin coordenadas", "missing coordinates")                        \
  X(issue_unparseable_coordinates, "coordenadas ilegibles", "unparseable coordinates")          \
  X(issue_zero_zero, "coordenadas (0,0)", "coordinates are (0,0)")                              \
  X(issue_outside_extent, "fuera de la extensión de los sectores",                              \
    "outside the sectors' extent (beyond the margin)")                                          \
  X(issue_swapped_lat_lon, "latitud y longitud parecen invertidas",                             \
    "latitude and longitude look swapped")                                                      \
  X(issue_missing_date, "sin fecha", "missing date")                                            \
  X(issue_unparseable_date, "fecha ilegible", "unparseable date")                               \
  X(issue_date_out_of_range, "fecha fuera de rango", "date out of range")                       \
  X(issue_duplicate_id, "id duplicado", "duplicate id")                                         \
  X(issue_not_a_point, "la geometría no es un punto", "geometry is not a point")                \
  X(issue_reprojection_failed, "falló la reproyección", "reprojection failed")                  \
  X(issue_empty_geometry, "geometría vacía o nula", "empty or null geometry")                   \
  X(issue_filtered_by_date, "fuera del rango de fechas pedido",                                 \
    "outside the requested date range")                                                         \
  X(issue_malformed_row, "fila mal formada", "malformed row")                                   \
  X(issue_missing_time, "sin hora (se usó medianoche)", "no time of day (midnight used)")       \
  X(issue_unparseable_time, "hora ilegible (se usó medianoche)",                                \
    "unparseable time of day (midnight used)")                                                  \
  X(issue_invalid_geometry_repaired, "geometría inválida reparada en memoria",                  \
    "invalid geometry repaired in memory")                                                      \
  X(issue_transcoded_latin1, "texto leído como Latin-1 (no UTF-8)",                             \
    "text read as Latin-1 (not UTF-8)")                                                         \
  X(issue_duplicate_name_renamed, "nombre duplicado renombrado", "duplicate name renamed")      \
  X(issue_not_a_polygon, "la geometría no es un polígono", "geometry is not a polygon")         \
  X(issue_missing_name, "nombre vacío (se usó el id del elemento)",                             \
    "empty name (named after the feature id)")
// clang-format on
