#include "core/evaluation_checks_text.hpp"

#include <cstdio>

#include "core/evaluation_text.hpp"
#include "core/evaluation_verdict.hpp"

namespace faro {
namespace {

std::string names(const std::vector<size_t>& idx, const SectorSet& sectors, size_t max = 12) {
  std::string s;
  for (size_t k = 0; k < idx.size() && k < max; ++k)
    s += (k ? ", " : "") + sectors.sectors[idx[k]].name;
  if (idx.size() > max) s += ", … (" + std::to_string(idx.size()) + ")";
  return s.empty() ? "-" : s;
}

}  // namespace

std::string did_short_text(const Estimate<DidResult>& did, Language lang) {
  if (!did) return eval_reason_text(did.why, lang);
  return ratio_interval_text(did.value->shown(), lang);
}

CheckLines evaluation_check_lines(const ProgramEvaluation& ev, const SectorSet& sectors,
                                  Language lang) {
  CheckLines out;
  out.headline = verdict_headline(ev.verdict, lang);
  out.rule = verdict_rule_text(lang);
  out.checks = verdict_check_lines(ev, lang);
  if (ev.placebo_in_time) {
    const PlaceboInTime& p = *ev.placebo_in_time.value;
    out.others.push_back(tr_format(lang, Msg::check_placebo_in_time, p.shift_weeks,
                                   did_short_text(p.did, lang).c_str()));
  }
  const SpilloverResult& s = ev.spillover;
  if (s.buffer_m < 0) {
    out.others.push_back(tr(Msg::check_spillover_off, lang));
  } else {
    const std::string how = s.buffer_m > 0
                                ? tr_format(lang, Msg::check_spillover_buffer, s.buffer_m)
                                : std::string(tr(Msg::check_spillover_touching, lang));
    out.others.push_back(
        tr_format(lang, s.excluded ? Msg::check_spillover_ring : Msg::check_spillover_kept,
                  how.c_str(), names(s.ring, sectors).c_str()));
    if (!s.ring.empty())
      out.others.push_back(
          tr_format(lang, Msg::check_displacement, did_short_text(s.displacement, lang).c_str()));
  }
  if (ev.comparative_its)
    out.others.push_back(
        tr_format(lang, Msg::check_comparative_its,
                  ratio_interval_text(ev.comparative_its.value->level_change.ratio, lang).c_str()));
  for (const SensitivityRow& row : ev.sensitivity)
    out.others.push_back(tr_format(lang, Msg::check_sensitivity_row, row.window_weeks,
                                   did_short_text(row.did, lang).c_str(), row.eligible));
  return out;
}

std::string evaluation_checks_text(const ProgramEvaluation& ev, const SectorSet& sectors,
                                   Language lang) {
  const CheckLines c = evaluation_check_lines(ev, sectors, lang);
  std::string t = c.headline + "\n  " + c.rule + "\n";
  for (const std::string& l : c.checks) t += "  - " + l + "\n";
  for (const std::string& l : c.others) t += "  " + l + "\n";
  return t;
}

}  // namespace faro
