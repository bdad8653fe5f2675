// Everything zones add to the app (issue 5), behind one object so the app's own files only
// call it: the open project (app/project_session.h), the zone tool and its routing of mouse
// and keys, the overlay, and the zones / plan / history panels in one tabbed window.
//
// Also the scripted commands for GUI tests (app/app_script.h): they drive the same tool with
// clicks computed from the camera, so a script exercises what a planner's mouse does.
//
// Precondition: created after ImGui; every call inside a frame on the UI thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/history_panel.h"
#include "app/map_view.h"
#include "app/plan_panel.h"
#include "app/project_session.h"
#include "app/zone_overlay.h"
#include "app/zone_tool.h"
#include "app/zones_panel.h"

namespace chipao::app {

class ZonesUi {
 public:
  static Result<std::unique_ptr<ZonesUi>> open(const std::string& project_path,
                                               std::function<void()> wake_ui);

  std::vector<LoadedLayer> take_layers() { return session_->take_layers(); }
  std::vector<std::string> take_errors() { return session_->take_errors(); }
  bool loading() const { return session_->loading(); }

  // `below_px`: the bottom edge of the layer panel, which the zones window stands under.
  void draw_panels(Language language, float scale, float below_px);
  void draw_overlay(const render::Camera2D& camera);
  // Feeds the tool; true when the tool has the mouse, so the map neither pans nor selects.
  bool handle_mouse(const MouseInput& mouse, const render::Camera2D& camera);
  void handle_keys(const render::Camera2D& camera);

  // Script verbs: project-zone-draw "lon,lat lon,lat ...", paint <code>, erase <code>,
  // zone <id>, undo, redo, zone-rule centroid|area, tool draw|paint|none. Errors name the
  // verb and what to write.
  static bool handles_verb(const std::string& verb);
  Result<void> run_script(const std::string& verb, const std::string& argument,
                          const render::Camera2D& camera);

  ProjectSession& session() { return *session_; }
  // Where the paint verb clicks for `code`: the unit's label point (lon/lat), for a driver
  // that clicks there with the real mouse. Fails while the unit layer loads or for an
  // unknown code.
  Result<Vec2> unit_label_point(const std::string& code) const;

 private:
  explicit ZonesUi(std::unique_ptr<ProjectSession> session) : session_(std::move(session)) {}
  ToolContext context(const render::Camera2D& camera) const;
  void take(const ToolResult& result);

  std::unique_ptr<ProjectSession> session_;
  ZoneTool tool_;
  ZoneOverlay overlay_;
  ZonesPanel zones_panel_;
  PlanPanel plan_panel_;
  std::string message_;
  bool tool_has_mouse_ = false;
  bool was_down_ = false;
};

}  // namespace chipao::app
