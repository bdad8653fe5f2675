// What the New project dialog holds and decides, without ImGui (tested on the CPU): the
// planner's choices, the LoadOptions and ProjectSources they make, the default project path,
// files and folders added by path (classify_dropped), what the reader understood of the
// boundary file and what the join found, as lines in Thai or English, and why Create cannot
// run yet.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/ui_text.h"
#include "core/store/project_create.h"

namespace chipao::app {

enum class EncodingChoice { detect, utf8, cp874 };

struct NewProjectChoices {
  std::string boundary_path;
  std::optional<AdminLevel> level;  // nullopt: as detected
  std::string code_fields;          // empty: as detected; "TAM_CODE" or "P,A,T" (composite)
  EncodingChoice encoding = EncodingChoice::detect;
  std::string crs;  // empty: from .prj, else guessed; e.g. "EPSG:24047"
  std::vector<std::string> tables;
  std::set<std::string> assigned;  // municipal codes whose suggested tambons are ticked
  std::string project_path;
  bool replace_existing = false;
};

// What a boundary load read, kept small (the layer itself is not kept): the dialog's summary.
struct LoadedPreview {
  SourceDescription source;
  std::size_t features = 0;
  std::size_t bad_codes = 0, fixed_codes = 0, duplicates = 0, repaired = 0, empty = 0;
  std::vector<std::string> warnings;
  std::optional<JoinReport> join;  // when tables were given
};
LoadedPreview preview_of(const ProjectContents& contents);

LoadOptions load_options(const NewProjectChoices& choices);
// The sources for a load: with the ticked suggestions of `report` (when given) as assignments.
ProjectSources project_sources(const NewProjectChoices& choices,
                               const JoinReport* report = nullptr);
// Everything a boundary load depends on, to tell when the preview must be loaded again.
std::string load_key(const NewProjectChoices& choices);

// Sets the boundary file; the project path follows it while the planner has not typed one.
void set_boundary(NewProjectChoices& choices, const std::string& path);
// A file or folder added by the planner (Browse…, typed, dropped): boundaries set the
// boundary file, a table or a folder of tables adds tables (once each). Returns what was done,
// or why nothing was, in `language`.
std::string add_path(NewProjectChoices& choices, const std::string& path, Language language);

// Why Create cannot run: no boundary file, no project path, a taken name. Empty: it can.
std::vector<std::string> create_problems(const NewProjectChoices& choices, Language language);

// "label: value" lines of what the reader understood (level, code field, names, encoding,
// CRS, features, bad and fixed codes, repaired geometries) and of the join.
std::vector<std::string> layer_summary(const LoadedPreview& preview, Language language);
std::vector<std::string> join_summary(const JoinReport& report, Language language);

const char* level_text(AdminLevel level, Language language);
const char* encoding_choice_text(EncodingChoice choice, Language language);

}  // namespace chipao::app
