// faro animate: the map through time as MP4 or GIF, one frame per week or month, drawn headless
// by the one renderer with the heatmap's colour scale locked for the whole animation
// (render/animation.hpp) and encoded by FFmpeg's libraries (io/video_writer.hpp).
#include <chrono>
#include <iostream>
#include <memory>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/map_args.hpp"
#include "cli/render_style_args.hpp"
#include "core/animation_steps.hpp"
#include "core/errors.hpp"
#include "core/style_protection.hpp"
#include "io/video_writer.hpp"
#include "render/animation.hpp"
#include "render/egl_context.hpp"

namespace faro::cli {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

CommandSpec animate_spec() {
  CommandSpec spec;
  spec.name = "animate";
  spec.synopsis =
      "[--sectors S --incidents I] [--programs P] [--where SQL] [--from D --to D] "
      "[--step week|month] [--cumulative] [--fps 2] [--style NAME|FILE] [--layers ...] "
      "[--width 1920 --height 1080] [--internal] -o out.mp4|out.gif";
  spec.description =
      "Animates the map through time, headless: one frame per whole week or calendar month from\n"
      "--from (default: the start of the first incident's week or month) up to --to (inclusive;\n"
      "default: the end of the last incident's), each frame that step's incidents or, with\n"
      "--cumulative, everything since --from. A remainder shorter than a step is not animated.\n"
      "Every frame is drawn with the same style and the same heatmap colour maximum (the largest\n"
      "automatic maximum of the frames, or --color-max), in incidents/km² per year, so colours\n"
      "compare between frames; the subtitle shows the frame's dates. Partner-safe, a heatmap\n"
      "that would leave the frames blank is replaced, for every frame alike, by the finest of\n"
      "wider heatmaps, hexagons, sectors or groups of sectors (alcaldía) that shows 90 % of the\n"
      "frames' incidents (else the one showing most), with classes locked over the frames.\n"
      "MP4 is H.264 (yuv420p; an odd width or height loses its last column or row), GIF one\n"
      "256-colour palette. Partner-safe by default, the protection footer on every frame;\n"
      "--internal stamps every frame USO INTERNO. Same data and style options as faro render.";
  for (const OptionSpec& o : data_options()) spec.options.push_back(o);
  for (const OptionSpec& o : filter_options()) spec.options.push_back(o);
  spec.options.push_back(
      {"programs", "SOURCE",
       "programs: GeoPackage with program_sectors, or CSV program,sector,start[,end]"});
  for (const OptionSpec& o : style_options()) spec.options.push_back(o);
  spec.options.push_back({"step", "week|month", "one frame per week or month (default month)"});
  spec.options.push_back({"cumulative", "", "each frame draws everything since --from"});
  spec.options.push_back({"fps", "N", "frames per second (default 2; 0.1..60)"});
  spec.options.push_back({"kde", "cpu|gpu|auto", "density implementation (default auto)"});
  spec.options.push_back({"width", "PX", "frame width (default 1920)"});
  spec.options.push_back({"height", "PX", "frame height (default 1080)"});
  spec.options.push_back({"title", "TEXT", "map title (default from the data)"});
  spec.options.push_back(
      {"internal", "", "internal use: partner-safe rules off, every frame stamped USO INTERNO"});
  spec.options.push_back({"o", "FILE", "output .mp4 or .gif (written atomically; required)"});
  return spec;
}

double parse_fps(const ParsedArgs& args) {
  const std::string v = args.get_or("fps", "2");
  try {
    size_t used = 0;
    const double fps = std::stod(v, &used);
    if (used == v.size() && fps >= 0.1 && fps <= 60) return fps;
  } catch (const std::exception&) {
  }
  throw UsageError("--fps must be a number of frames per second between 0.1 and 60, got '" + v +
                   "'");
}

// --from/--to (inclusive) where given, else whole steps around the first and last incidents.
std::pair<CivilSeconds, CivilSeconds> animation_period(const LoadedData& data, AnimationStep step) {
  std::pair<CivilSeconds, CivilSeconds> period{0, 0};
  const auto first = data.incidents.min_time(), last = data.incidents.max_time();
  if (first && last) period = default_animation_period(*first, *last, step);
  if (data.filter.from) period.first = *data.filter.from;
  if (data.filter.to_exclusive) period.second = *data.filter.to_exclusive;
  if (!(first && last) && !(data.filter.from && data.filter.to_exclusive))
    throw DataError("no incidents to animate and no --from/--to period");
  return period;
}

}  // namespace

