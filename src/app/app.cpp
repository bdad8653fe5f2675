#include "app/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <imgui.h>

#include "app/app_script.h"
#include "app/attribute_table.h"
#include "app/demo_layers.h"
#include "app/drill_panel.h"
#include "app/export_choices.h"
#include "app/export_dialog.h"
#include "app/feature_pick.h"
#include "app/file_browser.h"
#include "app/frame_stats.h"
#include "app/glfw_window.h"
#include "app/imgui_session.h"
#include "app/inspect_panel.h"
#include "app/join_report_panel.h"
#include "app/layer_loader.h"
#include "app/layer_panel.h"
#include "app/map_controller.h"
#include "app/map_view.h"
#include "app/new_project_dialog.h"
#include "app/presentation.h"
#include "app/recent_projects.h"
#include "app/saved_views.h"
#include "app/start_screen.h"
#include "app/thematic_panel.h"
#include "app/views_panel.h"
#include "app/zones_ui.h"
#include "core/io/boundary_reader.h"
#include "core/io/dropped_file.h"
#include "core/plan/edit.h"
#include "render/gl_errors.h"
#include "render/image.h"
#include "render/map_labels.h"
#include "render/offscreen_target.h"

namespace chipao::app {

namespace {

// After input, ImGui needs a couple more frames to settle hover highlights and layout.
constexpr int kFramesAfterInput = 3;
const render::Rgba kBackground = render::rgb8(0xdde5ea);  // pale blue-grey, "outside the area"

class App {
 public:
  App(const AppOptions& options, std::unique_ptr<GlfwLibrary> glfw, std::unique_ptr<Window> window,
      std::unique_ptr<ImGuiSession> imgui, std::unique_ptr<MapView> map, float ui_scale)
      : options_(options),
        language_(options.language),
        ui_scale_(ui_scale),
        glfw_(std::move(glfw)),
        window_(std::move(window)),
        imgui_(std::move(imgui)),
        map_(std::move(map)),
        controller_(std::make_unique<MapController>(*map_)),
        loader_(std::make_unique<LayerLoader>(
            [] { glfwPostEmptyEvent(); },
            // Tables are read and joined on the loader thread, beside the layer itself.
            [tables = options.tables](LoadedLayer& loaded) {
              const std::vector<std::string> none;
              loaded.figures = load_layer_figures(
                  loaded.data, table_paths_for_layer(
                                   loaded.descriptor ? loaded.descriptor->tables : none, tables));
              // Label points once per layer, here rather than on the render thread.
              loaded.label_points = render::feature_label_points(loaded.data.features);
            })) {
    controller_->set_language(language_);
    start_screen_ = options.start_screen;
    // Scripted runs (tests) leave a user's recent projects alone unless given a configuration
    // folder of their own.
    const bool own_config = std::getenv("XDG_CONFIG_HOME") != nullptr;
    if (const auto file = RecentProjects::default_file(); file && (!options.script || own_config)) {
      recent_ = RecentProjects::load(*file);
      if (!recent_->warning().empty()) add_error(recent_->warning());
    }
    if (options.view) {
      map_->set_view({options.view->lon, options.view->lat}, options.view->pixels_per_degree);
    }
  }

  // Saved views (app/saved_views.h): with --project, the project's own (they travel with the
  // file, and each change is an edit of it); else the user's configuration folder. Called
  // after open_project.
  void load_saved_views() {
    std::unique_ptr<ViewsStorage> storage;
    if (options_.project) {
      if (!zones_) {
        // Never the user's file instead: views saved there would not travel with the project.
        views_off_ = "saved views are off: the project could not be opened";
        return;
      }
      ProjectSession& session = zones_->session();
      storage = std::make_unique<ProjectViewsStorage>(
          session.path(), [&session]() -> const PlanningState& { return session.state(); },
          [&session](Edit edit) { return session.apply(std::move(edit)); });
    } else if (const auto path = default_views_path()) {
      storage = std::make_unique<FileViewsStorage>(*path);
    } else {
      views_off_ = "saved views are off: neither XDG_CONFIG_HOME nor HOME is set";
      add_error(views_off_);
      return;
    }
    auto loaded = SavedViews::open(std::move(storage));
    if (!loaded) {
      views_off_ = "saved views are off: " + loaded.error().message;
      add_error(loaded.error().message);
      return;
    }
    views_ = std::move(*loaded);
  }

  // An undo or redo in the project may have changed its saved views: read them again.
  void refresh_saved_views() {
    if (!views_) return;
    if (auto refreshed = views_->refresh(); !refreshed) report(std::unexpected(refreshed.error()));
  }

  void request_layers(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) loader_->enqueue(path);
  }
  void add_error(std::string message) {
    std::fprintf(stderr, "chipao: %s\n", message.c_str());
    errors_.push_back(std::move(message));
  }

  // --project: the zones, plan and history of a project file, and its layer on the map.
  void open_project(const std::string& path) {
    auto zones = ZonesUi::open(path, [] { glfwPostEmptyEvent(); });
    if (!zones) {
      add_error(zones.error().message);
      return;
    }
    zones_ = std::move(*zones);
    start_screen_ = false;
    if (recent_) {
      const auto& settings = zones_->session().state().settings;
      const auto amphoe = settings.find("opening_amphoe");
      report(recent_->add(path, amphoe == settings.end() ? "" : amphoe->second, today_iso_date()));
    }
  }

  // Opening another project while one is shown (start screen, File menu, a drop): the map,
  // zones and saved views are the new project's.
  void switch_to_project(const std::string& path) {
    zones_.reset();
    views_.reset();
    map_->clear_layers();
    controller_->layers_changed();
    open_project(path);
    load_saved_views();
    fit_pending_ = true;
  }

  // Files dropped on the window, named on the command line or chosen in the Open dialog:
  // each goes where it belongs (core/io/dropped_file.h).
  void open_files(const std::vector<std::string>& paths);

  void set_script(std::vector<ScriptCommand> script) {
    script_ = std::move(script);
    scripted_ = true;
  }

  int run();

