#include "app/drill_panel.h"

#include <imgui.h>

#include "app/attribute_table.h"
#include "app/feature_pick.h"
#include "app/inspect_panel.h"
#include "app/place_names.h"

namespace chipao::app {

DrillActions DrillPanel::draw(const MapController& controller, Language language, float ui_scale,
                              float left_px) {
  DrillActions actions;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(viewport->WorkPos.x + left_px, viewport->WorkPos.y + 10.0f * ui_scale),
      ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.90f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse;
  if (ImGui::Begin("###drill", nullptr, flags)) {
    if (ImGui::SmallButton(text(TextId::whole_province, language))) actions.drill_to = "";
    for (const std::string& code : controller.drill_path()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(">");
      ImGui::SameLine();
      const std::string label = place_name(controller, code, language) + "##" + code;
      if (ImGui::SmallButton(label.c_str())) actions.drill_to = code;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200.0f * ui_scale);
    const MapLayer* amphoe = controller.layer_at(AdminLevel::amphoe);
    // Without an amphoe layer the amphoe come from the tambons' codes, named by the gazetteer.
    const MapLayer* finer = amphoe ? nullptr : controller.layer_at(AdminLevel::tambon);
    if ((amphoe || finer) && ImGui::BeginCombo("##amphoe", text(TextId::amphoe_picker, language),
                                               ImGuiComboFlags_HeightLarge)) {
      if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
      ImGui::InputTextWithHint("##filter", text(TextId::search, language), filter_, sizeof filter_);
      if (amphoe) {
        for (const BoundaryFeature& feature : amphoe->data.features) {
          if (!feature_matches(feature, filter_)) continue;
          const std::string row = feature.code + "  " + area_name(feature, language);
          if (ImGui::Selectable(row.c_str())) actions.drill_to = feature.code;
        }
      } else {
        for (const std::string& code : amphoe_codes_of(finer->data)) {
          const std::string row = code + "  " + place_name(nullptr, code, language);
          if (filter_[0] != '\0' && row.find(filter_) == std::string::npos) continue;
          if (ImGui::Selectable(row.c_str())) actions.drill_to = code;
        }
      }
      ImGui::EndCombo();
    }
  }
  ImGui::End();
  return actions;
}

}  // namespace chipao::app
