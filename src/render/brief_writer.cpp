#include "render/brief_writer.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <ostream>

#include "core/brief_disclosure.hpp"
#include "core/brief_ledger.hpp"
#include "core/disclosure.hpp"
#include "core/errors.hpp"
#include "core/program_goals.hpp"
#include "core/knox.hpp"
#include "core/messages.hpp"
#include "core/near_repeat.hpp"
#include "core/partner_query.hpp"
#include "core/polygon_index.hpp"
#include "core/weekly_brief_flags.hpp"
#include "io/atomic_file.hpp"
#include "io/disclosure_ledger.hpp"
#include "render/brief_page.hpp"

namespace faro::render {
namespace {

std::string level_name(const LevelCoverage& c, const std::string& group_field) {
  return std::to_string(c.level.span_weeks) + "w/" + (c.level.grouped ? group_field : "sector");
}

// Whether `column` of `row` is printed as the marker (a partner brief).
bool column_hidden(const BriefRowMask& m, BriefColumn column) {
  switch (column) {
    case BriefColumn::sector:
      return false;
    case BriefColumn::week:
      return m.week;
    case BriefColumn::prev_week:
      return m.prev_week;
    case BriefColumn::mean_prev4:
      return m.mean_prev4;
    case BriefColumn::same_week_last_year:
      return m.same_week_last_year;
    case BriefColumn::ytd:
      return m.ytd;
    case BriefColumn::ytd_last_year:
      return m.ytd_last_year;
    case BriefColumn::z:
    case BriefColumn::flag:
    case BriefColumn::pct_change:
      return m.derived;
  }
  return false;
}

// The rows in the order asked for. A partner brief never orders by a value it hides (the order
// would reveal it, e.g. which "<5" is larger): rows whose sort value is hidden go last, by name.
void order_rows(WeeklyBrief& brief, const BriefProtection& protection,
                std::optional<BriefColumn> sort, bool ascending) {
  const auto hidden = [&](const BriefRow& r, BriefColumn c) {
    return protection.partner_safe && column_hidden(protection.mask(r), c);
  };
  if (!sort) {
    order_brief_rows_by_change(brief.rows,
                               [&](const BriefRow& r) { return hidden(r, BriefColumn::flag); });
    return;
  }
  sort_brief_rows(brief.rows, *sort, !ascending);
  std::vector<BriefRow> shown, last;
  for (BriefRow& r : brief.rows) (hidden(r, *sort) ? last : shown).push_back(std::move(r));
  std::stable_sort(last.begin(), last.end(),
                   [](const BriefRow& a, const BriefRow& b) { return a.sector < b.sector; });
  brief.rows = std::move(shown);
  for (BriefRow& r : last) brief.rows.push_back(std::move(r));
}

// The week's near-repeat zones for an internal brief: parameters from a Knox test over the two
// years before the week when it finds a significant pattern, else 100 m and 7 days.
WeekNearRepeat brief_near_repeat(const BriefWriteInput& in, const WeeklyBrief& brief,
                                 std::ostream& log) {
  const IncidentStore& s = *in.incidents;
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
  const SectorIndex index(*in.sectors);
  WeekNearRepeat w = week_near_repeat(
      s.x, s.y, s.t, s.sector, in.sectors->extent(),
      [&](double px, double py) { return index.locate(px, py) != kNoSector; }, monday, params);
  w.params_from_data = from_data;
  log << "near-repeat: " << params.radius_m << " m, " << params.days << " days ("
      << (from_data ? "Knox test, previous 2 years" : "defaults") << "): " << w.hits << " of "
      << w.incidents << " incidents in zones covering " << 100 * w.area_share << " % of the area; "
      << w.zones_at_end << " zones active at the end\n";
  return w;
}

}  // namespace

std::string brief_generation_date() {
  std::time_t now = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) now = std::strtoll(e, nullptr, 10);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::optional<BriefFormat> brief_format_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".csv") return BriefFormat::csv;
  if (ext == ".pdf") return BriefFormat::pdf;
  if (ext == ".png") return BriefFormat::png;
  return std::nullopt;
}

