#include "app/evaluation_export_job.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <sstream>

#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "core/localized_error.hpp"
#include "core/partner_map_rules.hpp"
#include "core/session_programs.hpp"
#include "render/brief_writer.hpp"
#include "render/evaluation_report.hpp"
#include "ui/evaluation_job.hpp"
#include "ui/evaluation_panel.hpp"

namespace faro::app {
namespace {

// "0–5, 22–23": the hours of a 24-bit mask as ranges.
std::string hour_ranges(uint32_t mask) {
  std::string out;
  for (int h = 0; h < 24;) {
    if (!(mask >> h & 1u)) {
      ++h;
      continue;
    }
    int end = h;
    while (end + 1 < 24 && (mask >> (end + 1) & 1u)) ++end;
    out +=
        (out.empty() ? "" : ", ") + std::to_string(h) + (end > h ? "–" + std::to_string(end) : "");
    h = end + 1;
  }
  return out;
}

}  // namespace

std::string evaluation_offences_text(const FilterState& f, const std::vector<SourceSpec>& sources) {
  std::string text;
  for (const std::string& c : f.categories) text += (text.empty() ? "" : ", ") + c;
  for (const SourceSpec& s : sources)
    if (s.role == SourceSpec::Role::incidents && !s.where.empty())
      text += (text.empty() ? "" : "; ") + std::string("where ") + s.where;
  return text;
}

std::string evaluation_other_filters_text(const FilterState& f, Language lang) {
  std::string text;
  if ((f.hour_mask & 0xFFFFFFu) != 0xFFFFFFu)
    text = tr_format(lang, Msg::eval_report_hours, hour_ranges(f.hour_mask).c_str());
  if ((f.weekday_mask & 0x7F) != 0x7F) {
    std::string days;
    for (int d = 0; d < 7; ++d)
      if (f.weekday_mask >> d & 1)
        days += (days.empty() ? "" : ", ") +
                std::string(tr(static_cast<Msg>(static_cast<int>(Msg::weekday_mon) + d), lang));
    text += (text.empty() ? "" : ", ") + tr_format(lang, Msg::eval_report_weekdays, days.c_str());
  }
  return text;
}

EvaluationExportJob::EvaluationExportJob(SnapshotPtr snapshot, Session session,
                                         EvaluationExportSpec spec)
    : snap_(std::move(snapshot)),
      session_(std::move(session)),
      spec_(std::move(spec)),
      thread_([this] { run(); }) {}

EvaluationExportJob::~EvaluationExportJob() {
  if (thread_.joinable()) thread_.join();
}

void EvaluationExportJob::run() {
  std::ostringstream log;
  try {
    const Workspace& ws = *snap_->data;
    const Language lang = session_.language;
    if (!render::is_pdf_path(spec_.path))
      throw UsageError("the evaluation report must end in .pdf, got '" + spec_.path + "'");
    const std::vector<std::string> names = program_names(ws.programs, {});
    if (names.empty()) throw DataError(tr(Msg::eval_export_no_program, lang));
    const std::string program = spec_.program.empty() ? names.front() : spec_.program;
    // The panel's filter: offences, hours and weekdays; never dates or sectors.
    const FilterState filter = ui::evaluation_filter(session_.filter);
    // The partner rules of the dashboard's other exports: no hour or weekday filter.
    if (!spec_.internal)
      if (const auto problem = partner_filter_problem(filter, lang)) throw UsageError(*problem);
    // The panel's request (and `faro evaluate`'s defaults: neighbours leave the comparison).
    const EvaluationRequest req =
        ui::dashboard_evaluation_request(ws, program, spec_.window_weeks, spec_.by);
    progress_.store(0.1);
    const ProgramEvaluation ev =
        evaluate_program(ws.incidents, ws.sectors.size(), ws.make_filter(filter), req);
    progress_.store(0.5);

    render::EvaluationReportInput in;
    in.evaluation = &ev;
    in.sectors = &ws.sectors;
    in.programs = &ws.programs;
    in.language = lang;
    in.internal = spec_.internal;
    in.offences = evaluation_offences_text(filter, session_.sources);
    in.other_filters = evaluation_other_filters_text(filter, lang);
    in.date_filter_ignored = session_.filter.from || session_.filter.to_exclusive;
    if (ws.synthetic) {
      in.sources = {tr(Msg::map_source_synthetic, lang)};
      in.true_effect = DemoOptions{}.program_effect;
    } else {
      for (const SourceSpec& s : session_.sources) {
        if (s.role == SourceSpec::Role::context) continue;
        const std::string name = render::report_source_name(s.path);
        if (!name.empty() &&
            std::find(in.sources.begin(), in.sources.end(), name) == in.sources.end())
          in.sources.push_back(name);
      }
    }
    in.generated = render::brief_generation_date();
    in.synthetic = ws.synthetic;
    in.progress = [this](double f) { progress_.store(0.5 + 0.5 * f); };
    const render::EvaluationReportResult r = render::write_evaluation_report_pdf(in, spec_.path);
    pages_ = r.pages;
    log << "faro evaluate: " << program << ": " << r.pages << " pages, "
        << (spec_.internal ? std::string(internal_use_stamp())
                           : "partner-safe, " + std::to_string(r.hidden_counts) + " counts hidden")
        << (r.map_rendered ? "" : "; no OpenGL: the map shows sector outlines only") << "\n";
  } catch (const std::exception& e) {
    error_ = std::filesystem::path(spec_.path).filename().string() + ": " +
             error_text(e, session_.language);
  } catch (...) {
    error_ = std::filesystem::path(spec_.path).filename().string() + ": unknown error";
  }
  log_ = log.str();
  progress_.store(1);
  done_.store(true);
}

}  // namespace faro::app
