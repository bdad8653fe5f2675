#include "app/new_project_dialog.h"

#include <imgui.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "app/zones_text.h"

namespace chipao::app {

namespace {

const ImVec4 kErrorColour{0.75f, 0.1f, 0.1f, 1.0f};

void copy_to(char* buffer, std::size_t size, const std::string& text) {
  std::snprintf(buffer, size, "%s", text.c_str());
}

// The CRSs Thai boundary files come in, offered beside the typed field.
constexpr std::array<const char*, 5> kCommonCrs = {"EPSG:4326", "EPSG:32647", "EPSG:32648",
                                                   "EPSG:24047", "EPSG:24048"};

std::string folder_of(const std::string& path) {
  return path.empty() ? std::string() : std::filesystem::path(path).parent_path().string();
}

}  // namespace

Result<std::string> NewProjectDialog::create_now(const NewProjectChoices& choices,
                                                 Language language) {
  if (const auto problems = create_problems(choices, language); !problems.empty())
    return fail(problems.front());
  std::optional<JoinReport> report;
  if (!choices.assigned.empty()) {
    auto contents = load_project_contents(project_sources(choices));
    if (!contents) return std::unexpected(contents.error());
    if (contents->joined) report = contents->joined->report;
  }
  auto created =
      create_project(choices.project_path, project_sources(choices, report ? &*report : nullptr),
                     choices.replace_existing);
  if (!created) return std::unexpected(created.error());
  return created->path;
}

void NewProjectDialog::open(std::string boundary_hint) {
  open_ = true;
  if (job_.running()) return;  // a create under way keeps its choices
  choices_ = NewProjectChoices{};
  if (!boundary_hint.empty()) set_boundary(choices_, boundary_hint);
  preview_.reset();
  loaded_key_.clear();
  message_.clear();
  create_error_.clear();
  create_cancelled_ = false;
  sync_buffers();
}

void NewProjectDialog::sync_buffers() {
  copy_to(boundary_, sizeof boundary_, choices_.boundary_path);
  copy_to(code_fields_, sizeof code_fields_, choices_.code_fields);
  copy_to(crs_, sizeof crs_, choices_.crs);
  copy_to(project_, sizeof project_, choices_.project_path);
}

void NewProjectDialog::take_outcome() {
  auto outcome = job_.take();
  if (!outcome) return;
  if (outcome->loaded) {
    loaded_key_ = outcome->key;
    loading_key_.clear();
    preview_ = std::move(outcome->loaded);
    // Ticks for suggestions the new join no longer makes go.
    std::set<std::string> kept;
    if (*preview_ && (*preview_)->join)
      for (const auto& s : (*preview_)->join->suggestions)
        if (choices_.assigned.contains(s.municipal_code)) kept.insert(s.municipal_code);
    choices_.assigned = std::move(kept);
  }
  if (outcome->created) {
    creating_ = false;
    create_cancelled_ = outcome->cancelled;
    if (*outcome->created) {
      open_ = false;
      create_error_.clear();
      created_path_ = (*outcome->created)->path;  // handed back by draw()
    } else if (!outcome->cancelled) {
      create_error_ = outcome->created->error().message;
    }
  }
}

std::optional<std::string> NewProjectDialog::draw(Language language, float scale) {
  take_outcome();
  if (created_path_) return std::exchange(created_path_, std::nullopt);
  if (!open_) return std::nullopt;
  // Read again whenever what the load depends on changed and no job runs.
  const std::string key = load_key(choices_);
  if (!choices_.boundary_path.empty() && key != loaded_key_ && key != loading_key_ &&
      !job_.running() && job_.start_load(choices_))
    loading_key_ = key;

  std::optional<std::string> created;
  ImGui::SetNextWindowSize(ImVec2(620 * scale, 780 * scale), ImGuiCond_FirstUseEver);
  if (ImGui::Begin(tr(language, "สร้างโครงการใหม่###new_project", "New project###new_project"),
                   &open_)) {
    ImGui::BeginDisabled(creating_);
    draw_inputs(language, scale);
    ImGui::Separator();
    draw_overrides(language);
    ImGui::EndDisabled();
    ImGui::Separator();
    draw_preview(language);
    ImGui::Separator();
    created = draw_create(language, scale);
  }
  ImGui::End();

  if (auto chosen = browser_.draw(language, scale)) {
    if (browsing_ == Browsing::boundary) {
      set_boundary(choices_, *chosen);
      message_.clear();
    } else if (browsing_ == Browsing::tables) {
      message_ = add_path(choices_, *chosen, language);
    }
    browsing_ = Browsing::none;
    sync_buffers();
  }
  if (!browser_.is_open()) browsing_ = Browsing::none;
  return created;
}

void NewProjectDialog::draw_inputs(Language language, float scale) {
  ImGui::TextUnformatted(
      tr(language, "ไฟล์ขอบเขต (ตำบลหรือหมู่บ้าน)", "Boundary file (tambon or village)"));
  ImGui::SetNextItemWidth(-110 * scale);
  ImGui::InputText("##boundary", boundary_, sizeof boundary_);
  // Applied when the typing is done, not on every key: each change reads the file again.
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    set_boundary(choices_, boundary_);
    sync_buffers();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(language, "เลือก…##boundary", "Browse…##boundary"))) {
    browsing_ = Browsing::boundary;
    browser_.open(folder_of(choices_.boundary_path));
  }

  ImGui::Spacing();
  ImGui::TextUnformatted(
      tr(language, "ตารางตัวเลข (TPMAP หรือ CSV/XLSX)", "Tables of figures (TPMAP or CSV/XLSX)"));
  std::optional<std::size_t> remove;
  for (std::size_t i = 0; i < choices_.tables.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton(tr(language, "เอาออก", "Remove"))) remove = i;
    ImGui::SameLine();
    ImGui::TextUnformatted(choices_.tables[i].c_str());
    ImGui::PopID();
  }
  if (remove) choices_.tables.erase(choices_.tables.begin() + static_cast<long>(*remove));
  if (ImGui::Button(tr(language, "เพิ่มตารางหรือโฟลเดอร์…", "Add a table or a folder…"))) {
    browsing_ = Browsing::tables;
    browser_.open(
        folder_of(choices_.tables.empty() ? choices_.boundary_path : choices_.tables.back()));
  }
  if (!message_.empty()) ImGui::TextDisabled("%s", message_.c_str());
}

