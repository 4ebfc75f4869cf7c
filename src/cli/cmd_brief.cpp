// faro brief: the weekly brief for the Monday meeting, per sector and for the whole area, as CSV
// (the table), or as a one-page A4 landscape PDF / PNG (map of the week, table, 52-week timeline).
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/args.hpp"
#include "cli/partner_rules.hpp"
#include "core/brief_ledger.hpp"
#include "core/knox.hpp"
#include "core/near_repeat.hpp"
#include "core/polygon_index.hpp"
#include "core/partner_query.hpp"
#include "io/disclosure_ledger.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/lang_args.hpp"
#include "core/brief_disclosure.hpp"
#include "core/brief_level.hpp"
#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "core/weekly_brief.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"
#include "io/program_polygon_loader.hpp"
#include "render/brief_page.hpp"

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

CommandSpec brief_spec() {
  CommandSpec spec;
  spec.name = "brief";
  spec.synopsis =
      "[--sectors S --incidents I] [--programs P] [--week 2024-W07] [--where SQL] "
      "[--lang es|en] [--sort COLUMN[:asc]] -o brief.pdf|brief.png|brief.csv";
  spec.description =
      "The weekly brief: per sector and for the whole area ('(all)', incidents in no sector\n"
      "included), the incidents of one ISO week against the previous week, the mean of the\n"
      "previous 4 weeks (the baseline), the same ISO week last year, and ISO-year-to-date\n"
      "(weeks 1..N) against the same weeks last year.\n"
      "z = 2(sqrt(week) - sqrt(mean of previous 4)) is a variance-stabilised change for counts;\n"
      "flag 'up'/'down' when |z| >= 1.96 and the exact Poisson tail at the baseline rate is\n"
      "below 2.5 %, 'new' when the baseline is 0 and the week has 3 or more. pct_change is empty\n"
      "when the baseline is 0.\n"
      "The output format follows the extension of -o: .csv (sector,week,prev_week,mean_prev4,\n"
      "same_week_last_year,ytd,ytd_last_year,z,flag,pct_change; one row per sector, then\n"
      "'(all)'), .pdf (one A4 landscape page) or .png (the same page at --dpi, default 150).\n"
      "--week defaults to the last complete ISO week in the data (its Sunday covered).\n"
      "Partner-safe by default (see README, Partner-safe outputs): counts 1..4 and the values\n"
      "they could be recovered from are written as \"<5\", z/flag/pct_change hidden with them,\n"
      "the map drawn without points, bandwidth >= 500 m and a density floor, and a footer (the\n"
      "CSV's first line) states the protection. A partner brief that would hide most of the\n"
      "week coarsens to the finest level whose published unit counts hold at least 60 % of the\n"
      "period's incidents: 1 -> 4 -> 13 ISO weeks ending with the week, per sector, then the\n"
      "same per group of sectors (--group-by; the title and the CSV notice state the level).\n"
      "--internal (command staff) is the weekly sector brief with everything shown, and\n"
      "stamped \"USO INTERNO / INTERNAL USE\" on the page and the CSV's first line.\n"
      "With no --sectors/--incidents, uses the demo city (datos sintéticos) and its programs.";
  for (const OptionSpec& o : data_options()) spec.options.push_back(o);
  for (const OptionSpec& o : filter_options())
    if (o.name == "where") spec.options.push_back(o);
  spec.options.push_back(
      {"programs", "SOURCE",
       "programs: GeoPackage with program_sectors, or CSV program,sector,start[,end]"});
  spec.options.push_back({"week", "YYYY-Www", "ISO week, e.g. 2024-W07 (default: last complete)"});
  spec.options.push_back(
      {"group-by", "FIELD|none",
       "sector field grouping sectors for the partner brief's coarser level (default: an "
       "alcaldia, municipio or distrito field when present; none: time coarsening only)"});
  spec.options.push_back(lang_option("the page, and of the CSV notice (default: both)"));
  spec.options.push_back(
      {"sort", "COLUMN[:asc]", "CSV row order by a column (default: sector order of the source)"});
  spec.options.push_back({"dpi", "N", "PNG resolution (default 150)"});
  spec.options.push_back(
      {"internal", "", "internal use: no suppression, stamped USO INTERNO / INTERNAL USE"});
  spec.options.push_back(
      {"ledger", "FILE", "ledger of partner outputs (default in the Faro cache folder)"});
  spec.options.push_back({"o", "FILE", "output .csv, .pdf or .png (written atomically; required)"});
  return spec;
}

