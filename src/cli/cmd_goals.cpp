// faro goals: each program's goals ("metas e indicadores") against the data
// (core/program_goals.hpp), as CSV (one row per program and goal) or as a PDF with one page per
// program (render/goals_report.hpp). Partner-safe unless --internal.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/lang_args.hpp"
#include "cli/partner_rules.hpp"
#include "core/errors.hpp"
#include "core/goals_text.hpp"
#include "core/program_goals.hpp"
#include "io/atomic_file.hpp"
#include "io/program_polygon_loader.hpp"
#include "render/brief_writer.hpp"
#include "render/evaluation_report.hpp"
#include "render/goals_report.hpp"

namespace faro::cli {
namespace {

namespace fs = std::filesystem;

CommandSpec goals_spec() {
  CommandSpec spec{
      "goals",
      "--sectors S --incidents I --category-field F --programs P [-o goals.csv|goals.pdf] "
      "[--as-of DATE] [--lang es|en] [--internal]",
      "Reports each program's goals against the data: incidents in the program's sectors in the\n"
      "goal's baseline and current windows, the change, the progress towards the target and a\n"
      "status: met, on_track / off_track (an open window is projected linearly to its end date)\n"
      "or not_estimable with its reason. Goals live in the programs file: JSON programs carry a\n"
      "\"goals\" array; a CSV programs.csv takes them from programs.goals.json beside it. A goal's\n"
      "\"where\" is FIELD IN ('a','b') or FIELD = 'a' on the incidents' category column (load it\n"
      "with --category-field). Indicators: reduction_pct, count_max, rate_per_10k_max (needs the\n"
      "sectors' population field) and did_reduction_pct (the evaluation's rate ratio against the\n"
      "sectors in no program, with its 95 % interval).\n"
      "CSV columns: program,indicator,baseline,current,change_pct,target,progress_pct,status\n"
      "(status not_estimable:REASON when there is no number). -o goals.pdf: one page per program\n"
      "with the monthly timeline against the target line. Partner-safe by default: counts of 1\n"
      "to 4 and what is computed from them are printed as <5; --internal shows everything."};
  for (auto& o : data_options()) spec.options.push_back(o);
  for (auto& o : filter_options()) spec.options.push_back(o);
  spec.options.push_back({"programs", "SOURCE",
                          "programs with goals: JSON {\"programs\":[{\"name\",\"sectors\",\"goals\"}]}"
                          " or a CSV with its NAME.goals.json sidecar"});
  spec.options.push_back({"o", "FILE", "write FILE (atomically): .csv the table, .pdf the report; "
                                       "default: the CSV on stdout"});
  spec.options.push_back(
      {"as-of", "DATE", "count up to and including DATE (default: the last incident's day)"});
  spec.options.push_back(
      {"internal", "", "internal use: nothing hidden, stamped USO INTERNO / INTERNAL USE"});
  spec.options.push_back(lang_option("the PDF's words and the summary"));
  return spec;
}

std::string number_cell(const std::optional<double>& v, int digits, bool hidden_source,
                        const std::string& marker) {
  if (v) return goal_number(*v, digits);
  return hidden_source ? marker : "";
}

std::string goals_csv(const std::vector<GoalResult>& results, const DisclosurePolicy& policy,
                      std::optional<Language> chosen) {
  std::ostringstream csv;
  csv << "# "
      << (policy.partner_safe ? file_notice(policy, chosen) : std::string(internal_use_stamp()))
      << "\n";
  csv << "program,indicator,baseline,current,change_pct,target,progress_pct,status\n";
  const std::string marker = "<" + std::to_string(policy.k);
  for (const GoalResult& r : results) {
    const bool hidden = r.reason == GoalReason::hidden_small_count;
    const bool rate = r.goal.indicator == GoalIndicator::rate_per_10k_max;
    std::string status = goal_status_id(r.status);
    if (r.status == GoalStatus::not_estimable) status += std::string(":") + goal_reason_id(r.reason);
    csv << csv_field(r.program) << ',' << goal_indicator_id(r.goal.indicator) << ','
        << number_cell(r.baseline, rate ? 2 : 0, hidden && r.goal.baseline, marker) << ','
        << number_cell(r.current, rate ? 2 : 0, hidden, marker) << ','
        << number_cell(r.change_pct, 1, hidden, marker) << ','
        << goal_number(r.goal.target, r.goal.target == static_cast<int64_t>(r.goal.target) ? 0 : 2) << ','
        << number_cell(r.progress_pct, 1, hidden, marker) << ',' << status << '\n';
  }
  return csv.str();
}

}  // namespace

int cmd_goals(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = goals_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  const Language lang = language_from_args(args, "goals");
  const std::optional<Language> chosen = chosen_language(args, "goals");
  if (args.has("sectors") && !args.has("programs"))
    throw UsageError("faro goals: --programs is required with --sectors/--incidents");
  const bool partner = !args.has("internal");
  if (partner) check_partner_request(args, BinKind::month, chosen);
  std::optional<CivilSeconds> as_of;
  if (auto d = args.get("as-of")) as_of = parse_cli_date(*d, "--as-of") + kSecondsPerDay;

  LoadedData data = load_data(args, err);
  const std::string programs_source = args.get_or("programs", data.sectors_source);
  io::ProgramLoadResult pl = io::load_programs_for_sectors(programs_source, data.sectors);
  err << pl.report.to_text();
  DisclosurePolicy policy;
  policy.partner_safe = partner;
  const std::vector<GoalResult> results =
      compute_program_goals(data.incidents, data.sectors, pl.programs, as_of, policy);
  if (results.empty())
    err << "faro goals: no program in " << programs_source << " has goals\n";
  const auto tmax = data.incidents.max_time();
  const CivilSeconds as_of_shown =
      as_of ? *as_of : (tmax ? (days_of(*tmax) + 1) * kSecondsPerDay : 0);

  const auto path = args.get("o");
  if (path && render::is_pdf_path(*path)) {
    render::GoalsReportInput in;
    in.results = &results;
    in.policy = policy;
    in.language = lang;
    in.as_of = as_of_shown;
    in.synthetic = data.synthetic;
    in.generated = render::brief_generation_date();
    for (const std::string& s : {data.sectors_source, data.incidents_source, programs_source}) {
      const std::string name = render::report_source_name(s);
      if (!name.empty() && in.sources.find(name) == std::string::npos)
        in.sources += (in.sources.empty() ? "" : ", ") + name;
    }
    const render::GoalsReportResult r = render::write_goals_report_pdf(in, *path);
    err << "wrote " << *path << " (" << r.pages << " pages, "
        << (partner ? "partner-safe: " + std::to_string(r.hidden_values) + " values hidden"
                    : std::string("internal: ") + internal_use_stamp())
        << ")\n";
  } else if (path) {
    io::write_file_atomically(*path, goals_csv(results, policy, chosen));
    err << "wrote " << *path << "\n";
  } else {
    out << goals_csv(results, policy, chosen);
    return kExitOk;
  }
  // The summary in the reader's language, one line per goal.
  for (const GoalResult& r : results)
    out << r.program << ": " << goal_summary_line(r, policy, lang) << "\n";
  return kExitOk;
}

}  // namespace faro::cli
