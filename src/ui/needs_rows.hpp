#pragma once
// A PostGIS source in server mode (app/pg_server_view.hpp: the table holds more rows than
// --pg-max-rows, so the dashboard holds none): the map's heatmap, points and sector counts come
// from the server, but the panels that read individual rows (the weekly brief's per-sector
// weeks and flags, the program evaluation's series, identify's records) would count nothing.
// Those places draw this notice instead of numbers that look real and are not.
#include "core/language.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::ui {

// Draws the notice when `status` says server mode; returns whether it did, so the caller skips
// its row-based content.
bool draw_needs_rows(const AppStatus& status, Language lang);

}  // namespace faro::ui
