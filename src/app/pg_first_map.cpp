#include "app/pg_first_map.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "app/map_interaction.hpp"
#include "core/civil_time.hpp"
#include "core/session_programs.hpp"
#include "io/program_polygon_loader.hpp"
#include "render/style_heatmap.hpp"

namespace faro::app {

std::vector<Program> pg_dashboard_programs(io::PgConnection& db, const io::pg_sql::Tables& t,
                                           const Session& session, const SectorSet& sectors) {
  std::vector<Program> programs;
  bool from_files = false;
  for (const SourceSpec& s : session.sources) {
    if (s.role != SourceSpec::Role::programs) continue;
    from_files = true;
    for (Program& p : io::load_programs_for_sectors(s.path, sectors).programs)
      programs.push_back(std::move(p));
  }
  if (!from_files) programs = io::load_pg_programs(db, t);
  return programs;
}

io::pg_sql::Filter first_map_filter(io::pg_sql::Filter filter, const FilterState& session,
                                    const SectorSet* sectors) {
  filter.hour_mask &= session.hour_mask;
  filter.weekday_mask &= session.weekday_mask;
  if (sectors && !session.sectors.empty()) {
    // Names the source does not have select nothing, as on the client.
    std::vector<int32_t> idx;
    for (const std::string& name : session.sectors)
      if (const auto s = sectors->find(name)) idx.push_back(static_cast<int32_t>(*s));
    filter.sectors = std::move(idx);
  }
  // Both bounds hold: the later start, the earlier end.
  if (session.from) filter.from = filter.from ? std::max(*filter.from, *session.from) : *session.from;
  if (session.to_exclusive)
    filter.to_exclusive = filter.to_exclusive ? std::min(*filter.to_exclusive, *session.to_exclusive)
                                              : *session.to_exclusive;
  if (!session.categories.empty()) {
    if (filter.categories.empty()) {
      filter.categories = session.categories;
    } else {
      std::vector<std::string> both;
      for (const std::string& c : filter.categories)
        if (std::find(session.categories.begin(), session.categories.end(), c) != session.categories.end())
          both.push_back(c);
      // No common offence: a category no row has, so the grid is empty (as the client's would be).
      filter.categories = both.empty() ? std::vector<std::string>{std::string("\x01")} : both;
    }
  }
  return filter;
}

GridSpec first_map_grid(const Box& extent, const KdeParams& params, int width, int height) {
  const render::Camera camera = fit_camera(extent, std::max(1, width), std::max(1, height));
  return render::heatmap_grid_for(camera, extent, params);
}

std::vector<double> north_up_weights(const io::GridCounts& counts, const GridSpec& grid) {
  std::vector<double> out(grid.cells(), 0.0);
  for (int iy = 0; iy < counts.ny && iy < grid.ny; ++iy) {
    const int row = grid.ny - 1 - iy;  // the server's row 0 is the southmost
    for (int ix = 0; ix < counts.nx && ix < grid.nx; ++ix)
      out[static_cast<size_t>(row) * grid.nx + ix] =
          counts.weight[static_cast<size_t>(iy) * counts.nx + ix];
  }
  return out;
}

std::vector<double> client_grid_weights(const IncidentStore& store,
                                        const std::vector<uint32_t>* rows, const GridSpec& grid) {
  std::vector<double> out(grid.cells(), 0.0);
  const double x0 = grid.xmin, y0 = grid.ymin();
  const auto add = [&](size_t i) {
    const double fx = std::floor((store.x[i] - x0) / grid.cell);
    const double fy = std::floor((store.y[i] - y0) / grid.cell);
    if (fx < 0 || fy < 0 || fx >= grid.nx || fy >= grid.ny) return;
    const size_t row = static_cast<size_t>(grid.ny - 1 - static_cast<int>(fy));
    out[row * grid.nx + static_cast<size_t>(fx)] += store.weight.empty() ? 1.0 : store.weight[i];
  };
  if (rows)
    for (uint32_t i : *rows) add(i);
  else
    for (size_t i = 0; i < store.size(); ++i) add(i);
  return out;
}

DensityResult density_from_cells(const GridSpec& grid, const std::vector<double>& weights,
                                 const KdeParams& params, const Box& view) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<double> x, y;
  std::vector<float> w;
  for (int row = 0; row < grid.ny; ++row)
    for (int col = 0; col < grid.nx; ++col) {
      const double v = weights[static_cast<size_t>(row) * grid.nx + col];
      if (v == 0) continue;
      x.push_back(grid.center_x(col));
      y.push_back(grid.center_y(row));
      w.push_back(static_cast<float>(v));
    }
  DensityResult out;
  out.grid = grid;
  out.params = params;
  out.points = x.size();
  CpuKde::Options options;  // as the live map's worker: one core left to the UI thread
  options.threads = std::max(1u, std::max(1u, std::thread::hardware_concurrency()) - 1);
  options.max_binned_error = CpuKde::kInteractiveBinnedError;
  CpuKde kde(options);
  out.density = kde.compute(PointSet{x, y, w}, grid, params);
  out.auto_domain = render::auto_domain_within(grid, out.density, view);
  out.compute_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

PgFirstMap query_pg_first_map(io::PgConnection& db, const PgFirstMapRequest& request,
                              const Session& session) {
  const auto t0 = std::chrono::steady_clock::now();
  const io::pg_sql::Tables t = io::require_pg_tables(db, request.table);
  auto ws = std::make_shared<Workspace>();
  ws->sectors = io::load_pg_sectors(db, t);
  PgFirstMap fm;
  fm.programs = pg_dashboard_programs(db, t, session, ws->sectors);
  ws->programs = fm.programs;
  apply_program_specs(ws->programs, session.programs);
  ws->title = request.table + " (PostGIS)";
  ws->incidents.work_srs = ws->sectors.work_srs;
  ws->extent = ws->sectors.extent();
  const io::pg_sql::Filter filter = first_map_filter(request.filter, session.filter, &ws->sectors);
  // Whole days, as workspace_from_pg (and the file loader) set them once the rows are in.
  if (const io::PgTimeRange range = io::pg_time_bounds(db, t, request.filter);
      range.first && range.last) {
    ws->data_from = days_of(*range.first) * kSecondsPerDay;
    ws->data_to_exclusive = (days_of(*range.last) + 1) * kSecondsPerDay;
  }
  if (request.categories)
    for (const auto& [name, rows] : io::pg_category_counts(db, t, request.filter))
      ws->incidents.categories.intern(name);
  const KdeParams params =
      render::heatmap_params(session.style.heatmap(), period_years_of(*ws, session.filter));
  const GridSpec grid = request.grid ? first_map_grid(ws->extent, params, request.view_width,
                                                     request.view_height)
                                     : GridSpec{};
  if (grid.cells() > 0) {
    const io::GridCounts g =
        io::pg_grid_counts(db, t, filter, grid.xmin, grid.ymin(), grid.cell, grid.nx, grid.ny);
    for (int64_t c : g.count) fm.rows += c;
    fm.counts = north_up_weights(g, grid);
  }
  fm.query_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (grid.cells() > 0) {
    const render::Camera camera =
        fit_camera(ws->extent, std::max(1, request.view_width), std::max(1, request.view_height));
    fm.heat = density_from_cells(grid, fm.counts, params, camera.visible_box());
  }
  fm.snapshot = make_snapshot(std::move(ws), session.filter, session.programs, 0);
  return fm;
}

}  // namespace faro::app
