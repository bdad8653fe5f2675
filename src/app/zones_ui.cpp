#include "app/zones_ui.h"

#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui.h>

#include <cstdio>
#include <sstream>

#include "app/zones_text.h"

namespace chipao::app {

Result<std::unique_ptr<ZonesUi>> ZonesUi::open(const std::string& project_path,
                                               std::function<void()> wake_ui) {
  auto session = ProjectSession::open(project_path, std::move(wake_ui));
  if (!session) return std::unexpected(session.error());
  return std::unique_ptr<ZonesUi>(new ZonesUi(std::move(*session)));
}

ToolContext ZonesUi::context(const render::Camera2D& camera) const {
  return {session_->state(), session_->active_zone(), camera, session_->tool_units()};
}

void ZonesUi::take(const ToolResult& result) {
  if (!result.message.empty()) message_ = result.message;
  if (!result.edit) return;
  if (auto ok = session_->apply(*result.edit, result.activates_new_zone); !ok) {
    message_ = ok.error().message;
  } else {
    message_.clear();
  }
}

void ZonesUi::draw_panels(Language language, float scale, float below_px) {
  // The live tally: the active zone as the tool has it this frame.
  session_->set_preview(tool_.edited_polygon(), tool_.edited_zone(), tool_.stroke_codes(),
                        tool_.revision());
  // Docked in the left column under the layer panel, so the two never overlap.
  const ZonesWindow rect = zones_window_rect(scale, below_px);
  ImGui::SetNextWindowPos({rect.x, rect.y}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({rect.width, rect.height}, ImGuiCond_Always);
  const std::string title =
      fmt::format("{}###zones", tr(language, "เขตและแผนงาน", "Zones and plan"));
  if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
    if (session_->read_only()) {
      // Said before anything is tried: a project on a read-only disk, or someone else's file,
      // opens to view, tally and export, and every edit would be refused.
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.65f, 0.2f, 1.0f));
      ImGui::TextWrapped("%s", tr(language,
                                  "เปิดแบบอ่านอย่างเดียว: ดู นับ และส่งออกได้ แต่แก้ไขไม่ได้ — "
                                  "คัดลอกโครงการไปยังโฟลเดอร์ที่เขียนได้เพื่อแก้ไข",
                                  "Opened read-only: view, tally and export, but no edits — "
                                  "copy the project to a writable folder to edit it"));
      ImGui::PopStyleColor();
    }
    if (ImGui::BeginTabBar("zones_tabs")) {
      if (ImGui::BeginTabItem(tr(language, "เขต", "Zones"))) {
        zones_panel_.draw(*session_, tool_, language, message_);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem(tr(language, "แผนงาน", "Plan"))) {
        plan_panel_.draw(*session_, language, message_);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem(tr(language, "ประวัติ", "History"))) {
        draw_history_panel(*session_, language, message_);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

void ZonesUi::draw_overlay(const render::Camera2D& camera) {
  overlay_.draw(camera, *session_, tool_);
}

bool ZonesUi::handle_mouse(const MouseInput& mouse, const render::Camera2D& camera) {
  if (tool_.mode() == ToolMode::none) {
    was_down_ = mouse.left_down;
    return false;
  }
  const ImGuiIO& io = ImGui::GetIO();
  const ToolInput in{{mouse.x_px, mouse.y_px}, io.KeyShift, io.KeyCtrl};
  const ToolContext ctx = context(camera);
  if (mouse.left_pressed && !mouse.over_panel) {
    tool_has_mouse_ = true;
    take(tool_.press(in, ctx));
    if (!mouse.left_down) {
      // Pressed and released between two frames (a quick click on a slow frame): release
      // now, or a paint stroke would wait for a release that already happened.
      take(tool_.release(in, context(camera)));
      tool_has_mouse_ = false;
    }
  } else if (tool_has_mouse_ && !mouse.left_down && was_down_) {
    take(tool_.release(in, context(camera)));
    tool_has_mouse_ = false;
  } else if (!mouse.over_panel || tool_has_mouse_) {
    take(tool_.move(in, ctx, mouse.left_down && tool_has_mouse_));
  }
  if (!mouse.over_panel && ImGui::IsMouseClicked(ImGuiMouseButton_Right))
    take(tool_.right_click(in, context(camera)));
  was_down_ = mouse.left_down;
  return !mouse.over_panel || tool_has_mouse_;
}

void ZonesUi::handle_keys(const render::Camera2D& camera) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  handle_history_keys(*session_, message_);
  if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false))
    take(tool_.finish(context(camera)));
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) tool_.cancel();
}

