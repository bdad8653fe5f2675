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
    Entry{TextId::thematic_title, "แผนที่เฉพาะเรื่อง", "Thematic map"},
    Entry{TextId::measure, "ข้อมูลที่แสดง", "Measure"},
    Entry{TextId::group_counts, "จำนวน", "Counts"},
    Entry{TextId::group_rates, "อัตรา", "Rates"},
    Entry{TextId::group_dimensions, "รายมิติ", "By dimension"},
    Entry{TextId::group_indicators, "รายตัวชี้วัด จปฐ.", "By JPT indicator"},
    Entry{TextId::group_other, "อื่น ๆ", "Other"},
    Entry{TextId::method, "วิธีแบ่งช่วง", "Classification"},
    Entry{TextId::method_quantile, "ควอนไทล์ (จำนวนพื้นที่เท่ากัน)", "Quantile (equal counts)"},
    Entry{TextId::method_jenks, "แบ่งตามธรรมชาติ (Jenks)", "Natural breaks (Jenks)"},
    Entry{TextId::method_equal, "ช่วงกว้างเท่ากัน", "Equal interval"},
    Entry{TextId::method_manual, "กำหนดเอง", "Manual breaks"},
    Entry{TextId::manual_breaks_hint, "ค่าแบ่ง เช่น 100, 250, 500 แล้วกด Enter",
          "Breaks, e.g. 100, 250, 500 then Enter"},
    Entry{TextId::classes, "จำนวนชั้น", "Classes"},
    Entry{TextId::palette, "ชุดสี", "Palette"},
    Entry{TextId::high_contrast, "สีตัดกันสูง", "High contrast"},
    Entry{TextId::no_figures, "ชั้นนี้ไม่มีตารางข้อมูลที่เชื่อมไว้", "This layer has no joined tables"},
    Entry{TextId::areas_count, "%s พื้นที่", "%s areas"},
    Entry{TextId::no_data, "ไม่มีข้อมูล", "No data"},
    Entry{TextId::code, "รหัส", "Code"},
    Entry{TextId::name_thai, "ชื่อไทย", "Thai name"},
    Entry{TextId::name_english, "ชื่ออังกฤษ", "English name"},
    Entry{TextId::assigned_from, "ตัวเลขจัดสรรมาจาก %s", "Figures assigned from %s"},
    Entry{TextId::fit_selection, "ซูมไปที่พื้นที่นี้", "Zoom to this area"},
    Entry{TextId::villages, "หมู่บ้าน", "Villages"},
    Entry{TextId::table_title, "ตารางข้อมูล", "Attribute table"},
    Entry{TextId::search, "ค้นหา ชื่อหรือรหัส", "Search name or code"},
    Entry{TextId::zoom_on_select, "ซูมเมื่อเลือก", "Zoom on select"},
    Entry{TextId::whole_province, "ทั้งจังหวัด", "Whole province"},
    Entry{TextId::amphoe_picker, "ไปที่อำเภอ…", "Go to amphoe…"},
    Entry{TextId::join_report, "รายงานการเชื่อมข้อมูล", "Join report"},
    Entry{TextId::join_matched, "พื้นที่ที่ได้ตัวเลข %s จาก %s", "%s of %s areas received figures"},
    Entry{TextId::balance_ok, "ยอดรวมตรงกันทุกตัวชี้วัด: นำเข้า = เชื่อมได้ + รวมขึ้น + ไม่พบ",
          "Every measure balances: input = joined + rolled up + unmatched"},
    Entry{TextId::balance_bad, "ยอดรวมไม่ตรงกัน: ตรวจตารางยอดรวมด้านล่าง",
          "Totals do not balance: see the totals below"},
    Entry{TextId::totals, "ยอดรวมรายตัวชี้วัด", "Totals per measure"},
    Entry{TextId::total_input, "นำเข้า", "Input"},
    Entry{TextId::total_joined, "เชื่อมได้", "Joined"},
    Entry{TextId::total_rolled_up, "รวมขึ้น", "Rolled up"},
    Entry{TextId::total_unmatched, "ไม่พบ", "Unmatched"},
    Entry{TextId::balance, "ตรงกัน", "Balance"},
    Entry{TextId::unmatched_boundaries, "พื้นที่ที่ไม่มีตัวเลข", "Areas without figures"},
    Entry{TextId::unmatched_rows, "แถวที่ไม่พบพื้นที่", "Rows matching no area"},
    Entry{TextId::row_at_line, "%s บรรทัด %zu: รหัส %s", "%s line %zu: code %s"},
    Entry{TextId::rolled_up, "รวมขึ้นไประดับบน (เทศบาล ชุมชน)",
          "Rolled up (municipal areas, communities)"},
    Entry{TextId::suggestion, "เทศบาล %s รวมไว้ที่อำเภอ %s; น่าจะครอบคลุมตำบล %s",
          "Municipal area %s went to amphoe %s; it probably covers tambon %s"},
    Entry{TextId::assign_button, "จัดสรรให้ตำบลเหล่านี้ตามพื้นที่", "Assign to these tambons by area"},
    Entry{TextId::assigned_to, "เทศบาล %s จัดสรรให้ %s แล้ว", "Municipal area %s assigned to %s"},
    Entry{TextId::presentation_button, "นำเสนอ (F5)", "Present (F5)"},
    Entry{TextId::labels, "ป้ายชื่อ", "Labels"},
    Entry{TextId::labels_name, "ชื่อ", "Name"},
    Entry{TextId::labels_value, "ค่า", "Value"},
    Entry{TextId::labels_off, "ปิด", "Off"},
    Entry{TextId::views_title, "มุมมองที่บันทึกไว้", "Saved views"},
    Entry{TextId::save_view, "บันทึกมุมมอง", "Save view"},
    Entry{TextId::view_name, "ชื่อมุมมอง", "View name"},
    Entry{TextId::rename_view, "เปลี่ยนชื่อ", "Rename"},
    Entry{TextId::delete_view, "ลบ", "Delete"},
    Entry{TextId::go_to_view, "ไป", "Go"},
    Entry{TextId::no_views, "ยังไม่มีมุมมองที่บันทึกไว้", "No saved views yet"},
    Entry{TextId::views_hint, "นำเสนอ: ลูกศรซ้าย/ขวา เปลี่ยนมุมมอง, Ctrl+S บันทึก",
          "Presenting: Left/Right step through views, Ctrl+S saves"},
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
