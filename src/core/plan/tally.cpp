#include "core/plan/tally.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/admin/admin_code.h"
#include "core/plan/zone_figures.h"
#include "core/stats/aggregate.h"

namespace chipao {

namespace {

constexpr double kSemiMajor = 6378137.0;  // WGS 84
constexpr double kFlattening = 1.0 / 298.257223563;
constexpr double kDeg = std::numbers::pi / 180.0;

// Shares this close to 0 or 1 are rounding of shared boundaries, not geometry.
constexpr double kShareEpsilon = 1e-12;

double blank() {
  return std::nan("");
}

// A point of the unit to test against zones: the area centroid when it lies inside, else the
// middle of the widest stretch of the horizontal line through the centroid that lies inside
// (a crescent's centroid is outside it; planners expect a unit to count where it is).
Vec2 label_point(const FeatureGeometry& g) {
  double sx = 0, sy = 0, twice = 0;
  const Vec2 o = g.points.front();
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    const auto ring = g.ring(r);
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      const double ax = ring[i].x - o.x, ay = ring[i].y - o.y;
      const double bx = ring[i + 1].x - o.x, by = ring[i + 1].y - o.y;
      const double c = ax * by - bx * ay;
      twice += c;
      sx += (ax + bx) * c;
      sy += (ay + by) * c;
    }
  }
  // Rings of mixed orientation still give the right centroid when holes run opposite to their
  // shells (the usual case); a wrong guess only means the scanline below decides.
  Vec2 centroid = twice != 0 ? Vec2{o.x + sx / (3 * twice), o.y + sy / (3 * twice)} : o;
  const PreparedPolygon inside(g, false);
  if (inside.contains(centroid)) return centroid;
  std::vector<double> xs;
  for (const Segment2& s : inside.edges()) {
    if ((s.a.y > centroid.y) != (s.b.y > centroid.y))
      xs.push_back(s.a.x + (centroid.y - s.a.y) * (s.b.x - s.a.x) / (s.b.y - s.a.y));
  }
  std::sort(xs.begin(), xs.end());
  double best = -1;
  Vec2 point = g.points.front();
  for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > best) {
      best = xs[i + 1] - xs[i];
      point = {0.5 * (xs[i] + xs[i + 1]), centroid.y};
    }
  }
  return point;
}

FeatureGeometry project(const FeatureGeometry& g) {
  FeatureGeometry out = g;
  for (Vec2& p : out.points) p = equal_area_xy(p);
  return out;
}

// The column named `name` (a table's own column name), preferring one of `table`.
const JoinedColumn* find_column(const std::vector<JoinedColumn>& columns, const std::string& name,
                                const std::string& table) {
  const JoinedColumn* any = nullptr;
  for (const JoinedColumn& c : columns) {
    if (c.spec.column != name) continue;
    if (c.table == table) return &c;
    if (any == nullptr) any = &c;
  }
  return any;
}

}  // namespace

std::string_view tally_rule_name(TallyRule rule) {
  switch (rule) {
    case TallyRule::centroid:
      return "centroid";
    case TallyRule::area:
      return "area";
    case TallyRule::painted:
      return "painted";
  }
  return "centroid";
}

std::optional<TallyRule> parse_tally_rule(std::string_view text) {
  if (text == "centroid") return TallyRule::centroid;
  if (text == "area") return TallyRule::area;
  if (text == "painted") return TallyRule::painted;
  return std::nullopt;
}

Vec2 equal_area_xy(Vec2 lonlat) {
  static const double e2 = kFlattening * (2 - kFlattening);
  static const double e = std::sqrt(e2);
  const double s = std::sin(lonlat.y * kDeg);
  const double es = e * s;
  // The authalic function q(phi); y = a q / 2 keeps areas true.
  const double q =
      (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * std::log((1 - es) / (1 + es)));
  return {kSemiMajor * lonlat.x * kDeg, kSemiMajor * q / 2};
}

TallyIndex TallyIndex::build(const BoundaryLayer& layer) {
  std::vector<FeatureGeometry> geometries;
  std::vector<std::string> codes;
  geometries.reserve(layer.features.size());
  codes.reserve(layer.features.size());
  for (const BoundaryFeature& f : layer.features) {
    geometries.push_back(f.geometry);
    codes.push_back(f.code);
  }
  return build(geometries, codes);
}

TallyIndex TallyIndex::build(std::span<const FeatureGeometry> geometries,
                             std::span<const std::string> codes) {
  TallyIndex index;
  index.units_.resize(geometries.size());
  std::vector<Bbox> boxes(geometries.size());
  for (std::size_t i = 0; i < geometries.size(); ++i) {
    Unit& u = index.units_[i];
    if (i < codes.size()) u.code = codes[i];
    const FeatureGeometry& g = geometries[i];
    if (g.kind != GeometryKind::polygon || g.empty()) continue;
    u.geometry_xy = project(g);
    u.bbox_xy = u.geometry_xy.bounds();
    u.area_m2 = planar_area(u.geometry_xy);
    u.label_lonlat = label_point(g);
    u.label_xy = equal_area_xy(u.label_lonlat);
    boxes[i] = u.bbox_xy;
  }
  index.grid_ = SpatialGrid::build(boxes, 1.0);
  for (std::size_t i = 0; i < index.units_.size(); ++i) {
    if (!index.units_[i].code.empty()) index.by_code_.emplace(index.units_[i].code, i);
  }
  return index;
}

