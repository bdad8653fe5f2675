// Numbers and dates as Thai planners read them on maps, legends and reports: thousands
// separated by commas, dates in the Buddhist era with Thai month abbreviations (or in English
// with the Common Era).
#pragma once

#include <cstdint>
#include <string>

namespace chipao {

// 1234567.891 with 2 decimals -> "1,234,567.89"; negatives keep their sign ("-1,200"), a value
// that rounds to zero never shows "-0"; NaN -> "–" (an en dash), infinities -> "∞" / "-∞".
// decimals is clamped to 0..9.
std::string format_thousands(double value, int decimals = 0);
std::string format_count(std::int64_t count);  // 7425 -> "7,425"

int buddhist_year(int year_ce);  // year_ce + 543

// thai: "21 พ.ย. 2569" (Buddhist era, Thai month abbreviation); english: "21 Nov 2026".
// A month outside 1..12 gives the numeric form "21/13/2569" rather than a wrong name.
std::string format_date_be(int year_ce, int month, int day, bool thai);

}  // namespace chipao
