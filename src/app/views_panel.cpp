#include "app/views_panel.h"

#include <cstdio>
#include <cstring>

#include <imgui.h>

namespace chipao::app {

ViewsActions ViewsPanel::draw(const SavedViews& views, Language language, float ui_scale,
                              const std::string& suggested_name) {
  ViewsActions actions;
  const std::string title = std::string(text(TextId::views_title, language)) + "###views";
  if (ImGui::CollapsingHeader(title.c_str())) {
    if (name_[0] == '\0') std::snprintf(name_, sizeof name_, "%s", suggested_name.c_str());
    ImGui::SetNextItemWidth(170.0f * ui_scale);
    ImGui::InputText("##view_name", name_, sizeof name_);
    ImGui::SameLine();
    if (ImGui::Button(text(TextId::save_view, language)) && name_[0] != '\0') {
      actions.save = std::string(name_);
      name_[0] = '\0';  // the next save suggests a fresh name
    }
    ImGui::TextDisabled("%s", text(TextId::views_hint, language));
    ImGui::Separator();
    if (views.views().empty()) ImGui::TextUnformatted(text(TextId::no_views, language));
    for (std::size_t i = 0; i < views.views().size(); ++i) {
      const SavedView& view = views.views()[i];
      ImGui::PushID(static_cast<int>(i));
      if (renaming_ == i) {
        ImGui::SetNextItemWidth(170.0f * ui_scale);
        const bool entered = ImGui::InputText("##rename", rename_, sizeof rename_,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button("OK") || entered) && rename_[0] != '\0') {
          actions.rename = std::pair{i, std::string(rename_)};
          renaming_.reset();
        }
      } else {
        const bool current = views.current() == i;
        if (ImGui::Selectable(view.name.c_str(), current, 0, ImVec2(150.0f * ui_scale, 0)))
          actions.go_to = i;
        ImGui::SameLine();
        if (ImGui::SmallButton(text(TextId::rename_view, language))) {
          renaming_ = i;
          std::snprintf(rename_, sizeof rename_, "%s", view.name.c_str());
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(text(TextId::delete_view, language))) actions.remove = i;
      }
      ImGui::PopID();
    }
  }
  return actions;
}

}  // namespace chipao::app
