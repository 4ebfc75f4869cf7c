#include "io/goals_json.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace faro::io {
namespace {

using nlohmann::json;

constexpr const char* kGoalKeys[] = {"indicator", "where", "baseline_from", "baseline_to",
                                     "from",      "to",    "target"};

std::string place(const std::string& source, const std::string& program, size_t index) {
  return source + ": program '" + program + "', goal " + std::to_string(index + 1);
}

std::string text_of(const json& obj, const char* key, const std::string& at) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (!it->is_string())
    throw DataError(at + ", field '" + key + "': expected text, got " + it->dump());
  return it->get<std::string>();
}

}  // namespace

std::vector<ProgramGoal> read_goals_json(const json& goals, const std::string& source,
                                         const std::string& program) {
  if (goals.is_null()) return {};
  if (!goals.is_array())
    throw DataError(source + ": program '" + program + "', field 'goals': expected an array");
  std::vector<ProgramGoal> out;
  for (size_t i = 0; i < goals.size(); ++i) {
    const std::string at = place(source, program, i);
    const json& g = goals[i];
    if (!g.is_object()) throw DataError(at + ": expected an object");
    for (const auto& [key, value] : g.items()) {
      bool known = false;
      for (const char* k : kGoalKeys) known = known || key == k;
      if (!known) throw DataError(at + ", field '" + key + "': unknown key");
    }
    GoalFields f;
    f.indicator = text_of(g, "indicator", at);
    f.where = text_of(g, "where", at);
    f.baseline_from = text_of(g, "baseline_from", at);
    f.baseline_to = text_of(g, "baseline_to", at);
    f.from = text_of(g, "from", at);
    f.to = text_of(g, "to", at);
    if (auto t = g.find("target"); t != g.end() && !t->is_null()) {
      if (!t->is_number())
        throw DataError(at + ", field 'target': expected a number, got " + t->dump());
      f.target = t->get<double>();
    }
    GoalProblem problem;
    const auto goal = make_goal(f, problem);
    if (!goal) throw DataError(at + ", field '" + problem.field + "': " + problem.message);
    out.push_back(*goal);
  }
  return out;
}

json goals_to_json(const std::vector<ProgramGoal>& goals) {
  json arr = json::array();
  for (const ProgramGoal& g : goals) {
    const GoalFields f = goal_fields(g);
    json o = {{"indicator", f.indicator}};
    if (!f.where.empty()) o["where"] = f.where;
    if (!f.baseline_from.empty()) {
      o["baseline_from"] = f.baseline_from;
      o["baseline_to"] = f.baseline_to;
    }
    o["from"] = f.from;
    o["to"] = f.to;
    o["target"] = g.target;
    arr.push_back(std::move(o));
  }
  return arr;
}

std::string goals_sidecar_path(const std::string& programs_source) {
  std::filesystem::path p(programs_source);
  return (p.parent_path() / (p.stem().string() + ".goals.json")).string();
}

void attach_goals_sidecar(ProgramLoadResult& loaded, const std::string& source) {
  const std::string path = goals_sidecar_path(source);
  std::ifstream in(path, std::ios::binary);  // read-only; absent = no goals
  if (!in) return;
  std::ostringstream text;
  text << in.rdbuf();
  const json doc = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) throw DataError(path + ": not valid JSON");
  if (!doc.is_object() || !doc.contains("programs") || !doc["programs"].is_array())
    throw DataError(path + ": expected {\"programs\": [{\"name\": ..., \"goals\": [...]}]}");
  for (const json& p : doc["programs"]) {
    if (!p.is_object() || !p.contains("name") || !p["name"].is_string())
      throw DataError(path + ": every program needs a \"name\"");
    const std::string name = p["name"].get<std::string>();
    auto it = std::find_if(loaded.programs.begin(), loaded.programs.end(),
                           [&](const Program& q) { return q.name == name; });
    if (it == loaded.programs.end())
      throw DataError(path + ": program '" + name + "' is not in " + source);
    it->goals = read_goals_json(p.contains("goals") ? p["goals"] : json(), path, name);
  }
}

}  // namespace faro::io
