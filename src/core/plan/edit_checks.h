// Checks on what an edit would store, before it is stored: a project keeps every edit in its
// history as JSON, and the history must always be written and read back. So text is UTF-8
// (JSON cannot hold other bytes; a name read from a TIS-620 file without conversion, or
// pasted from a broken file, would otherwise fail only when the edit is written), of a
// bounded size, and every number is finite and within a bound that no real plan reaches
// (1e308 baht per household is a typing accident, and it prints totals as "inf").
//
// Each failure is one line naming the field and saying what to do. Quotes, SQL, newlines,
// emoji and Thai are text like any other and pass unchanged: nothing is escaped or trimmed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/geo/geometry.h"
#include "core/join/join.h"
#include "core/plan/intervention.h"
#include "core/plan/zone.h"
#include "core/util/result.h"

namespace chipao {

// Names, ids, agencies, dates: far above any real one (a Thai name of 100,000 bytes is about
// 33,000 characters), small enough that a pasted file does not go into the history.
inline constexpr std::size_t kMaxEditTextBytes = 100'000;
// A setting's value can hold a list (the saved views as JSON), so it may be larger.
inline constexpr std::size_t kMaxSettingValueBytes = 4'000'000;
// Baht per household of one intervention: ten million is more than a house.
inline constexpr double kMaxUnitCostBaht = 10'000'000;
// Target households of one intervention: Thailand has about 22 million households in all.
inline constexpr std::int64_t kMaxHouseholds = 10'000'000;
// A plan's budget cap: 10 trillion baht is more than three national budgets.
inline constexpr double kMaxBudgetCapBaht = 1e13;

// `field` names the text for the message: "zone name", "intervention agency". Fails when the
// text is not valid UTF-8 (the message gives the offset and value of the first bad byte, never
// the bytes themselves) or longer than `max_bytes`.
Result<void> check_edit_text(std::string_view field, std::string_view text,
                             std::size_t max_bytes = kMaxEditTextBytes);

// Fails when `value` is not a finite number from 0 to `max`; `unit` follows the numbers in
// the message ("baht per household").
Result<void> check_edit_amount(std::string_view field, double value, double max,
                               std::string_view unit);

// Fails when `value` is negative or above `max`.
Result<void> check_edit_count(std::string_view field, std::int64_t value, std::int64_t max);

// Fails when a point of the geometry is not finite or lies outside longitude -180..180 and
// latitude -90..90 (a zone is WGS 84; larger numbers mean the file's CRS was not understood).
Result<void> check_edit_lon_lat(std::string_view field, const FeatureGeometry& geometry);

// Every field of the entity, as the make_* builders of core/plan/edit.h store it. Messages
// start with the entity ("zone 3 name ...", "intervention 2 agency ...", "catalogue entry
// income-training unit cost ...").
Result<void> check_zone_fields(const Zone& zone);
Result<void> check_intervention_fields(const Intervention& intervention);
Result<void> check_catalogue_fields(const CatalogueEntry& entry);
Result<void> check_assignment_fields(const MunicipalAssignment& assignment);

}  // namespace chipao
