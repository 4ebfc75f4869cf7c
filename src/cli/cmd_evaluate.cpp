// faro evaluate: did incidents fall where and when a program started, more than elsewhere?
// Before/after with difference in differences, interrupted time series and event study
// (core/program_evaluation.hpp), as a JSON report, a PDF report (render/evaluation_report.hpp,
// partner-safe unless --internal) and a plain summary.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/pg_aggregates.hpp"
#include "cli/pg_data.hpp"
#include "io/pg_source.hpp"
#include "cli/lang_args.hpp"
#include "cli/program_args.hpp"
#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "core/evaluation_checks_text.hpp"
#include "core/evaluation_text.hpp"
#include "core/program_evaluation.hpp"
#include "io/atomic_file.hpp"
#include "io/evaluation_report.hpp"
#include "io/gdal_env.hpp"
#include "io/program_json_loader.hpp"
#include "io/program_polygon_loader.hpp"
#include "render/brief_writer.hpp"
#include "render/evaluation_report.hpp"

namespace faro::cli {
namespace {

CommandSpec evaluate_spec() {
  CommandSpec spec{
      "evaluate",
      "--sectors S --incidents I --programs P [--program NAME] [--where SQL] [--from D --to D] "
      "[--window 52w] [--by week|month] [--comparison A,B,...] [--buffer METRES] [--seed N] "
      "[-o report.json|report.pdf] [--internal]",
      "Evaluates a program: incidents in equal windows before and after each treated sector's own\n"
      "rollout, against comparison sectors (all sectors in no program except those touching a\n"
      "treated one, see --buffer; or exactly --comparison), as a\n"
      "difference-in-differences rate ratio (T_after/T_before)/(C_after/C_before) with a Poisson\n"
      "95 % CI; an interrupted time series (segmented Poisson regression with seasonality) on the\n"
      "treated sectors' weekly or monthly counts: level and slope change at rollout; and an event\n"
      "study with intervals and a pre-trend test. Then the reviewer's checks: synthetic control\n"
      "(placebo p), randomization inference, placebo in time, the neighbour ring (displacement),\n"
      "comparative ITS and windows of 26/52/78 weeks; and a verdict from a stated rule\n"
      "(consistent only when the DiD robust CI excludes 1, randomization p < 0.05, the synthetic\n"
      "control agrees with placebo p <= 0.10 and the pre-trend test gives p > 0.10). Estimates\n"
      "that the counts cannot support are reported with the reason instead of a number.\n"
      "With no sources, uses the demo\n"
      "city and its built-in programs (true effect: rate ratio 0.70).\n"
      "-o report.pdf writes the evaluation report (A4, 2 to 4 pages: a summary for command\n"
      "staff with the verdict, a map and the timeline, then the estimates for analysts),\n"
      "partner-safe by default (counts of 1 to 4 suppressed); --internal shows everything and\n"
      "stamps every page USO INTERNO / INTERNAL USE.\n"
      "With --incidents PG:... (tables from `faro publish`), the daily sector counts are made in\n"
      "the database and no incident row is fetched (rows are read only when they carry weights)."};
  for (auto& o : data_options()) spec.options.push_back(o);
  for (auto& o : filter_options()) spec.options.push_back(o);
  spec.options.push_back({"programs", "SOURCE",
                          "programs: CSV program,sector,start[,end], GeoPackage program_sectors "
                          "layer, or JSON {\"programs\":[{\"name\",\"sectors\":[...]}]}"});
  spec.options.push_back(
      {"program", "NAME", "program to evaluate (repeatable; default: all programs pooled)", true});
  spec.options.push_back({"window", "N[w]", "weeks before and after rollout (default 52w)"});
  spec.options.push_back({"by", "week|month", "time-series periods (default week)"});
  spec.options.push_back(
      {"comparison", "A,B,...", "comparison sectors (default: all in no program)"});
  spec.options.push_back({"buffer", "METRES",
                          "spillover ring: comparison sectors within METRES of a treated sector "
                          "(default 0: touching) leave the comparison group and are estimated "
                          "against the far ones (not with --comparison); none: keep them"});
  spec.options.push_back(
      {"seed", "N", "seed of the randomization-inference draws (default 20190101)"});
  spec.options.push_back({"o", "FILE",
                          "write the report to FILE (atomically): .json the JSON report, .pdf the "
                          "PDF report"});
  spec.options.push_back({"internal", "",
                          "PDF report for internal use: no suppression, every page stamped USO "
                          "INTERNO / INTERNAL USE"});
  spec.options.push_back(lang_option("the summary's sentences and reasons (the JSON has both)"));
  return spec;
}

int parse_window_weeks(const std::string& text) {
  std::string digits = text;
  if (!digits.empty() && (digits.back() == 'w' || digits.back() == 'W')) digits.pop_back();
  size_t used = 0;
  int weeks = 0;
  try {
    weeks = std::stoi(digits, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (digits.empty() || used != digits.size() || weeks < 4 || weeks > 520)
    throw UsageError("--window must be a number of weeks from 4 to 520, e.g. 52w; got '" + text +
                     "'");
  return weeks;
}

double parse_metres(const std::string& text) {
  if (text == "none") return -1;
  size_t used = 0;
  double m = -1;
  try {
    m = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (text.empty() || used != text.size() || !(m >= 0) || m > 100000)
    throw UsageError("--buffer must be a distance in metres from 0 to 100000, or none; got '" +
                     text + "'");
  return m;
}

uint64_t parse_seed(const std::string& text) {
  size_t used = 0;
  unsigned long long v = 0;
  try {
    v = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (text.empty() || used != text.size() || text[0] == '-')
    throw UsageError("--seed must be a non-negative whole number; got '" + text + "'");
  return v;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::string fixed(double v, int digits = 2) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

// The offences filter as the PDF report states it: --offence values, then the --where SQL.
std::string offences_text(const ParsedArgs& args) {
  std::string text;
  for (const std::string& o : args.all("offence")) text += (text.empty() ? "" : ", ") + o;
  if (auto where = args.get("where"))
    text += (text.empty() ? "" : "; ") + std::string("--where ") + *where;
  return text;
}

void write_pdf_report(const std::string& path, const ProgramEvaluation& ev, const LoadedData& data,
                      const std::vector<Program>& programs, const std::string& programs_source,
                      const ParsedArgs& args, Language lang, std::ostream& err) {
  render::EvaluationReportInput in;
  in.evaluation = &ev;
  in.sectors = &data.sectors;
  in.programs = &programs;
  in.language = lang;
  in.internal = args.has("internal");
  in.offences = offences_text(args);
  if (data.synthetic) {
    in.sources = {tr(Msg::map_source_synthetic, lang)};
  } else {
    for (const std::string& s : {data.sectors_source, data.incidents_source, programs_source}) {
      const std::string name = render::report_source_name(s);
      if (!name.empty() &&
          std::find(in.sources.begin(), in.sources.end(), name) == in.sources.end())
        in.sources.push_back(name);
    }
  }
  in.generated = render::brief_generation_date();
  in.synthetic = data.synthetic;
  if (data.synthetic) in.true_effect = DemoOptions{}.program_effect;
  const render::EvaluationReportResult r = render::write_evaluation_report_pdf(in, path);
  err << "wrote " << path << " (" << r.pages << " pages, "
      << (in.internal ? std::string("internal: ") + internal_use_stamp()
                      : "partner-safe: " + std::to_string(r.hidden_counts) + " counts hidden")
      << ")\n";
  if (!r.map_rendered)
    err << "faro evaluate: warning: no headless OpenGL; the map shows sector outlines only\n";
}

std::string sector_list(const std::vector<size_t>& idx, const SectorSet& set, size_t max = 8) {
  std::string s;
  for (size_t k = 0; k < idx.size() && k < max; ++k)
    s += (k ? ", " : "") + set.sectors[idx[k]].name;
  if (idx.size() > max) s += ", ... (" + std::to_string(idx.size()) + " in all)";
  return s;
}

std::string interval(const RateRatio& r) {
  return fixed(r.rate_ratio) + " (95 % CI " + fixed(r.ci_low) + " to " + fixed(r.ci_high) + ")";
}

// The reviewer's checks and the verdict, in the reader's language.
void print_checks(std::ostream& out, const ProgramEvaluation& ev, const SectorSet& set,
                  Language lang) {
  out << evaluation_checks_text(ev, set, lang);
}

// The numbers are laid out the same in both languages; what a person reads as words (the
// plain-words sentence, the caution, why something is missing or excluded) follows `lang`.
void print_summary(std::ostream& out, const ProgramEvaluation& ev, const LoadedData& data,
                   Language lang) {
  const SectorSet& set = data.sectors;
  out << tr(Msg::eval_program, lang) << ": " << ev.label
      << (data.synthetic ? std::string("  [") + tr(Msg::map_synthetic_stamp, lang) + "]" : "")
      << "\nData: " << format_date(ev.data_from) << " to " << format_date(ev.data_to_exclusive - 1)
      << "; windows of " << ev.window_weeks << " weeks before and after each rollout\n";
  for (const auto& [s, why] : ev.excluded)
    out << "  "
        << tr_format(lang, Msg::eval_excluded_sector, set.sectors[s].name.c_str(),
                     eval_reason_text(why, lang).c_str())
        << "\n";
  if (!ev.eligible.empty()) {
    out << "Treated (" << ev.treated.sectors.size() << "): " << sector_list(ev.treated.sectors, set)
        << "\n  before " << fixed(ev.treated.before, 0) << ", after " << fixed(ev.treated.after, 0)
        << " incidents (" << fixed(ev.treated.rate_before, 3) << " -> "
        << fixed(ev.treated.rate_after, 3) << " per sector-week)\n";
    out << "Comparison (" << ev.comparison.sectors.size() << "): before "
        << fixed(ev.comparison.before, 1) << ", after " << fixed(ev.comparison.after, 1)
        << " incidents (" << fixed(ev.comparison.rate_before, 3) << " -> "
        << fixed(ev.comparison.rate_after, 3) << " per sector-week)\n";
  }
  if (ev.did) {
    const DidResult& d = *ev.did.value;
    out << "Difference in differences: rate ratio " << interval(d.did) << " (Poisson); "
        << interval(d.did_robust) << " (dispersion " << fixed(d.dispersion) << ")\n  "
        << did_sentence(d, lang) << "\n";
    if (d.small_counts) out << "  " << did_caution(d, lang) << "\n";
  } else {
    out << tr(Msg::eval_did_missing, lang) << eval_reason_text(ev.did.why, lang) << "\n";
  }
  if (ev.its) {
    const ItsResult& r = *ev.its.value;
    out << "Interrupted time series (" << (ev.by == EvalBin::week ? "weekly" : "monthly") << ", "
        << r.sectors.size() << " sectors x " << r.bins_before + r.bins_after
        << " periods, dispersion " << fixed(r.dispersion)
        << (r.seasonality ? "" : ", no seasonal terms: window under 52 weeks")
        << "):\n  level change " << interval(r.level_change.ratio) << "\n  slope change per year "
        << interval(r.slope_change.ratio) << "\n  pre-trend per year " << interval(r.trend.ratio)
        << "\n";
  } else {
    out << tr(Msg::eval_its_missing, lang) << eval_reason_text(ev.its.why, lang) << "\n";
  }
  print_checks(out, ev, set, lang);
}

}  // namespace

int cmd_evaluate(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = evaluate_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  const Language lang = language_from_args(args, "evaluate");
  const int window = parse_window_weeks(args.get_or("window", "52w"));
  const std::string by = args.get_or("by", "week");
  if (by != "week" && by != "month") throw UsageError("--by must be week or month");
  const auto out_path = args.get("o");
  if (args.has("internal") && !(out_path && render::is_pdf_path(*out_path)))
    throw UsageError("faro evaluate: --internal applies to the PDF report (-o report.pdf)");
  if (args.has("sectors") && !args.has("programs"))
    throw UsageError("faro evaluate: --programs is required with --sectors/--incidents");

  // A PostGIS source counts the sector x day table in the database (no rows pulled), unless the
  // table has weights: the evaluation then sums weights, which the server's counts do not.
  std::optional<PgAggregates> pg;
  io::PgTimeRange range;
  LoadedData loaded;
  if (pg_counts_in_database(args)) {
    pg = open_pg_aggregates(args, err);
    range = io::pg_time_range(*pg->db, pg->tables, pg->filter);
    if (range.weighted_rows > 0) {
      err << pg->data.incidents_source << ": weighted incidents; the rows are pulled so the "
          << "evaluation sums their weights\n";
      pg.reset();
    } else {
      err << pg->data.incidents_source << ": the evaluation's daily counts are made in the "
          << "database (" << range.rows << " incidents)\n";
    }
  }
  if (!pg) loaded = load_data(args, err);
  LoadedData& data = pg ? pg->data : loaded;
  const std::string programs_source = args.get_or("programs", data.sectors_source);
  io::ProgramLoadResult pl;
  if (wants_pg_source(args) && !args.has("programs")) {
    pl.programs = load_pg_programs_for(args);  // <table>_programs, written by `faro publish`
  } else {
    pl = load_programs_checked(programs_source, data.sectors, err);
  }

  EvaluationRequest req;
  try {
    req = make_evaluation_request(data.sectors, pl.programs, args.all("program"),
                                  split_commas(args.get_or("comparison", "")));
  } catch (const DataError& e) {  // the programs file is wrong: name it
    throw DataError(io::redact_source(programs_source) + ": " + e.what());
  }
  req.window_weeks = window;
  apply_spillover_ring(req, data.sectors, parse_metres(args.get_or("buffer", "0")));
  if (auto seed = args.get("seed")) req.seed = parse_seed(*seed);
  req.by = by == "week" ? EvalBin::week : EvalBin::month;
  // The period the data cover: --from/--to when given, else the loaded incidents' own days.
  const auto tmin = pg ? range.first : data.incidents.min_time();
  const auto tmax = pg ? range.last : data.incidents.max_time();
  if (!data.filter.from && !tmin) throw DataError(data.incidents_source + ": no incidents loaded");
  req.data_from = data.filter.from ? *data.filter.from : days_of(*tmin) * kSecondsPerDay;
  req.data_to_exclusive =
      data.filter.to_exclusive ? *data.filter.to_exclusive : (days_of(*tmax) + 1) * kSecondsPerDay;

  const ProgramEvaluation ev =
      pg ? evaluate_program(pg_day_count_source(*pg), data.sectors.size(), req)
         : evaluate_program(data.incidents, data.sectors.size(), data.filter, req);
  if (wants_pg_source(args)) report_pg_rows_fetched(data.incidents_source, err);
  print_summary(out, ev, data, lang);

  if (out_path && render::is_pdf_path(*out_path)) {
    write_pdf_report(*out_path, ev, data, pl.programs, programs_source, args, lang, err);
  } else if (auto path = out_path) {
    io::EvaluationReportContext ctx;
    ctx.sectors_source = data.sectors_source;
    ctx.incidents_source = data.incidents_source;
    ctx.programs_source = programs_source;
    ctx.where = args.get_or("where", "");
    ctx.synthetic = data.synthetic;
    if (data.synthetic) ctx.true_effect = DemoOptions{}.program_effect;
    io::write_file_atomically(*path, io::evaluation_report_json(ev, data.sectors, ctx));
    err << "wrote " << *path << "\n";
  }
  return kExitOk;
}

}  // namespace faro::cli
