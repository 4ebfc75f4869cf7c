#include "ui/timeline_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/fit_widgets.hpp"
#include "ui/format.hpp"
#include "ui/ui_fonts.hpp"

namespace faro::ui {
namespace {

constexpr ImU32 kSeriesFill[] = {IM_COL32(222, 102, 64, 255), IM_COL32(92, 128, 184, 255),
                                 IM_COL32(140, 140, 140, 255)};
constexpr ImU32 kSeriesLine[] = {IM_COL32(150, 40, 20, 255), IM_COL32(30, 60, 120, 255),
                                 IM_COL32(60, 60, 60, 255)};
constexpr ImU32 kText = IM_COL32(40, 40, 40, 255);
constexpr ImU32 kGrid = IM_COL32(0, 0, 0, 28);
constexpr ImU32 kProgramShade = IM_COL32(80, 170, 90, 40);
constexpr ImU32 kWindowShade = IM_COL32(60, 120, 220, 45);
constexpr ImU32 kMarker = IM_COL32(30, 110, 50, 230);

ImU32 series_colour(const ImU32* palette, size_t g) {
  return palette[std::min<size_t>(g, 2)];
}

// Counts grouped ("12,400"), rates with decimals by magnitude (ui/format.hpp).
std::string format_number(double v) {
  if (std::abs(v - std::round(v)) < 1e-9) return format_count(std::llround(v));
  return format_value(v);
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash = 5,
                 float gap = 4) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  if (len <= 0) return;
  const ImVec2 u((b.x - a.x) / len, (b.y - a.y) / len);
  for (float s = 0; s < len; s += dash + gap) {
    const float e = std::min(s + dash, len);
    dl->AddLine(ImVec2(a.x + u.x * s, a.y + u.y * s), ImVec2(a.x + u.x * e, a.y + u.y * e), col,
                thickness);
  }
}

}  // namespace

bool TimelinePanel::draw(const TimelineInput& in, FilterState& filter, ImVec2 size) {
  return draw(in, filter, size, ImGui::GetIO().DeltaTime);
}

bool TimelinePanel::draw_controls(const TimelineInput& in) {
  const Language lang = in.language;
  bool toggled = false;
  ImGui::PushID(this);
  if (ImGui::SmallButton(timeline_text(playing_ ? TimelineText::pause : TimelineText::play, lang)))
    toggled = true;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  float speed = static_cast<float>(playback_.bins_per_second);
  // The speed is written beside the slider, not under its grab (ui/fit_widgets.hpp).
  if (slider_float_beside("##speed", &speed, 0.5f, 24.0f,
                          timeline_text(TimelineText::speed_format, lang),
                          ImGuiSliderFlags_Logarithmic))
    playback_.bins_per_second = speed;
  ImGui::SameLine();
  ImGui::Checkbox(timeline_text(TimelineText::loop, lang), &playback_.loop);
  ImGui::SameLine();
  if (ImGui::Checkbox(timeline_text(TimelineText::cumulative, lang), &playback_.cumulative))
    play_started_ = playing_;  // re-measure the start width for the new mode
  if (playing_) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", timeline_text(TimelineText::playing, lang));
  }
  ImGui::PopID();
  if (toggled) toggle_play();
  return toggled;
}

