#include "render/software_renderer.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace faro::render {

bool is_software_renderer(std::string_view renderer) {
  // OpenSWR reports "SWR (LLVM ..., 256 bits)": matched as written, since "swr" in lower case
  // could appear inside an unrelated name.
  if (renderer.find("SWR") != std::string_view::npos) return true;
  std::string lower(renderer);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* name : {"llvmpipe", "softpipe", "swrast", "swiftshader", "software rasterizer"})
    if (lower.find(name) != std::string::npos) return true;
  return false;
}

}  // namespace faro::render
