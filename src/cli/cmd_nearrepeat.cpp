// faro nearrepeat: near-repeat early warning (issue 20). Parameters from a Knox table over a
// training window (or --radius/--days), the zones active on a day, and --evaluate: the replay of
// the warning week by week against the incidents that followed, next to a naive hot-cell baseline.
// Zones come from exact locations: the zone list is internal (--internal); the partner-safe
// output is per sector, with small counts suppressed.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/distance_args.hpp"
#include "cli/number_args.hpp"
#include "cli/near_repeat_text.hpp"
#include "core/civil_time.hpp"
#include "core/disclosure.hpp"
#include "core/errors.hpp"
#include "core/near_repeat.hpp"
#include "core/polygon_index.hpp"
#include "io/atomic_file.hpp"

namespace faro::cli {
namespace {

CommandSpec nearrepeat_spec() {
  CommandSpec spec{
      "nearrepeat",
      "[--sectors S --incidents I] [--from D --to D] [--radius M --days N] [--training-years 2] "
      "(--evaluate -o eval.json | --at DATE [--internal] -o zones.csv)",
      "Near-repeat early warning. Parameters: --radius and --days, or else those a Knox test\n"
      "(100,200,400 m x 7,14,30 days, 999 permutations) over the --training-years before --from\n"
      "supports (faro knox --suggest explains the rule).\n"
      "--evaluate replays the warning ISO week by ISO week from the first Monday on or after\n"
      "--from to --to: for week w the zones are the disks of the radius around every incident of\n"
      "the days before w's Monday; hit_rate = the share of the weeks' incidents within a zone,\n"
      "area_share = the mean share of the sectors' area the zones cover; the same for a naive\n"
      "baseline (the top 5 % of 250 m cells by count over the previous 4 weeks). JSON keys\n"
      "hit_rate, area_share, weeks, radius_m, days, baseline.hit_rate, baseline.area_share.\n"
      "--at DATE writes the zones active at the end of that day: partner-safe, per sector (active\n"
      "zones seeded there and their incidents, counts 1..4 suppressed); --internal lists every\n"
      "zone with its seeds' centre, dates and risk (exact locations: internal use only)."};
  for (auto& o : data_options()) spec.options.push_back(o);
  for (auto& o : filter_options()) spec.options.push_back(o);
  spec.options.insert(spec.options.end(),
                      {{"radius", "M", "zone radius in metres (default: from the Knox test)"},
                       {"days", "N", "zone lifetime in days (default: from the Knox test)"},
                       {"training-years", "N", "Knox training window before --from (default 2)"},
                       {"evaluate", "", "replay the warning over --from..--to"},
                       {"at", "DATE", "the zones active at the end of DATE"},
                       {"internal", "", "list zones with locations (internal use, stamped)"},
                       {"o", "FILE", "output (.json for --evaluate, .csv for --at)"}});
  return spec;
}

int64_t parse_days_arg(const std::string& s) { return parse_whole_number(s, "--days", 1, 365); }

NearRepeatParams choose_params(const ParsedArgs& args, const IncidentStore& s, int64_t first_day,
                               std::ostream& err, std::string& source) {
  if (args.has("radius") != args.has("days"))
    throw UsageError("give both --radius and --days, or neither (then a Knox test chooses them)");
  if (args.has("radius")) {
    NearRepeatParams p;
    p.radius_m = parse_distance_m(*args.get("radius"), "--radius", 1, 100'000);
    p.days = parse_days_arg(*args.get("days"));
    source = "user";
    return p;
  }
  const int years =
      static_cast<int>(parse_whole_number(args.get_or("training-years", "2"), "--training-years", 1, 10));
  const int64_t train_from = first_day - 365 * years;
  std::vector<double> x, y;
  std::vector<int64_t> t;
  for (size_t i = 0; i < s.size(); ++i) {
    const int64_t d = days_of(s.t[i]);
    if (d >= train_from && d < first_day) x.push_back(s.x[i]), y.push_back(s.y[i]), t.push_back(s.t[i]);
  }
  if (x.size() < 20)
    throw DataError("too few incidents (" + std::to_string(x.size()) + ") in the " +
                    std::to_string(years) + " years before " + format_date(first_day * kSecondsPerDay) +
                    " to choose near-repeat parameters; give --radius and --days");
  KnoxOptions o;
  const KnoxResult knox = knox_test(x, y, t, o);
  const auto p = suggest_near_repeat(knox, o);
  err << "training: " << x.size() << " incidents " << format_date(train_from * kSecondsPerDay)
      << " .. " << format_date((first_day - 1) * kSecondsPerDay) << "\n"
      << near_repeat_suggestion_text(p, knox);
  if (!p)
    throw DataError("no significant near-repeat pattern in the training window; give --radius "
                    "and --days to replay chosen parameters");
  source = "knox";
  return *p;
}

}  // namespace

int cmd_nearrepeat(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = nearrepeat_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  const bool evaluate = args.has("evaluate");
  if (evaluate == args.has("at")) throw UsageError("faro nearrepeat: give --evaluate or --at DATE");
  const auto output = args.get("o");
  if (!output) throw UsageError("faro nearrepeat: -o FILE is required");
  if (args.has("where") && !args.has("internal") && !evaluate)
    throw UsageError("--where is for internal outputs (--internal)");
  // Numbers checked before any data is read (choose_params reads them again after loading).
  if (args.has("radius") != args.has("days"))
    throw UsageError("give both --radius and --days, or neither (then a Knox test chooses them)");
  if (auto r = args.get("radius")) parse_distance_m(*r, "--radius", 1, 100'000);
  if (auto d = args.get("days")) parse_days_arg(*d);
  parse_whole_number(args.get_or("training-years", "2"), "--training-years", 1, 10);
  // The training window lies before --from: load every row and apply the dates here.
  const io::IncidentSourceOptions dates = incident_options_from_args(args);
  ParsedArgs all = args;
  all.erase("from");
  all.erase("to");
  LoadedData data = load_data(all, err);
  const IncidentStore& s = data.incidents;
  if (s.empty()) throw DataError(data.incidents_source + ": no incidents");
  const SectorIndex index(data.sectors);
  const auto inside = [&](double px, double py) { return index.locate(px, py) != kNoSector; };

  if (evaluate) {
    if (!dates.from || !dates.to_exclusive)
      throw UsageError("--evaluate needs --from and --to (the weeks replayed)");
    int64_t monday = days_of(*dates.from);
    while (weekday_of_days(monday) != 0) ++monday;
    std::string source;
    const NearRepeatParams p = choose_params(args, s, monday, err, source);
    const auto t0 = std::chrono::steady_clock::now();
    Box extent = data.sectors.extent();
    const NearRepeatReplay r = replay_near_repeat(s.x, s.y, s.t, extent, inside, monday,
                                                  days_of(*dates.to_exclusive), p.radius_m, p.days);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    nlohmann::json j;
    j["hit_rate"] = r.hit_rate;
    j["area_share"] = r.area_share;
    j["weeks"] = r.weeks;
    j["radius_m"] = p.radius_m;
    j["days"] = p.days;
    j["relative_risk"] = p.relative_risk;
    j["parameters_from"] = source;
    j["incidents"] = r.incidents;
    j["hits"] = r.hits;
    j["first_monday"] = format_date(monday * kSecondsPerDay);
    j["baseline"] = {{"hit_rate", r.baseline_hit_rate},
                     {"area_share", r.baseline_area_share},
                     {"hits", r.baseline_hits},
                     {"rule", "top 5 % of 250 m cells by count over the previous 4 weeks"}};
    io::write_file_atomically(*output, j.dump(2) + "\n");
    char line[256];
    std::snprintf(line, sizeof line,
                  "replay: %d weeks, %lld incidents; zones (%g m, %lld days) caught %.1f %% in "
                  "%.2f %% of the area; baseline %.1f %% in %.2f %% (%.0f ms)\n",
                  r.weeks, static_cast<long long>(r.incidents), p.radius_m,
                  static_cast<long long>(p.days), 100 * r.hit_rate, 100 * r.area_share,
                  100 * r.baseline_hit_rate, 100 * r.baseline_area_share, ms);
    out << line;
    return kExitOk;
  }

  // --at DATE: the zones active at the end of that day.
  const int64_t day = days_of(parse_cli_date(*args.get("at"), "--at"));
  std::string source;
  const NearRepeatParams p = choose_params(args, s, day + 1, err, source);
  const std::vector<RiskZone> zones = risk_zones(s.x, s.y, s.t, day, p);
  std::ostringstream csv;
  if (args.has("internal")) {
    csv << "# " << internal_use_stamp() << "\n";
    csv << "zone,sector,seeds,first_day,expiry_day,relative_risk,x,y\n";
    for (size_t z = 0; z < zones.size(); ++z) {
      const RiskZone& zone = zones[z];
      const double cx = (zone.bounds.xmin + zone.bounds.xmax) / 2,
                   cy = (zone.bounds.ymin + zone.bounds.ymax) / 2;
      const int32_t sec = index.locate(cx, cy);
      csv << z + 1 << ',' << csv_field(sec >= 0 ? data.sectors.sectors[sec].name : "(outside)")
          << ',' << zone.seeds.size() << ',' << format_date(zone.first_day * kSecondsPerDay) << ','
          << format_date((zone.expiry_day - 1) * kSecondsPerDay) << ',' << zone.relative_risk << ','
          << std::llround(cx) << ',' << std::llround(cy) << "\n";
    }
  } else {
    // Per sector: zones seeded there (by their first seed) and the incidents that seeded them,
    // protected as one table with the total (counts 1..k-1 and complements hidden).
    const size_t n = data.sectors.size();
    std::vector<int64_t> seeds(n + 1, 0), count(n + 1, 0);
    for (const RiskZone& zone : zones) {
      const int32_t sec = index.locate(zone.seeds.front().x, zone.seeds.front().y);
      const size_t row = sec >= 0 ? static_cast<size_t>(sec) : n;
      ++count[row];
      seeds[row] += static_cast<int64_t>(zone.seeds.size());
    }
    DisclosurePolicy policy;
    const ProtectedTable t = protect_table(seeds, n + 1, 1, policy);
    csv << "# " << protection_footer_both(policy, false) << "\n";
    csv << "sector,active_zones,seeding_incidents\n";
    for (size_t r = 0; r <= n + 1; ++r) {
      const std::string name = r < n ? data.sectors.sectors[r].name : r == n ? "(outside)" : "(total)";
      const bool hidden = t.is_hidden(r, 0);
      const int64_t zones_here = r <= n ? count[r] : static_cast<int64_t>(zones.size());
      csv << csv_field(name) << ',' << (hidden ? t.marker : std::to_string(zones_here)) << ','
          << (hidden ? t.marker : std::to_string(t.at(r, 0))) << "\n";
    }
  }
  io::write_file_atomically(*output, csv.str());
  out << "wrote " << *output << ": " << zones.size() << " zones active at the end of "
      << format_date(day * kSecondsPerDay) << " (" << p.radius_m << " m, " << p.days << " days)\n";
  return kExitOk;
}

}  // namespace faro::cli
