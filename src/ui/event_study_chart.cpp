#include "ui/event_study_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/messages.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/ui_fonts.hpp"

namespace faro::ui {
namespace {

// Ratios beyond 1/10..10 (a cell of one or two incidents) would flatten every other point.
constexpr double kRatioFloor = 0.1, kRatioCeil = 10;
// The ratio axis spans at least 1/2..2, so ordinary noise does not look like a trend.
constexpr double kRatioMinLow = 0.5, kRatioMinHigh = 2;
constexpr double kRatioPad = 1.06;

const ImU32 kTreated = IM_COL32(196, 78, 30, 255);
const ImU32 kComparison = IM_COL32(64, 98, 150, 255);
const ImU32 kRatio = IM_COL32(36, 64, 130, 255);
const ImU32 kGrid = IM_COL32(0, 0, 0, 28);
const ImU32 kOne = IM_COL32(60, 60, 60, 200);
const ImU32 kRollout = IM_COL32(150, 30, 30, 220);
const ImU32 kText = IM_COL32(60, 60, 60, 255);
const ImU32 kHover = IM_COL32(0, 0, 0, 18);

std::string number_text(double v, const char* fmt, Language lang) {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  std::string s = buf;
  if (lang == Language::es) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// "−13", "0", "26": periods since rollout, with a true minus sign.
std::string period_text(int64_t b) {
  return (b < 0 ? "\u2212" : "") + std::to_string(b < 0 ? -b : b);
}

void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash) {
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (len <= 0) return;
  for (float s = 0; s < len; s += 2 * dash) {
    const float e = std::min(s + dash, len);
    dl->AddLine(ImVec2(a.x + dx * s / len, a.y + dy * s / len),
                ImVec2(a.x + dx * e / len, a.y + dy * e / len), col, thickness);
  }
}

// A legend entry: a sample drawn by `sample` in a box one font high, then the text; wraps to a
// new line when the entry would pass the right edge.
template <class Sample>
void legend_item(const char* text, float& used, float avail, Sample sample) {
  const float f = ImGui::GetFontSize();
  const float w = 1.6f * f + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text).x;
  if (used > 0 && used + w <= avail)
    ImGui::SameLine(0, f);
  else
    used = 0;
  used += w + f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(1.6f * f, f));
  sample(ImGui::GetWindowDrawList(), p, ImVec2(p.x + 1.6f * f, p.y + f));
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextUnformatted(text);
}

}  // namespace

EventStudyChart::Mode EventStudyChart::mode() const {
  if (points.empty()) return Mode::none;
  for (const EventStudyPoint& p : points)
    if (p.ratio) return Mode::ratios;
  return Mode::rates;
}

std::pair<double, double> EventStudyChart::value_range() const {
  if (mode() == Mode::ratios) {
    double lo = kRatioMinLow, hi = kRatioMinHigh;
    for (const EventStudyPoint& p : points) {
      if (!p.ratio) continue;
      for (double v : {p.ratio->rate_ratio, p.ratio->ci_low, p.ratio->ci_high})
        if (std::isfinite(v) && v > 0) {
          lo = std::min(lo, v);
          hi = std::max(hi, v);
        }
    }
    // A little room above and below, so the outermost whisker caps stay off the frame.
    return {std::max(lo / kRatioPad, kRatioFloor), std::min(hi * kRatioPad, kRatioCeil)};
  }
  double hi = 0;
  for (const EventStudyPoint& p : points) hi = std::max({hi, p.treated_rate, p.comparison_rate});
  return {0.0, nice_axis_max(hi).first};
}

std::vector<EventStudyChart::Tick> EventStudyChart::value_ticks() const {
  std::vector<Tick> ticks;
  // Plain variables, not a structured binding: the lambda below captures them, which clang 14
  // rejects for bindings (the sanitizer and fuzz builds use clang).
  const std::pair<double, double> range = value_range();
  const double lo = range.first, hi = range.second;
  if (mode() == Mode::ratios) {
    static const double kFine[] = {0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 4, 5, 10};
    static const double kCoarse[] = {0.1, 0.2, 0.5, 1, 2, 5, 10};
    const auto in = [&](double v) { return v >= lo * 0.999 && v <= hi * 1.001; };
    const bool fine = std::count_if(std::begin(kFine), std::end(kFine), in) <= 7;
    for (double v : fine ? std::vector<double>(std::begin(kFine), std::end(kFine))
                         : std::vector<double>(std::begin(kCoarse), std::end(kCoarse)))
      if (in(v)) ticks.push_back({v, number_text(v, "%g", language)});
    return ticks;
  }
  const double step = nice_axis_max(hi > 0 ? hi : 1).second;
  for (double v = 0; v <= hi + step * 1e-6; v += step)
    ticks.push_back({v, number_text(v, "%.3g", language)});
  return ticks;
}

