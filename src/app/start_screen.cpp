#include "app/start_screen.h"

#include <fmt/format.h>
#include <imgui.h>

#include <cstdio>
#include <filesystem>

#include "app/zones_text.h"
#include "core/util/number_format.h"

namespace chipao::app {

std::string recent_date_text(const std::string& iso_date, Language language) {
  int year = 0, month = 0, day = 0;
  if (std::sscanf(iso_date.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 ||
      month > 12 || day < 1 || day > 31)
    return iso_date;
  return format_date_be(year, month, day, language == Language::thai);
}

StartActions draw_start_screen(const RecentProjects& recent, Language language, float scale) {
  StartActions actions;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.45f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560.0f * scale, 0.0f), ImGuiCond_Always);
  const std::string title =
      std::string(tr(language, "ชี้เป้า — เริ่มต้น", "ChiPao — start")) + "###start";
  if (ImGui::Begin(title.c_str(), nullptr,
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                       ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextWrapped("%s", tr(language, "ชี้เป้าครัวเรือนยากจนบนแผนที่ และวางแผนช่วยเหลือรายอำเภอ",
                                "Find poor households on the map and plan help by amphoe"));
    ImGui::Spacing();
    if (ImGui::Button(tr(language, "สร้างโครงการใหม่…", "New project…"))) actions.new_project = true;
    ImGui::SameLine();
    if (ImGui::Button(tr(language, "เปิดโครงการ…", "Open project…"))) actions.open_dialog = true;
    ImGui::SameLine();
    if (ImGui::Button(tr(language, "เปิดจังหวัดตัวอย่าง", "Open the demo province")))
      actions.open_demo = true;
    ImGui::Separator();
    ImGui::TextUnformatted(tr(language, "โครงการล่าสุด", "Recent projects"));
    if (recent.entries().empty())
      ImGui::TextDisabled("%s", tr(language, "ยังไม่มี — โครงการที่เปิดจะแสดงที่นี่",
                                   "None yet — projects you open are listed here"));
    for (const RecentProject& p : recent.entries()) {
      ImGui::PushID(p.path.c_str());
      std::error_code ec;
      const bool exists = std::filesystem::exists(p.path, ec);
      const std::filesystem::path path(p.path);
      std::string line = path.stem().string();
      if (!p.amphoe.empty())
        line += fmt::format("  ·  {} {}", tr(language, "อำเภอ", "amphoe"), p.amphoe);
      if (!p.opened.empty()) line += "  ·  " + recent_date_text(p.opened, language);
      if (!exists) ImGui::BeginDisabled();
      if (ImGui::Selectable(line.c_str(), false, 0, ImVec2((exists ? 520.0f : 330.0f) * scale, 0)))
        actions.open_project = p.path;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.path.c_str());
      if (!exists) ImGui::EndDisabled();
      if (!exists) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(language, "(ไม่พบไฟล์)", "(missing)"));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(language, "ลบออก", "Forget"))) actions.forget = p.path;
      }
      ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextWrapped("%s",
                       tr(language,
                          "ลากไฟล์มาวางบนหน้าต่างได้ทุกเมื่อ: โครงการ (.chipao) ขอบเขต เขต "
                          "หรือตาราง TPMAP (.csv, .xlsx)",
                          "Drop files on the window at any time: projects (.chipao), boundaries, "
                          "zones or TPMAP tables (.csv, .xlsx)"));
  }
  ImGui::End();
  return actions;
}

}  // namespace chipao::app