bool TimelinePanel::draw(const TimelineInput& in, FilterState& filter, ImVec2 size,
                         double dt_seconds) {
  const Language lang = in.language;
  const Timeline* tl = in.timeline;
  const bool has_data = tl && tl->bins > 0 && !tl->series.empty();
  bool changed = false;
  // Playback first, so this frame draws (and the caller filters by) the window it moved to.
  if (has_data) changed = advance(*tl, filter, dt_seconds);
  if (has_data && in.controls && size.y > 4 * ImGui::GetFrameHeightWithSpacing()) {
    const float before = ImGui::GetCursorScreenPos().y;
    if (draw_controls(in) && playing_) changed = advance(*tl, filter, 0) || changed;
    size.y -= ImGui::GetCursorScreenPos().y - before;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  ImGui::InvisibleButton("##timeline", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  const bool hovered = ImGui::IsItemHovered();
  const bool activated = ImGui::IsItemActivated(), active = ImGui::IsItemActive();
  const float line_h = ImGui::GetTextLineHeight();
  dl->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 255));
  if (!has_data) {
    dl->AddText(ImVec2(p0.x + 8, p0.y + 8), kText, timeline_text(TimelineText::no_data, lang));
    return changed;
  }
  // Values per series (counts or per-sector rates) and the value axis.
  const size_t ng = tl->series.size();
  auto value = [&](size_t g, int64_t k) {
    const TimelineSeries& s = tl->series[g];
    return in.rates ? s.per_sector[k] : s.counts[k];
  };
  auto smooth = [&](size_t g, int64_t k) {
    const TimelineSeries& s = tl->series[g];
    return s.rolling_mean[k] / (in.rates && s.sector_count > 0 ? s.sector_count : 1.0);
  };
  double vmax = 0;
  for (size_t g = 0; g < ng; ++g)
    for (int64_t k = 0; k < tl->bins; ++k) vmax = std::max(vmax, value(g, k));
  if (in.counterfactual)
    for (double h : in.counterfactual->high) vmax = std::max(vmax, h);
  // Plain variables, not a structured binding: C++20 lets lambdas capture bindings but clang 14
  // does not implement it yet (y_of captures ymax), and the sanitizer/fuzz builds need clang.
  const std::pair<double, double> axis_max = nice_axis_max(vmax);
  const double ymax = axis_max.first, ystep = axis_max.second;
  // Plot area: value labels on the left (as wide as the widest), date ticks below, marker labels
  // and legend above; margins in font units, so they grow with the interface scale.
  const float pad = 0.4f * line_h;
  float value_w = 0;
  for (double v = 0; v <= ymax + 1e-9; v += ystep)
    value_w = std::max(value_w, ImGui::CalcTextSize(format_number(v).c_str()).x);
  const ImVec2 a(p0.x + value_w + 2 * pad, p0.y + line_h + pad),
      b(p1.x - pad, p1.y - line_h - pad);
  if (b.x - a.x < 20 || b.y - a.y < 20) return changed;
  axis_ = {a.x, b.x, tl->bin_starts.front(), tl->bin_starts.back()};
  dl->AddRectFilled(a, b, IM_COL32(250, 250, 247, 255));
  auto y_of = [&](double v) { return b.y - (b.y - a.y) * static_cast<float>(v / ymax); };
  auto centre_x = [&](int64_t k) {
    return (axis_.x_of(tl->bin_starts[k]) + axis_.x_of(tl->bin_starts[k + 1])) / 2;
  };

  dl->PushClipRect(a, b, true);
  // Program periods overlap (one per sector, staggered): shade their union once, so the shade
  // means "some program running" and does not darken with the number of sectors.
  std::vector<std::pair<CivilSeconds, CivilSeconds>> spans;
  for (const TimelineBand& band : in.periods) spans.emplace_back(band.from, band.to_exclusive);
  std::sort(spans.begin(), spans.end());
  for (size_t i = 0; i < spans.size();) {
    CivilSeconds from = spans[i].first, to = spans[i].second;
    for (++i; i < spans.size() && spans[i].first <= to; ++i) to = std::max(to, spans[i].second);
    const float x0 = axis_.x_of(std::clamp(from, axis_.t0, axis_.t1));
    const float x1 = axis_.x_of(std::clamp(to, axis_.t0, axis_.t1));
    if (x1 > x0) dl->AddRectFilled(ImVec2(x0, a.y), ImVec2(x1, b.y), kProgramShade);
  }
  if ((filter.from || filter.to_exclusive) && !moving_) {
    const float x0 = axis_.x_of(std::clamp(filter.from.value_or(axis_.t0), axis_.t0, axis_.t1));
    const float x1 =
        axis_.x_of(std::clamp(filter.to_exclusive.value_or(axis_.t1), axis_.t0, axis_.t1));
    dl->AddRectFilled(ImVec2(x0, a.y), ImVec2(x1, b.y), kWindowShade);
  }
  for (double v = ystep; v <= ymax + 1e-9; v += ystep)
    dl->AddLine(ImVec2(a.x, y_of(v)), ImVec2(b.x, y_of(v)), kGrid);

  // Bars side by side per bin (or lines), then the rolling means on top.
  for (int64_t k = 0; k < tl->bins; ++k) {
    const float x0 = axis_.x_of(tl->bin_starts[k]), x1 = axis_.x_of(tl->bin_starts[k + 1]);
    const float bw = (x1 - x0) / static_cast<float>(in.bars ? ng : 1);
    const float gap = bw > 4 ? 1.0f : 0.0f;
    for (size_t g = 0; in.bars && g < ng; ++g) {
      const float xa = x0 + bw * g + gap / 2, xb = x0 + bw * (g + 1) - gap / 2;
      const double v = value(g, k);
      if (v > 0)
        dl->AddRectFilled(ImVec2(xa, y_of(v)), ImVec2(std::max(xb, xa + 1), b.y),
                          series_colour(kSeriesFill, g));
    }
  }
  std::vector<ImVec2> pts(static_cast<size_t>(tl->bins));
  for (size_t g = 0; g < ng; ++g) {
    if (!in.bars) {
      for (int64_t k = 0; k < tl->bins; ++k) pts[k] = ImVec2(centre_x(k), y_of(value(g, k)));
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), series_colour(kSeriesFill, g), 0,
                      1.5f);
    }
    if (in.rolling) {
      for (int64_t k = 0; k < tl->bins; ++k) pts[k] = ImVec2(centre_x(k), y_of(smooth(g, k)));
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), series_colour(kSeriesLine, g), 0,
                      2.0f);
    }
  }
  if (in.counterfactual) {
    const TimelineOverlay& cf = *in.counterfactual;
    for (size_t i = 0; i + 1 < cf.at.size(); ++i) {
      const float xa = axis_.x_of(cf.at[i]), xb = axis_.x_of(cf.at[i + 1]);
      dl->AddQuadFilled(ImVec2(xa, y_of(cf.high[i])), ImVec2(xb, y_of(cf.high[i + 1])),
                        ImVec2(xb, y_of(cf.low[i + 1])), ImVec2(xa, y_of(cf.low[i])),
                        IM_COL32(90, 90, 90, 32));
    }
    std::vector<ImVec2> line;
    for (size_t i = 0; i < cf.at.size(); ++i)
      line.push_back(ImVec2(axis_.x_of(cf.at[i]), y_of(cf.value[i])));
    // One dash pattern along the whole polyline would need arc length; per-segment dashes read
    // the same at weekly resolution.
    for (size_t i = 0; i + 1 < line.size(); i += 2)
      dl->AddLine(line[i], line[i + 1], IM_COL32(40, 40, 40, 220), 1.5f);
  }
  // Rollout markers: one dashed line per day; labels where they do not collide.
  float label_end = -1e9f;
  std::vector<const TimelineMarker*> markers;
  for (const TimelineMarker& m : in.rollouts) markers.push_back(&m);
  std::sort(markers.begin(), markers.end(), [](auto* x, auto* y) { return x->at < y->at; });
  CivilSeconds last_day = -1;
  for (const TimelineMarker* m : markers) {
    if (m->at < axis_.t0 || m->at >= axis_.t1 || days_of(m->at) == last_day) continue;
    last_day = days_of(m->at);
    const float x = axis_.x_of(m->at);
    dashed_line(dl, ImVec2(x, a.y), ImVec2(x, b.y), kMarker, 1.5f);
  }
  dl->PopClipRect();
  last_day = -1;
  for (const TimelineMarker* m : markers) {
    if (m->at < axis_.t0 || m->at >= axis_.t1 || days_of(m->at) == last_day) continue;
    last_day = days_of(m->at);
    const float x = axis_.x_of(m->at);
    const float tw = ImGui::CalcTextSize(m->label.c_str()).x;
    if (x + 3 > label_end && x + 3 + tw < p1.x) {
      dl->AddText(ImVec2(x + 3, p0.y + 2), kMarker, m->label.c_str());
      label_end = x + 3 + tw + 8;
    }
  }

  // Axes: value labels, date ticks, frame.
  dl->AddRect(a, b, IM_COL32(0, 0, 0, 60));
  float label_top = 1e9f;
  for (double v = 0; v <= ymax + 1e-9; v += ystep) {
    const std::string t = format_number(v);
    const float tw = ImGui::CalcTextSize(t.c_str()).x;
    // Centred on its grid line, the lowest kept above the date labels; a label that would touch
    // the one below it (a short strip) is left out.
    const float y = std::min(y_of(v) - line_h / 2, b.y - line_h);
    if (y + line_h > label_top) continue;
    dl->AddText(ImVec2(a.x - tw - pad, y), kText, t.c_str());
    label_top = y;
  }
  float tick_end = -1e9f;
  // timeline_ticks spaces labels for the 100 % font: give it the width in 100 % pixels.
  const float width_at_100 = (b.x - a.x) * kBaseFontPx / ImGui::GetFontSize();
  for (const TimelineTick& t : timeline_ticks(axis_.t0, axis_.t1, width_at_100, in.language)) {
    const float x = axis_.x_of(t.at);
    dl->AddLine(ImVec2(x, b.y), ImVec2(x, b.y + (t.major ? pad : pad / 2)), kText);
    const float tw = ImGui::CalcTextSize(t.label.c_str()).x;
    // Centred under the tick, kept inside the strip (the first one starts at its left edge).
    const float tx = std::max(p0.x + pad / 2, x - tw / 2);
    if (tx > tick_end && tx + tw < p1.x) {
      dl->AddText(ImVec2(tx, b.y + pad), kText, t.label.c_str());
      tick_end = tx + tw + pad;
    }
  }
  // Legend, top right, inside the plot; swatch sizes and gaps in 100 % pixels times the scale.
  const float u = ImGui::GetFontSize() / kBaseFontPx;
  float lx = b.x - 8 * u;
  auto legend_item = [&](const std::string& text, ImU32 col, bool line) {
    const float tw = ImGui::CalcTextSize(text.c_str()).x;
    lx -= tw;
    dl->AddText(ImVec2(lx, a.y + 4 * u), kText, text.c_str());
    lx -= 16 * u;
    if (line)
      dl->AddLine(ImVec2(lx, a.y + 4 * u + line_h / 2),
                  ImVec2(lx + 12 * u, a.y + 4 * u + line_h / 2), col, 2.0f * u);
    else
      dl->AddRectFilled(ImVec2(lx + u, a.y + 7 * u), ImVec2(lx + 11 * u, a.y + 3 * u + line_h),
                        col);
    lx -= 12 * u;
  };
  // Legend background first: its width is the sum of the items' widths.
  float legend_w = 8 * u;
  auto item_w = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x + 28 * u; };
  if (in.counterfactual) legend_w += item_w(timeline_text(TimelineText::counterfactual, lang));
  if (in.rolling) legend_w += item_w(timeline_text(TimelineText::rolling, lang));
  for (size_t g = 0; g < ng; ++g)
    legend_w +=
        item_w(tl->series[g].label +
               (in.rates && tl->series[g].sector_count
                    ? std::string(" (") + timeline_text(TimelineText::per_sector, lang) + ")"
                    : ""));
  dl->AddRectFilled(ImVec2(b.x - legend_w, a.y + 1), ImVec2(b.x - 1, a.y + line_h + 7 * u),
                    IM_COL32(255, 255, 255, 210));
  if (in.counterfactual)
    legend_item(timeline_text(TimelineText::counterfactual, lang), IM_COL32(40, 40, 40, 220), true);
  if (in.rolling)
    legend_item(timeline_text(TimelineText::rolling, lang), series_colour(kSeriesLine, 0), true);
  for (size_t g = ng; g-- > 0;)
    legend_item(tl->series[g].label +
                    (in.rates && tl->series[g].sector_count
                         ? std::string(" (") + timeline_text(TimelineText::per_sector, lang) + ")"
                         : ""),
                series_colour(kSeriesFill, g), false);

  // Hover: the bin under the mouse, with exact counts.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool in_plot = mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
  if (hovered && in_plot && !brushing_ && !moving_) {
    const int64_t k = tl->bin_at(axis_.t_of(mouse.x));
    if (k >= 0) {
      dl->AddRectFilled(ImVec2(axis_.x_of(tl->bin_starts[k]), a.y),
                        ImVec2(axis_.x_of(tl->bin_starts[k + 1]), b.y), IM_COL32(0, 0, 0, 20));
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(tl->label(k).c_str());
      for (size_t g = 0; g < ng; ++g) {
        const TimelineSeries& s = tl->series[g];
        if (s.sector_count > 0)
          ImGui::Text("%s: %s %s (%s %s)", s.label.c_str(), format_number(s.counts[k]).c_str(),
                      timeline_text(TimelineText::incidents, lang),
                      format_number(s.per_sector[k]).c_str(),
                      timeline_text(TimelineText::per_sector, lang));
        else
          ImGui::Text("%s: %s %s", s.label.c_str(), format_number(s.counts[k]).c_str(),
                      timeline_text(TimelineText::incidents, lang));
      }
      ImGui::TextDisabled("%s", timeline_text(TimelineText::hint, lang));
      ImGui::EndTooltip();
    }
  }

  return interact(*tl, filter, a, b, hovered, activated, active) || changed;
}

