#include "app/inspect_panel.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/feature_pick.h"
#include "core/util/number_format.h"

namespace chipao::app {

namespace {

const ImVec4 kMutedColor(0.38f, 0.38f, 0.38f, 1.0f);
const ImVec4 kAssignedColor(0.55f, 0.20f, 0.55f, 1.0f);

std::string value_text(double value, bool is_rate) {
  if (!std::isfinite(value)) return {};
  return format_thousands(value, is_rate ? 2 : 0) + (is_rate ? " %" : "");
}

// Horizontal bars for one group of measures of one feature, scaled to the largest.
void draw_bars(const MapLayer& layer, const MeasureCatalog& catalog, MeasureGroup group,
               std::size_t feature, Language language) {
  struct Bar {
    const MeasureEntry* entry;
    double value;
  };
  std::vector<Bar> bars;
  for (const MeasureEntry& entry : catalog.entries) {
    if (entry.group != group) continue;
    const double value = layer.figures.join->columns[entry.column].values[feature];
    bars.push_back({&entry, value});
  }
  if (bars.empty()) return;
  double largest = 0;
  for (const Bar& bar : bars)
    if (std::isfinite(bar.value)) largest = std::max(largest, bar.value);
  const float label_width = ImGui::GetFontSize() * 11.0f;
  const float bar_width = ImGui::GetContentRegionAvail().x - label_width - ImGui::GetFontSize() * 4;
  for (const Bar& bar : bars) {
    std::string label = language == Language::thai ? bar.entry->label_th : bar.entry->label_en;
    if (group == MeasureGroup::indicators)
      label = (language == Language::thai ? "ข้อ " : "Indicator ") +
              std::to_string(bar.entry->indicator);
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(label_width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const float w = largest > 0 && std::isfinite(bar.value)
                        ? bar_width * static_cast<float>(bar.value / largest)
                        : 0.0f;
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(at.x, at.y + 2), ImVec2(at.x + w, at.y + h - 2), IM_COL32(200, 90, 50, 255));
    ImGui::Dummy(ImVec2(w, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(std::isfinite(bar.value)
                               ? format_thousands(bar.value, bar.entry->is_rate ? 2 : 0).c_str()
                               : "–");
  }
}

}  // namespace

std::string area_name(const BoundaryFeature& feature, Language language) {
  const std::string& first = language == Language::thai ? feature.name_th : feature.name_en;
  const std::string& second = language == Language::thai ? feature.name_en : feature.name_th;
  if (first.empty()) return second;
  if (second.empty() || second == first) return first;
  return first + " (" + second + ")";
}

void draw_hover_tooltip(const MapController& controller, Language language) {
  const MapLayer* layer = controller.active_layer();
  const auto hovered = controller.hovered();
  if (!layer || !hovered || *hovered >= layer->data.features.size()) return;
  const BoundaryFeature& feature = layer->data.features[*hovered];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(area_name(feature, language).c_str());
  ImGui::TextColored(kMutedColor, "%s %s", text(TextId::code, language), feature.code.c_str());
  if (const MeasureEntry* entry = controller.measure()) {
    const double value = (*controller.measure_values())[*hovered];
    const std::string& label = language == Language::thai ? entry->label_th : entry->label_en;
    const std::string shown = value_text(value, entry->is_rate);
    ImGui::Text("%s: %s", label.c_str(),
                shown.empty() ? text(TextId::no_data, language) : shown.c_str());
  }
  if (layer->figures.join && *hovered < layer->figures.join->assigned_from.size()) {
    const std::string& from = layer->figures.join->assigned_from[*hovered];
    if (!from.empty())
      ImGui::TextColored(kAssignedColor, text(TextId::assigned_from, language), from.c_str());
  }
  ImGui::EndTooltip();
}

InspectActions draw_inspect_panel(const MapController& controller, Language language,
                                  float ui_scale) {
  InspectActions actions;
  const MapLayer* layer = controller.active_layer();
  const auto selected = controller.selected();
  if (!layer || !selected || *selected >= layer->data.features.size()) return actions;
  const BoundaryFeature& feature = layer->data.features[*selected];

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // Over the lower part of the layer panel's column, leaving the map itself in view.
  const float top = viewport->WorkPos.y + viewport->WorkSize.y * 0.42f;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 10.0f * ui_scale, top), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(400.0f * ui_scale, viewport->WorkPos.y + viewport->WorkSize.y -
                                                         top - 10.0f * ui_scale),
                           ImGuiCond_Appearing);
  bool open = true;
  const std::string title = area_name(feature, language) + "###inspect";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextColored(kMutedColor, "%s %s · %s", text(TextId::code, language),
                       feature.code.c_str(), level_text(layer->data.source.level, language));
    if (ImGui::SmallButton(text(TextId::fit_selection, language))) actions.fit_selection = true;
    if (layer->figures.join && *selected < layer->figures.join->assigned_from.size() &&
        !layer->figures.join->assigned_from[*selected].empty()) {
      ImGui::TextColored(kAssignedColor, text(TextId::assigned_from, language),
                         layer->figures.join->assigned_from[*selected].c_str());
    }
    if (const MeasureCatalog* catalog = controller.catalog(); catalog && layer->figures.join) {
      if (ImGui::CollapsingHeader(text(TextId::group_counts, language),
                                  ImGuiTreeNodeFlags_DefaultOpen))
        draw_bars(*layer, *catalog, MeasureGroup::counts, *selected, language);
      if (ImGui::CollapsingHeader(text(TextId::group_dimensions, language),
                                  ImGuiTreeNodeFlags_DefaultOpen))
        draw_bars(*layer, *catalog, MeasureGroup::dimensions, *selected, language);
      if (ImGui::CollapsingHeader(text(TextId::group_indicators, language)))
        draw_bars(*layer, *catalog, MeasureGroup::indicators, *selected, language);
    }
    // Villages: the children of this area in the village layer, by code prefix.
    if (layer->data.source.level != AdminLevel::village) {
      if (const MapLayer* villages = controller.layer_at(AdminLevel::village)) {
        const std::vector<std::size_t> children = children_by_code(villages->data, feature.code);
        const std::string header = std::string(text(TextId::villages, language)) + " (" +
                                   format_thousands(static_cast<double>(children.size())) +
                                   ")###villages";
        if (ImGui::CollapsingHeader(header.c_str())) {
          for (std::size_t child : children) {
            const BoundaryFeature& village = villages->data.features[child];
            const std::string row = village.code + "  " + area_name(village, language);
            if (ImGui::Selectable(row.c_str())) actions.select_code = village.code;
          }
        }
      }
    }
  }
  ImGui::End();
  if (!open) actions.close = true;
  return actions;
}

}  // namespace chipao::app