 private:
  bool take_load_outcomes();
  bool draw_frame(const InputEvents& events, bool capture, const std::string& capture_path);
  bool save_screenshot(const std::string& path, int width, int height);
  void apply(const PanelActions& actions);
  void draw_panels();
  void handle_map_input(const MouseInput& mouse);
  void update_hover(const MouseInput& mouse);  // the hovered area and its tooltip
  void handle_keys();
  void fit_to(const Bbox& extent);
  // Fits now to `extent` (none: every layer) and remembers it, for refit_if_layout_moved.
  void fit_to_now(std::optional<Bbox> extent);
  // Repeats the last fit while the overlays and window settle after it (a few frames).
  void refit_if_layout_moved();
  void report(const Result<void>& outcome);
  // Runs script commands until one needs frames drawn first; false once the script ended.
  bool step_script();
  // Script waits for a driver's real input (print-ready, wait-edits): true while waiting.
  bool script_waiting();
  Result<void> print_screen_pos(const ScriptCommand& command);
  void set_presentation(bool on);
  render::FitPadding fit_padding() const;
  void update_title() { window_->set_title(text(TextId::window_title, language_)); }
  void update_labels();
  Result<void> save_current_view(const std::string& name);
  void go_to_view(const SavedView& view);
  void step_view(int direction);

  AppOptions options_;
  Language language_;
  float ui_scale_;
  std::vector<std::string> errors_;
  FrameStats frame_stats_;
  std::size_t last_triangles_ = 0;
  bool fit_pending_ = false;
  bool initial_drill_done_ = false;
  bool join_report_open_ = false;
  bool presentation_ = false;
  float text_scale_ = 1.0f;
  float layer_panel_bottom_ = 0.0f;  // last frame's, for the zones window under it  // presentation
                                     // text scale for this frame (1 when not presenting)
  // Where last frame's overlays went: a fit keeps the map clear of them in presentation mode.
  ScreenRect title_rect_, legend_rect_, scale_bar_rect_;
  // A fit is repeated for a few frames while the overlays it avoided settle (ImGui sizes an
  // auto-resized window from the previous frame, and going full screen resizes the window).
  int refit_frames_ = 0;
  std::optional<Bbox> last_fit_extent_;  // none: the whole map
  render::FitPadding last_fit_padding_{};
  int last_fit_width_ = 0, last_fit_height_ = 0;
  bool pressed_on_map_ = false;
  double press_x_ = 0, press_y_ = 0;
  AttributeTable table_;
  DrillPanel drill_panel_;
  std::optional<SavedViews> views_;
  std::string views_off_;  // why views_ is empty
  ViewsPanel views_panel_;
  std::string view_title_;          // the title of the saved view shown; empty once the map changes
  ThematicSettings view_settings_;  // what the shown view set, to notice the planner changing it
  // Scripted sessions (--script).
  bool scripted_ = false;
  std::vector<ScriptCommand> script_;
  std::size_t script_next_ = 0;
  int settle_frames_ = 0;  // frames to draw before the next command
  std::optional<std::string> pending_screenshot_;
  bool script_failed_ = false;
  // A driver clicking with real input (tests/gui/app_zones_mouse.sh) waits for these.
  std::optional<std::string> pending_ready_;  // print-ready's tag, printed once settled
  struct EditWait {
    int revision = 0;  // the project's revision (ProjectSession::revision) to reach
    std::chrono::steady_clock::time_point deadline;
    std::string what;  // the command, for the error
  };
  std::optional<EditWait> edit_wait_;
  std::optional<std::chrono::steady_clock::time_point> project_wait_;

  // Destruction runs bottom to top: the loader stops first (it may still wake GLFW), then GL
  // objects go while the context exists, then ImGui, the window, and GLFW itself.
  std::unique_ptr<GlfwLibrary> glfw_;
  std::unique_ptr<Window> window_;
  std::unique_ptr<ImGuiSession> imgui_;
  std::unique_ptr<MapView> map_;
  std::unique_ptr<MapController> controller_;
  std::unique_ptr<LayerLoader> loader_;
  std::unique_ptr<ZonesUi> zones_;  // after the loader: its worker stops first
  bool start_screen_ = false;
  // Frame time and triangles in the layer panel: for developers only.
  const bool show_frame_stats_ = std::getenv("CHIPAO_SHOW_FRAME_STATS") != nullptr;
  std::optional<RecentProjects> recent_;
  FileBrowser browser_;
  ExportDialog export_dialog_{[] { glfwPostEmptyEvent(); }};
  NewProjectDialog new_project_{[] { glfwPostEmptyEvent(); }};
  bool quit_requested_ = false;
  std::filesystem::path executable_;

 public:
  void set_executable(std::filesystem::path executable) { executable_ = std::move(executable); }

