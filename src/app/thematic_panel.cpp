#include "app/thematic_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "core/util/number_format.h"

namespace chipao::app {

namespace {

constexpr float kWidthPx = 360.0f;
constexpr float kMarginPx = 10.0f;
constexpr int kHistogramBins = 24;
const ImVec4 kMutedColor(0.38f, 0.38f, 0.38f, 1.0f);
const ImVec4 kErrorColor(0.70f, 0.10f, 0.08f, 1.0f);

ImU32 to_imgui(const Rgb8& c) {
  return IM_COL32(c.r, c.g, c.b, 255);
}

const char* group_text(MeasureGroup group, Language language) {
  switch (group) {
    case MeasureGroup::counts:
      return text(TextId::group_counts, language);
    case MeasureGroup::rates:
      return text(TextId::group_rates, language);
    case MeasureGroup::dimensions:
      return text(TextId::group_dimensions, language);
    case MeasureGroup::indicators:
      return text(TextId::group_indicators, language);
    case MeasureGroup::other:
      return text(TextId::group_other, language);
  }
  return "";
}

const char* method_text(ClassMethod method, Language language) {
  switch (method) {
    case ClassMethod::quantile:
      return text(TextId::method_quantile, language);
    case ClassMethod::jenks:
      return text(TextId::method_jenks, language);
    case ClassMethod::equal_interval:
      return text(TextId::method_equal, language);
    case ClassMethod::manual:
      return text(TextId::method_manual, language);
  }
  return "";
}

const std::string& label_of(const MeasureEntry& entry, Language language) {
  return language == Language::thai ? entry.label_th : entry.label_en;
}

// The measure combo: one header per group, the entries under it.
void draw_measure_combo(MapController& controller, Language language) {
  const MeasureCatalog* catalog = controller.catalog();
  const MeasureEntry* current = controller.measure();
  if (!catalog || !current) return;
  ImGui::TextUnformatted(text(TextId::measure, language));
  ImGui::SetNextItemWidth(-1.0f);
  if (!ImGui::BeginCombo("##measure", label_of(*current, language).c_str(),
                         ImGuiComboFlags_HeightLarge))
    return;
  std::optional<MeasureGroup> group;
  for (const MeasureEntry& entry : catalog->entries) {
    if (group != entry.group) {
      group = entry.group;
      ImGui::TextColored(kMutedColor, "%s", group_text(entry.group, language));
    }
    ImGui::PushID(static_cast<int>(entry.column));
    const std::string label = "  " + label_of(entry, language);
    if (ImGui::Selectable(label.c_str(), &entry == current)) {
      (void)controller.set_measure(entry.name);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", entry.name.c_str());
    ImGui::PopID();
  }
  ImGui::EndCombo();
}

// Manual breaks typed as "100, 250, 500".
std::vector<double> parse_breaks(const std::string& typed) {
  std::vector<double> breaks;
  const char* cursor = typed.c_str();
  while (*cursor != '\0') {
    char* end = nullptr;
    const double value = std::strtod(cursor, &end);
    if (end == cursor) {
      ++cursor;
      continue;
    }
    breaks.push_back(value);
    cursor = end;
  }
  return breaks;
}

void draw_classification_controls(MapController& controller, Language language) {
  ThematicSettings settings = controller.settings();
  ImGui::TextUnformatted(text(TextId::method, language));
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##method", method_text(settings.method, language))) {
    for (ClassMethod method : {ClassMethod::quantile, ClassMethod::jenks,
                               ClassMethod::equal_interval, ClassMethod::manual}) {
      if (ImGui::Selectable(method_text(method, language), method == settings.method))
        settings.method = method;
    }
    ImGui::EndCombo();
  }
  if (settings.method == ClassMethod::manual) {
    static char typed[256] = "";
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputTextWithHint("##breaks", text(TextId::manual_breaks_hint, language), typed,
                                 sizeof typed, ImGuiInputTextFlags_EnterReturnsTrue)) {
      settings.manual_breaks = parse_breaks(typed);
      settings.classes = static_cast<int>(
          std::clamp<std::size_t>(settings.manual_breaks.size() + 1, kMinClasses, kMaxClasses));
    }
  }
  ImGui::TextUnformatted(text(TextId::classes, language));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderInt("##classes", &settings.classes, kMinClasses, kMaxClasses);

