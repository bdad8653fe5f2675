#include "app/presentation.h"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

#include <imgui.h>

#include "render/gl_api.h"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/inspect_panel.h"
#include "app/place_names.h"
#include "app/ui_font.h"
#include "core/geo/scale_bar.h"

namespace chipao::app {

namespace {

std::optional<ImGuiStyle> g_style_before;  // the style presentation mode replaced

struct WindowedPlacement {
  int x = 100, y = 100, width = 1280, height = 800;
};
WindowedPlacement g_windowed;  // where the window was before going full screen

}  // namespace

float presentation_font_scale(float ui_scale, float screen_height_px) {
  constexpr float kLinesPerFontScale = 600.0f;  // 1080 lines: 1.8x the 19 px UI font
  const float ui = std::max(ui_scale, 0.5f);
  const float wanted = std::max(screen_height_px / (kLinesPerFontScale * ui), 1.2f);
  return std::min(wanted, std::max(kMaxPresentationScale / ui, 1.0f));
}

void set_full_screen(GLFWwindow* window, bool on) {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (on) {
    if (glfwGetWindowMonitor(window) != nullptr || monitor == nullptr) return;
    glfwGetWindowPos(window, &g_windowed.x, &g_windowed.y);
    glfwGetWindowSize(window, &g_windowed.width, &g_windowed.height);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else if (glfwGetWindowMonitor(window) != nullptr) {
    glfwSetWindowMonitor(window, nullptr, g_windowed.x, g_windowed.y, g_windowed.width,
                         g_windowed.height, 0);
  }
}

void apply_presentation_theme(bool on) {
  ImGuiStyle& style = ImGui::GetStyle();
  if (!on) {
    if (g_style_before) style = *g_style_before;
    g_style_before.reset();
    return;
  }
  if (!g_style_before) g_style_before = style;
  // Projectors wash out greys and pale tints: black text on white, black borders, strong
  // accents, so the legend and title read from the back of a room.
  ImVec4* c = style.Colors;
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), accent(0.0f, 0.25f, 0.65f, 1);
  c[ImGuiCol_Text] = black;
  c[ImGuiCol_TextDisabled] = ImVec4(0.2f, 0.2f, 0.2f, 1);
  c[ImGuiCol_WindowBg] = white;
  c[ImGuiCol_PopupBg] = white;
  c[ImGuiCol_ChildBg] = white;
  c[ImGuiCol_Border] = black;
  c[ImGuiCol_TitleBg] = white;
  c[ImGuiCol_TitleBgActive] = ImVec4(0.9f, 0.9f, 0.9f, 1);
  c[ImGuiCol_TitleBgCollapsed] = white;
  c[ImGuiCol_FrameBg] = white;
  c[ImGuiCol_Button] = ImVec4(0.9f, 0.9f, 0.9f, 1);
  c[ImGuiCol_ButtonHovered] = accent;
  c[ImGuiCol_Header] = ImVec4(0.85f, 0.85f, 0.85f, 1);
  c[ImGuiCol_HeaderHovered] = accent;
  c[ImGuiCol_Separator] = black;
  style.WindowBorderSize = 2.0f;
  style.FrameBorderSize = 1.0f;
  style.WindowRounding = 0.0f;
}

ScreenRect draw_presentation_title(const MapController& controller, Language language,
                                   float ui_scale, const std::string& view_title) {
  const MeasureEntry* entry = controller.measure();
  if (!entry) return {};
  std::string title = language == Language::thai ? entry->label_th : entry->label_en;
  if (!view_title.empty()) {
    title = view_title + " · " + title;
  }
  std::string subtitle = controller.source_text();
  // The place in the title: the area drilled to, else the province the map shows (named from
  // its layers or the gazetteer, so a map of tambons alone is still "ยโสธร", not "35").
  std::string place;
  if (!controller.drill_path().empty()) {
    place = place_name(controller, controller.drill_path().back(), language);
  } else if (const MapLayer* layer = controller.active_layer()) {
    if (const std::string province = single_province_of(layer->data); !province.empty())
      place = place_name(controller, province, language);
  }
  if (!place.empty()) subtitle = place + " · " + subtitle;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(viewport->WorkPos.x + 16.0f * ui_scale, viewport->WorkPos.y + 12.0f * ui_scale),
      ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (ImGui::Begin("###title", nullptr,
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoInputs)) {
    ImGui::SetWindowFontScale(1.5f);
    ImGui::TextUnformatted(title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextUnformatted(subtitle.c_str());
  }
  const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  ImGui::End();
  return {at.x, at.y, at.x + size.x, at.y + size.y};
}

void draw_assignment_markers(const MapController& controller, const render::Camera2D& camera,
                             float scale) {
  const MapLayer* layer = controller.active_layer();
  if (!layer || !layer->figures.join) return;
  const auto& assigned = layer->figures.join->assigned_from;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float r = 6.0f * scale;
  for (std::size_t i = 0; i < assigned.size() && i < layer->data.features.size(); ++i) {
    if (assigned[i].empty()) continue;
    if (i < controller.eligible().size() && !controller.eligible()[i]) continue;
    const Bbox& box = layer->data.features[i].bbox;
    const Vec2 at =
        camera.world_to_screen({(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2});
    const ImVec2 c(static_cast<float>(at.x), static_cast<float>(at.y));
    // A diamond: no class colour uses this shape, so it reads as "figures moved here".
    draw->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                        ImVec2(c.x - r, c.y), IM_COL32(128, 40, 140, 255));
    draw->AddQuad(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                  ImVec2(c.x - r, c.y), IM_COL32(255, 255, 255, 255), 1.5f);
  }
}

double camera_metres_per_pixel(const render::Camera2D& camera) {
  // The camera's x scale is pixels_per_degree x cos(reference latitude): as chipao-cli render.
  const double ppd = camera.pixels_per_degree();
  const double cos_ref = std::cos(camera.reference_latitude() * std::numbers::pi / 180.0);
  if (!(ppd > 0) || !(cos_ref > 0)) return 0;
  return metres_per_pixel_east_west(camera.center().y, 1.0 / (ppd * cos_ref));
}

ScreenRect draw_scale_bar(const render::Camera2D& camera, float scale, float bottom_px,
                          float left_px) {
  const std::optional<ScaleBar> bar =
      choose_scale_bar(camera_metres_per_pixel(camera), 120.0 * scale);
  if (!bar || bar->width_px <= 0) return {};
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float text_px = kUiFontSizePx * scale;  // as large as the interface's text
  const float pad = 4.0f * scale;
  const float x0 = viewport->WorkPos.x + left_px;
  const float y = viewport->WorkPos.y + viewport->WorkSize.y - bottom_px - 12.0f * scale;
  const float x1 = x0 + static_cast<float>(bar->width_px);
  const float h = 6.0f * scale;
  // The label stands above the bar, clear of it, on the same light box.
  const float text_top = y - h - pad - text_px;
  const ImVec2 text_size = ImGui::GetFont()->CalcTextSizeA(text_px, 1e9f, 0.0f, bar->label.c_str());
  const ScreenRect box{x0 - pad, text_top - pad, std::max(x1, x0 + text_size.x) + pad, y + pad};
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  draw->AddRectFilled(ImVec2(box.left, box.top), ImVec2(box.right, box.bottom),
                      IM_COL32(255, 255, 255, 200));
  draw->AddRectFilled(ImVec2(x0, y - h), ImVec2(x1, y), IM_COL32(30, 30, 30, 255));
  draw->AddText(nullptr, text_px, ImVec2(x0, text_top), IM_COL32(30, 30, 30, 255),
                bar->label.c_str());
  return box;
}

}  // namespace chipao::app
