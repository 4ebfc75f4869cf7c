#pragma once
// The load report's source-level notes (core/load_report.hpp LoadNote): what a loader assumed or
// detected about a whole source (CRS, fields, name field, cache). io records the key and its
// arguments; the words are chosen when the report is shown, in the reader's language. Every
// conversion here is %s (numbers arrive as text), so format_note() can pass any note's arguments
// the same way; a test checks it. Part of the ui area: only the dashboard font's glyphs (Latin-1).
// Included only by core/messages_ui.hpp.

// clang-format off
#define FARO_MSG_LOAD_NOTES(X)                                                                  \
  X(load_note_fields, "campos: %s", "fields: %s")                                               \
  X(load_role_date, "fecha", "date")                                                            \
  X(load_role_time, "hora", "time")                                                             \
  X(load_role_category, "categoría", "category")                                                \
  X(load_role_weight, "peso", "weight")                                                         \
  X(load_role_geometry, "geometría", "geometry")                                                \
  X(load_note_delimiter, "delimitador: %s", "delimiter: %s")                                    \
  X(load_note_crs_assumed_csv, "CRS supuesto EPSG:4326 (el CSV no trae ninguno)",                \
    "CRS assumed EPSG:4326 (the CSV has none)")                                                 \
  X(load_note_crs_assumed_layer, "CRS supuesto EPSG:4326 (la capa no trae ninguno)",             \
    "CRS assumed EPSG:4326 (the layer has none)")                                               \
  X(load_note_where, "where: %s (evaluado por GDAL; las filas cuentan los elementos que cumplen)", \
    "where: %s (evaluated by GDAL; rows count matching features)")                              \
  X(load_note_stopped_early, "lectura detenida antes de tiempo tras %s elementos",              \
    "reading stopped early after %s features")                                                  \
  X(load_note_crs_suspicious,                                                                   \
    "la mayoría de las coordenadas quedan fuera del rango de longitud/latitud: ¿es correcto el " \
    "CRS de origen? (indíquelo con --srs)",                                                      \
    "most coordinates lie outside the longitude/latitude range; is the source CRS right? "      \
    "(give it with --srs)")                                                                     \
  X(load_note_no_time_column,                                                                   \
    "sin columna de hora: las fechas sin hora se leen como medianoche y los filtros por hora "  \
    "omiten esos incidentes",                                                                   \
    "no time-of-day column: dates without a time are read as midnight, and hour filters skip "  \
    "those incidents")                                                                          \
  X(load_note_from_cache,                                                                       \
    "cargado desde la caché de incidentes (lectura %s de un archivo sin cambios): %s",          \
    "loaded from the incident cache (%s read of an unchanged file): %s")                        \
  X(load_note_cache_not_written, "caché de incidentes no escrita: %s",                          \
    "incident cache not written: %s")                                                           \
  X(load_note_work_crs_median,                                                                  \
    "CRS de trabajo %s (zona UTM del punto mediano de los incidentes)",                         \
    "working CRS %s (UTM zone of the incidents' median point)")                                 \
  X(load_note_no_sectors_work_crs,                                                              \
    "sin sectores: CRS de trabajo %s, la zona UTM del punto mediano de los incidentes",         \
    "no sectors: working CRS %s, the UTM zone of the incidents' median point")                  \
  X(load_note_work_crs_sectors, "CRS de trabajo %s (zona UTM del centro de los sectores)",      \
    "working CRS %s (UTM zone of the sectors' centre)")                                         \
  X(load_note_source_crs_given, "CRS de origen %s (indicado)", "source CRS %s (given)")         \
  X(load_note_source_crs_override, "CRS de origen %s (indicado; reemplaza el de la capa)",      \
    "source CRS %s (given, overriding the layer's own)")                                        \
  X(load_note_sector_crs_assumed,                                                               \
    "la fuente de sectores no trae CRS; sus coordenadas parecen grados, así que se supuso WGS " \
    "84 longitud/latitud (EPSG:4326)",                                                           \
    "sector source has no CRS; its coordinates look like degrees, so WGS 84 "                   \
    "longitude/latitude (EPSG:4326) was assumed")                                               \
  X(load_note_shp_no_dbf,                                                                       \
    "el shapefile '%s' no tiene archivo de atributos .dbf: sin campos; los sectores llevan el " \
    "número de su elemento",                                                                    \
    "shapefile '%s' has no .dbf attribute file: no fields, sectors are named after their "      \
    "feature ids")                                                                              \
  X(load_note_shp_count_missing,                                                                \
    "aviso: shapefile '%s': el .shp tiene %s figuras pero el .dbf tiene %s registros; las %s "  \
    "figuras sin atributos no se cargaron (contadas como rechazadas)",                          \
    "warning: shapefile '%s': the .shp has %s shapes but the .dbf has %s records; the %s "      \
    "shapes without attributes were not loaded (counted as rejected)")                          \
  X(load_note_shp_count_extra,                                                                  \
    "aviso: shapefile '%s': el .shp tiene %s figuras pero el .dbf tiene %s registros; se "      \
    "ignoraron los registros de atributos de más",                                              \
    "warning: shapefile '%s': the .shp has %s shapes but the .dbf has %s records; the extra "   \
    "attribute records were ignored")                                                           \
  X(load_note_name_requested, "campo de nombre '%s' (solicitado)", "name field '%s' (requested)") \
  X(load_note_name_distinct, "campo de nombre '%s' (detectado: valores distintos)",             \
    "name field '%s' (detected: distinct values)")                                              \
  X(load_note_name_repeats, "campo de nombre '%s' (detectado; hay valores repetidos o vacíos)", \
    "name field '%s' (detected; values repeat or are empty)")                                   \
  X(load_note_name_first_text,                                                                  \
    "campo de nombre '%s' (primer campo de texto con valores distintos)",                       \
    "name field '%s' (first text field with distinct values)")                                  \
  X(load_note_name_none,                                                                        \
    "no se encontró campo de nombre (campos: %s); los sectores llevan el número de su elemento", \
    "no name field found (fields: %s); sectors are named after their feature ids")              \
  X(load_note_population, "campo de población '%s'", "population field '%s'")                   \
  X(load_note_population_missing, "campo de población '%s' (%s sectores sin valor utilizable)", \
    "population field '%s' (%s sectors without a usable value)")                                \
  X(load_note_z_dropped, "%s geometrías tenían valores Z; se descartaron",                       \
    "%s geometries had Z values; dropped")                                                      \
  X(load_note_parts_dropped,                                                                    \
    "%s partes no poligonales o degeneradas (puntos, líneas, anillos de menos de 3 vértices) "  \
    "se quitaron de los sectores conservados",                                                  \
    "%s non-polygonal or degenerate parts (points, lines, rings of < 3 vertices) dropped from " \
    "kept sectors")                                                                             \
  X(load_note_unrepairable,                                                                     \
    "%s geometrías inválidas no se pudieron reparar y se conservaron como están dibujadas "     \
    "(regla par-impar)",                                                                        \
    "%s invalid geometries could not be repaired and were kept as drawn (even-odd rule)")       \
  X(load_note_program_sector_unknown,                                                           \
    "programa '%s': el sector '%s' no está entre los sectores cargados",                        \
    "program '%s': sector '%s' is not among the loaded sectors")                                \
  X(load_note_program_sectors_unknown_total,                                                    \
    "%s sectores de programas en total no están cargados",                                      \
    "%s program sectors in all are not loaded")                                                 \
  X(load_note_program_crs_assumed,                                                              \
    "los polígonos de programas no traen CRS; se supuso WGS 84 longitud/latitud (EPSG:4326)",    \
    "program polygons have no CRS; WGS 84 longitude/latitude (EPSG:4326) assumed")              \
  X(load_note_program_covers_nothing,                                                           \
    "programa '%s': sus polígonos no cubren ningún sector cargado",                             \
    "program '%s': its polygons cover no loaded sector")                                        \
  X(load_note_program_rule,                                                                     \
    "un sector está en un programa cuando más de la mitad de su área cae dentro de uno de los " \
    "polígonos del programa",                                                                   \
    "a sector is in a program when more than half its area lies inside one of the program's "   \
    "polygons")                                                                                 \
  X(load_note_label_field_missing,                                                              \
    "campo de etiqueta '%s' no encontrado; las áreas no llevan nombre",                         \
    "label field '%s' not found; areas are not named")                                          \
  X(load_note_context_no_name_field,                                                            \
    "no se encontró campo de nombre; las áreas no llevan nombre (sin etiquetas)",               \
    "no name field found; areas are not named (no labels)")                                     \
  X(load_note_context_missing,                                                                  \
    "capa de contexto '%s': archivo no encontrado (se buscó en %s carpetas); no dibuja nada",   \
    "context layer '%s': file not found (looked in %s folders); it draws nothing")              \
  X(load_note_context_crs_assumed,                                                              \
    "la capa de contexto no trae CRS; se supuso WGS 84 longitud/latitud",                       \
    "context layer has no CRS; WGS 84 longitude/latitude assumed")                              \
  X(load_note_areas_named, "%s áreas nombradas por '%s'", "%s areas named by '%s'")             \
  X(load_note_highest_id_held, "id más alto cargado: %s", "highest id held: %s")                \
  X(load_note_db_filter,                                                                        \
    "filtro ejecutado en la base de datos; id más alto leído: %s (siguiente actualización: "    \
    "--since %s)",                                                                              \
    "filter run in the database; highest id read: %s (next refresh: --since %s)")
// clang-format on