  ImGui::TextUnformatted(text(TextId::palette, language));
  // Each palette as a strip of its colours, two strips a row: the planner chooses by
  // looking, not by name.
  const float strip_width =
      (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const float strip_height = ImGui::GetFrameHeight() * 0.8f;
  int column = 0;
  for (PaletteId id : all_palettes()) {
    ImGui::PushID(static_cast<int>(id));
    if (column++ % 2 == 1) ImGui::SameLine();
    const std::vector<Rgb8> ramp = sequential_palette(id, settings.classes, settings.high_contrast);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##palette", id == settings.palette, 0,
                          ImVec2(strip_width, strip_height)))
      settings.palette = id;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(palette_name(id)).c_str());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float swatch = (strip_width - 4) / static_cast<float>(ramp.size());
    for (std::size_t i = 0; i < ramp.size(); ++i) {
      const float x = start.x + 2 + swatch * static_cast<float>(i);
      draw->AddRectFilled(ImVec2(x, start.y + 2), ImVec2(x + swatch, start.y + strip_height - 2),
                          to_imgui(ramp[i]));
    }
    ImGui::PopID();
  }
  ImGui::Checkbox(text(TextId::high_contrast, language), &settings.high_contrast);
  // Labels: names follow the interface language; values are the mapped measure.
  ImGui::TextUnformatted(text(TextId::labels, language));
  ImGui::SameLine();
  int labels = static_cast<int>(settings.labels);
  ImGui::RadioButton(text(TextId::labels_name, language), &labels,
                     static_cast<int>(LabelMode::name));
  ImGui::SameLine();
  ImGui::RadioButton(text(TextId::labels_value, language), &labels,
                     static_cast<int>(LabelMode::value));
  ImGui::SameLine();
  ImGui::RadioButton(text(TextId::labels_off, language), &labels, static_cast<int>(LabelMode::off));
  settings.labels = static_cast<LabelMode>(labels);
  controller.set_settings(settings);
}

// `fit_width_px` > 0: the legend sizes its window (presentation) and wraps its title within
// that width; 0: it fills the panel's fixed width, counts aligned to its right edge.
void draw_legend(const MapController& controller, Language language, float scale,
                 float fit_width_px) {
  const ThematicMap* map = controller.thematic();
  if (!map) return;
  const Legend& legend = map->legend;
  const float swatch = ImGui::GetFontSize() * 1.2f;
  const ImGuiStyle& style = ImGui::GetStyle();
  // Counts stand in a column right of the widest class label.
  float widest_label = 0;
  for (const LegendEntry& entry : legend.entries)
    widest_label = std::max(widest_label, ImGui::CalcTextSize(entry.label.c_str()).x);
  const float count_column = swatch * 1.6f + style.ItemSpacing.x + widest_label + swatch;
  if (fit_width_px > 0) {
    ImGui::PushTextWrapPos(std::max(fit_width_px - 2 * style.WindowPadding.x, count_column));
    ImGui::TextUnformatted(legend.title.c_str());
    if (!legend.subtitle.empty()) ImGui::TextColored(kMutedColor, "%s", legend.subtitle.c_str());
    ImGui::PopTextWrapPos();
  } else {
    ImGui::TextWrapped("%s", legend.title.c_str());
    if (!legend.subtitle.empty()) ImGui::TextColored(kMutedColor, "%s", legend.subtitle.c_str());
  }
  for (const LegendEntry& entry : legend.entries) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + swatch * 1.6f, at.y + swatch), to_imgui(entry.color));
    if (entry.no_data) {
      // The same diagonal hatch the map draws for areas without figures.
      const ImVec2 end(at.x + swatch * 1.6f, at.y + swatch);
      draw->PushClipRect(at, end, true);
      for (float d = 0; d < swatch * 2.6f; d += 5.0f * scale)
        draw->AddLine(ImVec2(at.x + d, at.y), ImVec2(at.x + d - swatch, at.y + swatch),
                      IM_COL32(90, 90, 90, 255));
      draw->PopClipRect();
    }
    draw->AddRect(at, ImVec2(at.x + swatch * 1.6f, at.y + swatch), IM_COL32(60, 60, 60, 255));
    ImGui::Dummy(ImVec2(swatch * 1.6f, swatch));
    ImGui::SameLine();
    ImGui::TextUnformatted(entry.label.c_str());
    if (fit_width_px > 0) {
      ImGui::SameLine(ImGui::GetCursorPosX() + count_column);
    } else {
      ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() -
                      ImGui::CalcTextSize("0000 areas").x);
    }
    ImGui::TextColored(kMutedColor, text(TextId::areas_count, language),
                       format_thousands(static_cast<double>(entry.count)).c_str());
  }
  // The map's diamond marker: areas whose figures include a municipal area's, assigned by
  // the planner. One line per distinct source, as "assigned from 990151 (62% by area)".
  const MapLayer* layer = controller.active_layer();
  if (!layer || !layer->figures.join) return;
  std::vector<std::string> sources;
  const auto& assigned = layer->figures.join->assigned_from;
  for (std::size_t i = 0; i < assigned.size(); ++i) {
    if (assigned[i].empty() || (i < controller.eligible().size() && !controller.eligible()[i]))
      continue;
    if (std::find(sources.begin(), sources.end(), assigned[i]) == sources.end())
      sources.push_back(assigned[i]);
  }
  for (const std::string& from : sources) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float r = swatch * 0.4f;
    const ImVec2 c(at.x + swatch * 0.8f, at.y + swatch * 0.5f);
    ImGui::GetWindowDrawList()->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y),
                                              ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y),
                                              IM_COL32(128, 40, 140, 255));
    ImGui::Dummy(ImVec2(swatch * 1.6f, swatch));
    ImGui::SameLine();
    ImGui::Text(text(TextId::assigned_from, language), from.c_str());
  }
}

}  // namespace

