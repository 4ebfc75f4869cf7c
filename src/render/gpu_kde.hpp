#pragma once
// The GPU path of the kernel density (core/kde.hpp): points are linearly binned into a padded R32F
// target by additive 2x2 point splats, then the gaussian is applied as two separable fragment
// passes with the kernel sampled at the cell spacing and normalised to sum to one (so the grid
// holds exactly one incident per point, like CpuKde's binned path; worst case 1/(4s²) of a single
// point's peak, s = σ / cell). The quartic is not separable: it is one 2-D pass over the disk of
// sampled weights (worst case 1/H², H = h / cell). Grids past the GL texture limits and quartic
// radii past 256 cells go to CpuKde (last_used_gpu() says which ran), and so do kernels too
// narrow for the cell (bound above 1 %: s < 5 or H < 10), where CpuKde splats the exact kernel.
//
// Needs an OpenGL context current on the calling thread; all GL state it touches is restored.
#include <memory>
#include <string>

#include "core/kde.hpp"
#include "render/software_renderer.hpp"  // is_software_renderer

namespace faro::render {

class GpuKde : public DensityEstimator {
 public:
  // Largest accepted worst-case binning error (fraction of a point's peak), as CpuKde's default.
  static constexpr double kMaxBinnedError = 0.01;
  GpuKde();
  ~GpuKde() override;
  std::string name() const override { return "gpu"; }
  std::vector<float> compute(const PointSet& points, const GridSpec& grid,
                             const KdeParams& params) override;
  // Whether the last compute() ran on the GPU (false: it fell back to CpuKde).
  bool last_used_gpu() const { return last_used_gpu_; }

 private:
  std::unique_ptr<CpuKde> fallback_;
  bool last_used_gpu_ = false;
};

// "cpu" | "gpu" | "auto". auto: CpuKde on software GL (render/software_renderer.hpp) or with no
// context, GpuKde on a hardware GPU. `renderer` is GL_RENDERER of the current context.
enum class KdeBackend { automatic, cpu, gpu };
std::unique_ptr<DensityEstimator> make_density_estimator(KdeBackend backend,
                                                         const std::string& renderer);

}  // namespace faro::render
