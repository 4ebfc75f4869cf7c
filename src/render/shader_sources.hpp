#pragma once
// GLSL sources embedded at build time from shaders/*.vert|*.frag|*.glsl (see embed_shaders.cmake),
// so the binary needs no shader files at run time. Names are file names, e.g. "solid_fill.vert".
#include <string_view>
#include <vector>

namespace faro::render {

// Throws std::invalid_argument for an unknown name (a programming error: the file is not in
// shaders/).
std::string_view shader_source(std::string_view name);
std::vector<std::string_view> shader_names();

}  // namespace faro::render
