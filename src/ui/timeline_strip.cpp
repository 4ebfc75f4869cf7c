#include "ui/timeline_strip.hpp"

#include <imgui.h>

#include <algorithm>
#include <map>

#include "ui/i18n.hpp"

namespace faro::ui {

BinKind timeline_bin_kind(CivilSeconds from, CivilSeconds to_exclusive) {
  const int64_t days = (to_exclusive - from) / kSecondsPerDay;
  if (days > 3 * 366) return BinKind::month;
  if (days > 70) return BinKind::week;
  return BinKind::day;
}

void program_markers(const Workspace& ws, TimelineInput& in) {
  for (const Program& p : ws.programs) {
    if (p.sectors.empty()) continue;
    CivilSeconds first = p.sectors.front().start, last_end = ws.data_to_exclusive;
    bool all_ended = true;
    CivilSeconds latest_end = 0;
    for (const ProgramSector& s : p.sectors) {
      first = std::min(first, s.start);
      if (s.end)
        latest_end = std::max(latest_end, *s.end);
      else
        all_ended = false;
    }
    if (all_ended) last_end = latest_end;
    in.rollouts.push_back({first, p.name});
    if (last_end > first) in.periods.push_back({first, last_end, p.name});
  }
}

std::vector<TimelineGroup> timeline_groups(const Workspace& ws, const Session& session,
                                           TimelineMode mode) {
  const Language lang = session.language;
  std::vector<uint8_t> in_group(ws.sectors.size(), 0);
  if (mode == TimelineMode::selection) {
    for (const std::string& name : session.selection)
      if (auto i = ws.sectors.find(name)) in_group[*i] = 1;
  } else if (mode == TimelineMode::programs) {
    for (const Program& p : ws.programs)
      for (const ProgramSector& s : p.sectors)
        if (auto i = ws.sectors.find(s.sector)) in_group[*i] = 1;
  }
  TimelineGroup inside, rest;
  for (size_t i = 0; i < in_group.size(); ++i) (in_group[i] ? inside : rest).sectors.push_back(i);
  if (mode == TimelineMode::all || inside.sectors.empty()) {
    TimelineGroup all;
    all.label = tr(Msg::timeline_all, lang);
    all.all = true;
    return {all};
  }
  const bool programs = mode == TimelineMode::programs;
  inside.label = tr(programs ? Msg::timeline_treated : Msg::timeline_selected, lang);
  rest.label = tr(programs ? Msg::timeline_comparison : Msg::timeline_rest, lang);
  if (rest.sectors.empty()) return {inside};
  return {inside, rest};
}

void TimelineStrip::update(const SnapshotPtr& snap, const Session& session) {
  if (!snap) return;
  const Workspace& ws = *snap->data;
  FilterState f = snap->filter;
  f.from.reset();
  f.to_exclusive.reset();
  std::vector<TimelineGroup> groups = timeline_groups(ws, session, mode_);
  const auto same_groups = [&] {
    if (groups.size() != groups_.size()) return false;
    for (size_t i = 0; i < groups.size(); ++i)
      if (groups[i].label != groups_[i].label || groups[i].sectors != groups_[i].sectors)
        return false;
    return true;
  };
  if (valid_ && data_ == snap->data && f == filter_ && server_ == snap->server_timeline &&
      same_groups())
    return;
  groups_ = std::move(groups);
  rates_ = groups_.size() > 1;
  data_ = snap->data;
  server_ = snap->server_timeline;
  filter_ = f;
  markers_ = {};
  program_markers(ws, markers_);
  valid_ = true;
  timeline_.reset();
  // Server mode holds no rows: the server's sector x period table gives the same series.
  const SectorPeriodCounts* table = ws.incidents.empty() ? server_.get() : nullptr;
  if ((ws.incidents.empty() && !table) || ws.data_to_exclusive <= ws.data_from) return;
  TimelineRequest req;
  req.kind = timeline_bin_kind(ws.data_from, ws.data_to_exclusive);
  req.from = ws.data_from;
  req.to_exclusive = ws.data_to_exclusive;
  req.rolling_window = req.kind == BinKind::day ? 7 : 5;
  try {
    timeline_ = table ? build_timeline_from_counts(*table, req, groups_)
                      : build_timeline(ws.incidents, ws.sectors.size(), ws.make_filter(f), req,
                                       groups_);
  } catch (const std::exception&) {
    // An unusable range (e.g. a corrupt date span) leaves the strip empty, never crashes a frame.
    timeline_.reset();
  }
}

void TimelineStrip::advance(Session& session) {
  if (timeline_) panel_.advance(*timeline_, session.filter, ImGui::GetIO().DeltaTime);
}

void TimelineStrip::draw(const Rect& r, Session& session) {
  if (r.h <= 0 || r.w <= 0) return;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 4));
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoTitleBar |
      ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar;
  ImGui::Begin("##timeline", nullptr, flags);
  const Language lang = session.language;
  const char* modes[] = {tr(Msg::timeline_all, lang), tr(Msg::timeline_mode_selection, lang),
                         tr(Msg::timeline_mode_programs, lang)};
  int mode = static_cast<int>(mode_);
  ImGui::SetNextItemWidth(16.0f * ImGui::GetFontSize());
  if (ImGui::Combo("##timeline_mode", &mode, modes, 3)) mode_ = static_cast<TimelineMode>(mode);
  if (!timeline_) {
    ImGui::TextDisabled("%s", tr(Msg::timeline_placeholder, session.language));
  } else {
    TimelineInput in;
    in.timeline = &*timeline_;
    in.language = session.language;
    in.rates = rates_;
    in.rollouts = markers_.rollouts;
    in.periods = markers_.periods;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    panel_.draw(in, session.filter, avail);  // the app notices a new filter by comparing it
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace faro::ui
