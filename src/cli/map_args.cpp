#include "cli/map_args.hpp"

#include <filesystem>
#include <ostream>

#include "cli/lang_args.hpp"
#include "cli/program_args.hpp"
#include "cli/render_style_args.hpp"
#include "core/errors.hpp"
#include "core/messages.hpp"
#include "io/basemap_reader.hpp"
#include "io/context_loader.hpp"
#include "io/data_loading.hpp"
#include "io/program_polygon_loader.hpp"

namespace faro::cli {
namespace fs = std::filesystem;

int parse_pixels(const ParsedArgs& args, const std::string& name, int fallback) {
  const auto v = args.get(name);
  if (!v) return fallback;
  try {
    size_t used = 0;
    const int n = std::stoi(*v, &used);
    if (used == v->size() && n > 0 && n <= 16384) return n;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + name + " must be a whole number of pixels between 1 and 16384, got '" +
                   *v + "'");
}

render::MapSceneOptions scene_options(const ParsedArgs& args, const char* command) {
  render::MapSceneOptions o;
  const std::string kde = args.get_or("kde", "auto");
  if (kde == "cpu")
    o.kde_backend = render::KdeBackend::cpu;
  else if (kde == "gpu")
    o.kde_backend = render::KdeBackend::gpu;
  else if (kde != "auto")
    throw UsageError("--kde must be cpu, gpu or auto, got '" + kde + "'");
  o.width = parse_pixels(args, "width", 1920);
  o.height = parse_pixels(args, "height", 1080);
  o.language = language_from_args(args, command);
  return o;
}

std::vector<std::string> source_folders(const ParsedArgs& args, const LoadedData& data) {
  std::vector<std::string> out;
  if (auto s = args.get("style"); s && fs::is_regular_file(*s))
    out.push_back(fs::path(*s).parent_path().string());
  out.push_back("");
  if (!data.synthetic && !data.sectors_source.empty() &&
      !io::is_connection_string(data.sectors_source))
    out.push_back(fs::path(data.sectors_source).parent_path().string());
  return out;
}

std::string resolve_source(const std::string& source, const std::vector<std::string>& folders) {
  if (source.empty() || fs::path(source).is_absolute() || io::is_connection_string(source))
    return source;
  for (const std::string& folder : folders) {
    const fs::path candidate = folder.empty() ? fs::path(source) : fs::path(folder) / source;
    std::error_code ec;
    if (fs::exists(candidate, ec)) return candidate.string();
  }
  return source;  // not found anywhere: the loader's error names it as given
}

std::map<std::string, std::vector<render::LineStrip>> load_context_layers(
    const MapStyle& style, const std::vector<std::string>& folders, const std::string& work_srs,
    std::ostream& err, std::map<std::string, std::shared_ptr<const ContextAreas>>* areas) {
  std::map<std::string, std::vector<render::LineStrip>> context;
  for (const StyleLayer& l : style.layers) {
    if (l.kind != LayerKind::context || l.source.empty() || !l.visible) continue;
    io::ContextLoadResult c =
        io::load_context(resolve_source(l.source, folders), work_srs, l.labels);
    err << c.report.to_text();
    if (areas && c.areas) (*areas)[l.id] = c.areas;
    for (io::ContextLine& line : c.lines)
      context[l.id].push_back({std::move(line.points), line.closed});
  }
  return context;
}

render::BasemapProvider basemap_provider(const std::string& work_srs,
                                         const std::vector<std::string>& folders) {
  return [work_srs, folders](const std::string& source, const Box& view, int w, int h) {
    io::BasemapSource raster(resolve_source(source, folders), work_srs);
    io::BasemapImage b = raster.read(view, w, h);
    return render::BasemapRaster{b.width, b.height, std::move(b.rgba), b.box,
                                 raster.info().attribution};
  };
}

std::vector<Program> load_programs_arg(const ParsedArgs& args, const LoadedData& data,
                                       const MapStyle& style, std::ostream& err) {
  if (auto given = args.get("programs")) return load_programs_checked(*given, data.sectors, err).programs;
  const std::string source = data.synthetic ? data.sectors_source : "";
  if (source.empty() || !style.shows(LayerKind::programs)) return {};
  io::ProgramLoadResult pl = io::load_programs_for_sectors(source, data.sectors);
  err << pl.report.to_text();
  return std::move(pl.programs);
}

void name_map(const LoadedData& data, render::MapSceneOptions& o) {
  const Language lang = o.language;
  const std::string incidents_name = fs::path(data.incidents_source).filename().string();
  o.synthetic = data.synthetic;
  const std::string place = data.synthetic ? tr(Msg::map_demo_city, lang) : incidents_name;
  o.title = std::string(tr(Msg::map_incidents, lang)) + " — " + place;
  o.source_line = data.synthetic ? std::string(tr(Msg::map_source_synthetic, lang))
                                 : tr(Msg::map_source_prefix, lang) + incidents_name;
}

void report_protection(const ProtectedStyle& p, Language lang, std::ostream& err) {
  if (!p.style.protection) return;
  if (!p.style.protection->partner_safe) {
    err << "stamp: " << internal_use_stamp() << "\n";
    return;
  }
  for (const StyleChange& c : p.changes) err << "partner-safe: " << describe_change(c, lang) << "\n";
  err << "footer: " << protection_footer(*p.style.protection, lang) << "\n";
}

}  // namespace faro::cli