 private:
  void draw_menu_bar();
  void open_demo();
  const RecentProjects* recent_or_empty() const {
    static const RecentProjects none;
    return recent_ ? &*recent_ : &none;
  }
  void import_zones(const std::string& path);
};

int App::run() {
  update_title();
  const bool scripted = options_.exit_after_frames.has_value() || scripted_;
  int frames_wanted = 2;  // the first frames, before any event
  int frames_after_loading = 0;
  bool screenshot_failed = false;

  for (;;) {
    // Sleep until something happens, unless frames are owed. Scripted runs never sleep, so
    // they end even where no events arrive (Xvfb without a window manager).
    if (frames_wanted > 0 || scripted) {
      glfwPollEvents();
    } else if (loader_->status().busy || export_dialog_.busy() || new_project_.busy()) {
      glfwWaitEventsTimeout(0.25);  // the loader and the export wake us sooner on progress
    } else {
      glfwWaitEvents();
    }
    const InputEvents events = window_->take_events();
    if (events.any) frames_wanted = std::max(frames_wanted, kFramesAfterInput);
    if (!events.dropped.empty()) open_files(events.dropped);
    if (take_load_outcomes()) frames_wanted = std::max(frames_wanted, 1);
    const bool loading = loader_->status().busy || (zones_ && zones_->loading());
    if (loading) frames_wanted = std::max(frames_wanted, 1);

    if (window_->should_close() || quit_requested_) {
      // A user closing the window still gets the screenshot they asked for.
      if (options_.screenshot_path && !draw_frame(events, true, *options_.screenshot_path))
        screenshot_failed = true;
      break;
    }

    // A script runs once everything has loaded; each command that changes the picture is
    // followed by a few frames, so ImGui's auto-sized windows settle before a screenshot.
    std::optional<std::string> capture_path;
    if (scripted_ && !loading) {
      if (settle_frames_ > 0) {
        --settle_frames_;
        if (settle_frames_ == 0 && pending_screenshot_) capture_path = pending_screenshot_;
      } else if (!step_script()) {
        break;
      }
      frames_wanted = std::max(frames_wanted, 1);
    }
    if (frames_wanted == 0 && !scripted) continue;

    const bool last_frame = !scripted_ && scripted && !loading &&
                            frames_after_loading + 1 >= *options_.exit_after_frames;
    if (last_frame && options_.screenshot_path) capture_path = options_.screenshot_path;
    if (!draw_frame(events, capture_path.has_value(), capture_path.value_or(""))) {
      screenshot_failed = true;
      if (scripted_) script_failed_ = true;
    }
    if (capture_path && scripted_) pending_screenshot_.reset();
    frames_wanted = std::max(0, frames_wanted - 1);
    if (scripted && !loading) ++frames_after_loading;
    if (last_frame) break;
  }

  std::printf(
      "chipao: drew %zu frames; frame time mean %.1f ms, max %.1f ms, last %.1f ms; "
      "%zu fill triangles\n",
      frame_stats_.frames(), frame_stats_.mean_ms(), frame_stats_.max_ms(), frame_stats_.last_ms(),
      last_triangles_);
  return screenshot_failed || script_failed_ ? 1 : 0;
}

void App::report(const Result<void>& outcome) {
  if (outcome) return;
  add_error(outcome.error().message);
  if (scripted_) script_failed_ = true;
}

bool App::script_waiting() {
  if (pending_ready_) {
    // A fit repeats for a few frames while the overlays settle; positions printed before
    // that would miss.
    if (fit_pending_ || refit_frames_ > 0) return true;
    std::printf("chipao: ready-for-input %s\n", pending_ready_->c_str());
    std::fflush(stdout);  // a driver reads stdout as it comes
    pending_ready_.reset();
  }
  if (project_wait_) {
    if (zones_ && !zones_->loading()) {
      project_wait_.reset();
      settle_frames_ = 4;
      return true;
    }
    if (std::chrono::steady_clock::now() > *project_wait_) {
      report(fail("wait-project: no project was opened in time; did the keys reach the window?"));
      project_wait_.reset();
      script_next_ = script_.size();
      return false;
    }
    return true;
  }
  if (edit_wait_) {
    if (zones_->session().revision() >= edit_wait_->revision) {
      edit_wait_.reset();
    } else if (std::chrono::steady_clock::now() > edit_wait_->deadline) {
      report(fail(edit_wait_->what +
                  ": the edits did not arrive in time; did the clicks reach the window?"));
      edit_wait_.reset();
      script_next_ = script_.size();
      return false;
    } else {
      return true;
    }
  }
  return false;
}

Result<void> App::print_screen_pos(const ScriptCommand& command) {
  Vec2 world;
  if (command.verb == "print-screen-pos-lonlat") {
    const auto lon_lat = parse_lon_lat(command.argument);  // checked when the script was read
    world = {lon_lat->first, lon_lat->second};
  } else if (!zones_) {
    return fail("print-screen-pos " + command.argument + " needs a project (--project P)");
  } else {
    auto point = zones_->unit_label_point(command.argument);
    if (!point) return fail("print-screen-pos " + point.error().message);
    world = *point;
  }
  // The camera works in framebuffer pixels; a driver moves the pointer in window pixels.
  const Vec2 px = map_->camera().world_to_screen(world);
  const double ratio = window_->pixel_ratio();
  const long x = std::lround(px.x / ratio), y = std::lround(px.y / ratio);
  int width = 0, height = 0;
  glfwGetWindowSize(window_->handle(), &width, &height);
  if (x < 0 || y < 0 || x >= width || y >= height)
    return fail(
        fmt::format("{} {}: the point is outside the window ({}, {}); drill or zoom so "
                    "that it shows",
                    command.verb, command.argument, x, y));
  std::printf("chipao: screen-pos %s %ld %ld\n", command.argument.c_str(), x, y);
  std::fflush(stdout);
  return {};
}

bool App::step_script() {
  constexpr int kSettleFrames = 4;
  if (script_waiting()) return true;
  while (script_next_ < script_.size()) {
    const ScriptCommand& command = script_[script_next_++];
    const std::string& arg = command.argument;
    std::printf("chipao: script line %zu: %s %s\n", command.line, command.verb.c_str(),
                arg.c_str());
    ThematicSettings settings = controller_->settings();
    if (command.verb == "wait-loaded") {
      // Scripts only run once the loader is idle; a frame lets the layers reach the GPU.
      settle_frames_ = 1;
      return true;
    } else if (command.verb == "measure") {
      report(controller_->set_measure(arg));
    } else if (command.verb == "method") {
      const auto method = parse_class_method(arg);
      if (!method) {
        report(fail("script line " + std::to_string(command.line) + ": method '" + arg +
                    "' is not quantile, jenks, equal or manual"));
      } else {
        settings.method = *method;
      }
    } else if (command.verb == "classes") {
      settings.classes = std::atoi(arg.c_str());
    } else if (command.verb == "breaks") {
      settings.manual_breaks.clear();
      for (const char* cursor = arg.c_str(); *cursor != '\0';) {
        char* end = nullptr;
        const double value = std::strtod(cursor, &end);
        if (end == cursor) {
          ++cursor;
        } else {
          settings.manual_breaks.push_back(value);
          cursor = end;
        }
      }
    } else if (command.verb == "palette") {
      const auto palette = parse_palette(arg);
      if (!palette) {
        report(fail("script line " + std::to_string(command.line) + ": no palette named '" + arg +
                    "'"));
      } else {
        settings.palette = *palette;
      }
    } else if (command.verb == "high-contrast") {
      settings.high_contrast = *parse_on_off(arg);
    } else if (command.verb == "lang") {
      language_ = arg == "en" ? Language::english : Language::thai;
      controller_->set_language(language_);
      update_title();
    } else if (command.verb == "drill") {
      report(controller_->drill_to(arg));
      fit_to(controller_->focus_extent());
    } else if (command.verb == "select") {
      report(controller_->select_code(arg));
    } else if (command.verb == "assign") {
      auto assignment = parse_assignment(arg);
      if (!assignment) {
        report(std::unexpected(assignment.error()));
      } else {
        report(controller_->assign_municipal(*assignment));
      }
    } else if (command.verb == "presentation") {
      set_presentation(*parse_on_off(arg));
    } else if (command.verb == "full-screen") {
      // What F11 does for a person: the window takes the whole monitor (a projector's mode).
      set_full_screen(window_->handle(), *parse_on_off(arg));
      fit_pending_ = true;
    } else if (command.verb == "labels") {
      settings.labels = arg == "value" ? LabelMode::value
                        : arg == "off" ? LabelMode::off
                                       : LabelMode::name;
    } else if (command.verb == "save-view") {
      controller_->set_settings(settings);
      report(save_current_view(arg));
    } else if (command.verb == "next-view" || command.verb == "prev-view") {
      controller_->set_settings(settings);
      if (!views_ || views_->views().empty()) {
        report(fail("script line " + std::to_string(command.line) + ": " + command.verb +
                    " needs a saved view (save-view NAME first)"));
      } else {
        step_view(command.verb == "next-view" ? 1 : -1);
      }
      continue;  // the view's settings stand; do not overwrite them below
    } else if (command.verb == "join-report") {
      join_report_open_ = *parse_on_off(arg);
    } else if (command.verb == "screenshot") {
      pending_screenshot_ = arg;
      settle_frames_ = kSettleFrames;
      return true;
    } else if (ZonesUi::handles_verb(command.verb)) {
      report(zones_ ? zones_->run_script(command.verb, arg, map_->camera())
                    : Result<void>(fail("script line " + std::to_string(command.line) + ": " +
                                        command.verb + " needs a project (--project P)")));
    } else if (command.verb == "print-ready") {
      pending_ready_ = arg;
      settle_frames_ = kSettleFrames;
      return true;
    } else if (command.verb == "print-screen-pos" || command.verb == "print-screen-pos-lonlat") {
      report(print_screen_pos(command));
    } else if (command.verb == "wait-edits") {
      if (!zones_) {
        report(fail("script line " + std::to_string(command.line) +
                    ": wait-edits needs a project (--project P)"));
      } else {
        const WaitEdits wait = *parse_wait_edits(arg);  // checked when the script was read
        edit_wait_ =
            EditWait{zones_->session().revision() + wait.edits,
                     std::chrono::steady_clock::now() +
                         std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                             std::chrono::duration<double>(wait.seconds)),
                     "script line " + std::to_string(command.line) + ": wait-edits " + arg};
        return true;
      }
    } else if (command.verb == "wait-project") {
      // A driver opens a project with real input (Ctrl+O, typing its path): wait for it.
      project_wait_ = std::chrono::steady_clock::now() +
                      std::chrono::seconds(std::max(1, std::atoi(arg.c_str())));
      return true;
    } else if (command.verb == "new-project-dialog") {
      new_project_.open(arg);
      settle_frames_ = 30;  // the boundary file is read on a worker
      return true;
    } else if (command.verb == "export-dialog") {
      export_dialog_.open();
      settle_frames_ = kSettleFrames;
      return true;
    } else if (command.verb == "export") {
      // The export dialog's Save, as a planner's click makes it (export FORMAT DIR).
      auto choices = export_choices_from_script(arg);
      if (!choices) {
        report(std::unexpected(choices.error()));
      } else if (!zones_) {
        report(fail("export needs a project (--project P)"));
      } else {
        auto saved = ExportDialog::export_now(zones_->session(), *choices, language_);
        if (!saved)
          report(std::unexpected(saved.error()));
        else
          std::printf("chipao: %s\n", saved->c_str());
      }
    } else if (command.verb == "drop") {
      open_files({arg});
      settle_frames_ = kSettleFrames;
      return true;
    } else if (command.verb == "quit") {
      script_next_ = script_.size();
      return false;
    }
    controller_->set_settings(settings);
  }
  return false;
}

