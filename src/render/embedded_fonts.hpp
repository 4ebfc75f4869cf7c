#pragma once
// Font files from fonts/ embedded into the binary at build time (src/render/embed_fonts.cmake), so
// exported maps render identical text on every machine. Data lives for the whole program.
#include <span>
#include <string_view>
#include <vector>

namespace faro::render {

// The bytes of fonts/<name> (e.g. "DejaVuSans.ttf"). Throws std::invalid_argument when absent.
std::span<const unsigned char> embedded_font(std::string_view name);
std::vector<std::string_view> embedded_font_names();  // sorted

}  // namespace faro::render
