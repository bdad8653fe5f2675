// GEOS verdicts and repairs for the features the quick check could not prove valid.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/geo/geometry.h"

namespace chipao {

// One GEOS context per thread (the reentrant API); move-only.
class GeosRepairer {
 public:
  GeosRepairer();
  GeosRepairer(GeosRepairer&&) noexcept;
  GeosRepairer& operator=(GeosRepairer&&) noexcept;
  ~GeosRepairer();

  struct Verdict {
    bool valid = true;
    std::string reason;  // GEOS's words and location when invalid
  };
  Verdict check(const FeatureGeometry& geometry) const;
  // Makes the geometry valid (GEOS "structure" method: rings as boundaries of areas, collapsed
  // parts dropped). Returns nothing when nothing polygonal is left.
  std::optional<FeatureGeometry> repair(const FeatureGeometry& geometry) const;
  // Point guaranteed inside the polygon (for labels and point-in-unit joins).
  std::optional<Vec2> point_on_surface(const FeatureGeometry& geometry) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace chipao
