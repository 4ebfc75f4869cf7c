// The filter behind every dashboard panel: one multithreaded pass over the incident columns that
// yields the selected rows and the counts each panel shows (per sector, and per category / hour /
// weekday each ignoring its own filter so a checklist can show what ticking a box would add).
#include "core/workspace.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <iterator>
#include <limits>
#include <memory>

#include "core/choropleth_change.hpp"
#include "core/parallel_for.hpp"

namespace faro {
namespace {

// Below this many rows per thread, starting a thread costs more than it saves.
constexpr size_t kMinRowsPerThread = 64 * 1024;

// Per-thread partial result; merged in chunk order so `rows` stays ascending.
struct Partial {
  // Uninitialised buffer sized for the whole chunk: no reallocation or zero-fill in the hot loop.
  std::unique_ptr<uint32_t[]> rows;
  size_t row_count = 0;
  std::vector<int64_t> per_sector, per_category;
  std::array<int64_t, 24> per_hour{};
  std::array<int64_t, 7> per_weekday{};
};

// Whether `f` selects every row (no dates, categories, hours, weekdays or sectors): then the rows
// are 0 .. n-1 and the pass only counts.
bool selects_everything(const IncidentFilter& f) {
  return !f.from && !f.to_exclusive && f.categories.empty() && f.all_hours() &&
         (f.weekday_mask & 0x7F) == 0x7F && f.sectors.empty();
}

// 0, 1, 2, ... as a random-access iterator, so std::vector's range constructor allocates once and
// writes each index once (no zero-fill first: at 10 M rows the fill and its page faults cost as
// much as the counting pass).
struct RowCounter {
  using iterator_category = std::random_access_iterator_tag;
  using value_type = uint32_t;
  using difference_type = std::ptrdiff_t;
  using pointer = const uint32_t*;
  using reference = uint32_t;
  uint32_t i = 0;
  uint32_t operator*() const { return i; }
  RowCounter& operator++() { ++i; return *this; }
  RowCounter operator++(int) { RowCounter old = *this; ++i; return old; }
  RowCounter& operator--() { --i; return *this; }
  RowCounter& operator+=(difference_type d) { i += static_cast<uint32_t>(d); return *this; }
  friend RowCounter operator+(RowCounter a, difference_type d) { return a += d; }
  friend difference_type operator-(RowCounter a, RowCounter b) {
    return static_cast<difference_type>(a.i) - static_cast<difference_type>(b.i);
  }
  friend bool operator==(RowCounter a, RowCounter b) { return a.i == b.i; }
};

// Counts rows [begin, end). A row counts anywhere only when it passes the date range and the
// sector subset; the category, hour and weekday tests are then evaluated separately so each
// histogram can leave out its own test.
void count_chunk(const IncidentStore& st, const IncidentFilter& f, size_t sector_count,
                 size_t begin, size_t end, Partial& out) {
  const int64_t from = f.from.value_or(std::numeric_limits<int64_t>::min());
  const int64_t to = f.to_exclusive.value_or(std::numeric_limits<int64_t>::max());
  const bool any_category = f.categories.empty();
  const bool all_hours = f.all_hours();
  const bool any_sector = f.sectors.empty();
  const bool assigned = st.sector.size() == st.size();
  out.per_sector.assign(sector_count + 1, 0);
  out.per_category.assign(st.categories.size(), 0);
  out.rows.reset(new uint32_t[end - begin]);
  uint32_t* rows = out.rows.get();
  size_t selected = 0;

  for (size_t i = begin; i < end; ++i) {
    const int64_t t = st.t[i];
    if (t < from || t >= to) continue;
    int32_t sec = assigned ? st.sector[i] : kNoSector;
    if (sec < 0 || static_cast<size_t>(sec) >= sector_count) sec = kNoSector;
    if (!any_sector && (sec < 0 || static_cast<size_t>(sec) >= f.sectors.size() || !f.sectors[sec]))
      continue;

    const uint16_t cat = st.category[i];
    const bool cat_ok = any_category || (cat < f.categories.size() && f.categories[cat] != 0);
    const int64_t days = days_of(t);
    const int wd = weekday_of_days(days);
    const bool wd_ok = (f.weekday_mask >> wd) & 1;
    const bool has_time = st.flags[i] & kHasTimeOfDay;
    const int hour = static_cast<int>((t - days * kSecondsPerDay) / 3600);
    // Same rule as IncidentFilter::accepts: rows with no time of day pass only "all hours".
    const bool hour_ok = all_hours || (has_time && ((f.hour_mask >> hour) & 1));

    if (cat < out.per_category.size()) out.per_category[cat] += wd_ok && hour_ok;
    out.per_hour[hour] += has_time && cat_ok && wd_ok;  // rows with no time have no hour bin
    out.per_weekday[wd] += cat_ok && hour_ok;
    if (cat_ok && wd_ok && hour_ok) {
      rows[selected++] = static_cast<uint32_t>(i);
      ++out.per_sector[sec < 0 ? sector_count : static_cast<size_t>(sec)];
    }
  }
  out.row_count = selected;
}

// The counts of rows [begin, end) when every row is selected (selects_everything), added to
// `out`: the numbers count_chunk makes for such a filter, without the tests. Hour and weekday come from one joint
// bin (weekday, hour, has time of day), and each histogram has 4 copies taken in turn, so runs
// of rows with the same bin (the store is mostly in time order) do not wait on each other's
// increments.
void count_everything(const IncidentStore& st, size_t sector_count, size_t begin, size_t end,
                      Partial& out) {
  constexpr size_t kLanes = 4, kJoint = 7 * 24 * 2;
  const size_t cats = st.categories.size(), secs = sector_count + 1;
  std::vector<int64_t> cat(kLanes * cats, 0), sec(kLanes * secs, 0), joint(kLanes * kJoint, 0);
  const bool assigned = st.sector.size() == st.size();
  // The day of the previous row: rows are mostly in time order, so most rows fall in it and skip
  // the 64-bit floor division and the modulo (others recompute it; any order gives the same bins).
  int64_t day_start = 0, day_end = 0;  // [start, end) seconds; empty at first
  int wd = 0;
  for (size_t i = begin; i < end; ++i) {
    const size_t lane = i & (kLanes - 1);
    const int64_t t = st.t[i];
    if (t < day_start || t >= day_end) {
      const int64_t days = days_of(t);
      wd = weekday_of_days(days);
      day_start = days * kSecondsPerDay;
      day_end = day_start + kSecondsPerDay;
    }
    const int hour = static_cast<int>(static_cast<uint32_t>(t - day_start) / 3600u);
    const bool has_time = st.flags[i] & kHasTimeOfDay;
    int32_t s = assigned ? st.sector[i] : kNoSector;
    if (s < 0 || static_cast<size_t>(s) >= sector_count) s = static_cast<int32_t>(sector_count);
    const uint16_t c = st.category[i];
    if (c < cats) ++cat[lane * cats + c];
    ++sec[lane * secs + static_cast<size_t>(s)];
    ++joint[lane * kJoint + static_cast<size_t>((wd * 24 + hour) * 2 + has_time)];
  }
  for (size_t lane = 0; lane < kLanes; ++lane) {
    for (size_t c = 0; c < cats; ++c) out.per_category[c] += cat[lane * cats + c];
    for (size_t s = 0; s < secs; ++s) out.per_sector[s] += sec[lane * secs + s];
    for (int wd = 0; wd < 7; ++wd)
      for (int hour = 0; hour < 24; ++hour) {
        const int64_t* j = &joint[lane * kJoint + static_cast<size_t>((wd * 24 + hour) * 2)];
        out.per_weekday[wd] += j[0] + j[1];
        out.per_hour[hour] += j[1];  // rows with no time of day have no hour bin
      }
  }
  out.row_count += end - begin;
}

}  // namespace

IncidentFilter Workspace::make_filter(const FilterState& f) const {
  IncidentFilter out;
  out.from = f.from;
  out.to_exclusive = f.to_exclusive;
  out.hour_mask = f.hour_mask & 0xFFFFFF;
  out.weekday_mask = f.weekday_mask & 0x7F;
  // A non-empty name list becomes a mask even when no name is known here: the user asked for
  // those categories only, and this data has none of them, so nothing is selected.
  if (!f.categories.empty()) {
    out.categories.assign(incidents.categories.size(), 0);
    for (const std::string& name : f.categories)
      if (auto code = incidents.categories.find(name)) out.categories[*code] = 1;
  }
  if (!f.sectors.empty()) {
    out.sectors.assign(sectors.size(), 0);
    for (const std::string& name : f.sectors)
      if (auto idx = sectors.find(name)) out.sectors[*idx] = 1;
  }
  return out;
}

FilterResult compute_filter_result(const Workspace& ws, const FilterState& state) {
  const IncidentFilter f = ws.make_filter(state);
  const IncidentStore& st = ws.incidents;
  const size_t n = st.size(), sector_count = ws.sectors.size();

  const unsigned threads =
      static_cast<unsigned>(std::clamp<size_t>(n / kMinRowsPerThread, 1, worker_count()));
  std::vector<Partial> parts(threads);
  FilterResult r;
  if (selects_everything(f)) {
    // Every row: worker 0 first writes the rows 0 .. n-1 (one serial pass, mostly page faults),
    // meanwhile the others start counting; blocks of rows are handed out as workers come free, so
    // the count balances around the write (counts are sums: any order gives the same).
    constexpr size_t kBlock = 256 * 1024;
    std::atomic<size_t> next{0};
    const size_t blocks = (n + kBlock - 1) / kBlock;
    parallel_workers(threads, [&](unsigned k) {
      Partial& p = parts[k];
      p.per_sector.assign(sector_count + 1, 0);
      p.per_category.assign(st.categories.size(), 0);
      if (k == 0) r.rows.assign(RowCounter{0}, RowCounter{static_cast<uint32_t>(n)});
      for (size_t b = next++; b < blocks; b = next++)
        count_everything(st, sector_count, b * kBlock, std::min(n, (b + 1) * kBlock), p);
    });
  } else {
    // Contiguous chunks, merged below in chunk order: rows stay in store order.
    parallel_workers(threads, [&](unsigned k) {
      count_chunk(st, f, sector_count, n * k / threads, n * (k + 1) / threads, parts[k]);
    });
  }

  r.per_sector.assign(sector_count + 1, 0);
  r.per_category.assign(st.categories.size(), 0);
  r.per_hour.assign(24, 0);
  r.per_weekday.assign(7, 0);
  size_t total_rows = 0;
  for (const Partial& p : parts) total_rows += p.row_count;
  if (r.rows.empty()) r.rows.reserve(total_rows);
  for (const Partial& p : parts) {
    if (p.rows) r.rows.insert(r.rows.end(), p.rows.get(), p.rows.get() + p.row_count);
    for (size_t i = 0; i < p.per_sector.size(); ++i) r.per_sector[i] += p.per_sector[i];
    for (size_t i = 0; i < p.per_category.size(); ++i) r.per_category[i] += p.per_category[i];
    for (size_t i = 0; i < 24; ++i) r.per_hour[i] += p.per_hour[i];
    for (size_t i = 0; i < 7; ++i) r.per_weekday[i] += p.per_weekday[i];
  }
  r.total = static_cast<int64_t>(r.rows.size());
  return r;
}

double period_years_of(const Workspace& ws, const FilterState& filter) {
  const CivilSeconds from = filter.from.value_or(ws.data_from);
  const CivilSeconds to = filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (to <= from) return 0;
  return period_years_between(from, to);
}

std::optional<PreviousCounts> previous_period_counts(const Workspace& ws,
                                                     const FilterState& filter) {
  const CivilSeconds from = filter.from.value_or(ws.data_from);
  const CivilSeconds to = filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (to <= from) return std::nullopt;
  const Period before = previous_period({from, to});
  FilterState f = filter;
  f.from = before.from;
  f.to_exclusive = before.to_exclusive;
  const IncidentFilter pick = ws.make_filter(f);
  PreviousCounts out;
  out.from = before.from;
  out.to_exclusive = before.to_exclusive;
  const size_t n = ws.sectors.size();
  out.per_sector.assign(n, 0.0);
  const IncidentStore& st = ws.incidents;
  const bool weighted = st.weight.size() == st.size();
  const bool assigned = st.sector.size() == st.size();
  if (!assigned) return out;
  for (size_t i = 0; i < st.size(); ++i) {
    const int32_t s = st.sector[i];
    if (!pick.accepts(st, i)) continue;
    const double w = weighted ? st.weight[i] : 1.0;
    if (s < 0 || static_cast<size_t>(s) >= n)
      out.outside += w;
    else
      out.per_sector[static_cast<size_t>(s)] += w;
  }
  return out;
}

}  // namespace faro
