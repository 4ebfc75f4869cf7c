#pragma once
// The editing rules of the filters panel, separate from the drawing so they are testable:
// date-field parsing and validation, and toggles of categories, hours and weekdays on a
// FilterState. edit_filter() reports whether the filter actually changed; the app makes a new data
// snapshot (core/data_snapshot.hpp) when session.filter differs from its snapshot's filter.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/session.hpp"

namespace faro::ui {

enum class DateFieldStatus { empty, ok, invalid };

struct DateField {
  DateFieldStatus status = DateFieldStatus::empty;
  CivilSeconds day_start = 0;  // midnight of the date when ok
};

// Strict YYYY-MM-DD (surrounding spaces ignored; a real calendar date, years 1900..2100). The UI
// accepts no other format so that "03/04/2024" can never be read the wrong way round.
DateField parse_date_field(std::string_view text);

enum class DateRangeError { none, from_invalid, to_invalid, from_after_to };

// Sets f.from / f.to_exclusive from the panel's two text fields. `to_text` is an inclusive day
// (the UI says "until 2024-12-31"), stored as the next midnight. Empty = unbounded. On any error
// `f` is left unchanged.
DateRangeError apply_date_range(std::string_view from_text, std::string_view to_text,
                                FilterState& f);

// The texts the fields show for a filter: "" when unbounded; the inclusive last day for `to`.
std::string from_field_text(const FilterState& f);
std::string to_field_text(const FilterState& f);

// Categories: an empty list means every category. `all` is the list of names the checklist shows.
bool category_enabled(const FilterState& f, std::string_view name);
// Flips one category. Turning the last enabled category off is refused (an empty list would mean
// "all" again); enabling every category collapses back to the empty list. Returns whether `f`
// changed.
bool toggle_category(FilterState& f, const std::vector<std::string>& all, std::string_view name);

bool hour_enabled(const FilterState& f, int hour);  // 0..23
void toggle_hour(FilterState& f, int hour);
bool weekday_enabled(const FilterState& f, int weekday);  // 0 = Monday .. 6 = Sunday
void toggle_weekday(FilterState& f, int weekday);

// Runs `edit` on session.filter; returns whether the filter changed.
template <class Edit>
bool edit_filter(Session& session, Edit&& edit) {
  const FilterState before = session.filter;
  edit(session.filter);
  return !(before == session.filter);
}

}  // namespace faro::ui
