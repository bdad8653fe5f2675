// Places known only by code get their names (issue 11: "เมืองยโสธร", not "3501"): from the
// map's own layer when it has the place, else the built-in gazetteer, else the code.
#include "app/place_names.h"

#include <gtest/gtest.h>

#include "app/inspect_panel.h"

namespace chipao::app {
namespace {

BoundaryFeature feature(std::string code, std::string th, std::string en) {
  BoundaryFeature f;
  f.code = std::move(code);
  f.name_th = std::move(th);
  f.name_en = std::move(en);
  return f;
}

TEST(PlaceNames, LayerFirstThenGazetteerThenTheCode) {
  const BoundaryFeature own = feature("3501", "เมือง (ชั้นข้อมูล)", "Mueang (layer)");
  EXPECT_EQ(place_name(&own, "3501", Language::thai), area_name(own, Language::thai));
  const BoundaryFeature gazetteer = feature("3501", "เมืองยโสธร", "Mueang Yasothon");
  EXPECT_EQ(place_name(nullptr, "3501", Language::thai), area_name(gazetteer, Language::thai));
  EXPECT_EQ(place_name(nullptr, "3501", Language::english),
            area_name(gazetteer, Language::english));
  EXPECT_NE(place_name(nullptr, "35", Language::thai).find("ยโสธร"), std::string::npos);
  EXPECT_EQ(place_name(nullptr, "9901", Language::thai), "9901");  // the demo: no gazetteer entry
}

TEST(PlaceNames, AmphoeAndProvinceFromTambonCodes) {
  BoundaryLayer layer;
  for (const char* code : {"350102", "350101", "350201", "350305"})
    layer.features.push_back(feature(code, "", ""));
  EXPECT_EQ(amphoe_codes_of(layer), (std::vector<std::string>{"3501", "3502", "3503"}));
  EXPECT_EQ(single_province_of(layer), "35");
  layer.features.push_back(feature("400101", "", ""));
  EXPECT_EQ(single_province_of(layer), "");
}

}  // namespace
}  // namespace chipao::app
