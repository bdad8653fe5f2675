#include "core/plan/edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "core/plan/edit_checks.h"

namespace chipao {

namespace {

using nlohmann::json;

template <class T, class Key>
auto find_sorted(std::vector<T>& items, const Key& key, auto key_of) {
  return std::lower_bound(items.begin(), items.end(), key,
                          [&](const T& item, const Key& k) { return key_of(item) < k; });
}

auto zone_id_of = [](const Zone& z) { return z.id; };
auto intervention_id_of = [](const Intervention& i) { return i.id; };
auto catalogue_id_of = [](const CatalogueEntry& c) { return c.id; };
auto assignment_code_of = [](const MunicipalAssignment& a) { return a.municipal_code; };

// JSON text of an entity or edit. The builders refuse text that is not UTF-8, but a state read
// from a damaged or hand-edited project may still hold some; nlohmann's dump() would throw
// there (type_error 316), so bad bytes are written as U+FFFD instead: serialising never fails.
std::string text_of(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json geometry_json(const FeatureGeometry& g) {
  // An empty geometry has one form whatever its kind said: the store keeps it as NULL and
  // reads it back as FeatureGeometry{}, and the history must match what the store holds.
  if (g.empty()) {
    return json{{"kind", static_cast<int>(GeometryKind::none)},
                {"points", json::array()},
                {"rings", json::array()},
                {"polygons", json::array()}};
  }
  json points = json::array();
  for (const Vec2& p : g.points) {
    points.push_back(p.x);
    points.push_back(p.y);
  }
  return json{{"kind", static_cast<int>(g.kind)},
              {"points", std::move(points)},
              {"rings", g.ring_ends},
              {"polygons", g.polygon_ends}};
}

FeatureGeometry geometry_from(const json& j) {
  FeatureGeometry g;
  g.kind = static_cast<GeometryKind>(j.at("kind").get<int>());
  const auto& pts = j.at("points");
  for (std::size_t i = 0; i + 1 < pts.size(); i += 2)
    g.points.push_back({pts[i].get<double>(), pts[i + 1].get<double>()});
  g.ring_ends = j.at("rings").get<std::vector<std::uint32_t>>();
  g.polygon_ends = j.at("polygons").get<std::vector<std::uint32_t>>();
  return g;
}

json zone_json(const Zone& z) {
  return json{{"id", z.id},
              {"name", z.name},
              {"color", z.color_hex},
              {"locked", z.locked},
              {"kind", zone_kind_key(z.kind)},
              {"polygon", geometry_json(z.polygon)},
              {"units", z.unit_codes},
              {"unit_level", z.unit_level}};
}

Zone zone_from(const json& j) {
  Zone z;
  z.id = j.at("id").get<std::int64_t>();
  z.name = j.at("name").get<std::string>();
  z.color_hex = j.at("color").get<std::string>();
  z.locked = j.at("locked").get<bool>();
  z.kind = j.at("kind").get<std::string>() == "painted" ? ZoneKind::painted : ZoneKind::drawn;
  z.polygon = geometry_from(j.at("polygon"));
  z.unit_codes = j.at("units").get<std::vector<std::string>>();
  z.unit_level = j.at("unit_level").get<std::string>();
  return z;
}

json intervention_json(const Intervention& i) {
  return json{{"id", i.id},
              {"zone", i.zone_id},
              {"catalogue", i.catalogue_id ? json(*i.catalogue_id) : json(nullptr)},
              {"dimension", dimension_key(i.dimension)},
              {"households", i.households},
              {"unit_cost_baht", i.unit_cost_baht},
              {"agency", i.agency},
              {"start", i.start},
              {"end", i.end},
              {"status", intervention_status_key(i.status)}};
}

DimensionId dimension_from(const json& j) {
  const auto d = parse_dimension_key(j.get<std::string>());
  if (!d) throw json::other_error::create(501, "unknown dimension", &j);
  return *d;
}

Intervention intervention_from(const json& j) {
  Intervention i;
  i.id = j.at("id").get<std::int64_t>();
  i.zone_id = j.at("zone").get<std::int64_t>();
  if (!j.at("catalogue").is_null()) i.catalogue_id = j.at("catalogue").get<std::string>();
  i.dimension = dimension_from(j.at("dimension"));
  i.households = j.at("households").get<std::int64_t>();
  i.unit_cost_baht = j.at("unit_cost_baht").get<double>();
  i.agency = j.at("agency").get<std::string>();
  i.start = j.at("start").get<std::string>();
  i.end = j.at("end").get<std::string>();
  const auto s = parse_intervention_status(j.at("status").get<std::string>());
  if (!s) throw json::other_error::create(501, "unknown status", &j);
  i.status = *s;
  return i;
}

json catalogue_json(const CatalogueEntry& c) {
  return json{{"id", c.id},
              {"name_th", c.name_th},
              {"name_en", c.name_en},
              {"dimension", dimension_key(c.dimension)},
              {"agency_th", c.agency_th},
              {"agency_en", c.agency_en},
              {"unit_cost_baht", c.unit_cost_baht}};
}

CatalogueEntry catalogue_from(const json& j) {
  CatalogueEntry c;
  c.id = j.at("id").get<std::string>();
  c.name_th = j.at("name_th").get<std::string>();
  c.name_en = j.at("name_en").get<std::string>();
  c.dimension = dimension_from(j.at("dimension"));
  c.agency_th = j.at("agency_th").get<std::string>();
  c.agency_en = j.at("agency_en").get<std::string>();
  c.unit_cost_baht = j.at("unit_cost_baht").get<double>();
  return c;
}

json assignment_json(const MunicipalAssignment& a) {
  return json{{"municipal", a.municipal_code}, {"tambons", a.tambons}};
}

MunicipalAssignment assignment_from(const json& j) {
  return {j.at("municipal").get<std::string>(), j.at("tambons").get<std::vector<std::string>>()};
}

// The entity's current JSON text, unset when absent.
std::optional<std::string> current(const PlanningState& s, EntityKind kind,
                                   const std::string& key) {
  switch (kind) {
    case EntityKind::zone: {
      std::int64_t id = 0;
      std::from_chars(key.data(), key.data() + key.size(), id);
      if (const Zone* z = s.zone(id)) return text_of(zone_json(*z));
      return std::nullopt;
    }
    case EntityKind::intervention: {
      std::int64_t id = 0;
      std::from_chars(key.data(), key.data() + key.size(), id);
      if (const Intervention* i = s.intervention(id)) return text_of(intervention_json(*i));
      return std::nullopt;
    }
    case EntityKind::catalogue:
      if (const CatalogueEntry* c = s.catalogue_entry(key)) return text_of(catalogue_json(*c));
      return std::nullopt;
    case EntityKind::assignment:
      for (const auto& a : s.assignments)
        if (a.municipal_code == key) return text_of(assignment_json(a));
      return std::nullopt;
    case EntityKind::setting: {
      const auto it = s.settings.find(key);
      if (it == s.settings.end()) return std::nullopt;
      return text_of(json(it->second));
    }
    case EntityKind::budget:
      return text_of(json(s.plan.budget_cap_baht));
  }
  return std::nullopt;
}

template <class T, class Key, class KeyOf>
void put(std::vector<T>& items, const Key& key, KeyOf key_of, std::optional<T> value) {
  auto it = find_sorted(items, key, key_of);
  const bool found = it != items.end() && key_of(*it) == key;
  if (value) {
    if (found)
      *it = std::move(*value);
    else
      items.insert(it, std::move(*value));
  } else if (found) {
    items.erase(it);
  }
}

void set_entity(PlanningState& s, EntityKind kind, const std::string& key,
                const std::optional<std::string>& text) {
  std::optional<json> j;
  if (text) j = json::parse(*text);
  switch (kind) {
    case EntityKind::zone: {
      std::int64_t id = 0;
      std::from_chars(key.data(), key.data() + key.size(), id);
      put(s.zones, id, zone_id_of, j ? std::optional(zone_from(*j)) : std::nullopt);
      break;
    }
    case EntityKind::intervention: {
      std::int64_t id = 0;
      std::from_chars(key.data(), key.data() + key.size(), id);
      put(s.plan.interventions, id, intervention_id_of,
          j ? std::optional(intervention_from(*j)) : std::nullopt);
      break;
    }
    case EntityKind::catalogue:
      put(s.catalogue, key, catalogue_id_of, j ? std::optional(catalogue_from(*j)) : std::nullopt);
      break;
    case EntityKind::assignment:
      put(s.assignments, key, assignment_code_of,
          j ? std::optional(assignment_from(*j)) : std::nullopt);
      break;
    case EntityKind::setting:
      if (j)
        s.settings[key] = j->get<std::string>();
      else
        s.settings.erase(key);
      break;
    case EntityKind::budget:
      s.plan.budget_cap_baht = j ? j->get<double>() : 0.0;
      break;
  }
}

EntityChange zone_change(const PlanningState& s, std::int64_t id,
                         const std::optional<Zone>& after) {
  const std::string key = std::to_string(id);
  return {EntityKind::zone, key, current(s, EntityKind::zone, key),
          after ? std::optional(text_of(zone_json(*after))) : std::nullopt};
}

Result<Zone> editable_zone(const PlanningState& s, std::int64_t id) {
  const Zone* z = s.zone(id);
  if (!z)
    return fail(fmt::format("zone {} does not exist; list zones with chipao-cli project info", id));
  if (z->locked)
    return fail(fmt::format("zone {} ({}) is locked; unlock it before changing it", id, z->name));
  return *z;
}

bool valid_color(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return false;
  return std::all_of(hex.begin() + 1, hex.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

// Ring and polygon ends that index inside the geometry, each ring with 3 or more points: what
// the store's WKB writer and the tessellator rely on.
bool well_formed_polygon(const FeatureGeometry& g) {
  if (g.kind != GeometryKind::polygon || g.ring_ends.empty() || g.polygon_ends.empty())
    return false;
  if (g.ring_ends.back() != g.points.size() || g.polygon_ends.back() != g.ring_ends.size())
    return false;
  std::uint32_t begin = 0;
  for (std::uint32_t end : g.ring_ends) {
    if (end < begin + 3) return false;
    begin = end;
  }
  std::uint32_t first = 0;
  for (std::uint32_t end : g.polygon_ends) {
    if (end <= first) return false;
    first = end;
  }
  return true;
}

// An empty polygon is allowed (a zone drawn later) and takes the one empty form.
Result<void> check_drawn_polygon(const std::string& zone, FeatureGeometry& polygon) {
  if (polygon.empty()) {
    polygon = FeatureGeometry{};
    return {};
  }
  if (!well_formed_polygon(polygon))
    return fail(fmt::format(
        "zone '{}': the drawn area is not a polygon (rings of 3 or more points); draw it "
        "again",
        zone));
  return {};
}

Result<void> check_new_zone(Zone& z) {
  if (auto ok = check_drawn_polygon(z.name, z.polygon); !ok) return ok;
  if (!z.color_hex.empty() && !valid_color(z.color_hex))
    return fail(fmt::format("zone '{}': colour '{}' is not #RRGGBB; give e.g. #e6550d", z.name,
                            z.color_hex));
  if (z.unit_level != "tambon" && z.unit_level != "village")
    return fail(fmt::format("zone '{}': unit level '{}' is neither tambon nor village", z.name,
                            z.unit_level));
  return {};
}

// Default colours for new zones, cycling; distinct on the map's grey boundaries.
std::string default_color(std::int64_t id) {
  static constexpr const char* palette[] = {"#e6550d", "#3182bd", "#31a354", "#756bb1",
                                            "#de2d26", "#636363", "#fd8d3c", "#6baed6"};
  return palette[static_cast<std::size_t>(id - 1) % std::size(palette)];
}

}  // namespace

std::string_view zone_kind_key(ZoneKind kind) {
  return kind == ZoneKind::painted ? "painted" : "drawn";
}

std::string_view intervention_status_key(InterventionStatus status) {
  switch (status) {
    case InterventionStatus::planned:
      return "planned";
    case InterventionStatus::approved:
      return "approved";
    case InterventionStatus::in_progress:
      return "in_progress";
    case InterventionStatus::done:
      return "done";
  }
  return "planned";
}

std::optional<InterventionStatus> parse_intervention_status(std::string_view text) {
  for (auto s : {InterventionStatus::planned, InterventionStatus::approved,
                 InterventionStatus::in_progress, InterventionStatus::done})
    if (intervention_status_key(s) == text) return s;
  return std::nullopt;
}

std::string_view entity_kind_key(EntityKind kind) {
  switch (kind) {
    case EntityKind::zone:
      return "zone";
    case EntityKind::intervention:
      return "intervention";
    case EntityKind::catalogue:
      return "catalogue";
    case EntityKind::assignment:
      return "assignment";
    case EntityKind::setting:
      return "setting";
    case EntityKind::budget:
      return "budget";
  }
  return "zone";
}

const Zone* PlanningState::zone(std::int64_t id) const {
  auto it = std::lower_bound(zones.begin(), zones.end(), id,
                             [](const Zone& z, std::int64_t k) { return z.id < k; });
  return it != zones.end() && it->id == id ? &*it : nullptr;
}

const Intervention* PlanningState::intervention(std::int64_t id) const {
  const auto& v = plan.interventions;
  auto it = std::lower_bound(v.begin(), v.end(), id,
                             [](const Intervention& i, std::int64_t k) { return i.id < k; });
  return it != v.end() && it->id == id ? &*it : nullptr;
}

const CatalogueEntry* PlanningState::catalogue_entry(std::string_view id) const {
  auto it = std::lower_bound(catalogue.begin(), catalogue.end(), id,
                             [](const CatalogueEntry& c, std::string_view k) { return c.id < k; });
  return it != catalogue.end() && it->id == id ? &*it : nullptr;
}

std::int64_t PlanningState::next_zone_id() const {
  return zones.empty() ? 1 : zones.back().id + 1;
}
std::int64_t PlanningState::next_intervention_id() const {
  return plan.interventions.empty() ? 1 : plan.interventions.back().id + 1;
}

bool operator==(const PlanningState& a, const PlanningState& b) {
  if (a.assignments.size() != b.assignments.size()) return false;
  for (std::size_t i = 0; i < a.assignments.size(); ++i) {
    if (a.assignments[i].municipal_code != b.assignments[i].municipal_code ||
        a.assignments[i].tambons != b.assignments[i].tambons)
      return false;
  }
  return a.zones == b.zones && a.catalogue == b.catalogue && a.plan == b.plan &&
         a.settings == b.settings;
}

Result<void> apply_edit(PlanningState& state, const Edit& edit, bool forward) {
  // Check every entity first so that a mismatch changes nothing.
  for (const EntityChange& c : edit.changes) {
    const auto& expected = forward ? c.before : c.after;
    if (current(state, c.kind, c.key) != expected) {
      return fail(fmt::format(
          "cannot {} '{}': {} {} is not as the history recorded it (the project was changed "
          "outside ChiPao or its history is damaged)",
          forward ? "redo" : "undo", edit.action, entity_kind_key(c.kind), c.key));
    }
  }
  try {
    if (forward) {
      for (const EntityChange& c : edit.changes) set_entity(state, c.kind, c.key, c.after);
    } else {
      for (auto it = edit.changes.rbegin(); it != edit.changes.rend(); ++it)
        set_entity(state, it->kind, it->key, it->before);
    }
  } catch (const json::exception& e) {
    return fail(
        fmt::format("edit '{}' holds an entity ChiPao cannot read ({}); the project's "
                    "history is damaged",
                    edit.action, e.what()));
  }
  return {};
}

std::string edit_to_json(const Edit& edit) {
  json changes = json::array();
  for (const EntityChange& c : edit.changes) {
    changes.push_back(json{{"kind", entity_kind_key(c.kind)},
                           {"key", c.key},
                           {"before", c.before ? json(*c.before) : json(nullptr)},
                           {"after", c.after ? json(*c.after) : json(nullptr)}});
  }
  return text_of(json{{"action", edit.action}, {"summary", edit.summary}, {"changes", changes}});
}

Result<Edit> edit_from_json(std::string_view text) {
  try {
    const json j = json::parse(text);
    Edit e;
    e.action = j.at("action").get<std::string>();
    e.summary = j.at("summary").get<std::string>();
    for (const json& c : j.at("changes")) {
      EntityChange change;
      const std::string kind = c.at("kind").get<std::string>();
      bool known = false;
      for (auto k : {EntityKind::zone, EntityKind::intervention, EntityKind::catalogue,
                     EntityKind::assignment, EntityKind::setting, EntityKind::budget}) {
        if (entity_kind_key(k) == kind) {
          change.kind = k;
          known = true;
        }
      }
      if (!known) return fail(fmt::format("edit '{}': unknown entity kind '{}'", e.action, kind));
      change.key = c.at("key").get<std::string>();
      if (!c.at("before").is_null()) change.before = c.at("before").get<std::string>();
      if (!c.at("after").is_null()) change.after = c.at("after").get<std::string>();
      e.changes.push_back(std::move(change));
    }
    return e;
  } catch (const json::exception& e) {
    return fail(fmt::format("an edit in the history is not valid JSON ({})", e.what()));
  }
}

std::string zone_to_json(const Zone& zone) {
  return text_of(zone_json(zone));
}
std::string intervention_to_json(const Intervention& i) {
  return text_of(intervention_json(i));
}
std::string catalogue_entry_to_json(const CatalogueEntry& c) {
  return text_of(catalogue_json(c));
}

Result<Zone> zone_from_json(std::string_view text) {
  try {
    return zone_from(json::parse(text));
  } catch (const json::exception& e) {
    return fail(fmt::format("a zone record is not valid ({})", e.what()));
  }
}
Result<Intervention> intervention_from_json(std::string_view text) {
  try {
    return intervention_from(json::parse(text));
  } catch (const json::exception& e) {
    return fail(fmt::format("an intervention record is not valid ({})", e.what()));
  }
}
Result<CatalogueEntry> catalogue_entry_from_json(std::string_view text) {
  try {
    return catalogue_from(json::parse(text));
  } catch (const json::exception& e) {
    return fail(fmt::format("a catalogue record is not valid ({})", e.what()));
  }
}

Result<Edit> make_create_zone(const PlanningState& state, Zone zone) {
  return make_import_zones(state, {std::move(zone)}, "");
}

Result<Edit> make_import_zones(const PlanningState& state, std::vector<Zone> zones,
                               const std::string& source) {
  Edit edit;
  edit.action = source.empty() ? "create zone" : "import zones";
  std::int64_t next = state.next_zone_id();
  PlanningState scratch;  // zones created so far, for the painted-unit moves below
  std::set<std::string> taken;
  for (Zone& z : zones) {
    if (z.id == 0) z.id = next;
    if (state.zone(z.id)) return fail(fmt::format("zone {} already exists", z.id));
    next = std::max(next, z.id + 1);
    if (z.color_hex.empty()) z.color_hex = default_color(z.id);
    if (auto ok = check_zone_fields(z); !ok) return std::unexpected(ok.error());
    if (auto ok = check_new_zone(z); !ok) return std::unexpected(ok.error());
    std::sort(z.unit_codes.begin(), z.unit_codes.end());
    z.unit_codes.erase(std::unique(z.unit_codes.begin(), z.unit_codes.end()), z.unit_codes.end());
    for (const std::string& c : z.unit_codes) {
      if (!taken.insert(c).second)
        return fail(fmt::format("unit {} is in two of the new zones; give each unit one zone", c));
    }
    edit.changes.push_back(zone_change(state, z.id, z));
  }
  // Units a new painted zone takes leave the zones that had them.
  for (const Zone& other : state.zones) {
    Zone moved = other;
    std::erase_if(moved.unit_codes, [&](const std::string& c) { return taken.contains(c); });
    if (moved.unit_codes.size() == other.unit_codes.size()) continue;
    if (other.locked)
      return fail(
          fmt::format("zone {} ({}) is locked and holds some of these units; unlock it "
                      "first",
                      other.id, other.name));
    edit.changes.push_back(zone_change(state, other.id, moved));
  }
  edit.summary = zones.size() == 1 ? fmt::format("create zone {} '{}'", zones[0].id, zones[0].name)
                                   : fmt::format("import {} zones from {}", zones.size(), source);
  return edit;
}

Result<Edit> make_rename_zone(const PlanningState& state, std::int64_t id, std::string name) {
  auto z = editable_zone(state, id);
  if (!z) return std::unexpected(z.error());
  if (auto ok = check_edit_text(fmt::format("zone {} name", id), name); !ok)
    return std::unexpected(ok.error());
  const std::string old = z->name;
  z->name = std::move(name);
  return Edit{"rename zone",
              fmt::format("rename zone {} '{}' to '{}'", id, old, z->name),
              {zone_change(state, id, *z)}};
}

Result<Edit> make_recolour_zone(const PlanningState& state, std::int64_t id, std::string hex) {
  if (auto ok = check_edit_text(fmt::format("zone {} colour", id), hex); !ok)
    return std::unexpected(ok.error());
  if (!valid_color(hex))
    return fail(fmt::format("colour '{}' is not #RRGGBB; give e.g. #e6550d", hex));
  auto z = editable_zone(state, id);
  if (!z) return std::unexpected(z.error());
  z->color_hex = std::move(hex);
  return Edit{"recolour zone",
              fmt::format("colour zone {} {}", id, z->color_hex),
              {zone_change(state, id, *z)}};
}

Result<Edit> make_set_zone_locked(const PlanningState& state, std::int64_t id, bool locked) {
  const Zone* found = state.zone(id);
  if (!found) return fail(fmt::format("zone {} does not exist", id));
  Zone z = *found;
  z.locked = locked;
  return Edit{locked ? "lock zone" : "unlock zone",
              fmt::format("{} zone {}", locked ? "lock" : "unlock", id),
              {zone_change(state, id, z)}};
}

Result<Edit> make_set_zone_polygon(const PlanningState& state, std::int64_t id,
                                   FeatureGeometry polygon) {
  auto z = editable_zone(state, id);
  if (!z) return std::unexpected(z.error());
  if (polygon.kind != GeometryKind::polygon && !polygon.empty())
    return fail(fmt::format("zone {}: a drawn zone needs a polygon", id));
  if (auto ok = check_edit_lon_lat(fmt::format("zone {} polygon", id), polygon); !ok)
    return std::unexpected(ok.error());
  if (auto ok = check_drawn_polygon(z->name, polygon); !ok) return std::unexpected(ok.error());
  z->polygon = std::move(polygon);
  z->kind = ZoneKind::drawn;
  return Edit{"set zone polygon", fmt::format("redraw zone {}", id), {zone_change(state, id, *z)}};
}

Result<Edit> make_paint_units(const PlanningState& state, std::int64_t id,
                              const std::vector<std::string>& codes) {
  auto z = editable_zone(state, id);
  if (!z) return std::unexpected(z.error());
  for (const std::string& code : codes) {
    if (auto ok = check_edit_text(fmt::format("zone {} unit code", id), code); !ok)
      return std::unexpected(ok.error());
  }
  const std::set<std::string> painted(codes.begin(), codes.end());
  Edit edit{"paint units", "", {}};
  for (const Zone& other : state.zones) {
    if (other.id == id) continue;
    Zone moved = other;
    std::erase_if(moved.unit_codes, [&](const std::string& c) { return painted.contains(c); });
    if (moved.unit_codes.size() == other.unit_codes.size()) continue;
    if (other.locked)
      return fail(
          fmt::format("zone {} ({}) is locked and holds some of these units; unlock it "
                      "first",
                      other.id, other.name));
    edit.changes.push_back(zone_change(state, other.id, moved));
  }
  std::set<std::string> all(z->unit_codes.begin(), z->unit_codes.end());
  all.insert(painted.begin(), painted.end());
  z->unit_codes.assign(all.begin(), all.end());
  z->kind = ZoneKind::painted;
  edit.changes.insert(edit.changes.begin(), zone_change(state, id, *z));
  edit.summary =
      fmt::format("paint {} {}(s) into zone {} '{}'", painted.size(), z->unit_level, id, z->name);
  return edit;
}

Result<Edit> make_erase_units(const PlanningState& state, std::int64_t id,
                              const std::vector<std::string>& codes) {
  auto z = editable_zone(state, id);
  if (!z) return std::unexpected(z.error());
  const std::set<std::string> erased(codes.begin(), codes.end());
  std::erase_if(z->unit_codes, [&](const std::string& c) { return erased.contains(c); });
  return Edit{"erase units",
              fmt::format("take {} unit(s) out of zone {}", erased.size(), id),
              {zone_change(state, id, *z)}};
}

Result<Edit> make_delete_zone(const PlanningState& state, std::int64_t id) {
  auto z = editable_zone(state, id);
  if (!z) return std::unexpected(z.error());
  Edit edit{"delete zone", fmt::format("delete zone {} '{}'", id, z->name), {}};
  for (const Intervention& i : state.plan.interventions) {
    if (i.zone_id != id) continue;
    const std::string key = std::to_string(i.id);
    edit.changes.push_back(
        {EntityKind::intervention, key, current(state, EntityKind::intervention, key), {}});
  }
  edit.changes.push_back(zone_change(state, id, std::nullopt));
  return edit;
}

Result<Edit> make_add_intervention(const PlanningState& state, Intervention intervention) {
  if (!state.zone(intervention.zone_id))
    return fail(fmt::format("intervention: zone {} does not exist; create the zone first",
                            intervention.zone_id));
  if (intervention.id == 0) intervention.id = state.next_intervention_id();
  if (state.intervention(intervention.id))
    return fail(fmt::format("intervention {} already exists", intervention.id));
  if (auto ok = check_intervention_fields(intervention); !ok) return std::unexpected(ok.error());
  const std::string key = std::to_string(intervention.id);
  return Edit{"add intervention",
              fmt::format("add intervention {} to zone {}", intervention.id, intervention.zone_id),
              {{EntityKind::intervention, key, std::nullopt, intervention_to_json(intervention)}}};
}

Result<Edit> make_update_intervention(const PlanningState& state, Intervention intervention) {
  if (!state.intervention(intervention.id))
    return fail(fmt::format("intervention {} does not exist", intervention.id));
  if (!state.zone(intervention.zone_id))
    return fail(fmt::format("intervention {}: zone {} does not exist", intervention.id,
                            intervention.zone_id));
  if (auto ok = check_intervention_fields(intervention); !ok) return std::unexpected(ok.error());
  const std::string key = std::to_string(intervention.id);
  return Edit{"update intervention",
              fmt::format("change intervention {}", intervention.id),
              {{EntityKind::intervention, key, current(state, EntityKind::intervention, key),
                intervention_to_json(intervention)}}};
}

Result<Edit> make_remove_intervention(const PlanningState& state, std::int64_t id) {
  const std::string key = std::to_string(id);
  auto before = current(state, EntityKind::intervention, key);
  if (!before) return fail(fmt::format("intervention {} does not exist", id));
  return Edit{"remove intervention",
              fmt::format("remove intervention {}", id),
              {{EntityKind::intervention, key, before, std::nullopt}}};
}

Result<Edit> make_put_catalogue_entry(const PlanningState& state, CatalogueEntry entry) {
  if (entry.id.empty()) return fail("catalogue entry: give it an id (e.g. income-training)");
  if (auto ok = check_catalogue_fields(entry); !ok) return std::unexpected(ok.error());
  auto before = current(state, EntityKind::catalogue, entry.id);
  return Edit{before ? "update catalogue entry" : "add catalogue entry",
              fmt::format("{} catalogue entry {}", before ? "change" : "add", entry.id),
              {{EntityKind::catalogue, entry.id, before, catalogue_entry_to_json(entry)}}};
}

Result<Edit> make_remove_catalogue_entry(const PlanningState& state, const std::string& id) {
  auto before = current(state, EntityKind::catalogue, id);
  if (!before) return fail(fmt::format("catalogue entry {} does not exist", id));
  return Edit{"remove catalogue entry",
              fmt::format("remove catalogue entry {}", id),
              {{EntityKind::catalogue, id, before, std::nullopt}}};
}

Result<Edit> make_set_assignment(const PlanningState& state, MunicipalAssignment assignment) {
  if (auto ok = check_assignment_fields(assignment); !ok) return std::unexpected(ok.error());
  const std::string key = assignment.municipal_code;
  auto before = current(state, EntityKind::assignment, key);
  std::optional<std::string> after;
  if (!assignment.tambons.empty()) after = text_of(assignment_json(assignment));
  return Edit{
      "set municipal assignment",
      assignment.tambons.empty()
          ? fmt::format("clear the assignment of municipal area {}", key)
          : fmt::format("assign municipal area {} to {} tambon(s)", key, assignment.tambons.size()),
      {{EntityKind::assignment, key, before, after}}};
}

Result<Edit> make_set_setting(const PlanningState& state, const std::string& key,
                              std::optional<std::string> value) {
  if (key.empty()) return fail("a setting needs a name");
  if (auto ok = check_edit_text("setting name", key); !ok) return std::unexpected(ok.error());
  if (value) {
    if (auto ok =
            check_edit_text(fmt::format("setting {} value", key), *value, kMaxSettingValueBytes);
        !ok)
      return std::unexpected(ok.error());
  }
  std::optional<std::string> after;
  if (value) after = text_of(json(*value));
  return Edit{"set setting",
              value ? fmt::format("set {} to {}", key, *value) : fmt::format("clear {}", key),
              {{EntityKind::setting, key, current(state, EntityKind::setting, key), after}}};
}

Result<Edit> make_set_budget_cap(const PlanningState& state, double baht) {
  if (auto ok = check_edit_amount("budget cap", baht, kMaxBudgetCapBaht, "baht"); !ok)
    return std::unexpected(ok.error());
  return Edit{
      "set budget cap",
      fmt::format("set the budget cap to {:.0f} baht", baht),
      {{EntityKind::budget, "", current(state, EntityKind::budget, ""), text_of(json(baht))}}};
}

}  // namespace chipao
