// Making a new project file (issue 11): the one operation behind `chipao-cli project new` and
// the app's New project dialog, so both write the same file from the same inputs.
//
// A project is built beside its target (P.tmp) and renamed into place when complete: a
// half-built project never carries the target's name, and an existing project stays intact
// until the new one is whole. Replacing an existing file is allowed only when asked (force),
// only for a ChiPao project, and only while no other program has it open.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/stats/measure_table.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace chipao {

// What a project is made of, already read: the boundary layer, the tables as parsed, their
// join (absent when the project is made from boundaries alone) and the municipal assignments
// the join was made with (kept in the project's state).
struct ProjectContents {
  BoundaryLayer layer;
  std::vector<MeasureTable> tables;
  std::optional<JoinResult> joined;
  std::vector<MunicipalAssignment> assignments;
};

// Where the contents come from, for callers that have paths rather than loaded data (the app).
struct ProjectSources {
  std::string boundary_path;
  LoadOptions load;  // its progress is replaced by the one given to the loader
  std::vector<std::string> table_paths;
  MeasureTableOptions table_options;
  std::vector<MunicipalAssignment> assignments;
};

// Reads the boundaries and the tables and joins them (no join when there are no tables).
// Progress runs 0..1 over the whole; a cancelled load fails with "cancelled".
Result<ProjectContents> load_project_contents(const ProjectSources& sources,
                                              const Progress& progress = {});

// Why a project may not be written at a path.
enum class ProjectTarget {
  free,            // nothing there, or a project that force may replace
  exists,          // something is there and force was not given
  not_a_project,   // force replaces only ChiPao projects
  unreadable,      // cannot tell what it is
  open_elsewhere,  // a project another ChiPao program has open
};
ProjectTarget check_project_target(const std::string& path, bool force);
// The refusal as `chipao-cli project new` prints it ("P already exists; give --force ...").
std::string project_target_message(ProjectTarget target, const std::string& path);
// check_project_target() as a Result carrying that message.
Result<void> may_create_project_at(const std::string& path, bool force);

// The project's layer name: the level when known ("tambon"), else "layer".
std::string project_layer_name(const BoundaryLayer& layer);

// "<folder>/<stem>.chipao" beside a boundary file: where a new project goes by default.
std::string default_project_path(const std::string& boundary_path);

struct CreatedProject {
  std::string path;
  std::string layer_name;
  std::size_t features = 0;
  std::size_t columns = 0;
  std::string join_report_json;       // "{}" when nothing was joined
  std::vector<std::string> warnings;  // the join's warnings, one line each
};

// Writes `contents` as a new project at `path` (through path + ".tmp"). Checks the target
// before writing and again just before the rename (another program may have opened it
// meanwhile). On any failure nothing is left behind and an existing project is unchanged.
// Progress runs 0..1; cancelling stops before the rename and leaves nothing.
Result<CreatedProject> create_project(const std::string& path, ProjectContents contents, bool force,
                                      const Progress& progress = {});
// Loads (load_project_contents) and creates, progress over both.
Result<CreatedProject> create_project(const std::string& path, const ProjectSources& sources,
                                      bool force, const Progress& progress = {});

}  // namespace chipao