std::optional<std::size_t> TallyIndex::find(const std::string& code) const {
  const auto it = by_code_.find(code);
  if (it == by_code_.end()) return std::nullopt;
  return it->second;
}

PreparedZone::PreparedZone(const FeatureGeometry& zone_lonlat)
    : polygon_(project(zone_lonlat), true) {}

std::vector<UnitWeight> zone_units(const TallyIndex& index, const PreparedZone& zone,
                                   TallyRule rule) {
  std::vector<UnitWeight> out;
  const PreparedPolygon& z = zone.polygon_xy();
  if (z.empty()) return out;
  const auto units = index.units();
  index.grid().visit(z.bounds(), [&](std::uint32_t i) {
    const TallyIndex::Unit& u = units[i];
    if (rule != TallyRule::area) {
      if (z.contains(u.label_xy)) out.push_back({i, 1.0});
      return;
    }
    // No zone edge near the unit: it lies wholly inside the zone or wholly outside.
    bool near = false;
    z.edge_grid().visit(u.bbox_xy, [&](std::uint32_t) { near = true; });
    if (!near) {
      if (z.contains(u.geometry_xy.points.front())) out.push_back({i, 1.0});
      return;
    }
    const PreparedPolygon unit(u.geometry_xy, u.geometry_xy.points.size() > 64);
    if (unit.area() <= 0) return;
    double share = intersection_area(z, unit) / unit.area();
    if (share >= 1 - kShareEpsilon) share = 1;
    if (share > kShareEpsilon) out.push_back({i, share});
  });
  std::sort(out.begin(), out.end(),
            [](const UnitWeight& a, const UnitWeight& b) { return a.unit < b.unit; });
  return out;
}

Result<std::vector<UnitWeight>> painted_units(const TallyIndex& index,
                                              std::span<const std::string> codes) {
  std::vector<UnitWeight> out;
  for (const std::string& code : codes) {
    const auto i = index.find(code);
    if (!i) {
      return fail(fmt::format(
          "painted zone: unit {} is not in the layer; paint units of the layer shown (codes "
          "at the layer's level)",
          code));
    }
    out.push_back({*i, 1.0});
  }
  std::sort(out.begin(), out.end(),
            [](const UnitWeight& a, const UnitWeight& b) { return a.unit < b.unit; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const UnitWeight& a, const UnitWeight& b) { return a.unit == b.unit; }),
            out.end());
  return out;
}

Result<std::map<std::string, double>> amphoe_target_poor_from_tables(
    const std::vector<MeasureTable>& tables, const std::string& target_column) {
  std::map<std::string, double> totals;
  std::vector<MeasureTable> usable;
  for (const MeasureTable& t : tables) {
    if (static_cast<int>(t.level) >= static_cast<int>(AdminLevel::amphoe)) usable.push_back(t);
  }
  if (usable.empty()) return totals;
  auto by_amphoe = aggregate_tables(usable, AdminLevel::amphoe);
  if (!by_amphoe) return std::unexpected(by_amphoe.error());
  // The table the zones' own target poor come from (core/plan/zone_figures.h), so a share
  // compares like with like.
  if (const MeasureTable* t = planning_table(*by_amphoe, target_column)) {
    const int m = t->measure(target_column);
    for (const MeasureRow& r : t->rows) {
      const double v = r.values[static_cast<std::size_t>(m)];
      if (!std::isnan(v)) totals[r.code] = v;
    }
  }
  return totals;
}

std::map<std::string, double> amphoe_target_poor_from_units(
    const BoundaryLayer& units, const std::vector<JoinedColumn>& columns,
    const std::string& target_column) {
  std::map<std::string, double> totals;
  const JoinedColumn* c = planning_column(columns, target_column);
  if (c == nullptr) return totals;
  for (std::size_t i = 0; i < units.features.size() && i < c->values.size(); ++i) {
    const std::string amphoe = ancestor_code(units.features[i].code, AdminLevel::amphoe);
    if (amphoe.empty() || std::isnan(c->values[i])) continue;
    totals[amphoe] += c->values[i];
  }
  return totals;
}

Result<TallyFigures> TallyFigures::from_join(const JoinResult& joined,
                                             const std::vector<MeasureTable>& tables) {
  TallyFigures f;
  f.columns = joined.columns;
  auto totals = amphoe_target_poor_from_tables(tables, f.target_column);
  if (!totals) return std::unexpected(totals.error());
  f.amphoe_target_poor = std::move(*totals);
  return f;
}

