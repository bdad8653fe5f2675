#include "core/plan/zone_households.h"

#include <fmt/format.h>

#include <cmath>

#include "core/plan/tally.h"
#include "core/plan/zone_figures.h"

namespace chipao {

namespace {

// The mask text TPMAP writes in file names for one dimension alone ("00010" for income).
std::string single_mask(DimensionId dimension) {
  return dimension_mask_text(dimension_bit(dimension));
}

}  // namespace

Result<std::int64_t> zone_deprived_households(const StoredLayer& units, const Zone& zone,
                                              DimensionId dimension) {
  const JoinedColumn* column = deprived_households_column(units.columns, dimension);
  if (!column) {
    return fail(fmt::format(
        "zone '{}': the project has no count of households deprived in {} alone (TPMAP's {} "
        "from the mask table {}, e.g. 61_99_tambol_{}.csv); give the number of households, or "
        "create the project with that table too",
        zone.name, dimension_key(dimension), kPoorHouseholdsColumn, single_mask(dimension),
        single_mask(dimension)));
  }
  const TallyIndex index = TallyIndex::build(units.layer);
  std::vector<UnitWeight> weights;
  TallyRule rule = TallyRule::centroid;
  if (zone.kind == ZoneKind::painted) {
    rule = TallyRule::painted;
    auto painted = painted_units(index, zone.unit_codes);
    if (!painted) return fail(fmt::format("zone '{}': {}", zone.name, painted.error().message));
    weights = std::move(*painted);
  } else {
    if (zone.polygon.empty())
      return fail(fmt::format("zone '{}' has no area yet; draw it or give the number of households",
                              zone.name));
    weights = zone_units(index, PreparedZone(zone.polygon), TallyRule::centroid);
  }
  TallyFigures figures;
  figures.columns = {*column};
  const ZoneTally tally = tally_zone(index, figures, weights, rule, zone.name);
  const ZoneTally::Figure* figure = tally.figure(column->name);
  if (!figure || std::isnan(figure->value)) {
    return fail(fmt::format(
        "zone '{}': none of its {} unit(s) has a count of households deprived in {}; give the "
        "number of households",
        zone.name, weights.size(), dimension_key(dimension)));
  }
  return static_cast<std::int64_t>(std::llround(figure->value));
}

}  // namespace chipao
