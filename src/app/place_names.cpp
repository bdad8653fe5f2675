#include "app/place_names.h"

#include <set>

#include "app/feature_pick.h"
#include "app/inspect_panel.h"
#include "core/admin/gazetteer.h"

namespace chipao::app {

std::string place_name(const BoundaryFeature* in_layer, const std::string& code,
                       Language language) {
  if (in_layer) return area_name(*in_layer, language);
  if (const GazetteerEntry* e = builtin_gazetteer().find(code)) {
    // Named as the layers' places are, so a breadcrumb reads the same either way.
    BoundaryFeature named;
    named.code = code;
    named.name_th = e->name_th;
    named.name_en = e->name_en;
    return area_name(named, language);
  }
  return code;
}

std::string place_name(const MapController& controller, const std::string& code,
                       Language language) {
  const std::optional<AdminLevel> level = level_from_digits(code.size());
  const BoundaryFeature* feature = nullptr;
  if (level) {
    if (const MapLayer* layer = controller.layer_at(*level)) {
      if (const auto index = find_by_code(layer->data, code))
        feature = &layer->data.features[*index];
    }
  }
  return place_name(feature, code, language);
}

std::vector<std::string> amphoe_codes_of(const BoundaryLayer& layer) {
  std::set<std::string> codes;
  for (const BoundaryFeature& f : layer.features)
    if (f.code.size() >= 6) codes.insert(f.code.substr(0, 4));
  return {codes.begin(), codes.end()};
}

std::string single_province_of(const BoundaryLayer& layer) {
  std::string province;
  for (const BoundaryFeature& f : layer.features) {
    if (f.code.size() < 2) return "";
    if (province.empty()) province = f.code.substr(0, 2);
    if (f.code.compare(0, 2, province) != 0) return "";
  }
  return province;
}

}  // namespace chipao::app