void NewProjectDialog::draw_overrides(Language language) {
  ImGui::TextUnformatted(tr(language, "แก้สิ่งที่โปรแกรมเข้าใจ (ว่าง = ตามที่ตรวจพบ)",
                            "Override what was understood (empty: as detected)"));
  const float width = ImGui::GetFontSize() * 14;
  // Level.
  const char* detected = tr(language, "ตามที่ตรวจพบ", "as detected");
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(tr(language, "ระดับ", "Level"),
                        choices_.level ? level_text(*choices_.level, language) : detected)) {
    if (ImGui::Selectable(detected, !choices_.level)) choices_.level.reset();
    for (AdminLevel l :
         {AdminLevel::province, AdminLevel::amphoe, AdminLevel::tambon, AdminLevel::village})
      if (ImGui::Selectable(level_text(l, language), choices_.level == l)) choices_.level = l;
    ImGui::EndCombo();
  }
  // Code field: typed (composite parts separated by commas) or picked from the file's fields.
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint(tr(language, "ช่องรหัส", "Code field"),
                           tr(language, "เช่น TAM_CODE หรือ P,A,T", "e.g. TAM_CODE or P,A,T"),
                           code_fields_, sizeof code_fields_);
  if (ImGui::IsItemDeactivatedAfterEdit()) choices_.code_fields = code_fields_;
  if (preview_ && *preview_ && !(*preview_)->source.field_names.empty()) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("##pick_field", tr(language, "เลือกช่อง", "pick"))) {
      if (ImGui::Selectable(detected)) choices_.code_fields.clear();
      for (const std::string& f : (*preview_)->source.field_names)
        if (ImGui::Selectable(f.c_str())) choices_.code_fields = f;
      ImGui::EndCombo();
      sync_buffers();
    }
  }
  // Encoding.
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(tr(language, "รหัสอักขระ", "Encoding"),
                        encoding_choice_text(choices_.encoding, language))) {
    for (EncodingChoice e : {EncodingChoice::detect, EncodingChoice::utf8, EncodingChoice::cp874})
      if (ImGui::Selectable(encoding_choice_text(e, language), choices_.encoding == e))
        choices_.encoding = e;
    ImGui::EndCombo();
  }
  // CRS: typed, or one of those Thai files come in.
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint(tr(language, "ระบบพิกัด", "CRS"),
                           tr(language, "ตามไฟล์ .prj", "from the .prj file"), crs_, sizeof crs_);
  if (ImGui::IsItemDeactivatedAfterEdit()) choices_.crs = crs_;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::BeginCombo("##pick_crs", tr(language, "เลือก", "pick"))) {
    if (ImGui::Selectable(detected)) choices_.crs.clear();
    for (const char* crs : kCommonCrs)
      if (ImGui::Selectable(crs)) choices_.crs = crs;
    ImGui::EndCombo();
    sync_buffers();
  }
}

