#include "app/history_panel.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/history_text.h"
#include "app/zones_text.h"

namespace chipao::app {

namespace {

void report(const Result<void>& outcome, std::string& message) {
  message = outcome ? std::string() : outcome.error().message;
}

}  // namespace

void draw_history_panel(ProjectSession& session, Language language, std::string& message) {
  const EditHistory& history = session.history();
  ImGui::BeginDisabled(!history.can_undo());
  if (ImGui::Button(tr(language, "เลิกทำ (Ctrl+Z)", "Undo (Ctrl+Z)")))
    report(session.undo(), message);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!history.can_redo());
  if (ImGui::Button(tr(language, "ทำซ้ำ (Ctrl+Y)", "Redo (Ctrl+Y)")))
    report(session.redo(), message);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::Text(tr(language, "%zu จาก %zu", "%zu of %zu"), history.position(), history.size());
  if (!message.empty()) ImGui::TextColored({0.75f, 0.1f, 0.1f, 1.0f}, "%s", message.c_str());
  ImGui::TextDisabled("%s", tr(language, "บันทึกทุกการแก้ไขลงไฟล์โครงการทันที",
                               "every edit is saved to the project file as it is made"));
  ImGui::Separator();
  const auto& entries = history.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const bool done = i < history.position();
    if (!done)
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::Text("%zu. %s", i + 1, history_entry_text(entries[i], language).c_str());
    if (!done) ImGui::PopStyleColor();
    if (i + 1 == history.position()) ImGui::Separator();
  }
}

bool handle_history_keys(ProjectSession& session, std::string& message) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !io.KeyCtrl) return false;
  if (ImGui::IsKeyPressed(GLFW_KEY_Z, false)) {
    report(io.KeyShift ? session.redo() : session.undo(), message);
    return true;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_Y, false)) {
    report(session.redo(), message);
    return true;
  }
  return false;
}

}  // namespace chipao::app
