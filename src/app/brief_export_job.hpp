#pragma once
// File ▸ Export weekly brief: the brief of the week chosen in the brief panel as PDF, PNG or CSV,
// written on a background thread through the one code path of `faro brief`
// (render/brief_writer.hpp: the same table, order, level, ledger and page), so the dashboard keeps
// running while the page's map is drawn. The job holds the data snapshot it was started from
// (core/data_snapshot.hpp) and its own copy of the session.
//
// Internal: everything shown, stamped USO INTERNO / INTERNAL USE, under the session's filter
// (dates aside: the brief picks its own weeks), as the panel shows it. Partner-safe: the partner
// rules of the dashboard's other exports (no hour, weekday or sector filter), the brief audited
// against the disclosure ledger and recorded under its lock before the file is written.
#include <atomic>
#include <string>
#include <thread>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "core/weekly_brief.hpp"

namespace faro::app {

class BriefExportJob {
 public:
  // `path`: .pdf, .png or .csv. `ledger_path` "" = the default (io::default_ledger_path()).
  BriefExportJob(SnapshotPtr snapshot, Session session, IsoWeek week, std::string path,
                 bool internal, std::string ledger_path = "");
  ~BriefExportJob();  // joins (a brief is not interrupted half-way; it finishes or fails)
  BriefExportJob(const BriefExportJob&) = delete;
  BriefExportJob& operator=(const BriefExportJob&) = delete;

  bool done() const { return done_.load(); }
  double progress() const { return progress_.load(); }  // 0..1
  const std::string& path() const { return path_; }
  bool internal() const { return internal_; }
  const std::string& error() const { return error_; }  // after done(); empty on success
  const std::string& log() const { return log_; }      // after done(): what `faro brief` prints

 private:
  void run();

  SnapshotPtr snap_;
  Session session_;
  IsoWeek week_;
  std::string path_;
  bool internal_;
  std::string ledger_path_;
  std::string error_, log_;
  std::atomic<double> progress_{0};
  std::atomic<bool> done_{false};
  std::thread thread_;  // last member
};

}  // namespace faro::app
