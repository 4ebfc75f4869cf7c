#include "app/brief_export_job.hpp"

#include <exception>
#include <filesystem>
#include <sstream>

#include "core/brief_level.hpp"
#include "core/errors.hpp"
#include "core/localized_error.hpp"
#include "core/partner_map_rules.hpp"
#include "core/publication_audit.hpp"
#include "render/brief_writer.hpp"

namespace faro::app {

BriefExportJob::BriefExportJob(SnapshotPtr snapshot, Session session, IsoWeek week,
                               std::string path, bool internal, std::string ledger_path)
    : snap_(std::move(snapshot)),
      session_(std::move(session)),
      week_(week),
      path_(std::move(path)),
      internal_(internal),
      ledger_path_(std::move(ledger_path)),
      thread_([this] { run(); }) {}

BriefExportJob::~BriefExportJob() {
  if (thread_.joinable()) thread_.join();
}

void BriefExportJob::run() {
  std::ostringstream log;
  try {
    const Workspace& ws = *snap_->data;
    const Language lang = session_.language;
    // The brief chooses its own weeks, so the filter's dates do not apply (as in the panel).
    FilterState filter = session_.filter;
    filter.from.reset();
    filter.to_exclusive.reset();
    if (!internal_)
      if (const auto problem = partner_filter_problem(filter, lang)) throw UsageError(*problem);
    render::BriefWriteInput in;
    in.sectors = &ws.sectors;
    in.incidents = &ws.incidents;
    in.filter = ws.make_filter(filter);
    in.offence_filter = offence_filter_key(ws.incidents.category_field, filter.categories);
    if (const auto a = default_group_attribute(ws.sectors)) in.groups = group_units(ws.sectors, *a);
    in.week = week_;
    in.partner = !internal_;
    in.chosen_language = lang;
    in.language = lang;
    in.output = path_;
    in.programs = &ws.programs;
    // The data by its title (a file name, never a path), as `faro brief`.
    const std::string title = std::filesystem::path(ws.title).filename().string();
    in.data_title = ws.synthetic ? tr(Msg::map_demo_city, lang) : title;
    in.source_line = ws.synthetic ? std::string(tr(Msg::map_source_synthetic, lang))
                                  : tr(Msg::map_source_prefix, lang) + title + " · Faro";
    in.generated = render::brief_generation_date();
    in.synthetic = ws.synthetic;
    in.ledger_path = ledger_path_;
    in.audit_incidents = [&ws] { return audit_incidents(ws); };
    in.progress = [this](double f) { progress_.store(f); };
    render::write_weekly_brief(in, log);
  } catch (const std::exception& e) {
    error_ = std::filesystem::path(path_).filename().string() + ": " +
             error_text(e, session_.language);
  } catch (...) {
    error_ = std::filesystem::path(path_).filename().string() + ": unknown error";
  }
  log_ = log.str();
  progress_.store(1);
  done_.store(true);
}

}  // namespace faro::app