bool ZonesUi::handles_verb(const std::string& verb) {
  return verb == "project-zone-draw" || verb == "paint" || verb == "erase" || verb == "zone" ||
         verb == "undo" || verb == "redo" || verb == "zone-rule" || verb == "tool";
}

Result<void> ZonesUi::run_script(const std::string& verb, const std::string& argument,
                                 const render::Camera2D& camera) {
  const auto click = [&](Vec2 world) -> ToolResult {
    const ToolInput in{camera.world_to_screen(world)};
    ToolResult r = tool_.press(in, context(camera));
    if (r.edit || !r.message.empty()) return r;
    return tool_.release(in, context(camera));
  };
  const auto outcome = [&](const ToolResult& r) -> Result<void> {
    if (!r.edit) {
      return fail(fmt::format("{} {}: {}", verb, argument,
                              r.message.empty() ? "nothing changed" : r.message));
    }
    return session_->apply(*r.edit, r.activates_new_zone);
  };
  if (verb == "tool") {
    // What the Zones panel's radio buttons do (ZonesPanel::draw).
    tool_.set_mode(argument == "draw"    ? ToolMode::draw
                   : argument == "paint" ? ToolMode::paint
                                         : ToolMode::none);
    return {};
  }
  if (verb == "undo") return session_->undo();
  if (verb == "redo") return session_->redo();
  if (verb == "zone") {
    const std::int64_t id = std::atoll(argument.c_str());
    if (id != 0 && !session_->state().zone(id))
      return fail(
          fmt::format("zone {}: no such zone; give the id of an existing zone or 0", argument));
    session_->set_active_zone(id);
    return {};
  }
  if (verb == "zone-rule") {
    const auto rule = parse_tally_rule(argument);
    if (!rule || *rule == TallyRule::painted)
      return fail(fmt::format("zone-rule wants centroid or area, got '{}'", argument));
    session_->set_drawn_rule(*rule);
    return {};
  }
  if (verb == "project-zone-draw") {
    std::vector<Vec2> points;
    std::istringstream in(argument);
    std::string pair;
    while (in >> pair) {
      Vec2 p;
      if (std::sscanf(pair.c_str(), "%lf,%lf", &p.x, &p.y) != 2)
        return fail(fmt::format("project-zone-draw: '{}' is not lon,lat", pair));
      points.push_back(p);
    }
    if (points.size() < 3)
      return fail("project-zone-draw wants at least 3 points: lon,lat lon,lat lon,lat");
    session_->set_active_zone(0);  // a new zone, not a vertex drag of the active one
    tool_.set_mode(ToolMode::draw);
    tool_.cancel();
    for (const Vec2& p : points) {
      const ToolResult r = tool_.press(ToolInput{camera.world_to_screen(p)}, context(camera));
      if (!r.message.empty()) return fail("project-zone-draw: " + r.message);
    }
    return outcome(tool_.finish(context(camera)));
  }
  // paint / erase <code>: a click on the unit's label point with the paint tool.
  const auto point = unit_label_point(argument);
  if (!point) return fail(verb + " " + point.error().message);
  const Vec2 at = *point;
  tool_.set_mode(ToolMode::paint);
  if (verb == "paint") return outcome(click(at));
  return outcome(tool_.right_click(ToolInput{camera.world_to_screen(at)}, context(camera)));
}

Result<Vec2> ZonesUi::unit_label_point(const std::string& code) const {
  const UnitLayerData* data = session_->units();
  if (!session_->tool_units() || !data)
    return fail(code + ": the project's unit layer has not loaded");
  const auto unit = data->index.find(code);
  if (!unit) return fail(fmt::format("{}: no unit with this code in layer '{}'", code, data->name));
  return data->index.units()[*unit].label_lonlat;
}

}  // namespace chipao::app
