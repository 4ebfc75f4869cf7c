#pragma once
// The Edit menu (undo/redo and what each step changed), the offence picker's own words and the
// program dialog's. Part of
// the ui area, so only the dashboard font's glyphs (Latin-1 plus “ ” – — • …). Included only by
// core/messages_ui.hpp.

// clang-format off
#define FARO_MSG_EDIT(X)                                                                        \
  X(menu_edit, "Editar", "Edit")                                                                \
  X(menu_undo, "Deshacer", "Undo")                                                              \
  X(menu_redo, "Rehacer", "Redo")                                                               \
  X(menu_undo_what, "Deshacer: %s", "Undo: %s")                                                 \
  X(menu_redo_what, "Rehacer: %s", "Redo: %s")                                                  \
  X(edit_dates, "fechas del filtro", "filter dates")                                            \
  X(edit_categories, "delitos del filtro", "filter offences")                                   \
  X(edit_hours, "horas del filtro", "filter hours")                                             \
  X(edit_weekdays, "días del filtro", "filter weekdays")                                        \
  X(edit_sector_filter, "sectores del filtro", "filter sectors")                                \
  X(edit_style, "estilo del mapa", "map style")                                                 \
  X(edit_selection, "selección", "selection")                                                   \
  X(edit_programs, "programas", "programs")                                                     \
  X(edit_saved_selections, "selecciones guardadas", "saved selections")                         \
  /* offence picker */                                                                          \
  X(picker_search_hint, "Buscar delito…", "Search offences…")                                   \
  X(picker_all, "Todos", "All")                                                                 \
  X(picker_none, "Ninguno", "None")                                                             \
  X(picker_only_matches, "Solo coincidencias", "Only matches")                                  \
  X(picker_only, "solo", "only")                                                                \
  X(picker_only_tip, "Mostrar solo «%s»", "Show only “%s”")                                     \
  X(picker_matches, "%d de %d coinciden", "%d of %d matching")                             \
  X(picker_selected, "%d de %d marcados", "%d of %d ticked")                                    \
  X(picker_none_pending, "Ninguno marcado: marque uno o más (hasta entonces el mapa los muestra " \
    "todos)", "None ticked: tick one or more (until then the map shows them all)")              \
  X(picker_grouped_by, "Agrupados por «%s»", "Grouped by “%s”")                                 \
  X(picker_no_group, "(sin grupo)", "(no group)")                                               \
  X(picker_saved, "Selecciones guardadas", "Saved selections")                                  \
  X(picker_saved_none, "(ninguna)", "(none)")                                                   \
  X(picker_save_hint, "Nombre de la selección", "Selection name")                               \
  X(picker_save, "Guardar", "Save")                                                             \
  X(picker_delete, "Borrar", "Delete")                                                          \
  X(program_dialog_title, "Añadir a programa", "Add to program")                                \
  X(program_dialog_selected, "%zu sectores seleccionados", "%zu sectors selected")              \
  X(program_dialog_existing, "Existentes", "Existing")                                          \
  X(program_dialog_name, "Nombre del programa", "Program name")                                 \
  X(program_dialog_start, "Inicio (AAAA-MM-DD)", "Rollout (YYYY-MM-DD)")                        \
  X(program_dialog_end, "Fin (opcional)", "End (optional)")                                     \
  X(program_dialog_add, "Añadir", "Add")                                                        \
  X(program_dialog_remove, "Quitar del programa", "Remove from program")                        \
  X(program_dialog_cancel, "Cancelar", "Cancel")
// clang-format on
