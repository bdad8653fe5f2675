#include "app/layer_panel.h"

#include <filesystem>

#include <imgui.h>

namespace chipao::app {

namespace {

constexpr float kPanelWidthPx = 400.0f;
constexpr float kPanelMarginPx = 10.0f;
const ImVec4 kErrorColor(0.70f, 0.10f, 0.08f, 1.0f);
const ImVec4 kWarningColor(0.60f, 0.38f, 0.00f, 1.0f);
const ImVec4 kMutedColor(0.38f, 0.38f, 0.38f, 1.0f);

// One "label: value" row with the value in a second column, so values line up.
void property_row(const char* label, const std::string& value) {
  ImGui::TextColored(kMutedColor, "%s", label);
  ImGui::SameLine(9.0f * ImGui::GetFontSize());
  ImGui::TextUnformatted(value.c_str());
}

void count_row(const char* label, std::size_t count) {
  if (count == 0) return;
  ImGui::TextColored(kWarningColor, "%s: %zu", label, count);
}

// The number in the warnings header: one per warning line the loader wrote (each line already
// summarises a category), or the categories themselves when it wrote none. Codes the loader
// fixed by itself (a stripped "TH" prefix) are information, not warnings.
std::size_t warning_count(const MapLayer& layer) {
  const LoadReport& report = layer.data.report;
  const std::size_t lines = report.warnings.size() + (layer.style_problem.empty() ? 0 : 1);
  if (lines > 0) return lines;
  return static_cast<std::size_t>(!report.bad_codes.empty()) +
         static_cast<std::size_t>(!report.duplicates.empty()) +
         static_cast<std::size_t>(!report.repaired.empty()) +
         static_cast<std::size_t>(!report.empty_geometries.empty());
}

std::string with_source(const std::string& value, const std::string& source) {
  return source.empty() ? value : value + " (" + source + ")";
}

// Where the layer came from and how it was read; shown on hover to keep the panel short.
void draw_source_tooltip(const MapLayer& layer, Language language) {
  const SourceDescription& source = layer.data.source;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(source.path.c_str());
  property_row(text(TextId::geometry_type, language), source.geometry_type);
  property_row(text(TextId::level, language),
               with_source(level_text(source.level, language), source.level_source));
  property_row(text(TextId::crs, language), with_source(source.crs, source.crs_source));
  property_row(text(TextId::encoding, language),
               with_source(source.encoding, source.encoding_source));
  ImGui::TextColored(kMutedColor, text(TextId::load_time, language), layer.load_seconds);
  ImGui::EndTooltip();
}

void draw_warnings(const MapLayer& layer, Language language) {
  const std::size_t count = warning_count(layer);
  if (count == 0) return;
  ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
  const std::string header =
      std::string(text(TextId::warnings, language)) + " " + std::to_string(count) + "###warnings";
  const bool open = ImGui::TreeNodeEx(
      header.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_DefaultOpen);
  ImGui::PopStyleColor();
  if (!open) return;
  const LoadReport& report = layer.data.report;
  count_row(text(TextId::bad_codes, language), report.bad_codes.size());
  count_row(text(TextId::fixed_codes, language), report.fixed_codes.size());
  count_row(text(TextId::duplicate_codes, language), report.duplicates.size());
  count_row(text(TextId::repaired_geometries, language), report.repaired.size());
  count_row(text(TextId::empty_geometries, language), report.empty_geometries.size());
  ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
  for (const std::string& warning : report.warnings) ImGui::TextWrapped("%s", warning.c_str());
  if (!layer.style_problem.empty()) ImGui::TextWrapped("%s", layer.style_problem.c_str());
  ImGui::PopStyleColor();
  ImGui::TreePop();
}

void draw_layers(const PanelState& state, PanelActions& actions) {
  const Language language = state.language;
  if (state.layers.empty() && !state.loader.busy) {
    ImGui::TextColored(kMutedColor, "%s", text(TextId::no_layers, language));
  }
  // Top of the map first, as map legends read.
  for (std::size_t i = state.layers.size(); i-- > 0;) {
    const MapLayer& layer = state.layers[i];
    const SourceDescription& source = layer.data.source;
    ImGui::PushID(static_cast<int>(i));
    bool visible = layer.style.visible;
    const std::string& title = language == Language::thai ? layer.title_th : layer.title_en;
    if (ImGui::Checkbox(title.c_str(), &visible)) actions.toggle_visibility = i;

    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    // One line a planner can scan: level, how many features, and the two things that most
    // often go wrong with Thai government files (CRS and text encoding).
    ImGui::TextColored(kMutedColor, "%s  %zu %s  %s  %s", level_text(source.level, language),
                       layer.data.features.size(), text(TextId::features, language),
                       source.crs.c_str(), source.encoding.c_str());
    if (ImGui::IsItemHovered()) draw_source_tooltip(layer, language);
    draw_warnings(layer, language);
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PopID();
  }
}

void draw_progress(const LoaderStatus& loader, Language language) {
  if (loader.current.empty()) return;
  ImGui::Text(text(TextId::loading, language), loader.current.c_str());
  ImGui::ProgressBar(static_cast<float>(loader.fraction), ImVec2(-1.0f, 0.0f));
  if (loader.queued > 0)
    ImGui::TextColored(kMutedColor, text(TextId::queued, language), loader.queued);
}

void draw_errors(std::span<const std::string> errors, Language language) {
  if (errors.empty()) return;
  ImGui::Separator();
  ImGui::TextColored(kErrorColor, "%s", text(TextId::errors_header, language));
  ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
  for (const std::string& error : errors) ImGui::TextWrapped("%s", error.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

float layer_panel_width(float ui_scale) {
  return (kPanelWidthPx + 2 * kPanelMarginPx) * ui_scale;
}

PanelActions draw_layer_panel(const PanelState& state, float ui_scale) {
  PanelActions actions;
  const Language language = state.language;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = kPanelMarginPx * ui_scale;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(
      ImVec2(kPanelWidthPx * ui_scale, 0.0f),
      ImVec2(kPanelWidthPx * ui_scale, viewport->WorkSize.y - 2 * margin));
  ImGui::SetNextWindowBgAlpha(0.94f);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse;
  // "###panel" keeps the window's identity when the title changes language.
  const std::string title = std::string(text(TextId::panel_title, language)) + "###panel";
  if (ImGui::Begin(title.c_str(), nullptr, flags)) {
    if (ImGui::Button(text(TextId::switch_language, language))) actions.switch_language = true;
    ImGui::SameLine();
    if (ImGui::Button(text(TextId::fit_view, language))) actions.fit_view = true;

    draw_progress(state.loader, language);
    ImGui::Separator();
    ImGui::TextUnformatted(text(TextId::layers_header, language));
    draw_layers(state, actions);
    draw_errors(state.errors, language);

    ImGui::Separator();
    if (!state.font_warning.empty())
      ImGui::TextColored(kWarningColor, "%s", state.font_warning.c_str());
    ImGui::TextColored(kMutedColor, "%s", text(TextId::map_hint, language));
    // Frame time and triangle counts are for developers (CHIPAO_SHOW_FRAME_STATS=1), not
    // for a planner in front of partners.
    if (state.frame_stats != nullptr) {
      ImGui::TextColored(kMutedColor, text(TextId::frame_time, language),
                         state.frame_stats->last_ms());
      ImGui::SameLine();
      ImGui::TextColored(kMutedColor, text(TextId::triangles, language), state.triangles);
    }
  }
  ImGui::End();
  return actions;
}

}  // namespace chipao::app
