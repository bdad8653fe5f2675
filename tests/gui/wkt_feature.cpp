#include "wkt_feature.h"

#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <memory>

#include "core/io/ogr_geometry.h"

namespace chipao::test {

BoundaryFeature feature_from_wkt(const std::string& wkt) {
  BoundaryFeature feature;
  OGRGeometry* parsed = nullptr;
  if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &parsed) != OGRERR_NONE ||
      parsed == nullptr) {
    ADD_FAILURE() << "invalid WKT in test: " << wkt;
    return feature;
  }
  const std::unique_ptr<OGRGeometry, decltype(&OGRGeometryFactory::destroyGeometry)> owned(
      parsed, &OGRGeometryFactory::destroyGeometry);
  chipao::gdal::append_ogr_geometry(*owned, feature.geometry);
  feature.bbox = feature.geometry.bounds();
  return feature;
}

std::vector<BoundaryFeature> features_from_wkt(const std::vector<std::string>& wkts) {
  std::vector<BoundaryFeature> features;
  for (const std::string& wkt : wkts) features.push_back(feature_from_wkt(wkt));
  return features;
}

}  // namespace chipao::test
