#include "app/identify_controller.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/civil_time.hpp"

namespace faro::app {
namespace {

std::string trimmed_upper(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t a = 0;
  while (a < s.size() && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  s.erase(0, a);
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The row read back must be the incident on the map: its category field must read as the
// category the store interned (a file replaced since loading gives another row there).
bool record_matches(const IncidentStore& store, uint32_t i, const io::SourceRecord& rec) {
  if (store.category_field.empty() || i >= store.category.size()) return true;
  const std::string& loaded = store.categories.name(store.category[i]);
  for (const auto& [name, value] : rec.fields)
    if (name == store.category_field) return trimmed_upper(value) == trimmed_upper(loaded);
  return true;  // the field is not among the read ones (OGR renamed it?): nothing to compare
}

}  // namespace

std::string identify_entry(const IncidentStore& incidents, uint32_t i) {
  if (i >= incidents.size()) return "?";
  std::string text = (incidents.flags[i] & kHasTimeOfDay) ? format_datetime(incidents.t[i]).substr(0, 16)
                                                           : format_date(incidents.t[i]);
  const std::string& category = incidents.categories.name(incidents.category[i]);
  if (!category.empty()) text += " · " + category;
  return text;
}

void IdentifyController::open(SnapshotPtr snap, const Session& session, std::vector<uint32_t> hits,
                              bool presentation) {
  if (!available(presentation) || !snap || hits.empty()) return;
  snap_ = std::move(snap);
  hits_ = std::move(hits);
  sources_.clear();
  for (const SourceSpec& s : session.sources)
    if (s.role == SourceSpec::Role::incidents) sources_.push_back(s);
  view_ = {};
  view_.open = true;
  for (uint32_t i : hits_) view_.entries.push_back(identify_entry(snap_->ws().incidents, i));
  select(0);
}

void IdentifyController::select(int entry) {
  if (!snap_ || entry < 0 || entry >= static_cast<int>(hits_.size())) return;
  view_.selected = entry;
  view_.fields.clear();
  view_.error.clear();
  view_.no_rows = view_.stale = false;
  const IncidentStore& store = snap_->ws().incidents;
  const uint32_t i = hits_[static_cast<size_t>(entry)];
  view_.row = store.has_source_rows() && i < store.size() ? store.source_row_of(i) : 0;
  view_.source.clear();
  if (const size_t k = store.source_of(i); k < sources_.size())
    view_.source = std::filesystem::path(sources_[k].path).filename().string();
  view_.loading = true;
  waiting_id_ = ++next_id_;
  service_.request({snap_, i, sources_, waiting_id_});
}

void IdentifyController::poll() {
  std::optional<IdentifyResult> r = service_.take_result();
  if (!r || r->id != waiting_id_ || !view_.open) return;
  view_.loading = false;
  view_.no_rows = r->no_rows;
  view_.error = r->error;
  view_.row = r->row;
  view_.source = r->source;
  view_.read_ms = r->read_ms;
  view_.fields = std::move(r->record.fields);
  view_.stale = snap_ && r->error.empty() && !r->no_rows &&
                !record_matches(snap_->ws().incidents, r->incident, {r->row, view_.fields});
}

void IdentifyController::close() {
  view_ = {};
  hits_.clear();
  snap_.reset();  // the panel no longer holds the data alive
}

void IdentifyController::frame(bool presentation, Language lang, const ui::MapRegion& region) {
  if (!view_.open) return;
  if (!available(presentation)) {
    close();
    return;
  }
  poll();
  const ui::IdentifyPanel::Action a = panel_.draw(view_, lang, region);
  if (a.close) close();
  else if (a.picked >= 0 && a.picked != view_.selected) select(a.picked);
}

}  // namespace faro::app
