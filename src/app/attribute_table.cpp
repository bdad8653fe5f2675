#include "app/attribute_table.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <imgui.h>

#include "core/util/number_format.h"

namespace chipao::app {

namespace {

constexpr float kHeightPx = 230.0f;
constexpr float kMarginPx = 10.0f;

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

enum Column { code_column, thai_column, english_column, value_column };

}  // namespace

bool feature_matches(const BoundaryFeature& feature, const std::string& search) {
  if (search.empty()) return true;
  if (feature.code.find(search) != std::string::npos) return true;
  if (feature.name_th.find(search) != std::string::npos) return true;
  return lower_ascii(feature.name_en).find(lower_ascii(search)) != std::string::npos;
}

AttributeTableActions AttributeTable::draw(const MapController& controller, Language language,
                                           float ui_scale, float left_px, float right_px) {
  AttributeTableActions actions;
  const MapLayer* layer = controller.active_layer();
  if (!layer) return actions;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = kMarginPx * ui_scale;
  const float height = kHeightPx * ui_scale;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + left_px,
                                 viewport->WorkPos.y + viewport->WorkSize.y - height - margin),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(
      ImVec2(std::max(200.0f, viewport->WorkSize.x - left_px - right_px), height),
      ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.94f);
  const std::string title = std::string(text(TextId::table_title, language)) + "###table";
  if (!ImGui::Begin(
          title.c_str(), nullptr,
          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return actions;
  }
  ImGui::SetNextItemWidth(220.0f * ui_scale);
  ImGui::InputTextWithHint("##search", text(TextId::search, language), search_, sizeof search_);
  ImGui::SameLine();
  ImGui::Checkbox(text(TextId::zoom_on_select, language), &zoom_on_select_);

  const std::vector<double>* values = controller.measure_values();
  const MeasureEntry* entry = controller.measure();
  const std::string search = search_;
  std::vector<std::size_t> rows;
  const auto& eligible = controller.eligible();
  for (std::size_t i = 0; i < layer->data.features.size(); ++i) {
    if (i < eligible.size() && !eligible[i]) continue;
    if (feature_matches(layer->data.features[i], search)) rows.push_back(i);
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Resizable;
  if (ImGui::BeginTable("areas", values ? 4 : 3, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(text(TextId::code, language), ImGuiTableColumnFlags_DefaultSort, 0,
                            code_column);
    ImGui::TableSetupColumn(text(TextId::name_thai, language), 0, 0, thai_column);
    ImGui::TableSetupColumn(text(TextId::name_english, language), 0, 0, english_column);
    if (values && entry) {
      const std::string& label = language == Language::thai ? entry->label_th : entry->label_en;
      ImGui::TableSetupColumn(label.c_str(), ImGuiTableColumnFlags_PreferSortDescending, 0,
                              value_column);
    }
    ImGui::TableHeadersRow();
    if (const ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs();
        sort && sort->SpecsCount > 0) {
      const ImGuiTableColumnSortSpecs& spec = sort->Specs[0];
      const bool ascending = spec.SortDirection == ImGuiSortDirection_Ascending;
      const auto& features = layer->data.features;
      std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        bool less = false, greater = false;
        switch (spec.ColumnUserID) {
          case thai_column:
            less = features[a].name_th < features[b].name_th;
            greater = features[b].name_th < features[a].name_th;
            break;
          case english_column:
            less = features[a].name_en < features[b].name_en;
            greater = features[b].name_en < features[a].name_en;
            break;
          case value_column: {
            // No data sorts last either way.
            const double va = (*values)[a], vb = (*values)[b];
            if (std::isnan(va) || std::isnan(vb)) return !std::isnan(va) && std::isnan(vb);
            less = va < vb;
            greater = vb < va;
            break;
          }
          default:
            less = features[a].code < features[b].code;
            greater = features[b].code < features[a].code;
        }
        return ascending ? less : greater;
      });
    }
    const bool scroll_to_selection = controller.selection_revision() != seen_revision_;
    seen_revision_ = controller.selection_revision();
    for (std::size_t i : rows) {
      const BoundaryFeature& feature = layer->data.features[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool selected = controller.selected() == i;
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(feature.code.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        actions.select = i;
        actions.fit_selection = zoom_on_select_;
      }
      if (selected && scroll_to_selection) ImGui::SetScrollHereY(0.5f);
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(feature.name_th.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(feature.name_en.c_str());
      if (values && entry) {
        ImGui::TableNextColumn();
        const double v = (*values)[i];
        ImGui::TextUnformatted(std::isnan(v) ? text(TextId::no_data, language)
                                             : format_thousands(v, entry->is_rate ? 2 : 0).c_str());
      }
    }
    ImGui::EndTable();
  }
  ImGui::End();
  return actions;
}

}  // namespace chipao::app
