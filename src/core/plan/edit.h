// Edits: every change a planner makes to a project, in a form that can be applied, reverted
// and written down.
//
// An Edit is a list of entity changes, each holding the entity as it was before and as it is
// after (JSON text; absent when the entity did not exist / no longer exists). That makes every
// edit its own undo, lets one user action touch several entities at once (painting a unit
// into a zone takes it out of the zone that had it; deleting a zone removes its
// interventions), and lets the history be stored as rows and replayed after a restart.
//
// The make_* functions read the current state to record "before", check what a user could
// get wrong (an unknown zone, a locked zone) and return the edit without applying it;
// EditHistory (core/plan/edit_history.h) applies it. They also refuse what the history could
// not keep (core/plan/edit_checks.h): text that is not UTF-8 or is too long, numbers that are
// not finite or beyond their bound (unit cost, households, budget cap), zone points that are
// not longitude/latitude. The *_to_json functions never throw, whatever a state holds.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/join/join.h"
#include "core/plan/intervention.h"
#include "core/plan/plan.h"
#include "core/plan/zone.h"
#include "core/util/result.h"

namespace chipao {

// Everything of a project that edits change (the layers and joined figures are not edited).
struct PlanningState {
  std::vector<Zone> zones;                       // sorted by id
  std::vector<CatalogueEntry> catalogue;         // sorted by id
  Plan plan;                                     // interventions sorted by id
  std::vector<MunicipalAssignment> assignments;  // sorted by municipal code
  std::map<std::string, std::string> settings;

  const Zone* zone(std::int64_t id) const;
  const Intervention* intervention(std::int64_t id) const;
  const CatalogueEntry* catalogue_entry(std::string_view id) const;
  std::int64_t next_zone_id() const;
  std::int64_t next_intervention_id() const;
};
bool operator==(const PlanningState& a, const PlanningState& b);

enum class EntityKind : std::uint8_t { zone, intervention, catalogue, assignment, setting, budget };
std::string_view entity_kind_key(EntityKind kind);  // "zone", "intervention", ...

struct EntityChange {
  EntityKind kind = EntityKind::zone;
  std::string key;  // zone/intervention id as decimal, catalogue id, municipal code, setting key
  std::optional<std::string> before;  // the entity as JSON; unset: it did not exist
  std::optional<std::string> after;   // unset: it is removed
};

struct Edit {
  std::string action;   // "create zone", "paint units", ... (English, for logs and the CLI)
  std::string summary;  // what it did, for the history list: "paint 3 tambons into เขต 1"
  std::vector<EntityChange> changes;
};

// Applies the edit (forward) or reverts it (backward). Every entity must be as the edit
// recorded it (its "before" forward, its "after" backward); otherwise nothing changes and an
// error says which entity differs: the history does not belong to this state.
Result<void> apply_edit(PlanningState& state, const Edit& edit, bool forward = true);

// Serialised form (JSON text), stable: a history written by this version reads back equal.
std::string edit_to_json(const Edit& edit);
Result<Edit> edit_from_json(std::string_view text);

std::string zone_to_json(const Zone& zone);
Result<Zone> zone_from_json(std::string_view text);
std::string intervention_to_json(const Intervention& intervention);
Result<Intervention> intervention_from_json(std::string_view text);
std::string catalogue_entry_to_json(const CatalogueEntry& entry);
Result<CatalogueEntry> catalogue_entry_from_json(std::string_view text);

// Builders. A zone id of 0 (create, import) or an intervention id of 0 (add) is replaced by
// the next free id. Painted units are normalised codes.
Result<Edit> make_create_zone(const PlanningState& state, Zone zone);
Result<Edit> make_import_zones(const PlanningState& state, std::vector<Zone> zones,
                               const std::string& source);
Result<Edit> make_rename_zone(const PlanningState& state, std::int64_t id, std::string name);
Result<Edit> make_recolour_zone(const PlanningState& state, std::int64_t id, std::string hex);
Result<Edit> make_set_zone_locked(const PlanningState& state, std::int64_t id, bool locked);
Result<Edit> make_set_zone_polygon(const PlanningState& state, std::int64_t id,
                                   FeatureGeometry polygon);
// Adds the units to the zone and takes them out of every other zone, in one edit.
Result<Edit> make_paint_units(const PlanningState& state, std::int64_t id,
                              const std::vector<std::string>& codes);
Result<Edit> make_erase_units(const PlanningState& state, std::int64_t id,
                              const std::vector<std::string>& codes);
// Removes the zone and its interventions.
Result<Edit> make_delete_zone(const PlanningState& state, std::int64_t id);
Result<Edit> make_add_intervention(const PlanningState& state, Intervention intervention);
Result<Edit> make_update_intervention(const PlanningState& state, Intervention intervention);
Result<Edit> make_remove_intervention(const PlanningState& state, std::int64_t id);
// Adds the entry, or replaces the one with the same id.
Result<Edit> make_put_catalogue_entry(const PlanningState& state, CatalogueEntry entry);
Result<Edit> make_remove_catalogue_entry(const PlanningState& state, const std::string& id);
// Sets municipal area `assignment.municipal_code`'s tambons; no tambons: removes it.
Result<Edit> make_set_assignment(const PlanningState& state, MunicipalAssignment assignment);
// Sets a setting; an unset value removes it.
Result<Edit> make_set_setting(const PlanningState& state, const std::string& key,
                              std::optional<std::string> value);
Result<Edit> make_set_budget_cap(const PlanningState& state, double baht);

}  // namespace chipao