std::vector<int64_t> EventStudyChart::period_ticks(float width_px, float font_px) const {
  if (points.empty()) return {};
  int64_t lo = 0, hi = 0;
  for (const EventStudyPoint& p : points) {
    lo = std::min(lo, p.relative_bin);
    hi = std::max(hi, p.relative_bin);
  }
  // A label takes about four characters and wants as much space again beside it.
  const float label_px = 4.4f * font_px;
  static const int64_t kWeekSteps[] = {1, 2, 4, 8, 13, 26, 52, 104, 260};
  static const int64_t kMonthSteps[] = {1, 2, 3, 6, 12, 24, 60};
  const std::vector<int64_t> steps =
      by == EvalBin::week ? std::vector<int64_t>(std::begin(kWeekSteps), std::end(kWeekSteps))
                          : std::vector<int64_t>(std::begin(kMonthSteps), std::end(kMonthSteps));
  const double periods = static_cast<double>(hi - lo + 1);
  int64_t step = steps.back();
  for (int64_t s : steps)
    if (periods / static_cast<double>(s) * label_px <= width_px) {
      step = s;
      break;
    }
  std::vector<int64_t> ticks;
  for (int64_t b = lo - (lo % step); b <= hi; b += step)
    if (b >= lo) ticks.push_back(b);
  return ticks;
}

std::string EventStudyChart::title() const {
  if (mode() == Mode::ratios) return tr(Msg::evp_chart_ratio_title, language);
  return tr(by == EvalBin::week ? Msg::evp_chart_rates_week : Msg::evp_chart_rates_month, language);
}

