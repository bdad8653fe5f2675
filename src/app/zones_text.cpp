#include "app/zones_text.h"

namespace chipao::app {

const char* rule_text(std::string_view rule, Language language) {
  if (rule == "centroid")
    return tr(language, "เกณฑ์จุดกลาง (นับทั้งหน่วยเมื่อจุดกลางอยู่ในเขต)",
              "centroid rule (a unit counts whole when its label point is inside)");
  if (rule == "area")
    return tr(language, "เกณฑ์สัดส่วนพื้นที่ (นับตามส่วนของพื้นที่ที่อยู่ในเขต)",
              "area rule (a unit counts by the share of its area inside)");
  return tr(language, "หน่วยที่ระบาย (นับทั้งหน่วย)", "painted units (each counts whole)");
}

const char* rule_short_text(std::string_view rule, Language language) {
  if (rule == "centroid") return tr(language, "จุดกลาง", "centroid");
  if (rule == "area") return tr(language, "สัดส่วนพื้นที่", "area");
  return tr(language, "ระบายทั้งหน่วย", "painted");
}

const char* dimension_text(int dimension, Language language) {
  switch (dimension) {
    case 0:
      return tr(language, "สุขภาพ", "health");
    case 1:
      return tr(language, "ความเป็นอยู่", "living standard");
    case 2:
      return tr(language, "การศึกษา", "education");
    case 3:
      return tr(language, "รายได้", "income");
    default:
      return tr(language, "การเข้าถึงบริการรัฐ", "access to public services");
  }
}

}  // namespace chipao::app