void draw_histogram(const ThematicMap& map, float width, float height) {
  std::vector<double> values;
  for (double v : map.eligible_values)
    if (std::isfinite(v)) values.push_back(v);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  if (values.empty() || map.classification.breaks.empty()) return;
  const auto [low_it, high_it] = std::minmax_element(values.begin(), values.end());
  const double low = *low_it;
  const double high = *high_it > low ? *high_it : low + 1.0;
  std::vector<int> bins(kHistogramBins, 0);
  for (double v : values) {
    const int bin =
        std::min(kHistogramBins - 1, static_cast<int>((v - low) / (high - low) * kHistogramBins));
    ++bins[static_cast<std::size_t>(bin)];
  }
  const int tallest = *std::max_element(bins.begin(), bins.end());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), IM_COL32(250, 250, 248, 255));
  const float bar = width / kHistogramBins;
  for (int i = 0; i < kHistogramBins; ++i) {
    const double centre = low + (i + 0.5) * (high - low) / kHistogramBins;
    const int cls = map.classification.class_of(centre);
    const ImU32 color = cls >= 0 && static_cast<std::size_t>(cls) < map.class_colors.size()
                            ? to_imgui(map.class_colors[static_cast<std::size_t>(cls)])
                            : IM_COL32(160, 160, 160, 255);
    const float h = height * static_cast<float>(bins[static_cast<std::size_t>(i)]) /
                    static_cast<float>(std::max(1, tallest));
    const float x = at.x + bar * static_cast<float>(i);
    draw->AddRectFilled(ImVec2(x + 1, at.y + height - h), ImVec2(x + bar - 1, at.y + height),
                        color);
  }
  // Inner class breaks as vertical lines: where the map's colours change.
  const auto& breaks = map.classification.breaks;
  for (std::size_t b = 1; b + 1 < breaks.size(); ++b) {
    const float x = at.x + width * static_cast<float>((breaks[b] - low) / (high - low));
    draw->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + height), IM_COL32(20, 20, 20, 255), 1.5f);
  }
  draw->AddRect(at, ImVec2(at.x + width, at.y + height), IM_COL32(120, 120, 120, 255));
}

float thematic_panel_width(float ui_scale) {
  return (kWidthPx + 2 * kMarginPx) * ui_scale;
}

ScreenRect draw_thematic_panel(MapController& controller, Language language,
                               const ThematicPanelLayout& layout) {
  // Presentation mode scales the text up; the legend grows with it.
  const float scale = layout.ui_scale * (layout.presentation ? layout.text_scale : 1.0f);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = kMarginPx * scale;
  ImGui::SetNextWindowPos(
      ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin, viewport->WorkPos.y + margin),
      ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  if (layout.presentation) {
    // Only the legend: as narrow as its lines, so the map keeps the rest of the screen.
    const float widest = layout.max_width_px > 0 ? layout.max_width_px : viewport->WorkSize.x;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f),
                                        ImVec2(widest, viewport->WorkSize.y - 2 * margin));
  } else {
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(kWidthPx * scale, 0.0f),
        ImVec2(kWidthPx * scale, viewport->WorkSize.y - 2 * margin));
  }
  ImGui::SetNextWindowBgAlpha(0.94f);
  ImGuiWindowFlags flags =
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse;
  if (layout.presentation) flags |= ImGuiWindowFlags_NoTitleBar;
  const std::string title = std::string(text(TextId::thematic_title, language)) + "###thematic";
  if (ImGui::Begin(title.c_str(), nullptr, flags)) {
    if (!controller.catalog()) {
      ImGui::TextColored(kMutedColor, "%s", text(TextId::no_figures, language));
    } else if (!layout.presentation) {
      draw_measure_combo(controller, language);
      draw_classification_controls(controller, language);
      ImGui::Separator();
    }
    if (!controller.thematic_error().empty())
      ImGui::TextColored(kErrorColor, "%s", controller.thematic_error().c_str());
    draw_legend(controller, language, scale, layout.presentation ? layout.max_width_px : 0.0f);
    if (const ThematicMap* map = controller.thematic(); map && !layout.presentation) {
      if (!map->classification.note.empty())
        ImGui::TextColored(kMutedColor, "%s", map->classification.note.c_str());
      ImGui::Spacing();
      draw_histogram(*map, ImGui::GetContentRegionAvail().x, 70.0f * scale);
    }
  }
  const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  ImGui::End();
  return {at.x, at.y, at.x + size.x, at.y + size.y};
}

}  // namespace chipao::app
