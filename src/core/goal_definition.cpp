#include "core/goal_definition.hpp"

#include <cctype>
#include <cmath>

namespace faro {
namespace {

constexpr const char* kIndicatorIds[] = {"reduction_pct", "count_max", "rate_per_10k_max",
                                         "did_reduction_pct"};

// A tiny scanner over the restricted filter: identifiers, one keyword (IN), '=', '(' ',' ')' and
// single-quoted strings. Anything outside that grammar is an error, never ignored.
struct Scanner {
  std::string_view s;
  size_t i = 0;
  void skip_space() {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  }
  bool at_end() {
    skip_space();
    return i >= s.size();
  }
  bool eat(char c) {
    skip_space();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  std::string identifier() {
    skip_space();
    const size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    return std::string(s.substr(start, i - start));
  }
  // A single-quoted value ('' inside means one quote); false when there is none or it is open.
  bool quoted(std::string& out) {
    skip_space();
    if (i >= s.size() || s[i] != '\'') return false;
    ++i;
    out.clear();
    while (i < s.size()) {
      if (s[i] == '\'') {
        if (i + 1 < s.size() && s[i + 1] == '\'') {
          out += '\'';
          i += 2;
          continue;
        }
        ++i;
        return true;
      }
      out += s[i++];
    }
    return false;
  }
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(a[k])) !=
        std::tolower(static_cast<unsigned char>(b[k])))
      return false;
  return true;
}

std::string quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// A date field: empty stays nullopt; otherwise YYYY-MM-DD (or the other forms parse_datetime takes).
bool parse_day(const std::string& text, const char* field, std::optional<CivilSeconds>& out,
               GoalProblem& problem) {
  if (text.empty()) return true;
  CivilSeconds t = 0;
  if (parse_datetime(text, DateOrder::dmy, t) != DateParseStatus::ok) {
    problem = {field, "expected a date YYYY-MM-DD, got '" + text + "'"};
    return false;
  }
  out = days_of(t) * kSecondsPerDay;
  return true;
}

}  // namespace

const char* goal_indicator_id(GoalIndicator i) { return kIndicatorIds[static_cast<int>(i)]; }

std::optional<GoalIndicator> goal_indicator_from_id(std::string_view id) {
  for (int k = 0; k < 4; ++k)
    if (id == kIndicatorIds[k]) return static_cast<GoalIndicator>(k);
  return std::nullopt;
}

bool goal_needs_baseline(GoalIndicator i) {
  return i == GoalIndicator::reduction_pct || i == GoalIndicator::did_reduction_pct;
}

std::optional<GoalWhere> parse_goal_where(std::string_view text, std::string& problem) {
  Scanner sc{text};
  GoalWhere w;
  if (sc.at_end()) return w;  // no filter: every incident
  const auto refuse = [&](const std::string& why) -> std::optional<GoalWhere> {
    problem = why + " (expected FIELD IN ('a', 'b') or FIELD = 'a')";
    return std::nullopt;
  };
  w.field = sc.identifier();
  if (w.field.empty()) return refuse("no field name");
  std::string value;
  if (sc.eat('=')) {
    if (!sc.quoted(value)) return refuse("the value after '=' must be in single quotes");
    w.values.push_back(value);
  } else {
    const std::string keyword = sc.identifier();
    if (!iequals(keyword, "IN")) return refuse("unexpected '" + keyword + "' after " + w.field);
    if (!sc.eat('(')) return refuse("'(' expected after IN");
    do {
      if (!sc.quoted(value)) return refuse("each value in IN (...) must be in single quotes");
      w.values.push_back(value);
    } while (sc.eat(','));
    if (!sc.eat(')')) return refuse("')' expected to close IN (...)");
  }
  if (!sc.at_end()) return refuse("unexpected text after the filter: '" +
                                  std::string(text.substr(sc.i)) + "'");
  return w;
}

std::string goal_where_text(const GoalWhere& where) {
  if (where.all()) return "";
  if (where.values.size() == 1) return where.field + " = " + quote(where.values[0]);
  std::string s = where.field + " IN (";
  for (size_t k = 0; k < where.values.size(); ++k) s += (k ? ", " : "") + quote(where.values[k]);
  return s + ")";
}

std::optional<ProgramGoal> make_goal(const GoalFields& f, GoalProblem& problem) {
  ProgramGoal g;
  const auto indicator = goal_indicator_from_id(f.indicator);
  if (!indicator) {
    problem = {"indicator", "unknown indicator '" + f.indicator +
                                "' (expected reduction_pct, count_max, rate_per_10k_max or "
                                "did_reduction_pct)"};
    return std::nullopt;
  }
  g.indicator = *indicator;
  std::string why;
  const auto where = parse_goal_where(f.where, why);
  if (!where) {
    problem = {"where", why};
    return std::nullopt;
  }
  g.where = *where;
  std::optional<CivilSeconds> bf, bt, cf, ct;
  if (!parse_day(f.baseline_from, "baseline_from", bf, problem) ||
      !parse_day(f.baseline_to, "baseline_to", bt, problem) ||
      !parse_day(f.from, "from", cf, problem) || !parse_day(f.to, "to", ct, problem))
    return std::nullopt;
  if (!cf || !ct) {
    problem = {cf ? "to" : "from", "the goal's window needs both from and to"};
    return std::nullopt;
  }
  if (*ct < *cf) {
    problem = {"to", "the window ends (" + f.to + ") before it starts (" + f.from + ")"};
    return std::nullopt;
  }
  g.current = {*cf, *ct + kSecondsPerDay};  // "to" is the last day counted
  if (bf.has_value() != bt.has_value()) {
    problem = {bf ? "baseline_to" : "baseline_from",
               "the baseline window needs both baseline_from and baseline_to"};
    return std::nullopt;
  }
  if (bf) {
    if (*bt < *bf) {
      problem = {"baseline_to", "the baseline ends (" + f.baseline_to + ") before it starts (" +
                                    f.baseline_from + ")"};
      return std::nullopt;
    }
    g.baseline = GoalWindow{*bf, *bt + kSecondsPerDay};
  } else if (goal_needs_baseline(g.indicator)) {
    problem = {"baseline_from",
               std::string(goal_indicator_id(g.indicator)) + " needs a baseline window"};
    return std::nullopt;
  }
  if (!f.target || !std::isfinite(*f.target) || *f.target < 0) {
    problem = {"target", "expected a number of at least 0"};
    return std::nullopt;
  }
  if (goal_needs_baseline(g.indicator) && *f.target > 100) {
    problem = {"target", "a reduction target is a percent from 0 to 100"};
    return std::nullopt;
  }
  g.target = *f.target;
  return g;
}

GoalFields goal_fields(const ProgramGoal& g) {
  GoalFields f;
  f.indicator = goal_indicator_id(g.indicator);
  f.where = goal_where_text(g.where);
  if (g.baseline) {
    f.baseline_from = format_date(g.baseline->from);
    f.baseline_to = format_date(g.baseline->to_exclusive - kSecondsPerDay);
  }
  f.from = format_date(g.current.from);
  f.to = format_date(g.current.to_exclusive - kSecondsPerDay);
  f.target = g.target;
  return f;
}

}  // namespace faro
