// One software-renderer list for the EGL context and the density backend: every name either copy
// knew is still recognised, whatever its case, and hardware renderers are not.
#include "render/software_renderer.hpp"

#include <gtest/gtest.h>

namespace faro::render {
namespace {

TEST(SoftwareRenderer, RecognisesEveryCpuRasteriserEitherListKnew) {
  for (const char* name : {"llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Mesa swrast",
                           "SWR (LLVM 12.0.0, 256 bits)", "Software Rasterizer",
                           "SwiftShader Device (Subzero)", "Google SwiftShader",
                           "LLVMPIPE (LLVM 14)", "software rasterizer"})
    EXPECT_TRUE(is_software_renderer(name)) << name;
}

TEST(SoftwareRenderer, HardwareRenderersAreNotSoftware) {
  for (const char* name : {"NVIDIA H100/PCIe/SSE2", "NVIDIA GeForce RTX 4090/PCIe/SSE2",
                           "AMD Radeon RX 7900 XTX (radeonsi, navi31, LLVM 15.0.6)",
                           "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "Apple M2", ""})
    EXPECT_FALSE(is_software_renderer(name)) << name;
}

}  // namespace
}  // namespace faro::render