Result<void> App::save_current_view(const std::string& name) {
  if (!views_) return fail(views_off_);
  SavedView view;
  view.name = name;
  view.lon = map_->camera().center().x;
  view.lat = map_->camera().center().y;
  view.pixels_per_degree = map_->camera().pixels_per_degree();
  // The part of the window the panels leave free: what the planner actually sees.
  const render::FitPadding padding = fit_padding();
  const render::Camera2D& camera = map_->camera();
  const Vec2 top_left = camera.screen_to_world({padding.left, padding.top});
  const Vec2 bottom_right = camera.screen_to_world(
      {camera.viewport_width() - padding.right, camera.viewport_height() - padding.bottom});
  if (bottom_right.x > top_left.x && top_left.y > bottom_right.y) {
    view.lon = (top_left.x + bottom_right.x) / 2;
    view.lat = (top_left.y + bottom_right.y) / 2;
    view.span_lon = bottom_right.x - top_left.x;
    view.span_lat = top_left.y - bottom_right.y;
  }
  view.drill = controller_->drill_path().empty() ? std::string() : controller_->drill_path().back();
  view.settings = controller_->settings();
  view.title = name;
  return views_->save_view(std::move(view));
}

void App::go_to_view(const SavedView& view) {
  report(controller_->drill_to(view.drill));
  controller_->set_settings(view.settings);
  if (view.span_lon > 0 && view.span_lat > 0) {
    Bbox extent;
    extent.expand(Vec2{view.lon - view.span_lon / 2, view.lat - view.span_lat / 2});
    extent.expand(Vec2{view.lon + view.span_lon / 2, view.lat + view.span_lat / 2});
    fit_to(extent);
  } else {
    map_->set_view({view.lon, view.lat}, view.pixels_per_degree);
  }
  fit_pending_ = false;
  view_title_ = view.title;
  view_settings_ = view.settings;
}

void App::step_view(int direction) {
  if (!views_) return;
  refresh_saved_views();
  if (const SavedView* view = views_->step(direction)) go_to_view(*view);
}

