#include "app/history_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "core/util/number_format.h"

namespace chipao::app {

namespace {

std::optional<Zone> zone_of(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto z = zone_from_json(*text);
  if (!z) return std::nullopt;
  return *z;
}

// The zone the edit is about: the one whose units grew (paint), or the first zone it touches.
struct ZoneStep {
  std::optional<Zone> before, after;
};

ZoneStep main_zone(const Edit& edit, bool by_growth) {
  ZoneStep chosen;
  long best = by_growth ? 0 : -1;
  for (const EntityChange& c : edit.changes) {
    if (c.kind != EntityKind::zone) continue;
    ZoneStep step{zone_of(c.before), zone_of(c.after)};
    const long grew = static_cast<long>(step.after ? step.after->unit_codes.size() : 0) -
                      static_cast<long>(step.before ? step.before->unit_codes.size() : 0);
    const long score = by_growth ? std::labs(grew) : 0;
    if (!chosen.before && !chosen.after) chosen = step;
    if (by_growth && score > best) {
      best = score;
      chosen = step;
    }
    if (!by_growth) break;
  }
  return chosen;
}

std::string name_of(const ZoneStep& z) {
  if (z.after) return z.after->name;
  if (z.before) return z.before->name;
  return "?";
}

std::size_t unit_difference(const ZoneStep& z) {
  const std::size_t a = z.after ? z.after->unit_codes.size() : 0;
  const std::size_t b = z.before ? z.before->unit_codes.size() : 0;
  return a > b ? a - b : b - a;
}

std::string thai_text(const Edit& edit) {
  const std::string& a = edit.action;
  const EntityChange* first = edit.changes.empty() ? nullptr : &edit.changes.front();
  if (a == "create zone") return fmt::format("สร้างเขต «{}»", name_of(main_zone(edit, false)));
  if (a == "import zones") {
    std::size_t n = 0;
    for (const EntityChange& c : edit.changes) n += c.kind == EntityKind::zone && !c.before;
    return fmt::format("นำเข้าเขต {} เขตจากไฟล์", n);
  }
  if (a == "rename zone") {
    const ZoneStep z = main_zone(edit, false);
    return fmt::format("เปลี่ยนชื่อเขต «{}» เป็น «{}»", z.before ? z.before->name : "?",
                       z.after ? z.after->name : "?");
  }
  if (a == "recolour zone") return fmt::format("เปลี่ยนสีเขต «{}»", name_of(main_zone(edit, false)));
  if (a == "lock zone") return fmt::format("ล็อกเขต «{}»", name_of(main_zone(edit, false)));
  if (a == "unlock zone") return fmt::format("ปลดล็อกเขต «{}»", name_of(main_zone(edit, false)));
  if (a == "set zone polygon")
    return fmt::format("วาดเขต «{}» ใหม่", name_of(main_zone(edit, false)));
  if (a == "paint units") {
    const ZoneStep z = main_zone(edit, true);
    return fmt::format("ระบาย {} หน่วยเข้าเขต «{}»", unit_difference(z), name_of(z));
  }
  if (a == "erase units") {
    const ZoneStep z = main_zone(edit, true);
    return fmt::format("นำ {} หน่วยออกจากเขต «{}»", unit_difference(z), name_of(z));
  }
  if (a == "delete zone") return fmt::format("ลบเขต «{}»", name_of(main_zone(edit, false)));
  if (a == "add intervention" && first) return fmt::format("เพิ่มกิจกรรมที่ {}", first->key);
  if (a == "update intervention" && first) return fmt::format("แก้ไขกิจกรรมที่ {}", first->key);
  if (a == "remove intervention" && first) return fmt::format("ลบกิจกรรมที่ {}", first->key);
  if (a.ends_with("catalogue entry") && first) {
    // Catalogue ids are ASCII slugs: the entry's Thai name says which it is.
    const auto entry = catalogue_entry_from_json(first->after.value_or(first->before.value_or("")));
    const std::string name = entry ? entry->name_th : first->key;
    if (a == "add catalogue entry") return fmt::format("เพิ่ม «{}» ในบัญชีกิจกรรม", name);
    if (a == "update catalogue entry") return fmt::format("แก้ไข «{}» ในบัญชีกิจกรรม", name);
    return fmt::format("ลบ «{}» จากบัญชีกิจกรรม", name);
  }
  if (a == "set municipal assignment" && first)
    return first->after ? fmt::format("จัดสรรตัวเลขเทศบาล {} ลงตำบล", first->key)
                        : fmt::format("ยกเลิกการจัดสรรตัวเลขเทศบาล {}", first->key);
  if (a == "set budget cap" && first) {
    const auto j = nlohmann::json::parse(first->after.value_or("0"), nullptr, false);
    const double baht = j.is_number() ? j.get<double>() : 0.0;
    return baht > 0 ? fmt::format("ตั้งวงเงินงบประมาณ {} บาท", format_thousands(baht))
                    : std::string("ยกเลิกวงเงินงบประมาณ");
  }
  if (a == "set setting" && first) {
    const auto j = nlohmann::json::parse(first->after.value_or("null"), nullptr, false);
    const std::string value = j.is_string() ? j.get<std::string>() : std::string();
    if (first->key == "suppression_threshold")
      return fmt::format("ตั้งเกณฑ์ปกปิดจำนวนน้อยกว่า {}", value);
    if (first->key == "language") return value == "en" ? "ตั้งภาษาเป็นอังกฤษ" : "ตั้งภาษาเป็นไทย";
    if (first->key == "opening_amphoe") return fmt::format("ตั้งอำเภอที่เปิดเป็น {}", value);
    if (first->key == "saved_views") return "บันทึกมุมมองแผนที่";
    return "เปลี่ยนการตั้งค่าโครงการ";
  }
  return "แก้ไขโครงการ";
}

}  // namespace

std::string history_entry_text(const Edit& edit, Language language) {
  if (language == Language::english) return edit.summary;
  return thai_text(edit);
}

}  // namespace chipao::app
