#include "render/gpu_kde.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/kde_plan.hpp"
#include "render/gl_handles.hpp"
#include "render/gl_state.hpp"
#include "render/offscreen_target.hpp"
#include "render/shader_program.hpp"

namespace faro::render {
namespace {

Texture make_float_texture(int w, int h, const float* data) {
  Texture t = Texture::create();
  glBindTexture(GL_TEXTURE_2D, t.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, data);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  return t;
}

}  // namespace

GpuKde::GpuKde() : fallback_(std::make_unique<CpuKde>()) {}
GpuKde::~GpuKde() = default;

std::vector<float> GpuKde::compute(const PointSet& points, const GridSpec& grid,
                                   const KdeParams& params) {
  validate_kde(grid, params);
  // Kernel radius in cells (the gaussian's 4σ truncation) and the binning error bound, planned as
  // in CpuKde (core/kde_plan.hpp: clamped, so a huge bandwidth cannot overflow w and h).
  const KdeGeometry geo = kde_geometry(grid, params);
  const int radius = geo.radius_cells;
  const int w = grid.nx + 2 * radius, h = grid.ny + 2 * radius;
  // The quartic's 2-D stencil costs (2R+1)² taps per cell: past R = 256 the CPU is the better
  // place for it (and the weight texture would be huge).
  const int max_radius = params.kernel == KdeKernel::gaussian ? 4096 : 256;
  // Binning error, as a fraction of the peak of the points stacked at one place (1/(4s²) for the
  // gaussian, 1/H² for the quartic, see core/kde.hpp). It is relative to the stack, so a location
  // with hundreds of reports would ring by several single-point peaks at the kernel's rim: beyond
  // 1 % (narrow kernels on coarse grids) CpuKde's exact splat is used instead.
  const double error_bound = geo.error_bound;
  last_used_gpu_ = w <= max_tile_size() && h <= max_tile_size() && radius <= max_radius &&
                   error_bound <= kMaxBinnedError * (1 + 1e-9);
  if (!last_used_gpu_) return fallback_->compute(points, grid, params);

  ScopedGlState saved;
  // Points in cells from the padded target's top-left corner (floats of at most a few thousand).
  const double x0 = grid.xmin - radius * grid.cell, y0 = grid.ymax + radius * grid.cell;
  std::vector<float> verts;
  verts.reserve(points.size() * 3);
  const bool weighted = points.weight.size() == points.size();
  for (size_t i = 0; i < points.size(); ++i) {
    const double cx = (points.x[i] - x0) / grid.cell, cy = (y0 - points.y[i]) / grid.cell;
    if (cx < -1 || cy < -1 || cx > w + 1 || cy > h + 1) continue;  // beyond the kernel's reach
    verts.push_back(static_cast<float>(cx));
    verts.push_back(static_cast<float>(cy));
    verts.push_back(weighted ? points.weight[i] : 1.0f);
  }

  OffscreenTarget binned(w, h, PixelFormat::r32f), pass(w, h, PixelFormat::r32f),
      result(w, h, PixelFormat::r32f);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);

