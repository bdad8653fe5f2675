#include "support/fixtures.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace chipao::test {

std::string write_fixture(const FixtureLayer& layer) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName(layer.driver.c_str());
  if (driver == nullptr) return "no GDAL driver " + layer.driver;
  GDALDatasetH ds = GDALCreate(driver, layer.path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (ds == nullptr) return "cannot create " + layer.path + ": " + CPLGetLastErrorMsg();
  OGRSpatialReferenceH srs = nullptr;
  if (layer.epsg != 0) {
    srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, layer.epsg);
  }
  std::vector<const char*> options;
  for (const std::string& o : layer.layer_options) options.push_back(o.c_str());
  options.push_back(nullptr);
  OGRwkbGeometryType type = wkbUnknown;
  if (!layer.features.empty() && !layer.features[0].wkt.empty()) {
    OGRGeometryH g = nullptr;
    const char* wkt = layer.features[0].wkt.c_str();
    OGR_G_CreateFromWkt(const_cast<char**>(&wkt), nullptr, &g);
    if (g != nullptr) {
      type = OGR_G_GetGeometryType(g);
      if (wkbFlatten(type) == wkbPolygon && layer.driver == "ESRI Shapefile") type = wkbPolygon;
      OGR_G_DestroyGeometry(g);
    }
  }
  OGRLayerH lyr = GDALDatasetCreateLayer(ds, layer.layer_name.c_str(), srs, type,
                                         const_cast<char**>(options.data()));
  if (srs != nullptr) OSRDestroySpatialReference(srs);
  if (lyr == nullptr) {
    GDALClose(ds);
    return "cannot create layer in " + layer.path;
  }
  for (const FixtureField& f : layer.fields) {
    OGRFieldType t = f.type == FixtureField::Type::integer ? OFTInteger
                     : f.type == FixtureField::Type::real  ? OFTReal
                                                           : OFTString;
    OGRFieldDefnH defn = OGR_Fld_Create(f.name.c_str(), t);
    const OGRErr err = OGR_L_CreateField(lyr, defn, TRUE);
    OGR_Fld_Destroy(defn);
    if (err != OGRERR_NONE) {
      GDALClose(ds);
      return "cannot create field " + f.name + " in " + layer.path;
    }
  }
  for (const FixtureFeature& feature : layer.features) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
    for (std::size_t i = 0; i < feature.values.size(); ++i) {
      OGR_F_SetFieldString(f, static_cast<int>(i), feature.values[i].c_str());
    }
    if (!feature.wkt.empty()) {
      OGRGeometryH g = nullptr;
      const char* wkt = feature.wkt.c_str();
      OGR_G_CreateFromWkt(const_cast<char**>(&wkt), nullptr, &g);
      OGR_F_SetGeometryDirectly(f, g);
    }
    const OGRErr err = OGR_L_CreateFeature(lyr, f);
    OGR_F_Destroy(f);
    if (err != OGRERR_NONE) {
      GDALClose(ds);
      return "cannot write a feature to " + layer.path + ": " + CPLGetLastErrorMsg();
    }
  }
  GDALClose(ds);
  return {};
}

}  // namespace chipao::test