void App::update_labels() {
  MapLabelRequest request;
  const ThematicSettings& settings = controller_->settings();
  const auto layer = controller_->active_layer_index();
  if (settings.labels != LabelMode::off && layer) {
    request.layer = layer;
    request.content = settings.labels == LabelMode::value ? render::LabelContent::value
                      : language_ == Language::thai       ? render::LabelContent::name
                                                          : render::LabelContent::name_en;
    if (const std::vector<double>* values = controller_->measure_values()) request.values = *values;
    request.eligible = controller_->eligible();
    const MeasureEntry* measure = controller_->measure();
    request.decimals = measure && measure->is_rate ? 1 : 0;
    // Presentation labels grow with the rest of the interface, for the back of the room.
    request.size_px = 13.0f * ui_scale_ * (presentation_ ? std::max(1.5f, text_scale_) : 1.0f);
  }
  map_->set_labels(std::move(request));
}

void App::set_presentation(bool on) {
  presentation_ = on;
  apply_presentation_theme(on);
  // Full screen only for a person at the screen: a script keeps the window size, so its
  // screenshots compare with goldens of that size.
  if (!scripted_) set_full_screen(window_->handle(), on);
  fit_pending_ = true;
}

bool App::take_load_outcomes() {
  std::vector<LoadOutcome> outcomes = loader_->take_outcomes();
  for (LoadOutcome& outcome : outcomes) {
    if (auto* failure = std::get_if<LoadFailure>(&outcome)) {
      add_error(failure->message);
      continue;
    }
    auto& loaded = std::get<LoadedLayer>(outcome);
    std::printf(
        "chipao: loaded %s: %zu features, %zu fill triangles, %zu outline segments in %.2f s\n",
        loaded.request.c_str(), loaded.data.features.size(), loaded.mesh.fan_triangle_count(),
        loaded.mesh.outline_segment_count(), loaded.seconds);
    for (const std::string& warning : loaded.data.report.warnings) {
      std::fprintf(stderr, "chipao: warning: %s\n", warning.c_str());
    }
    for (const std::string& error : loaded.figures.errors) add_error(error);
    if (!loaded.figures.join_error.empty()) add_error(loaded.figures.join_error);
    if (loaded.figures.join) {
      const JoinReport& report = loaded.figures.join->report;
      std::printf("chipao: joined %zu tables to %s: %zu of %zu areas matched, %s\n",
                  loaded.figures.tables.size(), loaded.request.c_str(), report.matched,
                  report.boundaries, report.balanced ? "totals balance" : "TOTALS DO NOT BALANCE");
    }
    map_->add_layer(std::move(loaded));
    if (!map_->user_moved_view()) fit_pending_ = true;
  }
  bool project_layers = false;
  if (zones_) {
    // The project's layers arrive from its own worker (app/project_session.h).
    for (std::string& error : zones_->take_errors()) add_error(std::move(error));
    for (LoadedLayer& layer : zones_->take_layers()) {
      std::printf("chipao: loaded project layer %s: %zu features\n", layer.request.c_str(),
                  layer.data.features.size());
      map_->add_layer(std::move(layer));
      if (!map_->user_moved_view()) fit_pending_ = true;
      project_layers = true;
    }
  }
  bool changed_elsewhere = false;
  if (zones_) {
    // Edits another process committed (chipao-cli, another window): zones, plan, history and
    // tallies follow; saved views may have changed with them.
    if (auto caught = zones_->session().catch_up(); !caught) {
      add_error(caught.error().message);
    } else if (*caught) {
      changed_elsewhere = true;
      std::printf("chipao: took in edits made elsewhere (history %zu of %zu)\n",
                  zones_->session().history().position(), zones_->session().history().size());
      std::fflush(stdout);
      refresh_saved_views();
    }
  }
  if (!outcomes.empty() || project_layers) controller_->layers_changed();
  // --amphoe opens drilled down once everything has arrived.
  if (options_.amphoe && !initial_drill_done_ && !loader_->status().busy &&
      !map_->layers().empty()) {
    initial_drill_done_ = true;
    report(controller_->drill_to(*options_.amphoe));
    fit_pending_ = false;
    fit_to(controller_->focus_extent());
  }
  return !outcomes.empty() || project_layers || changed_elsewhere;
}

render::FitPadding App::fit_padding() const {
  const double margin = 24.0 * ui_scale_;
  const double width = map_->camera().viewport_width(), height = map_->camera().viewport_height();
  // FitPadding is left, top, right, bottom.
  render::FitPadding padding;
  if (presentation_) {
    // The map goes below the title, left of the legend and above the scale bar, where they
    // were drawn last frame (estimates before the first).
    padding = {margin, margin + 90.0 * ui_scale_ * text_scale_,
               margin + thematic_panel_width(ui_scale_), margin + 60.0 * ui_scale_ * text_scale_};
    if (!title_rect_.empty()) padding.top = title_rect_.bottom + margin * 0.5;
    if (!legend_rect_.empty()) padding.right = std::max(margin, width - legend_rect_.left + margin);
    if (!scale_bar_rect_.empty())
      padding.bottom = std::max(margin, height - scale_bar_rect_.top + margin * 0.5);
  } else {
    // The side panels, the breadcrumbs, the table.
    padding = {layer_panel_width(ui_scale_) + margin, margin + 40.0 * ui_scale_,
               margin + thematic_panel_width(ui_scale_), margin + 240.0 * ui_scale_};
  }
  // On small screens (1024x768) the panels would leave the map a sliver: let it run under
  // them rather than shrink below 45% of the window.
  if (const double sides = padding.left + padding.right; width > 0 && sides > 0.55 * width) {
    padding.left *= 0.55 * width / sides;
    padding.right *= 0.55 * width / sides;
  }
  if (const double ends = padding.top + padding.bottom; height > 0 && ends > 0.55 * height) {
    padding.top *= 0.55 * height / ends;
    padding.bottom *= 0.55 * height / ends;
  }
  return padding;
}

void App::fit_to(const Bbox& extent) {
  if (extent.empty()) return;
  fit_to_now(extent);
}

void App::fit_to_now(std::optional<Bbox> extent) {
  constexpr int kRefitFrames = 6;
  const render::FitPadding padding = fit_padding();
  if (extent) {
    map_->mutable_camera().fit(*extent, padding);
  } else {
    map_->fit_to_layers(padding);
  }
  if (extent != last_fit_extent_ || refit_frames_ == 0) refit_frames_ = kRefitFrames;
  last_fit_extent_ = extent;
  last_fit_padding_ = padding;
  last_fit_width_ = map_->camera().viewport_width();
  last_fit_height_ = map_->camera().viewport_height();
}