const ZoneTally::Figure* ZoneTally::figure(std::string_view figure_name) const {
  for (const Figure& f : figures)
    if (f.name == figure_name) return &f;
  return nullptr;
}

ZoneTally tally_zone(const TallyIndex& index, const TallyFigures& figures,
                     std::span<const UnitWeight> units, TallyRule rule, std::string name) {
  ZoneTally t;
  t.name = std::move(name);
  t.rule = rule;
  const auto all = index.units();
  for (const UnitWeight& w : units) t.units.push_back({all[w.unit].code, w.weight});

  const auto weighted_sum = [&](const JoinedColumn& c) {
    double sum = 0;
    bool any = false;
    for (const UnitWeight& w : units) {
      const double v = w.unit < c.values.size() ? c.values[w.unit] : blank();
      if (std::isnan(v)) continue;
      sum += w.weight * v;
      any = true;
    }
    return any ? sum : blank();
  };
  std::map<std::pair<std::string, std::string>, double> sums;  // (table, column) -> tally
  for (const JoinedColumn& c : figures.columns) {
    ZoneTally::Figure f{c.name, c.spec.rule, blank()};
    if (c.spec.rule == MeasureRule::sum) {
      f.value = weighted_sum(c);
      sums[{c.table, c.spec.column}] = f.value;
    } else if (c.spec.rule == MeasureRule::weighted_mean) {
      if (const JoinedColumn* wc = find_column(figures.columns, c.spec.weight, c.table)) {
        double num = 0, den = 0;
        for (const UnitWeight& w : units) {
          const double v = c.values[w.unit], wt = wc->values[w.unit];
          if (std::isnan(v) || std::isnan(wt)) continue;
          num += w.weight * wt * v;
          den += w.weight * wt;
        }
        if (den > 0) f.value = num / den;
      }
    }
    t.figures.push_back(std::move(f));
  }
  // Ratios from their tallied parts, after every sum is known.
  for (std::size_t i = 0; i < figures.columns.size(); ++i) {
    const JoinedColumn& c = figures.columns[i];
    if (c.spec.rule != MeasureRule::ratio) continue;
    const JoinedColumn* num = find_column(figures.columns, c.spec.numerator, c.table);
    const JoinedColumn* den = find_column(figures.columns, c.spec.denominator, c.table);
    if (num == nullptr || den == nullptr) continue;
    const double n = weighted_sum(*num), d = weighted_sum(*den);
    if (!std::isnan(n) && !std::isnan(d) && d != 0) t.figures[i].value = c.spec.scale * n / d;
  }

  // Share of the amphoe's target poor, per amphoe the zone touches and overall.
  t.share_of_amphoe_target_poor = blank();
  if (const JoinedColumn* target = planning_column(figures.columns, figures.target_column)) {
    std::map<std::string, double> zone_by_amphoe;
    for (const UnitWeight& w : units) {
      const std::string amphoe = ancestor_code(all[w.unit].code, AdminLevel::amphoe);
      if (amphoe.empty()) continue;
      const double v = target->values[w.unit];
      zone_by_amphoe[amphoe] += std::isnan(v) ? 0.0 : w.weight * v;
    }
    double zone_total = 0, amphoe_total = 0;
    bool all_known = !zone_by_amphoe.empty();
    for (const auto& [amphoe, value] : zone_by_amphoe) {
      ZoneTally::AmphoeShare s{amphoe, value, blank(), blank()};
      if (const auto it = figures.amphoe_target_poor.find(amphoe);
          it != figures.amphoe_target_poor.end()) {
        s.amphoe_target_poor = it->second;
        if (it->second > 0) s.share = value / it->second;
        amphoe_total += it->second;
      } else {
        all_known = false;
      }
      zone_total += value;
      t.amphoe_shares.push_back(s);
    }
    if (all_known && amphoe_total > 0) t.share_of_amphoe_target_poor = zone_total / amphoe_total;
  }

  if (!figures.households.empty() && figures.measure) {
    HouseholdFigures h;
    double poor_deprivations = 0;
    for (const UnitWeight& w : units) {
      if (w.unit >= figures.households.size()) continue;
      const AreaTally& a = figures.households[w.unit];
      h.households += w.weight * static_cast<double>(a.households);
      h.persons += w.weight * static_cast<double>(a.persons);
      for (int d = 0; d < kDimensionCount; ++d)
        h.deprived_persons[static_cast<std::size_t>(d)] +=
            w.weight * static_cast<double>(a.deprived_persons[static_cast<std::size_t>(d)]);
      h.poor_persons += w.weight * static_cast<double>(a.poor_persons);
      poor_deprivations += w.weight * static_cast<double>(a.poor_deprivations);
    }
    // The same formulas as DeprivationMeasure::measures, on weighted counts.
    if (h.persons > 0) h.af.H = h.poor_persons / h.persons;
    if (h.poor_persons > 0)
      h.af.A = poor_deprivations / (h.poor_persons * figures.measure->selected());
    h.af.M0 = h.af.H * h.af.A;
    t.households = h;
  }
  return t;
}

}  // namespace chipao