  // 1. Binning: additive blending of the bilinear shares.
  {
    ShaderProgram bin = ShaderProgram::from_embedded("kde_bin.vert", "kde_bin.frag");
    VertexArray vao = VertexArray::create();
    Buffer vbo = Buffer::create();
    glBindVertexArray(vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(verts.size() * sizeof(float)),
                 verts.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
    binned.bind_for_drawing();
    binned.clear({0, 0, 0, 0});
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_ONE, GL_ONE, GL_ONE, GL_ONE);
    glBlendEquationSeparate(GL_FUNC_ADD, GL_FUNC_ADD);
    glEnable(GL_PROGRAM_POINT_SIZE);
    bin.use();
    bin.set("u_size", std::array<float, 2>{static_cast<float>(w), static_cast<float>(h)});
    glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(verts.size() / 3));
    glDisable(GL_PROGRAM_POINT_SIZE);
    glDisable(GL_BLEND);
    check_gl("GpuKde binning");
  }

  const float to_units = static_cast<float>(params.output_scale() / (grid.cell * grid.cell));
  VertexArray empty = VertexArray::create();
  glBindVertexArray(empty.id());
  auto run_pass = [&](const ShaderProgram& prog, const OffscreenTarget& in,
                      const OffscreenTarget& out, float scale) {
    out.bind_for_drawing();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, in.color_texture());
    prog.set("u_scale", scale);
    glDrawArrays(GL_TRIANGLES, 0, 3);
  };
  const double s = geo.ratio;  // σ or h in cells
  if (params.kernel == KdeKernel::gaussian) {
    // 2. Separable gaussian: 1-D weights sampled at whole cells, normalised to sum 1.
    std::vector<float> weights(2 * radius + 1);
    double total = 0;
    for (int k = -radius; k <= radius; ++k) total += std::exp(-0.5 * k * k / (s * s));
    for (int k = -radius; k <= radius; ++k)
      weights[k + radius] = static_cast<float>(std::exp(-0.5 * k * k / (s * s)) / total);
    glActiveTexture(GL_TEXTURE1);
    Texture weight_tex = make_float_texture(2 * radius + 1, 1, weights.data());
    ShaderProgram blur = ShaderProgram::from_embedded("fullscreen.vert", "kde_blur.frag");
    blur.use();
    blur.set("u_input", 0);
    blur.set("u_weights", 1);
    blur.set("u_radius", radius);
    glUniform2i(blur.uniform_location("u_dir"), 1, 0);
    run_pass(blur, binned, pass, 1.0f);
    glUniform2i(blur.uniform_location("u_dir"), 0, 1);
    run_pass(blur, pass, result, to_units);
  } else {
    // 2. Quartic: one 2-D pass with the disk of weights (1 - r²/h²)², normalised to sum 1.
    const int side = 2 * radius + 1;
    std::vector<float> weights(static_cast<size_t>(side) * side, 0.0f);
    double total = 0;
    for (int dy = -radius; dy <= radius; ++dy)
      for (int dx = -radius; dx <= radius; ++dx) {
        const double u = (dx * dx + dy * dy) / (s * s);
        if (u < 1) total += (1 - u) * (1 - u);
      }
    for (int dy = -radius; dy <= radius; ++dy)
      for (int dx = -radius; dx <= radius; ++dx) {
        const double u = (dx * dx + dy * dy) / (s * s);
        if (u < 1)
          weights[static_cast<size_t>(dy + radius) * side + (dx + radius)] =
              static_cast<float>((1 - u) * (1 - u) / total);
      }
    glActiveTexture(GL_TEXTURE1);
    Texture weight_tex = make_float_texture(side, side, weights.data());
    ShaderProgram disk = ShaderProgram::from_embedded("fullscreen.vert", "kde_disk.frag");
    disk.use();
    disk.set("u_input", 0);
    disk.set("u_weights", 1);
    disk.set("u_radius", radius);
    run_pass(disk, binned, result, to_units);
  }
  check_gl("GpuKde kernel passes");

  // 3. Read back (rows top-down) and crop the padding.
  const std::vector<float> full = result.read_float();
  std::vector<float> out(grid.cells());
  for (int row = 0; row < grid.ny; ++row)
    std::copy_n(full.begin() + static_cast<std::ptrdiff_t>((row + radius) * w + radius), grid.nx,
                out.begin() + static_cast<std::ptrdiff_t>(row) * grid.nx);
  return out;
}

std::unique_ptr<DensityEstimator> make_density_estimator(KdeBackend backend,
                                                         const std::string& renderer) {
  const bool gpu =
      backend == KdeBackend::gpu ||
      (backend == KdeBackend::automatic && !renderer.empty() && !is_software_renderer(renderer));
  if (gpu) return std::make_unique<GpuKde>();
  return std::make_unique<CpuKde>();
}

}  // namespace faro::render
