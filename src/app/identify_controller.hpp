#pragma once
// Identify in the dashboard (analyst view only): a click on incident points opens the side panel
// (ui/identify_panel.hpp) with the incidents under the cursor and the first one's source fields,
// read on the worker (app/identify_service.hpp); picking another entry reads that one. Presenting
// closes the panel and ignores clicks: exact records never reach an audience, and no export draws
// the panel (partner-safe outputs, README).
#include <chrono>
#include <cstdint>
#include <vector>

#include "app/identify_service.hpp"
#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "ui/identify_panel.hpp"

namespace faro::app {

// The one line an incident gets in the panel's list: "2023-05-01 22:15 · HOMICIDIO CULPOSO ...".
std::string identify_entry(const IncidentStore& incidents, uint32_t i);

class IdentifyController {
 public:
  // Identify is for the analyst's own screen: never while presenting.
  static bool available(bool presentation) { return !presentation; }

  // The incidents under a click (`hits`: indices into snap's incidents, nearest first): opens the
  // panel and reads the first one's fields. Ignored while presenting.
  void open(SnapshotPtr snap, const Session& session, std::vector<uint32_t> hits,
            bool presentation);
  // Per frame: takes finished reads and draws the panel (closing it while presenting).
  void frame(bool presentation, Language lang, const ui::MapRegion& region);
  void close();

  const ui::IdentifyView& view() const { return view_; }
  // Applies a finished read now (tests and screenshots; frame() does it otherwise).
  void poll();
  bool busy() const { return service_.busy(); }
  bool wait_idle(std::chrono::milliseconds timeout) { return service_.wait_idle(timeout); }
  void select(int entry);

 private:
  IdentifyService service_;
  ui::IdentifyPanel panel_;
  ui::IdentifyView view_;
  SnapshotPtr snap_;
  std::vector<SourceSpec> sources_;  // the session's incident sources, in load order
  std::vector<uint32_t> hits_;
  uint64_t next_id_ = 0, waiting_id_ = 0;
};

}  // namespace faro::app