void App::refit_if_layout_moved() {
  if (refit_frames_ == 0) return;
  --refit_frames_;
  const render::FitPadding now = fit_padding();
  const auto moved = [](double a, double b) { return std::abs(a - b) > 1.0; };
  if (moved(now.left, last_fit_padding_.left) || moved(now.top, last_fit_padding_.top) ||
      moved(now.right, last_fit_padding_.right) || moved(now.bottom, last_fit_padding_.bottom) ||
      map_->camera().viewport_width() != last_fit_width_ ||
      map_->camera().viewport_height() != last_fit_height_) {
    fit_to_now(last_fit_extent_);
  }
}

void App::apply(const PanelActions& actions) {
  if (actions.switch_language) {
    language_ = language_ == Language::thai ? Language::english : Language::thai;
    controller_->set_language(language_);
    update_title();
  }
  if (actions.fit_view) fit_pending_ = true;
  if (actions.toggle_visibility && *actions.toggle_visibility < map_->layers().size()) {
    const std::size_t index = *actions.toggle_visibility;
    map_->set_layer_visible(index, !map_->layers()[index].style.visible);
  }
}

void App::open_files(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    const DroppedFile file = classify_dropped(path);
    std::printf("chipao: opening %s\n", path.c_str());
    switch (file.kind) {
      case DroppedKind::project:
        switch_to_project(path);
        break;
      case DroppedKind::boundaries:
        start_screen_ = false;
        request_layers({path});
        break;
      case DroppedKind::zones:
        import_zones(path);
        break;
      case DroppedKind::table:
      case DroppedKind::table_folder:
        add_error(fmt::format(
            "{}: {}", path,
            language_ == Language::thai
                ? "ตารางจะเชื่อมกับขอบเขตเมื่อสร้างโครงการ: chipao-cli project new --table"
                : "tables are joined to boundaries when a project is made: chipao-cli project "
                  "new --table"));
        break;
      case DroppedKind::unknown:
        add_error(file.reason);
        break;
    }
  }
}

// Zones from a file join the open project as one edit (undo takes them all back), as
// chipao-cli zones import does.
void App::import_zones(const std::string& path) {
  if (!zones_) {
    add_error(fmt::format("{}: {}", path,
                          language_ == Language::thai
                              ? "เปิดโครงการก่อน แล้วจึงนำเขตเข้า"
                              : "open a project first, then bring its zones in"));
    return;
  }
  LoadOptions options;
  options.require = GeometryRequirement::polygon;
  auto layer = load_boundaries(path, options);
  if (!layer) {
    add_error(layer.error().message);
    return;
  }
  std::vector<Zone> zones;
  for (const BoundaryFeature& f : layer->features) {
    if (f.geometry.empty()) continue;
    Zone z;
    z.kind = ZoneKind::drawn;
    z.polygon = f.geometry;
    z.name = !f.name_th.empty() ? f.name_th : fmt::format("zone {}", f.fid);
    zones.push_back(std::move(z));
  }
  const std::string source = std::filesystem::path(path).filename().string();
  ProjectSession& session = zones_->session();
  report(session.apply_built(
      [&](const PlanningState& now) { return make_import_zones(now, zones, source); }));
}

void App::open_demo() {
  auto folder = find_demo_layer_folder(executable_);
  if (!folder) {
    add_error(folder.error().message);
    return;
  }
  std::vector<std::string> missing;
  start_screen_ = false;
  request_layers(demo_descriptor_paths(*folder, missing));
  for (const std::string& m : missing) add_error("demo layer descriptor missing: " + m);
}