BriefWriteResult write_weekly_brief(const BriefWriteInput& in, std::ostream& log) {
  if (!in.sectors || !in.incidents) throw UsageError("write_weekly_brief: no data");
  const auto format = brief_format_of(in.output);
  if (!format) throw UsageError("the brief must end in .csv, .pdf or .png, got '" + in.output + "'");
  if (in.partner && !in.audit_incidents)
    throw UsageError("write_weekly_brief: a partner brief needs the incidents for its audit");
  const auto progress = [&](double f) {
    if (in.progress) in.progress(f);
  };
  const Language words = in.chosen_language.value_or(Language::en);  // errors, as the CLI's
  std::optional<IsoWeek> week = in.week;
  if (!week) {
    week = in.counts ? last_complete_week(*in.counts) : last_complete_week(*in.incidents);
    if (!week) throw DataError(tr(Msg::brief_export_no_week, words));
    log << "faro brief: week " << format_iso_week(*week) << " (last complete week in the data)\n";
  } else {
    // Before the ledger is touched: a week with no data records nothing.
    if (in.counts)
      check_week_in_data(*in.counts, *week, words);
    else
      check_week_in_data(*in.incidents, *week, words);
  }
  DisclosurePolicy policy;
  policy.partner_safe = in.partner;
  const BriefUnits* groups = in.groups ? &*in.groups : nullptr;
  // Partner briefs are audited against every earlier partner output and recorded (issue 14, D6),
  // under the ledger's lock, recorded before the brief is written; the level is chosen by what is
  // published after that audit.
  std::unique_ptr<io::LedgerLock> lock;
  AuditIncidents audit;
  DisclosureLedger ledger;
  const std::string lpath = in.ledger_path.empty() ? io::default_ledger_path() : in.ledger_path;
  LedgerProtectionStats stats;
  BriefProtect protect;
  if (in.partner) {
    lock = std::make_unique<io::LedgerLock>(lpath);
    ledger = io::load_disclosure_ledger(lpath);
    audit = in.audit_incidents();
    protect = [&](const WeeklyBrief& b) {
      return protect_brief_with_ledger(b, policy, *in.sectors, in.offence_filter, ledger, audit,
                                       &stats);
    };
  }
  progress(0.1);
  const auto t0 = std::chrono::steady_clock::now();
  LevelledBrief levelled =
      in.counts ? compute_levelled_brief(*in.counts, *in.sectors, groups, *week, policy,
                                         kBriefMinPublishedShare, protect)
                : compute_levelled_brief(*in.incidents, *in.sectors, groups, in.filter, *week,
                                         policy, kBriefMinPublishedShare, protect);
  WeeklyBrief& brief = levelled.brief;
  BriefProtection& protection = levelled.protection;
  if (in.partner) {
    if (stats.hidden_for_ledger)
      log << "partner-safe: " << stats.hidden_for_ledger
          << " more counts hidden so earlier partner outputs cannot be subtracted from this brief\n";
    if (*format != BriefFormat::csv) {  // the page carries a map of the period
      const LedgerMap map{in.offence_filter, days_of(brief.week_start),
                          days_of(brief.week_end_exclusive)};
      if (const auto conflict = map_conflict(ledger, map, audit, policy.k))
        throw DataError(map_conflict_text(*conflict, policy.k, words));
      ledger.maps.push_back(map);
    }
    record_brief(brief, protection, *in.sectors, in.offence_filter, ledger);
    io::save_disclosure_ledger(lpath, ledger);
    lock.reset();
  }
  progress(0.4);
  const double brief_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (in.counts)
    log << "faro brief: table counted by the data source, briefed in " << brief_ms << " ms\n";
  else
    log << "faro brief: " << in.incidents->size() << " incidents briefed in " << brief_ms
        << " ms\n";
  // How the flags were made (seasonal factor or why none; the multiplicity control), for the
  // person running it: the page's footer says the same.
  log << "faro brief: " << brief_baseline_text(brief, Language::en) << " "
      << brief_flags_text(brief, Language::en, false) << "\n";
  order_rows(brief, protection, in.sort, in.ascending);

  BriefWriteResult result;
  result.week = *week;
  result.level_text = brief_level_text(brief, Language::en);
  result.units = brief.rows.size();
  result.all_week = brief.all.week;
  result.all_mean_prev4 = brief.all.mean_prev4;
  for (const BriefRow& r : brief.rows) {
    result.up += r.flag == BriefFlag::up;
    result.down += r.flag == BriefFlag::down;
    result.fresh += r.flag == BriefFlag::new_;
  }
  if (brief.grouped()) policy.unit = DisclosureUnit::sector_group;  // the footer's unit
  const std::optional<Language>& chosen = in.chosen_language;
  protection.csv_notice = chosen ? protection_footer(policy, *chosen, false)
                                 : protection_footer_both(policy, false);
  if (protection.partner_safe) {
    // The level, stated where the partner reads it: the CSV's notice line (and the page title),
    // "<protection> · nivel: <level>", both languages ("es / en") when no language was chosen.
    const auto notice = [&](Language l) {
      return protection_footer(policy, l, false) + " · " +
             tr_format(l, Msg::brief_level_notice, brief_level_text(brief, l).c_str());
    };
    protection.csv_notice =
        chosen ? notice(*chosen) : notice(Language::es) + " / " + notice(Language::en);
    log << "partner-safe: " << protection.hidden_values << " counts hidden (marker \""
        << protection.marker << "\"); " << protection_footer(policy, Language::en) << "\n";
    log << "level: " << result.level_text << "; published in unit rows:";
    const std::string field = groups ? groups->group_field : "";
    for (size_t i = 0; i < levelled.tried.size(); ++i) {
      char pct[32];
      std::snprintf(pct, sizeof pct, " %.0f %%", 100 * levelled.tried[i].share());
      log << (i ? "," : "") << " " << level_name(levelled.tried[i], field) << pct
          << (i == levelled.chosen ? " (chosen)" : "");
    }
    log << " (needs " << static_cast<int>(kBriefMinPublishedShare * 100) << " %)\n";
  } else {
    log << "stamp: " << internal_use_stamp() << "\n";
  }
  if (*format == BriefFormat::csv) {
    io::write_file_atomically(in.output, weekly_brief_csv(brief, protection));
    progress(1);
    return result;
  }
  static const std::vector<Program> kNoPrograms;
  const IncidentStore week_store = week_incidents(*in.incidents, in.filter, brief);
  BriefPageInput page;
  page.brief = &brief;
  page.sectors = in.sectors;
  page.week_incidents = &week_store;
  page.programs = in.programs ? in.programs : &kNoPrograms;
  page.language = in.language;
  page.data_title = in.data_title;
  page.source_line = in.source_line;
  page.filter_text = in.filter_text;
  page.generated = in.generated;
  page.synthetic = in.synthetic;
  page.protection = &protection;
  page.policy = policy;
  // Goals as of the end of the brief's period, with the brief's protection policy. A goal that
  // cannot be read against these incidents (its filter names another column) is reported in the
  // log and the page goes out without goal lines rather than failing the Monday brief.
  std::vector<GoalResult> goals;
  if (in.programs && std::any_of(in.programs->begin(), in.programs->end(),
                                 [](const Program& p) { return !p.goals.empty(); })) {
    try {
      goals = compute_program_goals(*in.incidents, *in.sectors, *in.programs,
                                    brief.week_end_exclusive, policy);
      page.goals = &goals;
    } catch (const DataError& e) {
      log << "faro brief: warning: goals left out: " << e.what() << "\n";
    }
  }
  std::optional<WeekNearRepeat> near_repeat;
  if (!protection.partner_safe) {
    near_repeat = brief_near_repeat(in, brief, log);
    page.near_repeat = &*near_repeat;
  }
  progress(0.6);
  const BriefPageResult r = *format == BriefFormat::pdf ? write_brief_pdf(page, in.output)
                                                        : write_brief_png(page, in.output, in.dpi);
  result.map_rendered = r.map_rendered;
  result.renderer = r.renderer;
  if (!r.map_rendered)
    log << "faro brief: warning: no headless OpenGL; the map shows sector outlines only\n";
  else
    log << "renderer: " << r.renderer << "\n";
  progress(1);
  return result;
}

}  // namespace faro::render
