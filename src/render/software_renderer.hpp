#pragma once
// Whether a GL_RENDERER string names a CPU rasteriser (Mesa llvmpipe / softpipe / swrast / OpenSWR,
// Google SwiftShader, "Software Rasterizer"): correct output, but every sample and every pass
// costs CPU time. One list for the EGL context (EglInfo::software: MSAA choice, display
// preference) and for the density backend (GpuKde only on hardware).
#include <string_view>

namespace faro::render {

bool is_software_renderer(std::string_view renderer);

}  // namespace faro::render
