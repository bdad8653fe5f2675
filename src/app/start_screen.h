// The start screen: what a planner sees when the app opens with nothing asked for — the
// projects opened lately (with their amphoe and date), "open project…", "open the demo
// province", and a reminder that files can be dropped on the window.
//
// Precondition: draw() inside an ImGui frame on the UI thread.
#pragma once

#include <optional>
#include <string>

#include "app/recent_projects.h"
#include "app/ui_text.h"

namespace chipao::app {

struct StartActions {
  std::optional<std::string> open_project;  // a recent project chosen
  std::optional<std::string> forget;        // a recent project that is gone, to drop
  bool open_dialog = false;                 // "open…"
  bool new_project = false;                 // "new project…"
  bool open_demo = false;
};

StartActions draw_start_screen(const RecentProjects& recent, Language language, float scale);

// "4 ธ.ค. 2569" / "4 Dec 2026" for an ISO date; the text as it is when it is not one.
std::string recent_date_text(const std::string& iso_date, Language language);

}  // namespace chipao::app