bool TimelinePanel::interact(const Timeline& tl, FilterState& filter, ImVec2 a, ImVec2 b,
                             bool hovered, bool activated, bool active) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool in_plot = mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
  auto bin_index = [&](float x) {
    return std::clamp<int64_t>(bin_of(tl.kind, axis_.t_of(x)) - tl.first_bin, 0, tl.bins - 1);
  };
  auto write = [&](BinWindow w) {
    const CivilSeconds from = tl.bin_starts[w.first], to = tl.bin_starts[w.end];
    const bool differs = filter.from != from || filter.to_exclusive != to;
    filter.from = from;
    filter.to_exclusive = to;
    return differs;
  };
  // Press inside the current window: move it; elsewhere: brush a new one.
  if (activated && in_plot) {
    const std::optional<BinWindow> current = window_in_bins(tl, filter);
    const int64_t k = bin_index(mouse.x);
    if (current && k >= current->first && k < current->end) {
      moving_ = true;
      move_x0_ = mouse.x;
      move_from_ = *current;
    } else {
      brushing_ = true;
      brush_x0_ = mouse.x;
    }
  }
  bool changed = false;
  if (moving_) {
    // Whole bins between press and mouse, clamped so the window stays on the timeline.
    const int64_t shift = std::clamp<int64_t>(bin_index(mouse.x) - bin_index(move_x0_),
                                              -move_from_.first, tl.bins - move_from_.end);
    const BinWindow moved{move_from_.first + shift, move_from_.end + shift};
    dl->AddRectFilled(ImVec2(axis_.x_of(tl.bin_starts[moved.first]), a.y),
                      ImVec2(axis_.x_of(tl.bin_starts[moved.end]), b.y), kWindowShade);
    if (!active) {  // written on release, like a brush: the map recomputes once
      moving_ = false;
      if (shift != 0) changed = write(moved);
    }
  }
  if (brushing_) {
    const float x0 = std::clamp(std::min(brush_x0_, mouse.x), a.x, b.x);
    const float x1 = std::clamp(std::max(brush_x0_, mouse.x), a.x, b.x);
    dl->AddRectFilled(ImVec2(x0, a.y), ImVec2(x1, b.y), kWindowShade);
    if (!active) {
      brushing_ = false;
      if (x1 - x0 >= 4) changed = write({bin_index(x0), bin_index(x1 - 0.5f) + 1});
    }
  }
  if (hovered && ImGui::IsMouseDoubleClicked(0) && (filter.from || filter.to_exclusive)) {
    filter.from.reset();
    filter.to_exclusive.reset();
    pause();  // nothing left to play
    changed = true;
  }
  return changed;
}

}  // namespace faro::ui