enum class Format { csv, pdf, png };

Format format_of(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".csv") return Format::csv;
  if (ext == ".pdf") return Format::pdf;
  if (ext == ".png") return Format::png;
  throw UsageError("faro brief: -o must end in .csv, .pdf or .png, got '" + path + "'");
}

// Today's local date, or the date of SOURCE_DATE_EPOCH (reproducible builds convention) when set.
std::string generation_date() {
  std::time_t now = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) now = std::strtoll(e, nullptr, 10);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

double parse_dpi(const ParsedArgs& args) {
  const std::string v = args.get_or("dpi", "150");
  try {
    size_t used = 0;
    const double d = std::stod(v, &used);
    if (used == v.size() && d >= 36 && d <= 600) return d;
  } catch (const std::exception&) {
  }
  throw UsageError("--dpi must be a number between 36 and 600, got '" + v + "'");
}

// The grouping of sectors for the partner brief's spatial coarsening: --group-by FIELD (a sector
// attribute, case-insensitive), "none", or the default alcaldía-like field.
std::optional<BriefUnits> sector_groups(const ParsedArgs& args, const LoadedData& data) {
  const SectorSet& sectors = data.sectors;
  if (const auto field = args.get("group-by")) {
    if (*field == "none") return std::nullopt;
    for (size_t a = 0; a < sectors.attribute_names.size(); ++a) {
      std::string name = sectors.attribute_names[a], want = *field;
      for (std::string* t : {&name, &want})
        for (char& c : *t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == want) return group_units(sectors, a);
    }
    std::string known;
    for (const std::string& n : sectors.attribute_names) known += (known.empty() ? "" : ", ") + n;
    throw DataError(fs::path(data.sectors_source).filename().string() + ": --group-by: no field '" +
                    *field + "' (fields: " + (known.empty() ? "none" : known) + ")");
  }
  if (const auto a = default_group_attribute(sectors)) return group_units(sectors, *a);
  return std::nullopt;
}

std::string level_name(const LevelCoverage& c, const std::string& group_field) {
  return std::to_string(c.level.span_weeks) + "w/" + (c.level.grouped ? group_field : "sector");
}

WeekNearRepeat brief_near_repeat(const LoadedData& data, const WeeklyBrief& brief,
                                 std::ostream& err) {
  const IncidentStore& s = data.incidents;
  const int64_t monday = days_of(brief.week_end_exclusive) - 7;
  NearRepeatParams params;
  params.radius_m = 100;
  params.days = 7;
  bool from_data = false;
  std::vector<double> x, y;
  std::vector<int64_t> t;
  for (size_t i = 0; i < s.size(); ++i) {
    const int64_t d = days_of(s.t[i]);
    if (d >= monday - 730 && d < monday) x.push_back(s.x[i]), y.push_back(s.y[i]), t.push_back(s.t[i]);
  }
  if (x.size() >= 20) {
    KnoxOptions o;
    o.permutations = 199;  // enough for p = 0.005; the brief is made weekly
    if (const auto p = suggest_near_repeat(knox_test(x, y, t, o), o)) params = *p, from_data = true;
  }
  const SectorIndex index(data.sectors);
  WeekNearRepeat w = week_near_repeat(
      s.x, s.y, s.t, s.sector, data.sectors.extent(),
      [&](double px, double py) { return index.locate(px, py) != kNoSector; }, monday, params);
  w.params_from_data = from_data;
  err << "near-repeat: " << params.radius_m << " m, " << params.days << " days ("
      << (from_data ? "Knox test, previous 2 years" : "defaults") << "): " << w.hits << " of "
      << w.incidents << " incidents in zones covering " << 100 * w.area_share << " % of the area; "
      << w.zones_at_end << " zones active at the end\n";
  return w;
}

}  // namespace

