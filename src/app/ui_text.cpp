#include "app/ui_text.h"

#include <array>
#include <cstddef>

namespace chipao::app {

namespace {

struct Entry {
  TextId id;
  const char* thai;
  const char* english;
};

// Ordered as TextId; the static_assert below and the id column catch a row out of place.
constexpr std::array kTable = {
    Entry{TextId::window_title, "ชี้เป้า ChiPao", "ChiPao"},
    Entry{TextId::panel_title, "ชั้นข้อมูลแผนที่", "Map layers"},
    Entry{TextId::switch_language, "English", "ภาษาไทย"},
    Entry{TextId::layers_header, "ชั้นข้อมูล", "Layers"},
    Entry{TextId::no_layers, "ยังไม่มีชั้นข้อมูล", "No layers loaded yet"},
    Entry{TextId::visible, "แสดง", "Show"},
    Entry{TextId::features, "รายการ", "features"},
    Entry{TextId::level, "ระดับ", "Level"},
    Entry{TextId::geometry_type, "ชนิดรูปทรง", "Geometry"},
    Entry{TextId::crs, "ระบบพิกัด", "CRS"},
    Entry{TextId::encoding, "รหัสอักขระ", "Encoding"},
    Entry{TextId::load_time, "ใช้เวลาโหลด %.1f วินาที", "Loaded in %.1f s"},
    Entry{TextId::warnings, "คำเตือน", "Warnings"},
    Entry{TextId::bad_codes, "รหัสไม่ถูกต้อง", "Invalid codes"},
    Entry{TextId::fixed_codes, "รหัสที่แก้ให้อัตโนมัติ", "Codes fixed automatically"},
    Entry{TextId::duplicate_codes, "รหัสซ้ำ", "Duplicate codes"},
    Entry{TextId::repaired_geometries, "รูปทรงที่ซ่อมแล้ว", "Repaired geometries"},
    Entry{TextId::empty_geometries, "รูปทรงว่าง", "Empty geometries"},
    Entry{TextId::loading, "กำลังโหลด %s", "Loading %s"},
    Entry{TextId::queued, "รออีก %d ชั้น", "%d more waiting"},
    Entry{TextId::errors_header, "โหลดไม่สำเร็จ", "Could not load"},
    Entry{TextId::fit_view, "ดูทั้งหมด", "Fit to layers"},
    Entry{TextId::map_hint, "ลากเพื่อเลื่อน หมุนล้อเมาส์เพื่อซูม", "Drag to pan, mouse wheel to zoom"},
    Entry{TextId::frame_time, "เวลาวาดภาพ %.1f มิลลิวินาที", "Frame time %.1f ms"},
    Entry{TextId::triangles, "สามเหลี่ยม %zu", "Triangles %zu"},
    Entry{TextId::level_province, "จังหวัด", "Province"},
    Entry{TextId::level_amphoe, "อำเภอ", "District (amphoe)"},
    Entry{TextId::level_tambon, "ตำบล", "Subdistrict (tambon)"},
    Entry{TextId::level_village, "หมู่บ้าน", "Village (muban)"},
    Entry{TextId::level_unknown, "ไม่ทราบ", "Unknown"},
};
static_assert(kTable.size() == static_cast<std::size_t>(TextId::count_),
              "every TextId needs one row in kTable");

constexpr bool table_in_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<std::size_t>(kTable[i].id) != i) return false;
  }
  return true;
}
static_assert(table_in_order(), "kTable rows must follow the order of TextId");

}  // namespace

const char* text(TextId id, Language language) {
  const Entry& entry = kTable[static_cast<std::size_t>(id)];
  return language == Language::thai ? entry.thai : entry.english;
}

const char* level_text(std::optional<AdminLevel> level, Language language) {
  if (!level) return text(TextId::level_unknown, language);
  switch (*level) {
    case AdminLevel::province:
      return text(TextId::level_province, language);
    case AdminLevel::amphoe:
      return text(TextId::level_amphoe, language);
    case AdminLevel::tambon:
      return text(TextId::level_tambon, language);
    case AdminLevel::village:
      return text(TextId::level_village, language);
  }
  return "?";
}

}  // namespace chipao::app
