#include "app/export_dialog.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/export_text.h"
#include "app/zones_text.h"
#include "core/plan/plan_report.h"

namespace chipao::app {

namespace {

const ImVec4 kErrorColour{0.75f, 0.1f, 0.1f, 1.0f};
const ImVec4 kDoneColour{0.1f, 0.5f, 0.2f, 1.0f};

SheetOptions preview_sheet_options() {
  SheetOptions sheet;
  sheet.format = SheetFormat::png;
  sheet.width_px = ExportDialog::kPreviewWidthPx;
  return sheet;
}

Result<void> check_folder(const ExportChoices& choices) {
  if (choices.folder.empty()) return fail("choose a folder to export into");
  return {};
}

// A radio button per value of an enum held in `value`.
template <typename E>
void radio(const char* label, E& value, E option) {
  if (ImGui::RadioButton(label, value == option)) value = option;
}

}  // namespace

Result<std::string> ExportDialog::export_now(ProjectSession& session, const ExportChoices& choices,
                                             Language language) {
  ExportChoices resolved = choices;
  resolved.folder = expand_home(choices.folder);
  if (auto ok = check_folder(resolved); !ok) return std::unexpected(ok.error());
  auto exported = export_project(session.path(), resolved.folder, plan_export_options(resolved));
  if (!exported) return std::unexpected(exported.error());
  return export_success_message(*exported, resolved.folder, language);
}

Result<SheetImage> ExportDialog::preview_now(const ProjectSession& session,
                                             const ExportChoices& choices) {
  return preview_project_sheet(session.path(), plan_export_options(choices),
                               preview_sheet_options());
}

void ExportDialog::reset_for(const ProjectSession& session) {
  project_ = session.path();
  choices_ = ExportChoices{};
  // What the planner sees in the zones panel is what the export writes, until they change it.
  choices_.rule = session.drawn_rule() == TallyRule::area ? TallyRule::area : TallyRule::centroid;
  suppress_below_ = suppression_threshold(session.state());
  const std::string folder = default_export_folder(project_);
  std::memset(folder_, 0, sizeof folder_);
  std::memcpy(folder_, folder.data(), std::min(folder.size(), sizeof folder_ - 1));
  last_export_.reset();
  preview_.reset();
  previewed_.reset();
  preview_error_.clear();
}

ExportChoices ExportDialog::current_choices() const {
  ExportChoices c = choices_;
  c.suppress_below = suppress_below_;
  c.folder = expand_home(folder_);
  return c;
}

void ExportDialog::take_outcome() {
  auto outcome = job_.take();
  if (!outcome) return;
  if (outcome->exported) {
    exporting_ = false;
    last_export_ = std::move(outcome);
    return;
  }
  if (outcome->preview) {
    if (*outcome->preview) {
      preview_.upload(**outcome->preview);
      preview_error_.clear();
    } else {
      preview_.reset();
      preview_error_ = outcome->preview->error().message;
    }
    // A failed preview is not retried every frame: only when what it shows changes.
    previewed_ = drawing_;
    drawing_.reset();
  }
}

void ExportDialog::draw(ProjectSession& session, Language language, float scale) {
  if (!open_) return;
  if (project_ != session.path()) reset_for(session);
  if (preset_) {
    choices_ = *std::exchange(preset_, std::nullopt);
    if (choices_.suppress_below) suppress_below_ = *choices_.suppress_below;
    if (!choices_.folder.empty()) {
      std::memset(folder_, 0, sizeof folder_);
      std::memcpy(folder_, choices_.folder.data(),
                  std::min(choices_.folder.size(), sizeof folder_ - 1));
    }
  }
  take_outcome();
  ImGui::SetNextWindowSize(ImVec2(520 * scale, 760 * scale), ImGuiCond_FirstUseEver);
  if (ImGui::Begin(tr(language, "ส่งออกแผน###export_dialog", "Export the plan###export_dialog"),
                   &open_)) {
    draw_choices(session, language);
    ImGui::Separator();
    draw_actions(session, language, scale);
    ImGui::Separator();
    draw_preview(session, language, scale);
  }
  ImGui::End();
}

void ExportDialog::draw_choices(const ProjectSession& session, Language language) {
  ImGui::BeginDisabled(exporting_);
  ImGui::TextUnformatted(tr(language, "รูปแบบไฟล์", "Format"));
  radio(tr(language, "Shapefile (UTF-8)", "Shapefile (UTF-8)"), choices_.kind,
        ExportKind::shapefile_utf8);
  radio(tr(language, "Shapefile (CP874/TIS-620 สำหรับโปรแกรมรุ่นเก่า)",
           "Shapefile (CP874/TIS-620, for older tools)"),
        choices_.kind, ExportKind::shapefile_cp874);
  radio("GeoPackage", choices_.kind, ExportKind::geopackage);
  radio(tr(language, "CSV (ตารางสรุป)", "CSV (summary tables)"), choices_.kind, ExportKind::csv);

  ImGui::Spacing();
  ImGui::TextUnformatted(tr(language, "เกณฑ์นับเขตที่วาด", "Rule for drawn zones"));
  radio(tr(language, "จุดกลาง", "centroid"), choices_.rule, TallyRule::centroid);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", rule_text("centroid", language));
  ImGui::SameLine();
  radio(tr(language, "สัดส่วนพื้นที่", "area"), choices_.rule, TallyRule::area);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", rule_text("area", language));

  ImGui::Spacing();
  ImGui::TextUnformatted(tr(language, "ปกปิดจำนวนที่น้อยกว่า", "Suppress counts below"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::InputInt("##suppress", &suppress_below_))
    suppress_below_ = std::max(0, suppress_below_);
  ImGui::SameLine();
  ImGui::TextDisabled(
      tr(language, "(ค่าของโครงการ: %d; 0 = ไม่ปกปิด)", "(project setting: %d; 0 suppresses nothing)"),
      suppression_threshold(session.state()));

  ImGui::Spacing();
  ImGui::TextUnformatted(
      tr(language, "โฟลเดอร์ปลายทาง (สร้างให้ถ้ายังไม่มี)", "Output folder (created when missing)"));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##folder", folder_, sizeof folder_);

  ImGui::Spacing();
  ImGui::TextUnformatted(tr(language, "แผ่นแผนสำหรับพิมพ์ (A4)", "Printable plan sheet (A4)"));
  bool none = !choices_.sheet;
  if (ImGui::RadioButton(tr(language, "ไม่ต้องการ", "none"), none)) choices_.sheet.reset();
  ImGui::SameLine();
  if (ImGui::RadioButton("PDF", choices_.sheet == SheetFormat::pdf))
    choices_.sheet = SheetFormat::pdf;
  ImGui::SameLine();
  if (ImGui::RadioButton("PNG", choices_.sheet == SheetFormat::png))
    choices_.sheet = SheetFormat::png;
  ImGui::EndDisabled();
}

void ExportDialog::draw_actions(const ProjectSession& session, Language language, float scale) {
  if (exporting_) {
    ImGui::ProgressBar(static_cast<float>(job_.progress()), ImVec2(-1, 0));
    ImGui::BeginDisabled(job_.cancelling());
    if (ImGui::Button(job_.cancelling() ? tr(language, "กำลังยกเลิก…", "Cancelling…")
                                        : tr(language, "ยกเลิก", "Cancel")))
      job_.cancel();
    ImGui::EndDisabled();
  } else {
    // One worker at a time: a preview being drawn finishes first (it takes a moment).
    const bool drawing = job_.running();
    ImGui::BeginDisabled(drawing);
    if (ImGui::Button(tr(language, "บันทึก", "Save"), ImVec2(120 * scale, 0))) {
      const ExportChoices choices = current_choices();
      if (auto ok = check_folder(choices); !ok) {
        ExportOutcome refused;
        refused.folder = choices.folder;
        refused.exported = std::unexpected(ok.error());
        last_export_ = std::move(refused);
      } else if (job_.start_export(session.path(), choices)) {
        exporting_ = true;
        last_export_.reset();
      }
    }
    ImGui::EndDisabled();
    if (drawing) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", tr(language, "กำลังวาดตัวอย่าง…", "drawing the preview…"));
    }
  }
  if (!last_export_ || !last_export_->exported) return;
  const Result<ProjectExport>& r = *last_export_->exported;
  ImGui::PushTextWrapPos(0);
  if (r) {
    ImGui::TextColored(kDoneColour, "%s",
                       export_success_message(*r, last_export_->folder, language).c_str());
    // The core's warnings (a zone naming a unit the layer lacks, the budget) as it words them.
    const PlanReport& report = r->result.report;
    if (report.budget) ImGui::TextColored(kErrorColour, "%s", report.budget->message.c_str());
    for (const std::string& w : report.warnings) ImGui::TextDisabled("%s", w.c_str());
  } else if (last_export_->cancelled) {
    ImGui::TextUnformatted(export_cancelled_message(last_export_->folder, language).c_str());
  } else {
    ImGui::TextColored(kErrorColour, "%s", r.error().message.c_str());
  }
  ImGui::PopTextWrapPos();
}

void ExportDialog::draw_preview(const ProjectSession& session, Language language, float scale) {
  if (!choices_.sheet) {
    ImGui::TextDisabled("%s", tr(language, "เลือก PDF หรือ PNG เพื่อดูตัวอย่างแผ่นแผน",
                                 "choose PDF or PNG to preview the plan sheet"));
    return;
  }
  // Redrawn when what the sheet shows changes: the rule, the threshold, an edit.
  const PreviewKey key{choices_.rule, suppress_below_, session.revision()};
  if (previewed_ != key && drawing_ != key && !job_.running()) {
    ExportChoices choices = choices_;
    choices.suppress_below = suppress_below_;
    if (job_.start_preview(session.path(), plan_export_options(choices), preview_sheet_options()))
      drawing_ = key;
  }
  ImGui::TextUnformatted(tr(language, "ตัวอย่างแผ่นแผน", "Plan sheet preview"));
  if (drawing_) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(language, "(กำลังวาด…)", "(drawing…)"));
  }
  if (!preview_error_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kErrorColour, "%s", preview_error_.c_str());
    ImGui::PopTextWrapPos();
  }
  if (preview_.empty()) return;
  // The page fits the dialog's width; hovering shows the sheet at full size around the mouse.
  const float width = std::min(ImGui::GetContentRegionAvail().x, 600.0f * scale);
  const float height =
      width * static_cast<float>(preview_.height()) / static_cast<float>(preview_.width());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(preview_.imgui_id(), ImVec2(width, height), ImVec2(0, 0), ImVec2(1, 1),
               ImVec4(1, 1, 1, 1), ImVec4(0.5f, 0.5f, 0.5f, 1));
  if (ImGui::IsItemHovered() && width > 0) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float u = std::clamp((mouse.x - origin.x) / width, 0.0f, 1.0f);
    const float v = std::clamp((mouse.y - origin.y) / height, 0.0f, 1.0f);
    const float zoom = 320 * scale;  // screen pixels of the loupe
    const float du = zoom / static_cast<float>(preview_.width()) / 2;
    const float dv = zoom / static_cast<float>(preview_.height()) / 2;
    const float u0 = std::clamp(u - du, 0.0f, 1.0f - 2 * du);
    const float v0 = std::clamp(v - dv, 0.0f, 1.0f - 2 * dv);
    ImGui::BeginTooltip();
    ImGui::Image(preview_.imgui_id(), ImVec2(zoom, zoom), ImVec2(u0, v0),
                 ImVec2(u0 + 2 * du, v0 + 2 * dv));
    ImGui::EndTooltip();
  }
  ImGui::TextDisabled("%s", tr(language, "บันทึกแล้วจะได้แผ่นแผนนี้ในโฟลเดอร์ปลายทาง",
                               "Save writes this sheet into the output folder"));
}

}  // namespace chipao::app
