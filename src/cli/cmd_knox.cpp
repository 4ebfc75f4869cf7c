// faro knox: the Knox test for near repeats (space-time clustering of shootings): a table of
// distance bands x time bands with observed pairs, the Monte Carlo expectation (incident times
// permuted over the locations), their ratio and a one-sided p-value.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/distance_args.hpp"
#include "cli/number_args.hpp"
#include "core/errors.hpp"
#include "core/knox.hpp"
#include "cli/near_repeat_text.hpp"
#include "io/incidents_only.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"
#include "io/reproject.hpp"

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

CommandSpec knox_spec() {
  CommandSpec spec{
      "knox",
      "[--incidents I | --sectors S --incidents I] [--where SQL] [--from D --to D] "
      "[--distance-bands 100,200,400] [--time-bands 7,14,30] [--permutations 999] [--seed N] "
      "[-o knox.csv]",
      "Knox test for near repeats. Every pair of incidents within the largest distance band is\n"
      "counted by distance band (upper edges in metres, inclusive: 100,200,400 = 0-100, 101-200,\n"
      "201-400 m) and time band (upper edges in days between calendar dates: 7,14,30 = 0-7, 8-14,\n"
      "15-30 days, plus '>30'). Expected counts are the mean over Monte Carlo permutations of the\n"
      "incident times over the locations (seeded); ratio = observed / expected; p = (1 + #perms\n"
      "with at least the observed count) / (perms + 1). CSV columns: distance_band,time_band,\n"
      "observed,expected,ratio,p. With --incidents alone the working CRS is the UTM zone of the\n"
      "incidents' median point (or --work-srs). With no sources, uses the demo city."};
  for (auto& o : data_options()) spec.options.push_back(o);
  for (auto& o : filter_options()) spec.options.push_back(o);
  spec.options.insert(
      spec.options.end(),
      {
          {"distance-bands", "LIST", "distance band upper edges in metres (default 100,200,400)"},
          {"time-bands", "LIST", "time band upper edges in days (default 7,14,30)"},
          {"permutations", "N", "Monte Carlo permutations (default 999)"},
          {"seed", "N", "random seed (default 12345)"},
          {"suggest", "", "print the near-repeat radius, days and risk the table supports "
                          "(Benjamini-Hochberg at 0.05 over the near cells)"},
          {"o", "FILE", "write the CSV to FILE (atomically) instead of stdout"},
      });
  return spec;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(item);
  return out;
}

// Ten years of days: no near-repeat question looks further apart in time.
int64_t parse_days(const std::string& s) { return parse_whole_number(s, "--time-bands", 0, 3650); }

// Incidents alone: loaded in lon/lat, then moved to the UTM zone of their median point (as
// `faro kde` does); rows PROJ cannot transform are counted and left out.
IncidentStore load_incidents_only(const ParsedArgs& args, std::ostream& err) {
  const std::string source = *args.get("incidents");
  io::IncidentSourceOptions opts = incident_options_from_args(args);
  std::string work = args.get_or("work-srs", "");
  io::IncidentLoadContext ctx;
  ctx.work_srs = work.empty() ? std::string("EPSG:4326") : work;
  io::IncidentLoadResult r = io::load_incidents(source, opts, ctx);
  if (work.empty() && !r.store.empty()) {
    work = io::reproject_to_median_utm(r.store, r.report);
    r.report.note(Msg::load_note_work_crs_median, {io::describe_srs(work)});
  }
  r.store.work_srs = work;
  err << r.report.to_text();
  return std::move(r.store);
}

std::string num(double v) {
  if (std::isnan(v)) return "";
  std::ostringstream s;
  s << std::setprecision(6) << v;
  return s.str();
}

}  // namespace

