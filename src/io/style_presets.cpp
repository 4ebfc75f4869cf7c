// Built-in styles and presets: looked up in the embedded layers/ files and parsed on each call
// (they are a few kB and asked for rarely: at start-up, from the Layers panel, by the CLI), so a
// malformed built-in fails the same way a user's file does and the tests catch it.
#include "io/style_presets.hpp"

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"
#include "io/embedded_layers.hpp"
#include "io/map_style_json.hpp"
#include "io/project_file.hpp"

namespace faro::io {
namespace {

constexpr std::string_view kJson = ".json";

// Names of the embedded files directly under `folder` ("" = layers/ itself) ending in `suffix`,
// without the folder and the suffix, sorted (the paths' order puts "a-b.json" before "a.json").
std::vector<std::string> names_in(std::string_view folder, std::string_view suffix) {
  std::vector<std::string> out;
  for (const EmbeddedFile& f : embedded_layer_files()) {
    std::string_view p = f.path;
    if (!folder.empty()) {
      if (!p.starts_with(folder) || p.size() <= folder.size() || p[folder.size()] != '/') continue;
      p.remove_prefix(folder.size() + 1);
    }
    if (p.find('/') != std::string_view::npos || !p.ends_with(suffix)) continue;
    p.remove_suffix(suffix.size());
    out.emplace_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string listing(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
  return s;
}

// The embedded file `path`, or UsageError "unknown <what> 'name' (one of: ...)".
std::string_view embedded(const std::string& path, std::string_view name, const char* what,
                          const std::vector<std::string>& names) {
  for (const EmbeddedFile& f : embedded_layer_files())
    if (f.path == path) return f.text;
  throw UsageError(std::string("unknown ") + what + " '" + std::string(name) +
                   "' (one of: " + listing(names) + ")");
}

}  // namespace

std::vector<std::string> layer_preset_names() {
  return names_in("", kJson);
}

StyleLayer layer_preset(std::string_view name) {
  const std::string path = std::string(name) + ".json";
  return layer_from_json(embedded(path, name, "layer preset", layer_preset_names()),
                         "layers/" + path);
}

std::vector<std::string> style_names() {
  return names_in("styles", kJson);
}

MapStyle builtin_style(std::string_view name) {
  const std::string path = "styles/" + std::string(name) + ".json";
  return style_from_json(embedded(path, name, "style", style_names()), "layers/" + path);
}

MapStyle default_style() {
  return builtin_style("analyst");
}

MapStyle load_style(const std::string& name_or_path) {
  const std::vector<std::string> names = style_names();
  if (std::find(names.begin(), names.end(), name_or_path) != names.end())
    return builtin_style(name_or_path);
  std::error_code ec;
  if (std::filesystem::exists(name_or_path, ec)) return read_style_file(name_or_path);
  throw UsageError("style '" + name_or_path + "' is neither a built-in style (" + listing(names) +
                   ") nor an existing file");
}

std::vector<std::string> builtin_project_names() {
  return names_in("projects", ".faro.json");
}

Session builtin_project(std::string_view name) {
  const std::string path = "projects/" + std::string(name) + ".faro.json";
  return project_from_json(embedded(path, name, "project", builtin_project_names()), "",
                           "layers/" + path);
}

}  // namespace faro::io