int cmd_animate(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = animate_spec();
  const ParsedArgs args = parse_args(spec, args_in);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  // Usage errors before any loading.
  const auto output = args.get("o");
  if (!output) throw UsageError("faro animate: -o FILE.mp4 or FILE.gif is required");
  const auto format = io::video_format_for(*output);
  if (!format)
    throw UsageError("faro animate: -o must end in .mp4 or .gif, got '" + *output + "'");
  const auto step = parse_animation_step(args.get_or("step", "month"));
  if (!step) throw UsageError("--step must be week or month, got '" + args.get_or("step", "") + "'");
  const double fps = parse_fps(args);
  render::MapSceneOptions opts = scene_options(args, "faro animate");
  const MapStyle requested = style_from_args(args, MapStyle{});
  if (const StyleLayer* c = requested.find(LayerKind::choropleth);
      c && c->visible && is_change_measure(c->choropleth.measure))
    throw UsageError(
        "faro animate: change choropleths compare two periods and are not animated; use "
        "--choropleth count, per-km2 or per-10k");

  LoadedData data = load_data(args, err);
  if (data.sectors.size() == 0) throw DataError(data.sectors_source + ": no sectors loaded");
  const auto [from, to] = animation_period(data, *step);
  const AnimationPlan plan = plan_animation(from, to, *step, args.has("cumulative"));
  if (plan.frames.empty())
    throw UsageError("faro animate: " + format_date(from) + " – " +
                     format_date(to - kSecondsPerDay) + " holds no whole " + to_string(*step));
  if (plan.frames.size() > kMaxAnimationFrames)
    throw UsageError("faro animate: more than " + std::to_string(kMaxAnimationFrames) +
                     " frames; shorten --from/--to or use --step month");
  if (plan.left_to_exclusive > plan.left_from) {
    const CivilSeconds last = plan.left_to_exclusive - kSecondsPerDay;
    err << "faro animate: " << format_date(plan.left_from)
        << (last > plan.left_from ? " – " + format_date(last) : std::string()) << " is shorter than a "
        << to_string(*step) << " and is not animated\n";
  }

  const std::vector<Program> programs = load_programs_arg(args, data, requested, err);
  name_map(data, opts);
  if (auto t = args.get("title")) opts.title = *t;
  if (auto w = args.get("where")) opts.subtitle = *w;  // after each frame's dates

  const std::vector<std::string> folders = source_folders(args, data);
  std::map<std::string, std::shared_ptr<const ContextAreas>> context_areas;
  const auto context =
      load_context_layers(requested, folders, data.sectors.work_srs, err, &context_areas);
  render::AnimationScene scene;
  scene.base.sectors = &data.sectors;
  scene.base.incidents = &data.incidents;
  scene.base.programs = &programs;
  scene.base.context_by_layer = &context;
  scene.base.context_areas_by_layer = &context_areas;
  scene.base.basemap = basemap_provider(data.sectors.work_srs, folders);
  scene.frames = plan.frames;

  std::unique_ptr<render::EglContext> gl;  // one context for every frame
  try {
    gl = std::make_unique<render::EglContext>();
  } catch (const render::GlUnavailable& e) {
    throw DataError(std::string("no headless OpenGL 3.3 available: ") + e.what());
  }

  // Partner-safe by default: one representation for every frame (a heatmap too sparse for the
  // frames becomes hexagons, sectors or groups of sectors), its colour scale locked over the
  // frames; a locked heatmap maximum is rounded like any fixed one (and said so below).
  DisclosurePolicy policy;
  policy.partner_safe = !args.has("internal");
  const auto t_lock = Clock::now();
  const ProtectedStyle protected_style = render::animation_style(scene, requested, policy, opts);
  const double lock_ms = ms_since(t_lock);
  report_protection(protected_style, opts.language, err);
  if (const StyleLayer* h = protected_style.style.find(LayerKind::heatmap);
      h && h->visible && h->heatmap.color_max_locked)
    err << "heatmap: colour max " << h->heatmap.color_max << " (every frame)\n";

  io::VideoWriter writer(*output, *format, opts.width, opts.height, fps);
  double encode_ms = 0;
  const render::AnimationStats stats = render::render_animation(
      scene, protected_style.style, opts, [&](size_t i, const render::RgbaImage& image) {
        const auto t0 = Clock::now();
        writer.add_frame(image.pixels);
        encode_ms += ms_since(t0);
        err << "frame " << i + 1 << "/" << scene.frames.size() << ": "
            << render::frame_period_text(scene.frames[i]) << "\n";
        return true;
      });
  const auto t_finish = Clock::now();
  writer.finish();
  encode_ms += ms_since(t_finish);
  const double n = static_cast<double>(stats.frames);
  out << "wrote " << *output << " (" << writer.width() << "x" << writer.height() << ", "
      << stats.frames << " frames, " << writer.codec() << ", " << fps << " fps)\n";
  err << "timing: colour scale " << static_cast<int>(lock_ms) << " ms, render "
      << static_cast<int>(stats.render_ms / n) << " ms/frame, encode "
      << static_cast<int>(encode_ms / n) << " ms/frame\n";
  return kExitOk;
}

}  // namespace faro::cli