void App::draw_menu_bar() {
  const bool thai = language_ == Language::thai;
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu(thai ? "แฟ้ม" : "File")) {
    if (ImGui::MenuItem(thai ? "สร้างโครงการใหม่…" : "New project…", "Ctrl+N")) new_project_.open();
    if (ImGui::MenuItem(thai ? "เปิด…" : "Open…", "Ctrl+O")) browser_.open();
    if (ImGui::MenuItem(thai ? "เปิดจังหวัดตัวอย่าง" : "Open the demo province")) open_demo();
    if (ImGui::BeginMenu(thai ? "เปิดล่าสุด" : "Open recent",
                         recent_ && !recent_->entries().empty())) {
      for (const RecentProject& p : recent_->entries())
        if (ImGui::MenuItem(std::filesystem::path(p.path).stem().string().c_str()))
          switch_to_project(p.path);
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(thai ? "ส่งออกแผนและพิมพ์…" : "Export plan and print…", "Ctrl+E", false,
                        zones_ != nullptr))
      export_dialog_.open();
    ImGui::Separator();
    if (ImGui::MenuItem(thai ? "ออก" : "Quit", "Ctrl+Q")) quit_requested_ = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(thai ? "มุมมอง" : "View")) {
    if (ImGui::MenuItem(thai ? "นำเสนอ" : "Presentation", "F5")) set_presentation(true);
    if (ImGui::MenuItem(thai ? "English" : "ภาษาไทย")) {
      language_ = thai ? Language::english : Language::thai;
      controller_->set_language(language_);
      update_title();
    }
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void App::draw_panels() {
  const float scale = ui_scale_;
  if (!presentation_) draw_menu_bar();
  // The start screen stands alone until something is opened.
  if (start_screen_ && !presentation_ && map_->layers().empty() && !zones_ &&
      !loader_->status().busy) {
    // Under a dialog it opened, the start screen steps aside.
    const StartActions start = new_project_.is_open() || browser_.is_open()
                                   ? StartActions{}
                                   : draw_start_screen(*recent_or_empty(), language_, scale);
    if (start.open_dialog) browser_.open();
    if (start.new_project) new_project_.open();
    if (start.open_demo) open_demo();
    if (start.open_project) open_files({*start.open_project});
    if (start.forget && recent_) report(recent_->remove(*start.forget));
    if (const auto chosen = browser_.draw(language_, scale)) open_files({*chosen});
    if (new_project_.is_open())
      if (const auto created = new_project_.draw(language_, scale)) switch_to_project(*created);
    return;
  }
  if (!presentation_) {
    // Scripted runs leave the frame time out: it changes from run to run, and their
    // screenshots are compared with goldens.
    const PanelState panel{map_->layers(),
                           loader_->status(),
                           errors_,
                           imgui_->font_warning(),
                           show_frame_stats_ ? &frame_stats_ : nullptr,
                           last_triangles_,
                           language_};
    apply(draw_layer_panel(panel, scale));
    if (ImGui::GetIO().DisplaySize.x > 0) {
      const DrillActions drill = drill_panel_.draw(*controller_, language_, scale,
                                                   layer_panel_width(scale) + 10.0f * scale);
      if (drill.drill_to) {
        report(controller_->drill_to(*drill.drill_to));
        fit_to(controller_->focus_extent());
      }
      const AttributeTableActions table =
          table_.draw(*controller_, language_, scale, layer_panel_width(scale) + 10.0f * scale,
                      thematic_panel_width(scale) + 10.0f * scale);
      if (table.select) {
        controller_->select_feature(table.select);
        if (table.fit_selection) fit_to(controller_->selected_extent());
      }
      const InspectActions inspect = draw_inspect_panel(*controller_, language_, scale);
      if (inspect.close) controller_->select_feature(std::nullopt);
      if (inspect.fit_selection) fit_to(controller_->selected_extent());
      if (inspect.select_code) report(controller_->select_code(*inspect.select_code));
    }
    if (ImGui::Begin("###panel")) {
      // Appended to the layer panel: the join report opens in its own window.
      if (ImGui::Button(text(TextId::join_report, language_))) join_report_open_ = true;
      ImGui::SameLine();
      if (ImGui::Button(text(TextId::presentation_button, language_))) set_presentation(true);
    }
    refresh_saved_views();
    if (views_) {
      const ViewsActions views =
          views_panel_.draw(*views_, language_, scale,
                            views_->unused_name(language_ == Language::thai ? "มุมมอง" : "View"));
      if (views.save) report(save_current_view(*views.save));
      if (views.go_to && *views.go_to < views_->views().size())
        go_to_view(views_->views()[*views.go_to]);
      if (views.rename) report(views_->rename(views.rename->first, views.rename->second));
      if (views.remove) report(views_->remove(*views.remove));
    }
    layer_panel_bottom_ = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
  } else {
    // A saved view's title stands while its settings do; changing the map drops it.
    if (controller_->settings() != view_settings_) view_title_.clear();
    title_rect_ = draw_presentation_title(*controller_, language_, scale, view_title_);
  }
  const float screen_width = ImGui::GetIO().DisplaySize.x;
  legend_rect_ = draw_thematic_panel(*controller_, language_,
                                     {scale, presentation_, text_scale_, 0.45f * screen_width});
  if (zones_) {
    zones_->draw_overlay(map_->camera());
    if (!presentation_) zones_->draw_panels(language_, scale, layer_panel_bottom_);
  }
  if (join_report_open_) {
    const JoinReportActions join = draw_join_report(*controller_, language_, &join_report_open_);
    if (join.assign) report(controller_->assign_municipal(*join.assign));
  }
  draw_assignment_markers(*controller_, map_->camera(), scale * text_scale_);
  scale_bar_rect_ =
      draw_scale_bar(map_->camera(), scale * (presentation_ ? text_scale_ * 1.2f : 1.0f),
                     presentation_ ? 16.0f * scale : 240.0f * scale,
                     presentation_ ? 16.0f * scale : layer_panel_width(scale) + 16.0f * scale);
  draw_hover_tooltip(*controller_, language_);
  if (zones_ && export_dialog_.is_open()) export_dialog_.draw(zones_->session(), language_, scale);
  if (new_project_.is_open())
    if (const auto created = new_project_.draw(language_, scale)) switch_to_project(*created);
  if (const auto chosen = browser_.draw(language_, scale)) open_files({*chosen});
}

void App::update_hover(const MouseInput& mouse) {
  // The area under the cursor in the layer shown, unless a panel has the mouse.
  const MapLayer* layer = controller_->active_layer();
  if (layer && !mouse.over_panel) {
    const Vec2 world = map_->camera().screen_to_world({mouse.x_px, mouse.y_px});
    controller_->set_hovered(pick_feature(layer->data, world, &controller_->eligible()));
  } else {
    controller_->set_hovered(std::nullopt);
  }
}

void App::handle_map_input(const MouseInput& mouse) {
  update_hover(mouse);
  const MapLayer* layer = controller_->active_layer();
  // A click (press and release without dragging) selects; a drag pans (MapView).
  if (mouse.left_pressed && !mouse.over_panel) {
    pressed_on_map_ = true;
    press_x_ = mouse.x_px;
    press_y_ = mouse.y_px;
  }
  if (pressed_on_map_ && !mouse.left_down) {
    pressed_on_map_ = false;
    const double moved = std::hypot(mouse.x_px - press_x_, mouse.y_px - press_y_);
    if (moved < 4.0 && layer) controller_->select_feature(controller_->hovered());
  }
}

void App::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  if (zones_) zones_->handle_keys(map_->camera());
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) browser_.open();
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_N, false)) new_project_.open();
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) quit_requested_ = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_E, false) && zones_) export_dialog_.open();
  if (ImGui::IsKeyPressed(GLFW_KEY_F5, false) || ImGui::IsKeyPressed(GLFW_KEY_F11, false))
    set_presentation(!presentation_);
  if (presentation_ && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) set_presentation(false);
  if (!presentation_ && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false))
    controller_->select_feature(std::nullopt);
  // Keyboard navigation: arrows pan by a tenth of the view, + and - zoom at the centre.
  const double step_x = map_->camera().viewport_width() * 0.1;
  const double step_y = map_->camera().viewport_height() * 0.1;
  const auto pan = [&](double dx, double dy) { map_->mutable_camera().pan_by_pixels(dx, dy); };
  if (presentation_) {
    // Presenting, Left/Right step through the saved views and Ctrl+S saves one.
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, false)) step_view(-1);
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, false)) step_view(1);
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_S, false) && views_)
      report(
          save_current_view(views_->unused_name(language_ == Language::thai ? "มุมมอง" : "View")));
  } else {
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) pan(step_x, 0);
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) pan(-step_x, 0);
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_UP)) pan(0, step_y);
  if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) pan(0, -step_y);
  const Vec2 centre{map_->camera().viewport_width() * 0.5, map_->camera().viewport_height() * 0.5};
  if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
    map_->mutable_camera().zoom_at(centre, 1.25);
  if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
    map_->mutable_camera().zoom_at(centre, 1.0 / 1.25);
}