void NewProjectDialog::draw_preview(Language language) {
  if (choices_.boundary_path.empty()) {
    ImGui::TextDisabled("%s", tr(language, "เลือกไฟล์ขอบเขตเพื่อดูว่าโปรแกรมอ่านได้อย่างไร",
                                 "choose a boundary file to see how it reads"));
    return;
  }
  if (!loading_key_.empty() && !creating_) {
    ImGui::TextUnformatted(tr(language, "กำลังอ่านไฟล์…", "Reading the files…"));
    ImGui::ProgressBar(static_cast<float>(job_.progress()), ImVec2(-1, 0));
  }
  if (!preview_) return;
  ImGui::PushTextWrapPos(0);
  if (!*preview_) {
    ImGui::TextColored(kErrorColour, "%s", preview_->error().message.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  const LoadedPreview& p = **preview_;
  for (const std::string& line : layer_summary(p, language)) ImGui::BulletText("%s", line.c_str());
  for (const std::string& w : p.warnings) ImGui::TextDisabled("%s", w.c_str());
  if (p.join) {
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(language, "การเชื่อมตาราง", "Joining the tables"));
    for (const std::string& line : join_summary(*p.join, language))
      ImGui::BulletText("%s", line.c_str());
    if (!p.join->suggestions.empty())
      ImGui::TextUnformatted(tr(language, "พื้นที่เทศบาล (ตำบลเทียม): ติ๊กเพื่อใส่ตัวเลขลงตำบลที่แนะนำ",
                                "Municipal areas (pseudo-tambons): tick to put their figures "
                                "into the suggested tambons"));
    for (const JoinReport::Suggestion& s : p.join->suggestions) {
      std::string tambons;
      for (const std::string& t : s.tambons) tambons += (tambons.empty() ? "" : ", ") + t;
      bool ticked = choices_.assigned.contains(s.municipal_code);
      const std::string label =
          s.municipal_code + " → " +
          (tambons.empty() ? tr(language, "(ไม่มีตำบลแนะนำ)", "(none suggested)") : tambons);
      ImGui::BeginDisabled(s.tambons.empty() || creating_);
      if (ImGui::Checkbox(label.c_str(), &ticked)) {
        if (ticked)
          choices_.assigned.insert(s.municipal_code);
        else
          choices_.assigned.erase(s.municipal_code);
      }
      ImGui::EndDisabled();
    }
  }
  ImGui::PopTextWrapPos();
}

std::optional<std::string> NewProjectDialog::draw_create(Language language, float scale) {
  ImGui::BeginDisabled(creating_);
  ImGui::TextUnformatted(tr(language, "ไฟล์โครงการ", "Project file"));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##project", project_, sizeof project_);
  if (ImGui::IsItemDeactivatedAfterEdit()) choices_.project_path = project_;
  ImGui::Checkbox(tr(language, "แทนที่โครงการเดิม", "Replace the existing project"),
                  &choices_.replace_existing);
  ImGui::EndDisabled();

  const auto problems = create_problems(choices_, language);
  for (const std::string& p : problems) ImGui::TextColored(kErrorColour, "%s", p.c_str());
  if (creating_) {
    ImGui::ProgressBar(static_cast<float>(job_.progress()), ImVec2(-1, 0));
    ImGui::BeginDisabled(job_.cancelling());
    if (ImGui::Button(job_.cancelling() ? tr(language, "กำลังยกเลิก…", "Cancelling…")
                                        : tr(language, "ยกเลิก", "Cancel")))
      job_.cancel();
    ImGui::EndDisabled();
    return std::nullopt;
  }
  // The preview must show what Create will read, without an error.
  const bool loaded = preview_ && *preview_ && loaded_key_ == load_key(choices_);
  ImGui::BeginDisabled(!problems.empty() || !loaded || job_.running());
  if (ImGui::Button(tr(language, "สร้าง", "Create"), ImVec2(120 * scale, 0))) {
    const JoinReport* report = (*preview_)->join ? &*(*preview_)->join : nullptr;
    if (job_.start_create(choices_.project_path, project_sources(choices_, report),
                          choices_.replace_existing)) {
      creating_ = true;
      create_cancelled_ = false;
      create_error_.clear();
    }
  }
  ImGui::EndDisabled();
  if (create_cancelled_)
    ImGui::TextUnformatted(
        tr(language, "ยกเลิกแล้ว ไม่มีไฟล์ใดถูกเขียน", "Cancelled; nothing was written"));
  if (!create_error_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kErrorColour, "%s", create_error_.c_str());
    ImGui::PopTextWrapPos();
  }
  return std::nullopt;
}

}  // namespace chipao::app
