#include "app/new_project_job.h"

#include <utility>

namespace chipao::app {

bool NewProjectJob::start_load(const NewProjectChoices& choices) {
  // The preview joins without assignments: its suggestions are what the planner ticks.
  return job_.start([sources = project_sources(choices), key = load_key(choices),
                     this](const Progress& progress) {
    NewProjectOutcome outcome;
    outcome.key = key;
    auto contents = load_project_contents(sources, progress);
    outcome.cancelled = !contents && cancelling();
    if (contents)
      outcome.loaded = preview_of(*contents);
    else
      outcome.loaded = std::unexpected(contents.error());
    return outcome;
  });
}

bool NewProjectJob::start_create(const std::string& path, const ProjectSources& sources,
                                 bool force) {
  return job_.start([path, sources, force, this](const Progress& progress) {
    NewProjectOutcome outcome;
    outcome.created = create_project(path, sources, force, progress);
    outcome.cancelled = !*outcome.created && cancelling();
    return outcome;
  });
}

}  // namespace chipao::app
