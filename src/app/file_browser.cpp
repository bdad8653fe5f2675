#include "app/file_browser.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "app/zones_text.h"

namespace chipao::app {

namespace {

namespace fs = std::filesystem;

bool readable_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const char* const kKnown[] = {".chipao", ".shp", ".gpkg", ".geojson", ".json", ".fgb",
                                       ".zip",    ".kml", ".csv",  ".xlsx",    ".tsv",  ".sqlite"};
  return std::any_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return ext == k; });
}

fs::path home_folder() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  return fs::current_path();
}

}  // namespace

std::vector<fs::directory_entry> FileBrowser::listing(const fs::path& dir) {
  std::vector<fs::directory_entry> folders, files;
  std::error_code ec;
  for (const auto& entry :
       fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    if (entry.is_directory(type_ec))
      folders.push_back(entry);
    else if (readable_extension(entry.path()))
      files.push_back(entry);
  }
  const auto by_name = [](const fs::directory_entry& a, const fs::directory_entry& b) {
    return a.path().filename() < b.path().filename();
  };
  std::sort(folders.begin(), folders.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  folders.insert(folders.end(), files.begin(), files.end());
  return folders;
}

void FileBrowser::open(const std::string& folder) {
  open_ = true;
  focus_path_ = true;
  std::error_code ec;
  go_to(!folder.empty() && fs::is_directory(folder, ec) ? fs::path(folder) : home_folder());
}

void FileBrowser::go_to(const fs::path& folder) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(folder, ec).lexically_normal();
  folder_ = ec ? folder : absolute;
  entries_ = listing(folder_);
  selected_.clear();
  error_.clear();
  std::snprintf(typed_, sizeof typed_, "%s", folder_.string().c_str());
}

std::optional<std::string> FileBrowser::draw(Language language, float scale) {
  if (!open_) return std::nullopt;
  std::optional<std::string> chosen;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(640.0f * scale, 460.0f * scale), ImGuiCond_Appearing);
  const std::string title = std::string(tr(language, "เปิดไฟล์", "Open")) + "###" + window_id_;
  if (ImGui::Begin(title.c_str(), &open_, ImGuiWindowFlags_NoCollapse)) {
    if (ImGui::Button(tr(language, "ขึ้นไป", "Up"))) go_to(folder_.parent_path());
    ImGui::SameLine();
    if (ImGui::Button(tr(language, "โฟลเดอร์บ้าน", "Home"))) go_to(home_folder());
    ImGui::SameLine();
    if (focus_path_) {
      ImGui::SetKeyboardFocusHere();
      focus_path_ = false;
    }
    ImGui::SetNextItemWidth(-1.0f);
    // A typed path opens on Enter: a folder is shown, a file is chosen.
    if (ImGui::InputText("##path", typed_, sizeof typed_, ImGuiInputTextFlags_EnterReturnsTrue)) {
      std::error_code ec;
      const fs::path typed(typed_);
      if (fs::is_directory(typed, ec))
        go_to(typed);
      else if (fs::exists(typed, ec))
        chosen = typed.string();
      else
        error_ = std::string(tr(language, "ไม่พบ: ", "Not found: ")) + typed_;
    }
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.2f;
    if (ImGui::BeginChild("##entries", ImVec2(0, -footer), true)) {
      for (const auto& entry : entries_) {
        std::error_code ec;
        const bool folder = entry.is_directory(ec);
        const std::string name = entry.path().filename().string() + (folder ? "/" : "");
        const bool is_selected = entry.path().string() == selected_;
        if (ImGui::Selectable(name.c_str(), is_selected, ImGuiSelectableFlags_AllowDoubleClick)) {
          if (folder && ImGui::IsMouseDoubleClicked(0)) {
            go_to(entry.path());
            break;
          }
          selected_ = entry.path().string();
          if (!folder && ImGui::IsMouseDoubleClicked(0)) chosen = selected_;
        }
      }
      if (entries_.empty())
        ImGui::TextDisabled("%s", tr(language, "ไม่มีไฟล์ที่ชี้เป้าเปิดได้ในโฟลเดอร์นี้",
                                     "No files ChiPao reads in this folder"));
    }
    ImGui::EndChild();
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", error_.c_str());
    const bool can_open = !selected_.empty();
    if (!can_open) ImGui::BeginDisabled();
    if (ImGui::Button(tr(language, "เปิด", "Open"))) chosen = selected_;
    if (!can_open) ImGui::EndDisabled();
    ImGui::SameLine();
    // A folder of tables opens as a whole.
    if (ImGui::Button(tr(language, "เลือกโฟลเดอร์นี้", "Choose this folder")))
      chosen = folder_.string();
    ImGui::SameLine();
    if (ImGui::Button(tr(language, "ยกเลิก", "Cancel"))) open_ = false;
  }
  ImGui::End();
  if (chosen) open_ = false;
  return chosen;
}

}  // namespace chipao::app