int cmd_brief(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = brief_spec();
  const ParsedArgs args = parse_args(spec, args_in);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  // Every usage error before any loading.
  const auto output = args.get("o");
  if (!output) throw UsageError("faro brief: -o FILE (.csv, .pdf or .png) is required");
  const Format format = format_of(*output);
  std::optional<IsoWeek> week;
  if (auto w = args.get("week")) {
    week = parse_iso_week(*w);
    if (!week) throw UsageError("--week must be an ISO week such as 2024-W07, got '" + *w + "'");
  }
  const std::optional<Language> chosen = chosen_language(args, "brief");
  const Language lang = chosen.value_or(language_from_environment());
  std::optional<BriefColumn> sort;
  bool ascending = false;
  if (auto s = args.get("sort")) {
    std::string name = *s;
    if (name.size() > 4 && name.substr(name.size() - 4) == ":asc") {
      ascending = true;
      name.resize(name.size() - 4);
    }
    sort = parse_brief_column(name);
    if (!sort) throw UsageError("--sort: unknown column '" + name + "'");
  }
  const double dpi = parse_dpi(args);

  const bool partner = !args.has("internal");
  if (partner) check_partner_request(args, BinKind::week, chosen);

  LoadedData data = load_data(args, err);
  if (data.sectors.size() == 0) throw DataError(data.sectors_source + ": no sectors loaded");
  if (!week) {
    week = last_complete_week(data.incidents);
    if (!week) throw DataError(data.incidents_source + ": no incidents, so no week to brief");
    err << "faro brief: week " << format_iso_week(*week) << " (last complete week in the data)\n";
  }
  DisclosurePolicy policy;
  policy.partner_safe = !args.has("internal");
  const std::optional<BriefUnits> groups = sector_groups(args, data);
  // Partner briefs are audited against every earlier partner output and recorded (issue 14, D6),
  // under the ledger's lock, recorded before the brief is written; the level is chosen by what is
  // published after that audit.
  std::unique_ptr<io::LedgerLock> lock;
  std::unique_ptr<AuditData> audit;
  DisclosureLedger ledger;
  std::string lpath;
  LedgerProtectionStats stats;
  BriefProtect protect;
  if (partner) {
    lpath = ledger_path(args);
    lock = std::make_unique<io::LedgerLock>(lpath);
    ledger = io::load_disclosure_ledger(lpath);
    audit = std::make_unique<AuditData>(args, data, err);
    protect = [&](const WeeklyBrief& b) {
      return protect_brief_with_ledger(b, policy, data.sectors, data.offence_filter, ledger,
                                       audit->view(), &stats);
    };
  }
  const auto t0 = std::chrono::steady_clock::now();
  LevelledBrief levelled = compute_levelled_brief(data.incidents, data.sectors,
                                                  groups ? &*groups : nullptr, data.filter, *week,
                                                  policy, kBriefMinPublishedShare, protect);
  WeeklyBrief& brief = levelled.brief;
  BriefProtection& protection = levelled.protection;
  if (partner) {
    if (stats.hidden_for_ledger)
      err << "partner-safe: " << stats.hidden_for_ledger
          << " more counts hidden so earlier partner outputs cannot be subtracted from this brief\n";
    if (format != Format::csv) {  // the page carries a map of the period
      const LedgerMap map{data.offence_filter, days_of(brief.week_start),
                          days_of(brief.week_end_exclusive)};
      if (const auto conflict = map_conflict(ledger, map, audit->view(), policy.k))
        throw DataError(map_conflict_text(*conflict, policy.k, chosen.value_or(Language::en)));
      ledger.maps.push_back(map);
    }
    record_brief(brief, protection, data.sectors, data.offence_filter, ledger);
    io::save_disclosure_ledger(lpath, ledger);
  }
  err << "faro brief: " << data.incidents.size() << " incidents briefed in "
      << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count()
      << " ms\n";
  if (const auto tmax = data.incidents.max_time(); !tmax || *tmax < brief.week_start)
    err << "faro brief: warning: " << format_iso_week(*week)
        << " is after the last incident in the data; its counts are all zero\n";
  else if (const auto tmin = data.incidents.min_time(); tmin && *tmin >= brief.week_end_exclusive)
    err << "faro brief: warning: " << format_iso_week(*week)
        << " is before the first incident in the data; its counts are all zero\n";
  if (sort) sort_brief_rows(brief.rows, *sort, !ascending);

  int up = 0, down = 0, fresh = 0;
  for (const BriefRow& r : brief.rows) {
    up += r.flag == BriefFlag::up;
    down += r.flag == BriefFlag::down;
    fresh += r.flag == BriefFlag::new_;
  }
  if (brief.grouped()) policy.unit = DisclosureUnit::sector_group;  // the footer's unit
  protection.csv_notice = file_notice(policy, chosen);
  if (protection.partner_safe) {
    // The level, stated where the partner reads it: the CSV's notice line (and the page title),
    // "<protection> · nivel: <level>", both languages ("es / en") when no --lang was given.
    const auto notice = [&](Language l) {
      return protection_footer(policy, l, false) + " · " +
             tr_format(l, Msg::brief_level_notice, brief_level_text(brief, l).c_str());
    };
    protection.csv_notice =
        chosen ? notice(*chosen) : notice(Language::es) + " / " + notice(Language::en);
    err << "partner-safe: " << protection.hidden_values << " counts hidden (marker \""
        << protection.marker << "\"); " << protection_footer(policy, Language::en) << "\n";
    err << "level: " << brief_level_text(brief, Language::en) << "; published in unit rows:";
    const std::string field = groups ? groups->group_field : "";
    for (size_t i = 0; i < levelled.tried.size(); ++i) {
      char pct[32];
      std::snprintf(pct, sizeof pct, " %.0f %%", 100 * levelled.tried[i].share());
      err << (i ? "," : "") << " " << level_name(levelled.tried[i], field) << pct
          << (i == levelled.chosen ? " (chosen)" : "");
    }
    err << " (needs " << static_cast<int>(kBriefMinPublishedShare * 100) << " %)\n";
  } else {
    err << "stamp: " << internal_use_stamp() << "\n";
  }
  if (format == Format::csv) {
    io::write_file_atomically(*output, weekly_brief_csv(brief, protection));
  } else {
    std::vector<Program> programs;
    const std::string programs_source =
        args.get_or("programs", data.synthetic ? data.sectors_source : "");
    if (!programs_source.empty()) {
      io::ProgramLoadResult pl = io::load_programs_for_sectors(programs_source, data.sectors);
      err << pl.report.to_text();
      programs = std::move(pl.programs);
    }
    const IncidentStore week_store = week_incidents(data.incidents, data.filter, brief);
    render::BriefPageInput in;
    in.brief = &brief;
    in.sectors = &data.sectors;
    in.week_incidents = &week_store;
    in.programs = &programs;
    in.language = lang;
    // Sources by file name, never by path (a partner learns nothing of the analyst's disk), and
    // a connection string with its password redacted.
    const std::string incidents_name =
        fs::path(io::redact_source(data.incidents_source)).filename().string();
    in.data_title = data.synthetic ? tr(Msg::map_demo_city, lang) : incidents_name;
    in.source_line = data.synthetic ? std::string(tr(Msg::map_source_synthetic, lang))
                                    : tr(Msg::map_source_prefix, lang) + incidents_name + " · Faro";
    in.filter_text = args.get_or("where", "");
    in.generated = generation_date();
    in.synthetic = data.synthetic;
    in.protection = &protection;
    in.policy = policy;
    // Internal briefs: the week's near-repeat section (parameters from a Knox test over the two
    // years before the week when it finds a significant pattern, else 100 m and 7 days).
    std::optional<WeekNearRepeat> near_repeat;
    if (!protection.partner_safe) {
      near_repeat = brief_near_repeat(data, brief, err);
      in.near_repeat = &*near_repeat;
    }
    const render::BriefPageResult r = format == Format::pdf
                                          ? render::write_brief_pdf(in, *output)
                                          : render::write_brief_png(in, *output, dpi);
    if (!r.map_rendered)
      err << "faro brief: warning: no headless OpenGL; the map shows sector outlines only\n";
    else
      err << "renderer: " << r.renderer << "\n";
  }
  out << "wrote " << *output << " (" << format_iso_week(*week) << ", "
      << brief_level_text(brief, Language::en) << "): " << brief.rows.size()
      << " units, whole area " << brief.all.week << " incidents (previous 4 weeks mean "
      << brief.all.mean_prev4 << "); flags: " << up << " up, " << fresh << " new, " << down
      << " down\n";
  return kExitOk;
}

}  // namespace faro::cli
