#include "core/offence_picker.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace faro {
namespace {

// Base letter of U+00C0..U+00FF (the second byte of its UTF-8 form after 0xC3, minus 0x80), 0 for
// the symbols and letters with no plain base (× ÷ Æ ß Ð Þ), which are kept unchanged.
char latin1_base(unsigned char second) {
  static constexpr char kBase[64] = {
      'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0-CF
      0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,    // D0-DF
      'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0-EF
      0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'}; // F0-FF
  return second >= 0x80 && second < 0xC0 ? kBase[second - 0x80] : 0;
}

bool is_selected(const FilterState& f, const std::string& name) {
  return f.categories.empty() ||
         std::find(f.categories.begin(), f.categories.end(), name) != f.categories.end();
}

// Stores `selected` (a subset of `all`) in `f`; all of them = the empty "every category" list.
bool store_selection(FilterState& f, const std::vector<std::string>& all,
                     std::vector<std::string> selected) {
  if (selected.empty()) return false;
  if (selected.size() >= all.size()) selected.clear();
  if (selected == f.categories) return false;
  f.categories = std::move(selected);
  return true;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      continue;
    }
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xC3 && next) {
      if (const char base = latin1_base(next)) {
        out += base;
        ++i;
        continue;
      }
    }
    // Combining diacritical marks U+0300..U+036F: CC 80..CC BF and CD 80..CD AF.
    if ((c == 0xCC && next >= 0x80 && next <= 0xBF) || (c == 0xCD && next >= 0x80 && next <= 0xAF)) {
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

namespace {
// Every space-separated word of the folded query `q` occurs in the folded `folded`.
bool folded_matches(std::string_view folded, std::string_view q) {
  size_t pos = 0;
  while (pos < q.size()) {
    const size_t start = q.find_first_not_of(' ', pos);
    if (start == std::string::npos) break;
    const size_t end = std::min(q.find(' ', start), q.size());
    if (folded.find(q.substr(start, end - start)) == std::string_view::npos) return false;
    pos = end;
  }
  return true;
}
}  // namespace

bool search_matches(std::string_view text, std::string_view query) {
  return folded_matches(fold_for_search(text), fold_for_search(query));
}

std::vector<std::string> PickerModel::names() const {
  std::vector<std::string> out;
  out.reserve(entries.size());
  for (const PickerEntry& e : entries) out.push_back(e.name);
  return out;
}

PickerModel build_picker_model(const std::vector<std::string>& names,
                               const std::vector<int64_t>& counts, const CategoryGroups& groups) {
  PickerModel m;
  for (size_t i = 0; i < names.size(); ++i) {
    m.entries.push_back({names[i], i < counts.size() ? counts[i] : 0});
    m.folded.push_back(fold_for_search(names[i]));
  }
  std::map<std::string, size_t> index;  // group name -> position in m.groups
  for (size_t i = 0; i < m.entries.size(); ++i) {
    std::string group;
    if (const auto it = groups.group_of.find(m.entries[i].name); it != groups.group_of.end())
      group = it->second;
    auto [pos, added] = index.try_emplace(group, m.groups.size());
    if (added) m.groups.push_back({group, 0, {}});
    PickerGroup& g = m.groups[pos->second];
    g.entries.push_back(i);
    g.count += m.entries[i].count;
  }
  m.grouped = std::any_of(m.groups.begin(), m.groups.end(),
                          [](const PickerGroup& g) { return !g.name.empty(); });
  // Busiest first (a real offence list has a long tail); ties by name so the order is stable.
  const auto by_count = [&](size_t a, size_t b) {
    if (m.entries[a].count != m.entries[b].count) return m.entries[a].count > m.entries[b].count;
    return m.entries[a].name < m.entries[b].name;
  };
  for (PickerGroup& g : m.groups) std::sort(g.entries.begin(), g.entries.end(), by_count);
  std::sort(m.groups.begin(), m.groups.end(), [](const PickerGroup& a, const PickerGroup& b) {
    if (a.name.empty() != b.name.empty()) return b.name.empty();  // the unnamed group last
    if (a.count != b.count) return a.count > b.count;
    return a.name < b.name;
  });
  return m;
}

std::vector<char> match_mask(const PickerModel& model, std::string_view query) {
  const std::string q = fold_for_search(query);
  std::vector<char> mask(model.entries.size());
  for (size_t i = 0; i < mask.size(); ++i)
    mask[i] = folded_matches(i < model.folded.size() ? std::string_view(model.folded[i])
                                                      : std::string_view(),
                             q);
  return mask;
}

std::vector<std::string> masked_names(const PickerModel& model, const std::vector<char>& mask) {
  std::vector<std::string> out;
  for (const PickerGroup& g : model.groups)
    for (size_t i : g.entries)
      if (i < mask.size() && mask[i]) out.push_back(model.entries[i].name);
  return out;
}

std::vector<std::string> matching_names(const PickerModel& model, std::string_view query) {
  return masked_names(model, match_mask(model, query));
}

std::vector<std::string> group_names(const PickerModel& model, const PickerGroup& group) {
  std::vector<std::string> out;
  for (size_t i : group.entries) out.push_back(model.entries[i].name);
  return out;
}

CheckState selection_state(const FilterState& f, const std::vector<std::string>& names) {
  size_t on = 0;
  for (const std::string& n : names) on += is_selected(f, n) ? 1 : 0;
  if (on == 0) return CheckState::off;
  return on == names.size() ? CheckState::on : CheckState::mixed;
}

bool select_only(FilterState& f, const std::vector<std::string>& all,
                 const std::vector<std::string>& names) {
  const std::set<std::string> wanted(names.begin(), names.end());
  std::vector<std::string> selected;
  for (const std::string& n : all)
    if (wanted.count(n)) selected.push_back(n);
  return store_selection(f, all, std::move(selected));
}

bool set_selected(FilterState& f, const std::vector<std::string>& all,
                  const std::vector<std::string>& names, bool on) {
  const std::set<std::string> changed(names.begin(), names.end());
  std::vector<std::string> selected;
  for (const std::string& n : all) {
    const bool now = changed.count(n) ? on : is_selected(f, n);
    if (now) selected.push_back(n);
  }
  return store_selection(f, all, std::move(selected));
}

}  // namespace faro