std::string near_repeat_suggestion_text(const std::optional<NearRepeatParams>& p,
                                        const KnoxResult& r) {
  std::ostringstream s;
  if (!p) {
    s << "near-repeat: no significant near-repeat pattern (the nearest cell is not above chance "
         "after Benjamini-Hochberg at 0.05 over "
      << r.distance_bands * (r.time_bands - 1) << " cells)\n";
    return s.str();
  }
  s << "near-repeat: radius " << num(p->radius_m) << " m, " << p->days << " days, relative risk "
    << num(p->relative_risk) << " (Benjamini-Hochberg at " << p->alpha << " over "
    << r.distance_bands * (r.time_bands - 1) << " cells)\n";
  for (const NearRepeatCell& c : p->significant)
    s << "  significant: <= " << num(c.distance_m) << " m, <= " << c.days << " days: ratio "
      << num(c.ratio) << ", p " << num(c.p) << "\n";
  return s.str();
}

int cmd_knox(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = knox_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  KnoxOptions o;
  o.distance_edges_m.clear();
  for (const std::string& s : split_list(args.get_or("distance-bands", "100,200,400")))
    o.distance_edges_m.push_back(parse_distance_m(s, "--distance-bands"));
  o.time_edges_days.clear();
  for (const std::string& s : split_list(args.get_or("time-bands", "7,14,30")))
    o.time_edges_days.push_back(parse_days(s));
  o.permutations = static_cast<int>(
      parse_whole_number(args.get_or("permutations", "999"), "--permutations", 1, 1'000'000));
  o.seed = static_cast<uint64_t>(
      parse_whole_number(args.get_or("seed", "12345"), "--seed", 0, INT64_MAX));
  // Validates bands and permutations before any data is read (no pairs: nothing to count).
  knox_test(std::vector<double>{}, std::vector<double>{}, std::vector<int64_t>{}, o);
  if (auto p = args.get("o")) {
    const fs::path parent = fs::path(*p).parent_path();
    if (!parent.empty() && !fs::is_directory(parent))
      throw DataError("cannot write " + *p + ": folder " + parent.string() + " does not exist");
  }

  IncidentStore incidents = args.has("incidents") && !args.has("sectors")
                                ? load_incidents_only(args, err)
                                : load_data(args, err).incidents;
  if (incidents.size() < 2) throw DataError("the Knox test needs at least 2 incidents");
  const auto t0 = std::chrono::steady_clock::now();
  const KnoxResult r = knox_test(incidents.x, incidents.y, incidents.t, o);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

  std::ostringstream csv;
  csv << "distance_band,time_band,observed,expected,ratio,p\n";
  for (size_t d = 0; d < r.distance_bands; ++d) {
    const std::string dlabel = (d ? num(o.distance_edges_m[d - 1]) + "-" : std::string("0-")) +
                               num(o.distance_edges_m[d]) + "m";
    for (size_t t = 0; t < r.time_bands; ++t) {
      std::string tlabel;
      if (t == o.time_edges_days.size())
        tlabel = ">" + std::to_string(o.time_edges_days.back()) + "d";
      else
        tlabel = (t ? std::to_string(o.time_edges_days[t - 1] + 1) : std::string("0")) + "-" +
                 std::to_string(o.time_edges_days[t]) + "d";
      const KnoxCell& c = r.at(d, t);
      csv << dlabel << ',' << tlabel << ',' << c.observed << ',' << num(c.expected) << ','
          << num(c.ratio) << ',' << num(c.p) << '\n';
    }
  }
  err << "knox: " << r.incidents << " incidents, " << r.close_pairs << " pairs within "
      << o.distance_edges_m.back() << " m, " << r.permutations << " permutations in " << ms
      << " ms\n";
  if (auto p = args.get("o")) {
    io::write_file_atomically(*p, csv.str());
    err << "wrote " << *p << "\n";
  } else {
    out << csv.str();
  }
  if (args.has("suggest")) {
    std::ostream& s = args.has("o") ? out : err;
    s << near_repeat_suggestion_text(suggest_near_repeat(r, o), r);
  }
  return kExitOk;
}

}  // namespace faro::cli