bool App::draw_frame(const InputEvents& events, bool capture, const std::string& capture_path) {
  const auto started = std::chrono::steady_clock::now();
  int width = 0, height = 0;
  window_->framebuffer_size(width, height);
  map_->set_viewport(width, height);

  text_scale_ =
      presentation_ ? presentation_font_scale(ui_scale_, static_cast<float>(height)) : 1.0f;
  imgui_->set_text_scale(text_scale_);
  imgui_->begin_frame();
  draw_panels();
  handle_keys();

  MouseInput mouse;
  window_->cursor_position_px(mouse.x_px, mouse.y_px);
  mouse.left_down = window_->left_button_down();
  mouse.left_pressed = events.left_pressed;
  mouse.scroll_y = events.scroll_y;
  mouse.over_panel = imgui_->wants_mouse();
  // An active zone tool takes the left button: the map then only zooms with the wheel.
  if (zones_ && zones_->handle_mouse(mouse, map_->camera())) {
    MouseInput wheel_only = mouse;
    wheel_only.left_down = wheel_only.left_pressed = false;
    map_->handle_mouse(wheel_only);
    // The tooltip follows the pointer while painting or drawing: it names the unit under it.
    update_hover(mouse);
  } else {
    map_->handle_mouse(mouse);
    handle_map_input(mouse);
  }
  if (fit_pending_) {
    // The whole map, or the drilled-down area when there is one.
    if (controller_->drill_path().empty()) {
      fit_to_now(std::nullopt);
    } else {
      fit_to(controller_->focus_extent());
    }
    fit_pending_ = false;
  } else {
    refit_if_layout_moved();
  }
  controller_->sync();
  update_labels();

  render::OffscreenTarget::bind_window();
  last_triangles_ = map_->draw(kBackground).fan_triangles;
  imgui_->render();

  // One check after the first frame catches a driver that rejects our GL state, without
  // paying for glGetError on every frame.
  if (frame_stats_.frames() == 0) {
    if (const std::string errors = render::take_gl_errors(); !errors.empty()) {
      std::fprintf(stderr, "chipao: OpenGL reported %s while drawing the first frame\n",
                   errors.c_str());
    }
  }
  bool ok = true;
  if (capture) ok = save_screenshot(capture_path, width, height);
  window_->swap_buffers();
  frame_stats_.record(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
          .count());
  return ok;
}

bool App::save_screenshot(const std::string& path, int width, int height) {
  // Read the back buffer before the swap: after it, its content is undefined.
  glReadBuffer(GL_BACK);
  render::RgbaImage image = render::read_framebuffer(0, 0, width, height);
  render::make_opaque(image);
  auto written = render::write_png(path, image);
  if (!written) {
    add_error(written.error().message);
    return false;
  }
  std::printf("chipao: saved screenshot %s (%dx%d)\n", path.c_str(), width, height);
  return true;
}

// Where the layers come from: --layer arguments, then the demo descriptors when asked for.
std::vector<std::string> initial_layers(const AppOptions& options,
                                        const std::filesystem::path& executable,
                                        std::vector<std::string>& errors) {
  std::vector<std::string> paths = options.layers;
  if (!options.demo) return paths;
  auto folder = find_demo_layer_folder(executable);
  if (!folder) {
    errors.push_back(folder.error().message);
    return paths;
  }
  std::vector<std::string> missing;
  for (std::string& path : demo_descriptor_paths(*folder, missing))
    paths.push_back(std::move(path));
  for (const std::string& path : missing) {
    errors.push_back("demo layer descriptor missing: " + path);
  }
  return paths;
}

}  // namespace

int run_app(const AppOptions& options, const std::filesystem::path& executable) {
  auto glfw = GlfwLibrary::init();
  if (!glfw) {
    std::fprintf(stderr, "chipao: %s\n", glfw.error().message.c_str());
    return 1;
  }
  const auto [width, height] = options.size_given
                                   ? std::pair{options.width, options.height}
                                   : fit_window_to_screen(options.width, options.height);
  auto window = Window::create({width, height, "ChiPao", true});
  if (!window) {
    std::fprintf(stderr, "chipao: %s\n", window.error().message.c_str());
    return 1;
  }
  float scale_x = 1.0f, scale_y = 1.0f;
  glfwGetWindowContentScale((*window)->handle(), &scale_x, &scale_y);
  const float ui_scale = std::clamp(scale_y, 1.0f, 4.0f);

  auto imgui = ImGuiSession::create((*window)->handle(), ui_scale);
  if (!imgui) {
    std::fprintf(stderr, "chipao: %s\n", imgui.error().message.c_str());
    return 1;
  }
  auto renderer = render::MapRenderer::create();
  if (!renderer) {
    std::fprintf(stderr, "chipao: %s\n", renderer.error().message.c_str());
    return 1;
  }
  auto map = std::make_unique<MapView>(std::move(*renderer));
  // Map labels need a Thai font; without one the map is drawn unlabelled and says why.
  std::string label_error;
  if (auto fonts = render::FontSet::load_default(); !fonts) {
    label_error = "map labels are off: " + fonts.error().message;
  } else if (auto text = render::TextRenderer::create(*fonts); !text) {
    label_error = "map labels are off: " + text.error().message;
  } else {
    map->set_text_renderer(std::make_unique<render::TextRenderer>(std::move(*text)));
  }
  App app(options, std::move(*glfw), std::move(*window), std::move(*imgui), std::move(map),
          ui_scale);
  if (!label_error.empty()) app.add_error(label_error);

  if (options.script) {
    auto script = read_script(*options.script);
    if (!script) {
      std::fprintf(stderr, "chipao: %s\n", script.error().message.c_str());
      return 2;
    }
    app.set_script(std::move(*script));
  }
  std::vector<std::string> errors;
  app.set_executable(executable);
  if (options.project) app.open_project(*options.project);
  app.load_saved_views();  // the project's own when there is one
  app.request_layers(initial_layers(options, executable, errors));
  if (!options.files.empty()) app.open_files(options.files);
  for (std::string& error : errors) app.add_error(std::move(error));
  return app.run();
}

}  // namespace chipao::app
