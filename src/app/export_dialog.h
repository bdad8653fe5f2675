// The app's export dialog (issue 11): the plan written for partners and other GIS, and the
// printable plan sheet, from the window instead of chipao-cli export — and through the same
// core operation (core/plan/export_project.h), so both faces write the same files.
//
// It offers the format (shapefile in UTF-8 or CP874, GeoPackage, CSV), the rule for drawn zones
// (centroid or area; the session's rule at first), the small-count threshold (the project's
// setting at first), the output folder (~/ChiPao exports/<project>, created when missing) and
// the plan sheet (none, PDF or PNG). A chosen sheet is previewed in the dialog before saving:
// drawn by core's plan sheet code into an image on a worker thread and shown as a texture,
// redrawn when the rule, the threshold or the project changes. Save runs the export on a
// worker thread with a progress bar and Cancel (a cancelled export writes nothing). The
// outcome stays in the dialog: where the files went and how many, or the core's one line.
//
// Precondition: draw() and the destructor run on the UI thread with the GL context current
// (the preview is a texture); destroy the dialog before the window.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "app/export_choices.h"
#include "app/export_job.h"
#include "app/project_session.h"
#include "app/sheet_texture.h"
#include "app/ui_text.h"

namespace chipao::app {

class ExportDialog {
 public:
  // `wake_ui` is called from the worker when an export or a preview ends (glfwPostEmptyEvent),
  // so a waiting event loop draws the outcome; may be empty.
  explicit ExportDialog(std::function<void()> wake_ui = {}) : job_(std::move(wake_ui)) {}

  void open() { open_ = true; }
  // Presets the dialog's choices (a script, a test, the app remembering the last export); the
  // next draw() applies them over the project's defaults.
  void preset(const ExportChoices& choices) { preset_ = choices; }
  bool is_open() const { return open_; }
  // Every frame while open, inside an ImGui frame; never waits for the worker. Closing the
  // window leaves a running export to finish; its outcome is shown when the dialog reopens.
  void draw(ProjectSession& session, Language language, float scale);
  // A worker runs: the app should keep frames coming (e.g. glfwWaitEventsTimeout) so the
  // progress bar moves.
  bool busy() const { return job_.running(); }

  // The preview shown now, in pixels (0 x 0 while none is); for tests.
  std::pair<int, int> preview_size() const { return {preview_.width(), preview_.height()}; }

  // The dialog's Save, synchronously, for scripts and tests (the app's script verb
  // "export FORMAT DIR", see export_choices_from_script()): the same export_project() call as
  // the worker makes and chipao-cli export makes. Returns the success line the dialog shows
  // ("Saved 8 files in DIR"), or the core's one-line error.
  static Result<std::string> export_now(ProjectSession& session, const ExportChoices& choices,
                                        Language language = Language::english);

  // The preview's width in pixels (A4 at 100 dpi); its height keeps A4's proportions.
  static constexpr int kPreviewWidthPx = 827;
  // The sheet preview for `choices`, synchronously (tests): what the dialog uploads.
  static Result<SheetImage> preview_now(const ProjectSession& session,
                                        const ExportChoices& choices);

 private:
  // What a preview was drawn for; another value means it must be drawn again.
  struct PreviewKey {
    TallyRule rule = TallyRule::centroid;
    int suppress_below = 0;
    int revision = 0;
    bool operator==(const PreviewKey&) const = default;
  };

  void reset_for(const ProjectSession& session);
  void take_outcome();
  void draw_choices(const ProjectSession& session, Language language);
  void draw_preview(const ProjectSession& session, Language language, float scale);
  void draw_actions(const ProjectSession& session, Language language, float scale);
  ExportChoices current_choices() const;

  bool open_ = false;
  std::string project_;  // the project the choices were set up for
  ExportChoices choices_;
  std::optional<ExportChoices> preset_;
  int suppress_below_ = 3;
  char folder_[4096] = {};
  ExportJob job_;
  bool exporting_ = false;  // the job running is an export (else a preview)
  std::optional<ExportOutcome> last_export_;
  SheetTexture preview_;
  std::optional<PreviewKey> previewed_;  // what preview_ (or preview_error_) shows
  std::optional<PreviewKey> drawing_;    // what the worker is drawing
  std::string preview_error_;
};

}  // namespace chipao::app