void EventStudyChart::draw(ImVec2 size) const {
  const Mode m = mode();
  if (m == Mode::none) return;
  const float f = ImGui::GetFontSize();
  const float px = f / kBaseFontPx;  // line widths follow the UI scale (2 at 200 %)
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
  ImGui::TextUnformatted(title().c_str());
  if (m == Mode::rates) ImGui::TextDisabled("%s", tr(Msg::evp_chart_rates_note, language));
  ImGui::PopTextWrapPos();

  // Legend.
  float used = 0;
  const auto rollout_sample = [px](ImDrawList* dl, ImVec2 a, ImVec2 b) {
    dashed(dl, ImVec2((a.x + b.x) / 2, a.y), ImVec2((a.x + b.x) / 2, b.y), kRollout, 1.5f * px,
           3 * px);
  };
  if (m == Mode::ratios) {
    legend_item(tr(Msg::evp_chart_ratio_legend, language), used, size.x,
                [f, px](ImDrawList* dl, ImVec2 a, ImVec2 b) {
                  const float x = (a.x + b.x) / 2;
                  dl->AddLine(ImVec2(x, a.y + 2), ImVec2(x, b.y - 2), kRatio, 1.5f * px);
                  dl->AddCircleFilled(ImVec2(x, (a.y + b.y) / 2), 0.22f * f, kRatio);
                });
    legend_item(tr(Msg::evp_chart_reference, language), used, size.x,
                [f, px](ImDrawList* dl, ImVec2 a, ImVec2 b) {
                  dl->AddCircle(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), 0.22f * f, kRatio, 12,
                                1.5f * px);
                });
  } else {
    for (const auto& [msg, col] : {std::pair{Msg::evp_chart_treated, kTreated},
                                   std::pair{Msg::evp_chart_comparison, kComparison}})
      legend_item(tr(msg, language), used, size.x,
                  [col = col, px](ImDrawList* dl, ImVec2 a, ImVec2 b) {
                    const float y = (a.y + b.y) / 2;
                    dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), col, 2.0f * px);
                  });
  }
  legend_item(tr(Msg::eval_rollout, language), used, size.x, rollout_sample);

  // Plot area: what is left of `size` above the period labels and the axis caption.
  const std::vector<Tick> yt = value_ticks();
  float label_w = 0;
  for (const Tick& t : yt) label_w = std::max(label_w, ImGui::CalcTextSize(t.label.c_str()).x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float plot_h = std::max(4 * f, size.y - (top.y - start.y) - 2.4f * f);
  const ImVec2 p0(top.x + label_w + 0.5f * f, top.y + 0.3f * f);
  const ImVec2 p1(top.x + size.x - 0.5f * f, top.y + plot_h);
  ImGui::InvisibleButton("##event_study", ImVec2(size.x, plot_h + 1.3f * f));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();

  int64_t lo = 0, hi = 0;
  for (const EventStudyPoint& p : points) {
    lo = std::min(lo, p.relative_bin);
    hi = std::max(hi, p.relative_bin);
  }
  const float col_w = (p1.x - p0.x) / static_cast<float>(hi - lo + 1);
  const auto x_of = [&](double b) { return p0.x + (static_cast<float>(b - lo) + 0.5f) * col_w; };
  const auto [vlo, vhi] = value_range();
  const bool log_axis = m == Mode::ratios;
  const auto y_of = [&, vlo = vlo, vhi = vhi](double v) {
    double t = log_axis ? (std::log(std::clamp(v, vlo, vhi)) - std::log(vlo)) /
                              (std::log(vhi) - std::log(vlo))
                        : (vhi > vlo ? (v - vlo) / (vhi - vlo) : 0);
    return p1.y - static_cast<float>(std::clamp(t, 0.0, 1.0)) * (p1.y - p0.y);
  };

  // Grid and value labels.
  for (const Tick& t : yt) {
    const float y = y_of(t.value);
    dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), kGrid, px);
    const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
    dl->AddText(ImVec2(p0.x - 0.3f * f - ts.x, y - ts.y / 2), kText, t.label.c_str());
  }
  dl->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), kText, px);
  for (int64_t b : period_ticks(p1.x - p0.x, f)) {
    const float x = x_of(static_cast<double>(b));
    dl->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y + 3 * px), kText, px);
    const std::string s = period_text(b);
    const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
    // Centred under its tick, but never left of the plot, under the value labels.
    dl->AddText(ImVec2(std::max(p0.x, x - ts.x / 2), p1.y + 4 * px), kText, s.c_str());
  }

  // Hovered column, behind the marks.
  const EventStudyPoint* hover = nullptr;
  if (hovered && col_w > 0) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int64_t b = lo + static_cast<int64_t>(std::floor((mouse.x - p0.x) / col_w));
    for (const EventStudyPoint& p : points)
      if (p.relative_bin == b) hover = &p;
    if (hover)
      dl->AddRectFilled(ImVec2(x_of(static_cast<double>(b)) - col_w / 2, p0.y),
                        ImVec2(x_of(static_cast<double>(b)) + col_w / 2, p1.y), kHover);
  }

  // Rollout: between period -1 and period 0.
  const float xr = x_of(-0.5);
  dashed(dl, ImVec2(xr, p0.y), ImVec2(xr, p1.y), kRollout, 1.5f * px, 4 * px);
  dl->AddText(ImVec2(xr + 0.25f * f, p0.y), kRollout, tr(Msg::eval_rollout, language));

  const float r = std::clamp(col_w * 0.35f, 1.5f * px, 0.22f * f);
  const float lw = 1.2f * px;
  if (m == Mode::ratios) {
    dashed(dl, ImVec2(p0.x, y_of(1)), ImVec2(p1.x, y_of(1)), kOne, px, 5 * px);
    for (const EventStudyPoint& p : points) {
      const float x = x_of(static_cast<double>(p.relative_bin));
      if (p.relative_bin == -1 && !p.ratio) {
        dl->AddCircle(ImVec2(x, y_of(1)), r, kRatio, 12, lw);
        continue;
      }
      if (!p.ratio) continue;
      const float ylo = y_of(p.ratio->ci_low), yhi = y_of(p.ratio->ci_high);
      dl->AddLine(ImVec2(x, ylo), ImVec2(x, yhi), kRatio, lw);
      // Caps where the interval ends inside the axis; an open end where it is cut.
      if (p.ratio->ci_low >= vlo) dl->AddLine(ImVec2(x - r, ylo), ImVec2(x + r, ylo), kRatio, lw);
      if (p.ratio->ci_high <= vhi) dl->AddLine(ImVec2(x - r, yhi), ImVec2(x + r, yhi), kRatio, lw);
      dl->AddCircleFilled(ImVec2(x, y_of(p.ratio->rate_ratio)), r, kRatio);
    }
  } else {
    for (const auto& [col, treated] : {std::pair{kComparison, false}, std::pair{kTreated, true}}) {
      std::vector<ImVec2> line;
      for (const EventStudyPoint& p : points)
        line.emplace_back(x_of(static_cast<double>(p.relative_bin)),
                          y_of(treated ? p.treated_rate : p.comparison_rate));
      dl->AddPolyline(line.data(), static_cast<int>(line.size()), col, ImDrawFlags_None, 1.6f * px);
      if (col_w >= 4 * px)
        for (const ImVec2& q : line) dl->AddCircleFilled(q, std::min(r, 2.5f * px), col);
    }
  }

  // Axis caption, centred under the period labels.
  const char* caption =
      tr(by == EvalBin::week ? Msg::evp_chart_weeks_since : Msg::evp_chart_months_since, language);
  const ImVec2 cs = ImGui::CalcTextSize(caption);
  ImGui::SetCursorScreenPos(ImVec2((p0.x + p1.x - cs.x) / 2, p1.y + 1.3f * f));
  ImGui::TextColored(ImVec4(0.35f, 0.35f, 0.35f, 1), "%s", caption);

  if (hover) {
    const std::string period = period_text(hover->relative_bin);
    std::string tip;
    if (m == Mode::rates)
      tip = tr_format(language, Msg::evp_chart_tip_rates, period.c_str(),
                      number_text(hover->treated_rate, "%.3g", language).c_str(),
                      number_text(hover->comparison_rate, "%.3g", language).c_str());
    else if (hover->ratio)
      tip = tr_format(language, Msg::evp_chart_tip_ratio, period.c_str(),
                      number_text(hover->ratio->rate_ratio, "%.2f", language).c_str(),
                      number_text(hover->ratio->ci_low, "%.2f", language).c_str(),
                      number_text(hover->ratio->ci_high, "%.2f", language).c_str());
    else
      tip = tr_format(
          language,
          hover->relative_bin == -1 ? Msg::evp_chart_tip_reference : Msg::evp_chart_tip_no_ratio,
          period.c_str());
    ImGui::SetTooltip("%s", tip.c_str());
  }
}

}  // namespace faro::ui
