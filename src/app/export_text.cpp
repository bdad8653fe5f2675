#include "app/export_text.h"

#include <fmt/format.h>

#include <filesystem>

#include "app/zones_text.h"

namespace chipao::app {

std::string export_success_message(const ProjectExport& exported, const std::string& folder,
                                   Language language) {
  const PlanExportResult& r = exported.result;
  // The sheet is listed apart from the tables by core; a planner counts every file.
  const std::size_t count = r.files.size() + (r.sheet.empty() ? 0 : 1);
  std::string message = fmt::format(
      fmt::runtime(tr(language, "บันทึก {} ไฟล์ไว้ที่ {}", "Saved {} files in {}")), count, folder);
  if (!r.sheet.empty())
    message += fmt::format(fmt::runtime(tr(language, " (แผ่นแผน: {})", " (plan sheet: {})")),
                           std::filesystem::path(r.sheet).filename().string());
  return message;
}

std::string export_cancelled_message(const std::string& folder, Language language) {
  return fmt::format(fmt::runtime(tr(language, "ยกเลิกการส่งออกแล้ว ไม่มีไฟล์ใดถูกเขียนลงใน {}",
                                     "Export cancelled: nothing was written to {}")),
                     folder);
}

}  // namespace chipao::app
