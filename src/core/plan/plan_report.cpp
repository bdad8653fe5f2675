#include "core/plan/plan_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>

#include "core/admin/admin_level.h"

namespace chipao {

namespace {

constexpr double kBlank = std::numeric_limits<double>::quiet_NaN();

}  // namespace

PlanReport build_plan_report(const PlanningState& state, const StoredLayer& units,
                             TallyRule drawn_rule) {
  PlanReport r;
  r.unit_layer = units.name;
  if (units.layer.source.level) r.unit_level = std::string(level_name(*units.layer.source.level));
  r.drawn_rule = drawn_rule;
  r.totals = plan_totals(state.plan, state.zones);
  r.budget_cap_baht = state.plan.budget_cap_baht;
  r.budget = check_budget(r.totals.all.cost_baht, r.budget_cap_baht);

  const TallyIndex index = TallyIndex::build(units.layer);
  TallyFigures figures;
  figures.columns = units.columns;
  const ZoneFigureColumns columns = zone_figure_columns(figures.columns);
  // Amphoe totals from the kept tables where there are some, so a zone's share is of the
  // amphoe TPMAP reports (its town included); else from the units themselves.
  r.amphoe_totals_source = "units";
  if (!units.tables.empty()) {
    auto totals = amphoe_target_poor_from_tables(units.tables, figures.target_column);
    if (totals && !totals->empty()) {
      figures.amphoe_target_poor = std::move(*totals);
      r.amphoe_totals_source = "tables";
    } else if (!totals) {
      r.warnings.push_back(fmt::format(
          "the project's tables give no amphoe totals ({}); shares are of the {} layer's sums",
          totals.error().message, units.name));
    }
  }
  if (figures.amphoe_target_poor.empty()) {
    figures.amphoe_target_poor =
        amphoe_target_poor_from_units(units.layer, units.columns, figures.target_column);
  }

  for (std::size_t zi = 0; zi < state.zones.size(); ++zi) {
    const Zone& zone = state.zones[zi];
    ZoneReport z;
    z.zone = zone;
    std::vector<UnitWeight> weights;
    if (zone.kind == ZoneKind::painted) {
      z.rule = TallyRule::painted;
      auto painted = painted_units(index, zone.unit_codes);
      if (painted) {
        weights = std::move(*painted);
      } else {
        r.warnings.push_back(fmt::format(
            "zone '{}' (id {}): {}; its figures are left blank. Repaint it on the {} layer.",
            zone.name, zone.id, painted.error().message, units.name));
      }
    } else {
      z.rule = drawn_rule;
      if (!zone.polygon.empty()) {
        const PreparedZone prepared(zone.polygon);
        weights = zone_units(index, prepared, drawn_rule);
      }
      if (weights.empty()) {
        r.warnings.push_back(fmt::format(
            "zone '{}' (id {}) takes no unit of the {} layer under the {} rule; is it drawn "
            "over the right area?",
            zone.name, zone.id, units.name, tally_rule_name(drawn_rule)));
      }
    }
    z.tally = tally_zone(index, figures, weights, z.rule, zone.name);
    // Units are the layer's features in order, so a weight's unit indexes assigned_from.
    for (const UnitWeight& w : weights) {
      if (w.unit >= units.assigned_from.size() || units.assigned_from[w.unit].empty()) continue;
      const std::string note =
          fmt::format("{}: {}", index.units()[w.unit].code, units.assigned_from[w.unit]);
      if (std::find(z.assigned_from.begin(), z.assigned_from.end(), note) == z.assigned_from.end())
        z.assigned_from.push_back(note);
    }
    z.share_of_amphoe_target_poor = z.tally.share_of_amphoe_target_poor;
    for (const ZoneTally::AmphoeShare& a : z.tally.amphoe_shares)
      z.amphoes += (z.amphoes.empty() ? "" : ";") + a.amphoe;
    const ZoneFigures f = zone_figures(z.tally, columns);
    z.target_poor = f.target_poor;
    z.households = f.households;
    z.poor_households = f.poor_households;
    z.deprived = f.deprived_persons;
    z.deprived_households = f.deprived_households;
    // plan_totals() lists the zones first, in the same order.
    z.plan = r.totals.zones[zi];
    z.coverage = zone_coverage(z.plan, z.deprived_households);
    r.zones.push_back(std::move(z));
  }
  for (std::size_t i = state.zones.size(); i < r.totals.zones.size(); ++i) {
    r.warnings.push_back(
        fmt::format("interventions name zone id {}, which the project does not hold; their cost "
                    "is in the totals but in no zone",
                    r.totals.zones[i].zone_id));
  }
  return r;
}

FeatureGeometry zone_footprint(const ZoneReport& z, const StoredLayer& units) {
  if (z.zone.kind == ZoneKind::drawn) return z.zone.polygon;
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  std::map<std::string_view, const BoundaryFeature*> by_code;
  for (const BoundaryFeature& f : units.layer.features) by_code.emplace(f.code, &f);
  for (const ZoneTally::Unit& u : z.tally.units) {
    const auto it = by_code.find(u.code);
    if (it == by_code.end() || it->second->geometry.kind != GeometryKind::polygon) continue;
    const FeatureGeometry& src = it->second->geometry;
    const auto point_base = static_cast<std::uint32_t>(g.points.size());
    const auto ring_base = static_cast<std::uint32_t>(g.ring_ends.size());
    g.points.insert(g.points.end(), src.points.begin(), src.points.end());
    for (std::uint32_t e : src.ring_ends) g.ring_ends.push_back(point_base + e);
    for (std::uint32_t e : src.polygon_ends) g.polygon_ends.push_back(ring_base + e);
  }
  return g;
}

Result<std::string> choose_unit_layer(ProjectStore& store, const std::string& requested) {
  auto layers = store.layers();
  if (!layers) return std::unexpected(layers.error());
  std::string names;
  for (const LayerSummary& l : *layers) names += (names.empty() ? "" : ", ") + l.name;
  if (!requested.empty()) {
    for (const LayerSummary& l : *layers)
      if (l.name == requested) return l.name;
    return fail(fmt::format("{}: has no layer '{}'; its layers are: {}", store.location(),
                            requested, names.empty() ? "none" : names));
  }
  const LayerSummary* best = nullptr;
  for (const LayerSummary& l : *layers) {
    if (l.geometry_type.find("POLYGON") == std::string::npos) continue;
    if (best == nullptr || l.columns > best->columns) best = &l;
  }
  if (best == nullptr)
    return fail(
        fmt::format("{}: has no polygon layer to tally zones against; create the project with "
                    "`chipao-cli project new P --boundaries tambon.shp --table ...`",
                    store.location()));
  return best->name;
}

int suppression_threshold(const PlanningState& state) {
  const auto it = state.settings.find("suppression_threshold");
  if (it == state.settings.end()) return 3;
  int v = 0;
  const std::string& s = it->second;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0) return 3;
  return v;
}

double suppress_count(double value, int below) {
  if (below > 1 && value > 0 && value < below) return kBlank;
  return value;
}

}  // namespace chipao
